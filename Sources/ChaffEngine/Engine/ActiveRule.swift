/// A rule as it runs in this invocation: selected, with its effective severity.
public struct ActiveRule: Sendable {
    /// The rule.
    public var rule: Rule
    /// Severity after configuration overrides.
    public var severity: Severity

    /// Wraps `rule` at `severity` (its own by default).
    public init(_ rule: Rule, severity: Severity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
    }
}
