import ChaffCore

/// Decides which rules run and at what severity, from `--select`/`--ignore` and the config.
enum RuleSelection {
    /// The active rules, or a usage error naming a pattern that selects nothing.
    static func active(
        _ set: RuleSet, select: [String], ignore: [String], severities: [(rule: String, severity: Severity?)]
    ) throws(ArgumentParser.UsageError) -> [ActiveRule] {
        for pattern in select + ignore + severities.map(\.rule) where !set.rules.contains(where: { $0.matches(pattern) }) {
            throw .init(message: "'\(pattern)' matches no rule; 'chaff rules' lists them")
        }
        var active: [ActiveRule] = []
        for rule in set.rules {
            // Naming a rule or its family turns it on even when it is off by default.
            let selected = select.isEmpty ? rule.enabledByDefault : select.contains { rule.matches($0) }
            guard selected, !ignore.contains(where: { rule.matches($0) }) else { continue }
            var severity: Severity? = rule.severity
            // The most specific pattern wins: an exact id beats a family prefix.
            let applicable = severities.filter { rule.matches($0.rule) }.sorted { $0.rule.count < $1.rule.count }
            if let last = applicable.last { severity = last.severity }
            guard let severity else { continue }
            active.append(ActiveRule(rule, severity: severity))
        }
        return active
    }
}
