import Foundation

@testable import ChaffEngine
@testable import ChaffKinds

/// `line:column match` of every finding of the shipped rule `rules/<rule>.json` on `source`,
/// read as `format` (`text`, `markdown`, `html`, `rst`).
func shippedRuleFindings(_ rule: String, _ source: String, format: String) throws -> [String] {
    let path = PackageRoot.path + "/rules/\(rule).json"
    let bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
    let loaded = try RuleLoader.load(path: path, fileStem: rule, bytes: bytes)
    let document = DocumentMaker.document(path: "a.\(format)", source: Array(source.utf8), format: format)
    return Linter(rules: [ActiveRule(loaded)]).lint(document).map { "\($0.line):\($0.column) \($0.matchedText)" }
}
