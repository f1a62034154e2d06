import Foundation

@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// The shipped rule `rules/<id>.json`, with `options` (a JSON object) over its own.
func typographyRule(_ id: String, options: String = "{}") throws -> Rule {
    let path = PackageRoot.path + "/rules/\(id).json"
    let bytes = Array(FileManager.default.contents(atPath: path) ?? Data())
    let rule = try RuleLoader.load(path: path, fileStem: id, bytes: bytes)
    return try rule.configured(options: try JSONParser.parse(Array(options.utf8)), path: "options.\(id)")
}

/// What `rules` report on `text` read as `format`, as `line:column` with the fix in quotes,
/// and the text after applying every fix until none is left (as `chaff fix` does).
func typography(_ rules: [Rule], _ text: String, format: String = "text") -> (findings: [String], fixed: String) {
    let linter = Linter(rules: rules.map { ActiveRule($0) })
    let extensions = ["text": "txt", "markdown": "md", "html": "html", "rst": "rst"]
    let path = "a.\(extensions[format] ?? format)"
    var bytes = Array(text.utf8)
    var diagnostics = linter.lint(DocumentMaker.document(path: path, source: bytes, format: format))
    let findings = diagnostics.map { "\($0.line):\($0.column) '\($0.fix ?? "-")'" }
    for _ in 0..<10 {
        let (next, applied) = FixApplier.apply(diagnostics, to: bytes)
        if applied == 0 || next == bytes { break }
        bytes = next
        diagnostics = linter.lint(DocumentMaker.document(path: path, source: bytes, format: format))
    }
    return (findings, String(decoding: bytes, as: UTF8.self))
}

/// The text `rules` leave after fixing `text`.
func typographyFixed(_ rules: [Rule], _ text: String, format: String = "text") -> String {
    typography(rules, text, format: format).fixed
}

/// The rules of a preset, configured as the preset sets them.
func presetRules(_ name: String) throws -> [Rule] {
    try TypographyPresets.entries(of: name)!.map { try typographyRule($0.rule, options: $0.options) }
}
