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

    /// A report of several chunks, with strings repeated across the points where a chunk goes
    /// out (copied from bytes already written inside a chunk, written afresh after) and one
    /// diagnostic larger than a chunk: the pieces make the reference layout.
    @Test func aReportOfManyChunksIsTheTreesLayoutPieceByPiece() {
        let huge = String(repeating: "長\u{1}", count: JSONReporter.chunk / 4)
        var diagnostics: [Diagnostic] = []
        for n in 0..<3_000 {
            diagnostics.append(
                Diagnostic(
                    path: n % 700 < 350 ? "docs/guide \"\(n / 700)\".md" : "b.txt", range: n..<(n + 1), line: n + 1, column: 1,
                    endLine: n + 1, endColumn: 2, severity: .warning, ruleID: n % 3 == 0 ? "rule-a" : "rule-b",
                    message: n % 5 == 0 ? "Message \\ \(n % 2)" : "Fixed message", matchedText: n == 2_900 ? huge : "x",
                    fix: n % 4 == 0 ? "y" : nil, fingerprint: String(n, radix: 16)))
        }
        let report = Report(diagnostics: diagnostics, rules: [], columnUnit: .scalar, toolVersion: "1")
        var pieces: [[UInt8]] = []
        JSONReporter().write(report) { pieces.append(Array($0)) }
        #expect(pieces.count >= 4)
        #expect(pieces.allSatisfy { $0.count <= max(JSONReporter.chunk, 6 * huge.utf8.count + 4_096) })
        #expect(String(decoding: pieces.flatMap { $0 }, as: UTF8.self) == Self.reference(report))
        #expect(JSONReporter().renderBytes(report) == pieces.flatMap { $0 })
    }

    @Test func anEmptyReportReadsInFull() {
        let report = Report(diagnostics: [], rules: [], columnUnit: .scalar, toolVersion: "0")
        #expect(
            JSONReporter().render(report)
                == "{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"chaff\",\n    \"version\": \"0\"\n  },\n  \"columnUnit\": \"scalar\",\n  \"diagnostics\": []\n}\n"
        )
    }
}
