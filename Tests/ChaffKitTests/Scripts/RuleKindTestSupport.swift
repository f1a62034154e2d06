@testable import ChaffEngine
@testable import ChaffKinds

/// Loads a rule of `kind` with `options` (a JSON object) and `message`, as a rule file would.
func loadRule(kind: String, message: String, options: String = "{}") throws -> Rule {
    let json = """
        {"id": "\(kind)", "kind": "\(kind)", "summary": "S.", "description": "D.",
         "message": "\(message)", "options": \(options),
         "examples": {"valid": [], "invalid": []}}
        """
    return try RuleLoader.load(path: "\(kind).json", fileStem: kind, bytes: Array(json.utf8))
}

/// The diagnostics of `rule` on plain text.
func lint(_ rule: Rule, _ text: String) -> [Diagnostic] {
    let document = DocumentMaker.document(path: "t.txt", source: Array(text.utf8), format: "text")
    return Linter(rules: [ActiveRule(rule)]).lint(document)
}
