import Testing

@testable import ChaffEngine
@testable import ChaffReporters
@testable import ChaffText

/// `JSONReporter` writes its report straight into bytes; the layout must stay that of the
/// `JSONOutput` tree it once built, byte for byte, for reports with and without findings, with
/// escapes, a fix and none.
@Suite struct JSONReporterTests {
    /// The report as a `JSONOutput` tree, serialised: the reference layout.
    static func reference(_ report: Report) -> String {
        let diagnostics: [JSONOutput] = report.diagnostics.map { d in
            var fields: [(String, JSONOutput)] = [
                ("path", .string(d.path)), ("rule", .string(d.ruleID)), ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message)), ("byteOffset", .int(d.range.lowerBound)),
                ("byteLength", .int(d.range.count)), ("line", .int(d.line)), ("column", .int(d.column)),
                ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)), ("match", .string(d.matchedText)),
                ("fingerprint", .string(d.fingerprint)),
            ]
            if let fix = d.fix { fields.append(("fix", .string(fix))) }
            return .object(fields)
        }
        let root: JSONOutput = .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("chaff")), ("version", .string(report.toolVersion))])),
            ("columnUnit", .string(report.columnUnit.rawValue)),
            ("diagnostics", .array(diagnostics)),
        ])
        return root.serialized(indent: 2) + "\n"
    }

    static let diagnostics = [
        Diagnostic(
            path: "docs/a \"b\".md", range: 10..<13, line: 2, column: 5, endLine: 2, endColumn: 6, severity: .warning,
            ruleID: "mixed-han-script", message: "Traditional character '國' in Simplified text; use '国'", matchedText: "國",
            fix: "国", fingerprint: "abc123"),
        Diagnostic(
            path: "x.txt", range: 0..<0, line: 1, column: 1, endLine: 1, endColumn: 1, severity: .error, ruleID: "r",
            message: "tab\there\u{202E}", matchedText: "", fix: nil, fingerprint: ""),
    ]

    @Test(arguments: [0, 1, 2])
    func bytesAreTheTreesLayout(count: Int) {
        let report = Report(
            diagnostics: Array(Self.diagnostics.prefix(count)), rules: [], columnUnit: .utf16, toolVersion: "1.2.3")
        #expect(JSONReporter().render(report) == Self.reference(report))
    }

    @Test func anEmptyReportReadsInFull() {
        let report = Report(diagnostics: [], rules: [], columnUnit: .scalar, toolVersion: "0")
        #expect(
            JSONReporter().render(report)
                == "{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"chaff\",\n    \"version\": \"0\"\n  },\n  \"columnUnit\": \"scalar\",\n  \"diagnostics\": []\n}\n"
        )
    }
}
