import ChaffEngine
import ChaffText

/// GitLab Code Quality report: a JSON array of
///
///     {"description": message, "check_name": rule id, "fingerprint": …,
///      "severity": "info|minor|major", "location": {"path": …, "lines": {"begin": line}}}
///
/// GitLab compares reports of two pipelines by `fingerprint`, so it must be unique within a
/// report and stable across edits: it hashes the path with chaff's own fingerprint (rule,
/// matched text, occurrence number), which ignores lines inserted above the finding.
public struct GitLabReporter: Reporter {
    public static let formatName = "gitlab"
    // GitLab reads lines only; the unit matters for nothing but consistency with `compiler`.
    public static let defaultColumnUnit = ColumnUnit.scalar

    /// A reporter.
    public init() {}

    /// A reporter; the format has no colour.
    public static func make(color: Bool) -> any Reporter { Self() }

    public func render(_ report: Report) -> String {
        var seen: Set<String> = []
        let issues: [JSONOutput] = report.diagnostics.map { d in
            // Equal inputs give equal hashes: a counter keeps a repeated diagnostic (possible
            // when a caller builds diagnostics without chaff's fingerprint) from sharing one.
            var fingerprint = Fingerprint.hash([d.path, d.fingerprint])
            var attempt = 1
            while !seen.insert(fingerprint).inserted {
                fingerprint = Fingerprint.hash([d.path, d.fingerprint, String(attempt)])
                attempt += 1
            }
            return .object([
                ("description", .string(d.message)),
                ("check_name", .string(d.ruleID)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(Self.severityName(d.severity))),
                (
                    "location",
                    .object([
                        ("path", .string(d.path)),
                        ("lines", .object([("begin", .int(d.line))])),
                    ])
                ),
            ])
        }
        return JSONOutput.array(issues).serialized(indent: 2) + "\n"
    }

    /// The Code Quality severity for `severity`. GitLab's scale has five steps; chaff's three
    /// take the lower ones so that `critical` and `blocker` stay free for tools that mean it.
    public static func severityName(_ severity: Severity) -> String {
        switch severity {
        case .note: "info"
        case .warning: "minor"
        case .error: "major"
        }
    }
}
