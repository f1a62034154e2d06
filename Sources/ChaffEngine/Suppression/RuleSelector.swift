/// A rule id or a rule family named in a suppression directive.
///
/// `placeholder-token` selects that rule; `placeholder` selects `placeholder` and every rule
/// whose id starts with `placeholder-`. It never selects `placeholders` or `place`.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    /// The id or family prefix as written.
    public let id: String

    /// A selector for `id`.
    public init(_ id: String) {
        self.id = id
    }

    /// Whether `ruleID` is this rule or a member of this family.
    public func matches(_ ruleID: String) -> Bool {
        ruleID == id || ruleID.hasPrefix(id + "-")
    }

    /// Whether every rule `other` selects is selected by this selector too.
    public func covers(_ other: RuleSelector) -> Bool { matches(other.id) }

    /// Whether some rule could be selected by both.
    public func overlaps(_ other: RuleSelector) -> Bool { covers(other) || other.covers(self) }

    /// The id as written.
    public var description: String { id }
}
