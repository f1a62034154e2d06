import Foundation

@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// A decoded text whose bytes are its own file bytes at `offset` (no escapes).
func plainText(_ string: String, at offset: Int = 0) -> LocalizedText {
    var text = LocalizedText(emptyAt: offset)
    text.bytes = Array(string.utf8)
    text.origins = (0..<text.bytes.count).map { (offset + $0)..<(offset + $0 + 1) }
    text.span = offset..<(offset + text.bytes.count)
    return text
}

/// The shipped rules `ids` (`rules/<id>.json`).
func shippedRules(_ ids: [String]) throws -> [ActiveRule] {
    try ids.map { id in
        let path = PackageRoot.path + "/rules/\(id).json"
        let bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
        return ActiveRule(try RuleLoader.load(path: path, fileStem: id, bytes: bytes))
    }
}

/// `line:column-endLine:endColumn rule match` of every finding of `rules` on `source` read from
/// `path`, with columns in `unit`, in report order.
func localizationFindings(_ ids: [String], _ source: String, path: String, unit: ColumnUnit = .scalar) throws -> [String] {
    let document = DocumentMaker.document(path: path, source: Array(source.utf8), format: DocumentMaker.format(forPath: path))
    return try Linter(rules: shippedRules(ids), columnUnit: unit).lint(document).sorted(by: Diagnostic.reportOrder).map {
        "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.ruleID) \($0.matchedText)"
    }
}

/// Every rule id of the parity family.
let parityRules = [
    "translation-placeholder-missing", "translation-placeholder-extra", "translation-placeholder-changed",
    "translation-placeholder-reordered",
]
