import ChaffEngine
import ChaffReporters
import Foundation
import Testing

@testable import ChaffCLI

/// `--format rdjsonl`: reviewdog's one-diagnostic-per-line JSON with UTF-8 byte columns.
@Suite struct RDJSONLFormatTests {
    @Test func exactOutputCountsBytes() {
        let scratch = Scratch()
        scratch.write("docs/a b.txt", IntegrationFixtures.text)
        let run = chaff(["check", "--format", "rdjsonl", scratch.path("docs")], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.err == "")
        // '{{' follows 11 bytes on its line ("中文" 6, "𠀀" 4, space 1): column 12; '%s' starts
        // at byte 26 of the line: column 27. Ends are exclusive.
        #expect(
            run.out == """
                {"message":"Unrendered template expression '{{ name }}'; fill it in or remove it","location":{"path":"docs/a b.txt","range":{"start":{"line":2,"column":12},"end":{"line":2,"column":22}}},"severity":"WARNING","source":{"name":"chaff"},"code":{"value":"placeholder-template-expression"}}
                {"message":"Format specifier '%s' in prose; the value was never filled in","location":{"path":"docs/a b.txt","range":{"start":{"line":2,"column":27},"end":{"line":2,"column":29}}},"severity":"WARNING","source":{"name":"chaff"},"code":{"value":"placeholder-printf-specifier"}}

                """)
    }

    @Test func severitiesAndHelpURI() {
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("a.txt", "据说\n有报道称\n")
        let run = chaff(
            [
                "check", "--format", "rdjsonl", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", "--fail-on", "never",
                scratch.path("a.txt"),
            ], in: scratch.root)
        #expect(run.status == 0)
        #expect(
            run.out == """
                {"message":"Claim: '据说' needs a source: cite it","location":{"path":"a.txt","range":{"start":{"line":1,"column":1},"end":{"line":1,"column":7}}},"severity":"ERROR","source":{"name":"chaff"},"code":{"value":"test-claim-error","url":"https://example.com/rules#claim"}}
                {"message":"Hedge: '有报道称' [unsourced]","location":{"path":"a.txt","range":{"start":{"line":2,"column":1},"end":{"line":2,"column":13}}},"severity":"INFO","source":{"name":"chaff"},"code":{"value":"test-hedge-note"}}

                """)
    }

    @Test func onlyByteColumns() {
        #expect(ReporterRegistry.defaultColumnUnit("rdjsonl") == .utf8)
        #expect(ReporterRegistry.supportedColumnUnits("rdjsonl") == [.utf8])
        let scratch = Scratch()
        scratch.write("a.txt", IntegrationFixtures.text)
        let run = chaff(["check", "--format", "rdjsonl", "--column-unit", "utf16", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err == "chaff: error: format 'rdjsonl' cannot express 'utf16' columns; use utf8\n")
        #expect(chaff(["check", "--format", "rdjsonl", "--column-unit", "utf8", scratch.path("a.txt")], in: scratch.root).status == 1)
    }

    @Test func fixBecomesASuggestionAndControlsStayOnOneLine() {
        let diagnostic = Diagnostic(
            path: "p.txt", range: 3..<5, line: 1, column: 4, endLine: 1, endColumn: 6, severity: .warning,
            ruleID: "some-rule", message: "a\nb\u{2028}c\u{1B}", matchedText: "xy", fix: "z", fingerprint: "f")
        let report = Report(diagnostics: [diagnostic, diagnostic], rules: [], columnUnit: .utf8, toolVersion: "0")
        let out = RDJSONLReporter().render(report)
        let line =
            #"{"message":"a\nb\u2028c\u001b","location":{"path":"p.txt","range":{"start":{"line":1,"column":4},"end":{"line":1,"column":6}}},"severity":"WARNING","source":{"name":"chaff"},"code":{"value":"some-rule"},"suggestions":[{"range":{"start":{"line":1,"column":4},"end":{"line":1,"column":6}},"text":"z"}]}"#
        #expect(out == line + "\n" + line + "\n")
        #expect(RDJSONLReporter().render(Report(diagnostics: [], rules: [], columnUnit: .utf8, toolVersion: "0")) == "")
    }

    @Test func aRuleReplacementBecomesASuggestion() {
        let scratch = Scratch()
        scratch.write(
            "rules/use-color.json",
            """
            {"id": "use-color", "kind": "pattern", "summary": "S.", "description": "D.",
             "message": "Write '{replacement}' instead of '{match}'",
             "options": {"phrases": ["colour"], "replacement": "color"},
             "examples": {"valid": ["color"], "invalid": ["↓colour"]}}
            """)
        scratch.write("a.txt", "中文 colour\n")
        let run = chaff(
            ["check", "--format", "rdjsonl", "--no-default-rules", "--rules", scratch.path("rules"), scratch.path("a.txt")],
            in: scratch.root)
        #expect(run.status == 1)
        #expect(
            run.out
                == #"{"message":"Write 'color' instead of 'colour'","location":{"path":"a.txt","range":{"start":{"line":1,"column":8},"end":{"line":1,"column":14}}},"severity":"WARNING","source":{"name":"chaff"},"code":{"value":"use-color"},"suggestions":[{"range":{"start":{"line":1,"column":8},"end":{"line":1,"column":14}},"text":"color"}]}"#
                + "\n")
    }

    @Test func everyLineMatchesTheSchema() throws {
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("docs/a b.txt", IntegrationFixtures.text + "据说，有报道称\n")
        let run = chaff(
            ["check", "--format", "rdjsonl", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", scratch.path("docs")],
            in: scratch.root)
        #expect(run.status == 1)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines.last == "")
        for (i, line) in lines.dropLast().enumerated() {
            let path = scratch.write("line-\(i).json", String(line))
            try expectValidJSON(schema: "rdjsonl-diagnostic.schema.json", documentPath: path)
        }
        // The schema itself must be able to fail.
        let bad = scratch.write(
            "bad.json",
            #"{"message":"m","location":{"path":"a","range":{"start":{"line":0,"column":1},"end":{"line":1,"column":1}}},"severity":"NOTE","source":{"name":"chaff"},"code":{"value":"x"}}"#
        )
        #expect(try schemaRejects("rdjsonl-diagnostic.schema.json", bad))
    }
}
