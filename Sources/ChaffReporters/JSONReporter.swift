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

    /// The pieces `write` hands out, joined: the whole report, for `--output` and the tests.
    public func renderBytes(_ report: Report) -> [UInt8] {
        var bytes: [UInt8] = []
        write(report) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The report as UTF-8 bytes, written straight into a buffer handed to `sink` whenever the
    /// next diagnostic might not fit: a report of thousands of findings built as a tree of
    /// `JSONOutput` values first spent most of its time allocating it, and one held whole
    /// touched fresh memory for every byte. The layout is `JSONOutput.serialized(indent: 2)`'s,
    /// byte for byte (a test compares).
    public func write(_ report: Report, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        ByteWriter.streaming(chunk: Self.chunk, to: sink) { out in
            _ = out.makeRoom(Self.headerBound(report), flushingTo: sink)
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
                // Bytes written before the buffer was emptied can no longer be copied.
                if out.makeRoom(Self.bound(d), flushingTo: sink) { repeated = Repeated() }
                if i > 0 { out.write(UInt8(ascii: ",")) }
                Self.write(d, to: &out, repeated: &repeated)
            }
            _ = out.makeRoom(Self.keys, flushingTo: sink)
            JSONBytes.append("\n  ]\n}\n", to: &out)
        }
    }

    /// The bytes of the buffer the report is written into before it goes out.
    static var chunk: Int { 1 << 18 }

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

    /// More than the keys, indentation and punctuation of the header or of one diagnostic
    /// (about 240 bytes).
    private static var keys: Int { 512 }

    /// The most bytes the header takes.
    private static func headerBound(_ report: Report) -> Int {
        keys + JSONBytes.quotedBound(report.toolVersion.utf8.count) + JSONBytes.quotedBound(report.columnUnit.rawValue.utf8.count)
    }

    /// The most bytes diagnostic `d` takes, with the comma before it: each string and number
    /// at the most its escapes make of it.
    private static func bound(_ d: Diagnostic) -> Int {
        var strings = d.path.utf8.count + d.ruleID.utf8.count + d.severity.rawValue.utf8.count + d.message.utf8.count
        strings += d.matchedText.utf8.count + d.fingerprint.utf8.count + (d.fix?.utf8.count ?? 0)
        return keys + 7 * JSONBytes.quotedBound(0) + 6 * strings + 6 * JSONBytes.decimalBound
    }
}
