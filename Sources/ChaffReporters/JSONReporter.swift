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
            for (i, d) in report.diagnostics.enumerated() {
                if i > 0 { out.write(UInt8(ascii: ",")) }
                Self.write(d, to: &out)
            }
            JSONBytes.append("\n  ]\n}\n", to: &out)
        }
    }

    private static func write(_ d: Diagnostic, to out: inout ByteWriter) {
        JSONBytes.append("\n    {\n      \"path\": ", to: &out)
        JSONBytes.appendString(d.path, to: &out)
        JSONBytes.append(",\n      \"rule\": ", to: &out)
        JSONBytes.appendString(d.ruleID, to: &out)
        JSONBytes.append(",\n      \"severity\": ", to: &out)
        JSONBytes.appendString(d.severity.rawValue, to: &out)
        JSONBytes.append(",\n      \"message\": ", to: &out)
        JSONBytes.appendString(d.message, to: &out)
        JSONBytes.append(",\n      \"byteOffset\": ", to: &out)
        JSONBytes.append(d.range.lowerBound, to: &out)
        JSONBytes.append(",\n      \"byteLength\": ", to: &out)
        JSONBytes.append(d.range.count, to: &out)
        JSONBytes.append(",\n      \"line\": ", to: &out)
        JSONBytes.append(d.line, to: &out)
        JSONBytes.append(",\n      \"column\": ", to: &out)
        JSONBytes.append(d.column, to: &out)
        JSONBytes.append(",\n      \"endLine\": ", to: &out)
        JSONBytes.append(d.endLine, to: &out)
        JSONBytes.append(",\n      \"endColumn\": ", to: &out)
        JSONBytes.append(d.endColumn, to: &out)
        JSONBytes.append(",\n      \"match\": ", to: &out)
        JSONBytes.appendString(d.matchedText, to: &out)
        JSONBytes.append(",\n      \"fingerprint\": ", to: &out)
        JSONBytes.appendString(d.fingerprint, to: &out)
        if let fix = d.fix {
            JSONBytes.append(",\n      \"fix\": ", to: &out)
            JSONBytes.appendString(fix, to: &out)
        }
        JSONBytes.append("\n    }", to: &out)
    }

    /// The most bytes the report takes: its fixed text, and each string and number at the
    /// most its escapes make of it.
    private static func bound(_ report: Report) -> Int {
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
