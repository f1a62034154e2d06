import Testing

@testable import ChaffEngine

/// The builder reuses the message of the diagnostic before when the rule and the arguments
/// repeat; every message must still be the one its own finding renders.
@Suite struct DiagnosticBuilderTests {
    /// A builder for one short text of ASCII and Chinese words, columns counted in scalars.
    static func builder() -> DiagnosticBuilder {
        let document = DocumentMaker.document(path: "a.txt", source: Array("ab 中文 cd 中文 ab".utf8), format: "text")
        return DiagnosticBuilder(document: document, unit: .scalar)
    }

    /// A template with `{expected}` and `{match}`.
    static func template(_ text: String) throws -> MessageTemplate { try MessageTemplate(text, allowed: ["expected", "match"]) }

    @Test func repeatedArgumentsReuseTheMessageAndNothingElse() throws {
        var builder = Self.builder()
        let expected = try Self.template("Use '{expected}'")
        let other = try Self.template("Other '{expected}'")
        let showsMatch = try Self.template("'{match}': use '{expected}'")
        // Same rule and arguments twice, other arguments, another rule with the same arguments,
        // and a template that shows the match, whose message changes with it.
        let cases: [(MessageTemplate, String, Range<Int>, [String: String], String)] = [
            (expected, "r", 0..<2, ["expected": "x"], "Use 'x'"),
            (expected, "r", 10..<12, ["expected": "x"], "Use 'x'"),
            (expected, "r", 10..<12, ["expected": "y"], "Use 'y'"),
            (other, "s", 0..<2, ["expected": "y"], "Other 'y'"),
            (showsMatch, "t", 0..<2, ["expected": "y"], "'ab': use 'y'"),
            (showsMatch, "t", 10..<12, ["expected": "y"], "'cd': use 'y'"),
            (showsMatch, "t", 10..<12, [:], "'cd': use ''"),
        ]
        for (template, ruleID, range, arguments, message) in cases {
            let finding = Finding(range: range, arguments: arguments)
            let diagnostic = builder.diagnostic(finding, ruleID: ruleID, message: template, severity: .warning)
            #expect(diagnostic.message == message, "\(ruleID) \(range) \(arguments)")
            #expect(diagnostic.ruleID == ruleID)
            #expect(diagnostic.column == (range.lowerBound == 0 ? 1 : 7))
        }
    }

    /// A rule that reports the same text again gets the message made for it the first time
    /// only when the template and the arguments are the same; the occurrence still counts.
    @Test func aRepeatedMatchReusesItsMessageOnlyForTheSameArguments() throws {
        var builder = Self.builder()
        let showsMatch = try Self.template("'{match}': use '{expected}'")
        let reworded = try Self.template("'{match}' → '{expected}'")
        let shared = ["expected": "y"]
        let cases: [(MessageTemplate, String, Range<Int>, [String: String], String, Int)] = [
            (showsMatch, "t", 0..<2, shared, "'ab': use 'y'", 1),
            (showsMatch, "t", 20..<22, shared, "'ab': use 'y'", 13),
            (showsMatch, "t", 20..<22, ["expected": "z"], "'ab': use 'z'", 13),
            (showsMatch, "t", 0..<2, ["expected": "y"], "'ab': use 'y'", 1),
            (reworded, "t", 0..<2, shared, "'ab' → 'y'", 1),
            (showsMatch, "u", 3..<9, shared, "'中文': use 'y'", 4),
            (showsMatch, "u", 13..<19, [:], "'中文': use ''", 10),
        ]
        var fingerprints: Set<String> = []
        for (template, ruleID, range, arguments, message, column) in cases {
            let finding = Finding(range: range, arguments: arguments)
            let diagnostic = builder.diagnostic(finding, ruleID: ruleID, message: template, severity: .warning)
            #expect(diagnostic.message == message, "\(ruleID) \(range) \(arguments)")
            #expect(diagnostic.column == column)
            fingerprints.insert(diagnostic.fingerprint)
        }
        // Every diagnostic is a further occurrence of its rule and text: none shares a fingerprint.
        #expect(fingerprints.count == cases.count)
    }
}
