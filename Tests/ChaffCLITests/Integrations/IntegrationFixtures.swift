import Foundation

/// Rule files and text shared by the integration tests: one rule per severity, messages with
/// colons and brackets, and a finding after CJK and astral text so every column unit differs.
enum IntegrationFixtures {
    /// "𠀀" is 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar; "中文" 6 bytes, 2 units, 2 scalars.
    static let text = "第一行\n中文𠀀 {{ name }} 和 %s\n"

    /// An error rule whose message has colons and whose rule has a helpUri.
    static let errorRule = """
        {
          "id": "test-claim-error",
          "kind": "pattern",
          "severity": "error",
          "summary": "An unsourced claim.",
          "description": "Used by the integration tests.",
          "message": "Claim: '{match}' needs a source: cite it",
          "helpUri": "https://example.com/rules#claim",
          "options": {"phrases": ["据说"]},
          "examples": {"invalid": ["↓据说如此"], "valid": ["如此"]}
        }
        """

    /// A note rule whose message ends in brackets that are not the rule id.
    static let noteRule = """
        {
          "id": "test-hedge-note",
          "kind": "pattern",
          "severity": "note",
          "summary": "A hedge.",
          "description": "Used by the integration tests.",
          "message": "Hedge: '{match}' [unsourced]",
          "options": {"phrases": ["有报道称"]},
          "examples": {"invalid": ["↓有报道称如此"], "valid": ["如此"]}
        }
        """

    /// A scratch folder with `rules/` holding both test rules.
    static func scratchWithRules() -> Scratch {
        let scratch = Scratch()
        scratch.write("rules/test-claim-error.json", errorRule)
        scratch.write("rules/test-hedge-note.json", noteRule)
        return scratch
    }
}
