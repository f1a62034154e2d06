import ChaffEngine
import ChaffText

/// reviewdog's Diagnostic Format as JSON Lines (`rdjsonl`): one JSON object per line,
///
///     {"message": …, "location": {"path": …, "range": {"start": {"line", "column"},
///      "end": {"line", "column"}}}, "severity": "ERROR|WARNING|INFO", "source": {"name": "chaff"},
///      "code": {"value": rule id, "url": helpUri when the rule has one},
///      "suggestions": [{"range": …, "text": fix}] when the rule offers a fix}
///
/// reviewdog counts columns in UTF-8 bytes (1-based, end exclusive), so that is the only unit
/// this format accepts. One line per finding means pre-commit's batches and `cat` of several
/// runs still give a valid stream, unlike a single JSON document.
public struct RDJSONLReporter: StreamingReporter {
    public static let formatName = "rdjsonl"
    public static let defaultColumnUnit = ColumnUnit.utf8
    public static let supportedColumnUnits: [ColumnUnit] = [.utf8]

    /// A reporter.
    public init() {}

    /// A reporter; the format has no colour.
    public static func make(color: Bool) -> any Reporter { Self() }

    public func renderPart(_ diagnostics: [Diagnostic], of context: Report) -> String {
        guard !diagnostics.isEmpty else { return "" }
        // A rule's helpUri is looked up once per rule per part, not once per finding.
        var helpURIs: [String: String] = [:]
        for active in context.rules {
            if let uri = active.rule.helpURI { helpURIs[active.rule.id] = uri }
        }
        var out = ""
        for d in diagnostics {
            out += diagnosticObject(d, helpURI: helpURIs[d.ruleID]).serialized()
            out += "\n"
        }
        return out
    }

    /// The reviewdog severity for `severity`.
    public static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .note: "INFO"
        }
    }

    private func diagnosticObject(_ d: Diagnostic, helpURI: String?) -> JSONOutput {
        let range: JSONOutput = .object([
            ("start", .object([("line", .int(d.line)), ("column", .int(d.column))])),
            ("end", .object([("line", .int(d.endLine)), ("column", .int(d.endColumn))])),
        ])
        var code: [(String, JSONOutput)] = [("value", .string(d.ruleID))]
        if let helpURI { code.append(("url", .string(helpURI))) }
        var fields: [(String, JSONOutput)] = [
            ("message", .string(d.message)),
            ("location", .object([("path", .string(d.path)), ("range", range)])),
            ("severity", .string(Self.severityName(d.severity))),
            ("source", .object([("name", .string("chaff"))])),
            ("code", .object(code)),
        ]
        if let fix = d.fix {
            fields.append(("suggestions", .array([.object([("range", range), ("text", .string(fix))])])))
        }
        return .object(fields)
    }
}
