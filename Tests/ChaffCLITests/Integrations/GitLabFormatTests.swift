import ChaffEngine
import ChaffReporters
import Foundation
import Testing

@testable import ChaffCLI

/// `--format gitlab`: a GitLab Code Quality report.
@Suite struct GitLabFormatTests {
    /// chaff's own fingerprints for `path`, from `--format json`, in report order.
    static func chaffFingerprints(_ path: String, in scratch: Scratch, extra: [String] = []) throws -> [String] {
        let run = chaff(["check", "--format", "json"] + extra + [scratch.path(path)], in: scratch.root)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        return (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
    }

    @Test func exactOutput() throws {
        let scratch = Scratch()
        scratch.write("docs/a b.txt", IntegrationFixtures.text)
        let run = chaff(["check", "--format", "gitlab", scratch.path("docs")], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.err == "")
        let own = try Self.chaffFingerprints("docs/a b.txt", in: scratch)
        try #require(own.count == 2)
        let first = Fingerprint.hash(["docs/a b.txt", own[0]])
        let second = Fingerprint.hash(["docs/a b.txt", own[1]])
        #expect(first != second)
        #expect(
            run.out == """
                [
                  {
                    "description": "Unrendered template expression '{{ name }}'; fill it in or remove it",
                    "check_name": "placeholder-template-expression",
                    "fingerprint": "\(first)",
                    "severity": "minor",
                    "location": {
                      "path": "docs/a b.txt",
                      "lines": {
                        "begin": 2
                      }
                    }
                  },
                  {
                    "description": "Format specifier '%s' in prose; the value was never filled in",
                    "check_name": "placeholder-printf-specifier",
                    "fingerprint": "\(second)",
                    "severity": "minor",
                    "location": {
                      "path": "docs/a b.txt",
                      "lines": {
                        "begin": 2
                      }
                    }
                  }
                ]

                """)
        #expect(run.out.utf8.first == UInt8(ascii: "["))
    }

    @Test func severities() throws {
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("a.txt", "据说\n{{ x }}\n有报道称\n")
        let run = chaff(
            ["check", "--format", "gitlab", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", scratch.path("a.txt")],
            in: scratch.root)
        #expect(run.status == 1)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(issues.map { $0["check_name"] as? String } == ["test-claim-error", "placeholder-template-expression", "test-hedge-note"])
        #expect(issues.map { $0["severity"] as? String } == ["major", "minor", "info"])
        #expect(issues.map { (($0["location"] as? [String: Any])?["lines"] as? [String: Int])?["begin"] } == [1, 2, 3])
        #expect(GitLabReporter.severityName(.error) == "major")
    }

    @Test func fingerprintsAreUniqueAndIgnoreLinesAbove() throws {
        let scratch = Scratch()
        let text = "{{ x }} 和 {{ x }}\n"
        scratch.write("a.txt", text)
        scratch.write("b.txt", text)
        func fingerprints() throws -> [String] {
            let run = chaff(["check", "--format", "gitlab", scratch.path("a.txt"), scratch.path("b.txt")], in: scratch.root)
            let issues = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
            return issues.compactMap { $0["fingerprint"] as? String }
        }
        let before = try fingerprints()
        // Equal text twice in a file and equal files: four findings, four fingerprints.
        #expect(before.count == 4)
        #expect(Set(before).count == 4)
        scratch.write("a.txt", "新的一行\n\n" + text)
        #expect(try fingerprints() == before)

        // Diagnostics built without chaff's fingerprint still get distinct ones.
        let d = Diagnostic(
            path: "p", range: 0..<1, line: 1, column: 1, endLine: 1, endColumn: 2, severity: .note, ruleID: "r", message: "m",
            matchedText: "x")
        let out = GitLabReporter().render(Report(diagnostics: [d, d, d], rules: [], columnUnit: .scalar, toolVersion: "0"))
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 3)
    }

    @Test func emptyReportIsAnEmptyArray() {
        let scratch = Scratch()
        scratch.write("clean.txt", "nothing here\n")
        let run = chaff(["check", "--format", "gitlab", scratch.path("clean.txt")], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.out == "[]\n")
    }

    @Test func matchesTheSchema() throws {
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("docs/a b.txt", IntegrationFixtures.text + "据说，有报道称\n")
        let output = scratch.path("gl-code-quality-report.json")
        let run = chaff(
            [
                "check", "--format", "gitlab", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", "--output", output,
                scratch.path("docs"),
            ], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.out == "")
        try expectValidJSON(schema: "gitlab-code-quality.schema.json", documentPath: output)
        let empty = scratch.write("empty.json", "[]")
        try expectValidJSON(schema: "gitlab-code-quality.schema.json", documentPath: empty)
        let bad = scratch.write(
            "bad.json",
            #"[{"description":"m","check_name":"x","fingerprint":"0123456789abcdef","severity":"warning","location":{"path":"a","lines":{"begin":1}}}]"#
        )
        #expect(try schemaRejects("gitlab-code-quality.schema.json", bad))
    }
}
