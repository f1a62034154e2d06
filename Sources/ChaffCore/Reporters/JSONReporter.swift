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
}
