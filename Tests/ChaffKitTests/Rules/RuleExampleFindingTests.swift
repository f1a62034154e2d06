import Testing

@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// Invalid examples may describe each finding (match, message, fix), and the example runner
/// checks what they describe.
@Suite struct RuleExampleFindingTests {
    static func rule(findings: String, text: String = "我们的↓國家正在发展经济，这个时代变化很大。") throws -> Rule {
        let json = """
            {"id": "mixed-han-script", "kind": "mixed-han-script", "summary": "S.", "description": "D.",
             "message": "{found} character '{match}' in {majority} text; use {suggestion}",
             "examples": {"valid": [], "invalid": [{"text": "\(text)", "findings": \(findings)}]}}
            """
        return try RuleLoader.load(path: "mixed-han-script.json", fileStem: "mixed-han-script", bytes: Array(json.utf8))
    }

    @Test func matchingDescriptionsPass() throws {
        let rule = try Self.rule(
            findings: #"[{"match": "國", "message": "Traditional character '國' in Simplified text; use '国'", "fix": "国"}]"#)
        #expect(
            rule.examples.invalid[0].expectedFindings == [
                .init(match: "國", message: "Traditional character '國' in Simplified text; use '国'", fix: .text("国"))
            ])
        #expect(RuleExampleRunner.run(rule).isEmpty)
    }

    @Test func eachDifferenceIsReported() throws {
        let rule = try Self.rule(findings: #"[{"match": "國家", "message": "wrong", "fix": null}]"#)
        let failures = RuleExampleRunner.run(rule)
        #expect(failures.count == 1)
        #expect(
            failures.first?.details == [
                "finding 1: match '國家' expected, found '國'",
                "finding 1: message 'wrong' expected, found 'Traditional character '國' in Simplified text; use '国''",
                "finding 1: no fix expected, found '国'",
            ])
        #expect(failures.first?.description.hasSuffix("\n  finding 1: no fix expected, found '国'") == true)
        // Parts left out are not checked.
        #expect(RuleExampleRunner.run(try Self.rule(findings: #"[{}]"#)).isEmpty)
    }

    @Test func descriptionsMustMatchTheMarks() throws {
        #expect(throws: SourceError.self) { try Self.rule(findings: #"[{}, {}]"#) }
        do {
            _ = try Self.rule(findings: #"[{"matchh": "國"}]"#)
            Issue.record("an unknown key must fail")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("unknown key") && text.contains("match"))
        }
    }
}
