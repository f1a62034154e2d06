import ChaffEngine
import ChaffText

/// chaff's own JSON format, version 1 (documented in the README):
///
///     {"version": 1, "tool": {"name": "chaff", "version": "…"}, "columnUnit": "scalar",
///      "diagnostics": [{"path", "rule", "severity", "message", "byteOffset", "byteLength",
///                       "line", "column", "endLine", "endColumn", "match", "fingerprint",
///                       "fix" (only when offered)}]}
public struct JSONReporter: Reporter {
    public static let formatName = "json"
    public static let defaultColumnUnit = ColumnUnit.scalar

    /// A reporter.
    public init() {}

    /// A reporter; the format has no colour.
    public static func make(color: Bool) -> any Reporter { Self() }

    public func render(_ report: Report) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The report as UTF-8 bytes, written straight into one buffer: a report of thousands of
    /// findings built as a tree of `JSONOutput` values first spent most of its time allocating
    /// it. The layout is `JSONOutput.serialized(indent: 2)`'s, byte for byte (a test compares).
    public func renderBytes(_ report: Report) -> [UInt8] {
        ByteWriter.bytes(capacity: Self.bound(report)) { out in
            JSONBytes.append("{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"chaff\",\n    \"version\": ", to: &out)
            JSONBytes.appendString(report.toolVersion, to: &out)
            JSONBytes.append("\n  },\n  \"columnUnit\": ", to: &out)
            JSONBytes.appendString(report.columnUnit.rawValue, to: &out)
            JSONBytes.append(",\n  \"diagnostics\": ", to: &out)
            if report.diagnostics.isEmpty {
                JSONBytes.append("[]\n}\n", to: &out)
                return
            }
            out.write(UInt8(ascii: "["))
            var repeated = Repeated()
            for (i, d) in report.diagnostics.enumerated() {
                if i > 0 { out.write(UInt8(ascii: ",")) }
                Self.write(d, to: &out, repeated: &repeated)
            }
            JSONBytes.append("\n  ]\n}\n", to: &out)
        }
    }

    /// The strings that most diagnostics share with the one before (the path, the rule, the
    /// message), each with where its quoted form was last written, to be copied from there
    /// rather than escaped again.
    private struct Repeated {
        var path = LastString()
        var rule = LastString()
        var message = LastString()
    }

    /// A string written last, and the bytes of its quoted form in the output.
    private struct LastString {
        var value: String?
        var bytes = 0..<0

        /// Writes `string` quoted: a copy of the bytes written last when it is the same string.
        mutating func write(_ string: String, to out: inout ByteWriter) {
            if let value, value == string {
                out.rewrite(bytes)
                return
            }
            let start = out.count
            JSONBytes.appendString(string, to: &out)
            value = string
            bytes = start..<out.count
        }
    }

    private static func write(_ d: Diagnostic, to out: inout ByteWriter, repeated: inout Repeated) {
        JSONBytes.append("\n    {\n      \"path\": ", to: &out)
        repeated.path.write(d.path, to: &out)
        JSONBytes.append(",\n      \"rule\": ", to: &out)
        repeated.rule.write(d.ruleID, to: &out)
        field(",\n      \"severity\": ", d.severity.rawValue, to: &out)
        JSONBytes.append(",\n      \"message\": ", to: &out)
        repeated.message.write(d.message, to: &out)
        field(",\n      \"byteOffset\": ", d.range.lowerBound, to: &out)
        field(",\n      \"byteLength\": ", d.range.count, to: &out)
        field(",\n      \"line\": ", d.line, to: &out)
        field(",\n      \"column\": ", d.column, to: &out)
        field(",\n      \"endLine\": ", d.endLine, to: &out)
        field(",\n      \"endColumn\": ", d.endColumn, to: &out)
        field(",\n      \"match\": ", d.matchedText, to: &out)
        field(",\n      \"fingerprint\": ", d.fingerprint, to: &out)
        if let fix = d.fix { field(",\n      \"fix\": ", fix, to: &out) }
        JSONBytes.append("\n    }", to: &out)
    }

    /// Writes `key` (with the punctuation before it) and the string `value`.
    @inline(__always) private static func field(_ key: StaticString, _ value: String, to out: inout ByteWriter) {
        JSONBytes.append(key, to: &out)
        JSONBytes.appendString(value, to: &out)
    }

    /// Writes `key` (with the punctuation before it) and the number `value`.
    @inline(__always) private static func field(_ key: StaticString, _ value: Int, to out: inout ByteWriter) {
        JSONBytes.append(key, to: &out)
        JSONBytes.append(value, to: &out)
    }

    /// The most bytes the report takes: its fixed text, and each string and number at the
    /// most its escapes make of it.
    private static func bound(_ report: Report) -> Int {
        // More than the keys, indentation and punctuation of the header or of one diagnostic
        // (about 240 bytes).
        let keys = 512
        var total =
            keys + JSONBytes.quotedBound(report.toolVersion.utf8.count) + JSONBytes.quotedBound(report.columnUnit.rawValue.utf8.count)
        for d in report.diagnostics {
            let strings =
                d.path.utf8.count + d.ruleID.utf8.count + d.severity.rawValue.utf8.count + d.message.utf8.count
                + d.matchedText.utf8.count + d.fingerprint.utf8.count + (d.fix?.utf8.count ?? 0)
            total += keys + 7 * JSONBytes.quotedBound(0) + 6 * strings + 6 * JSONBytes.decimalBound
        }
        return total
    }
}
