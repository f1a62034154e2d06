/// What the engine learned about a document's suppression directives after every other rule ran.
public struct SuppressionAudit: Sendable {
    /// Directives that suppressed nothing, among those whose rules all ran.
    public var unused: [SuppressionDirective]
    /// Directives that could not be read.
    public var malformed: [MalformedSuppression]
    /// Directives naming a rule or family that does not exist, with the unknown name.
    public var unknownRules: [(directive: SuppressionDirective, rule: String)]
    /// For unknown names that are near misses of a rule id or family, that id or family.
    public var suggestions: [String: String] = [:]
}

/// A rule kind that reports on suppression directives. Such kinds find nothing in the text
/// itself; the engine calls them once the other rules' findings have been filtered.
public protocol SuppressionAuditing: RuleKind {
    /// Reports findings about `audit`.
    func audit(_ audit: SuppressionAudit, report: (Finding) -> Void)
}

extension SuppressionAuditing {
    /// An auditor reads no text: the engine's suppression-audit stage calls `audit` instead.
    public func check(_ context: CheckContext, report: (Finding) -> Void) {}
    /// An auditor's rules run in the suppression-audit stage.
    public static var auditsSuppressions: Bool { true }
}
