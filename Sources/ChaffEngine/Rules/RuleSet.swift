import ChaffText

/// The rules of one run: built-ins, then rule directories in order, a later rule with the same
/// id replacing an earlier one from a different source.
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public private(set) var rules: [Rule] = []

    /// An empty set.
    public init() {}

    /// Adds rules from one source (the built-ins, or one directory). Within a source, ids are
    /// unique by construction (file name = id); across two directories a repeated id is an error,
    /// while overriding a built-in is allowed.
    public mutating func add(_ newRules: [Rule], overridingBuiltIns: Bool) throws(SourceError) {
        for rule in newRules {
            if let existing = rules.firstIndex(where: { $0.id == rule.id }) {
                if overridingBuiltIns && rules[existing].origin.hasPrefix(Self.builtInOrigin) {
                    rules[existing] = rule
                    continue
                }
                throw SourceError(
                    path: rule.origin, line: rule.idLocation.line, column: rule.idLocation.column,
                    message: "duplicate rule id '\(rule.id)'; also defined in \(rules[existing].origin)")
            }
            rules.append(rule)
        }
        rules.sort { $0.id < $1.id }
    }

    /// The origin prefix of built-in rules.
    public static let builtInOrigin = "<built-in>/"

    /// Replaces the rule with `rule`'s id by `rule` (a rule with config options applied).
    public mutating func replace(_ rule: Rule) {
        if let index = rules.firstIndex(where: { $0.id == rule.id }) { rules[index] = rule }
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
