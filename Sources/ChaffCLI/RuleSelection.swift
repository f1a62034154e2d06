import ChaffEngine
import ChaffRunner
import ChaffText

/// Decides which rules run and at what severity, from `--select`/`--ignore` and the config.
enum RuleSelection {
    /// Every rule pattern that matches no rule, as error lines for stderr, all at once: those
    /// from the command line as usage errors, those from the config at their line and column.
    /// Each suggests the nearest rule id or family when there is one.
    static func unknownPatterns(_ set: RuleSet, options: CheckOptions, config: Configuration) -> [String] {
        func message(_ pattern: String, in key: String? = nil) -> String? {
            guard !set.rules.contains(where: { $0.matches(pattern) }) else { return nil }
            // The names are gathered only for a pattern that needs them: every run checks its
            // patterns, and gathering them cost as much as loading a rule file.
            let candidates = Suggestion.ruleNames(set.rules.map(\.id))
            let hint = Suggestion.didYouMean(pattern, in: candidates) ?? "; 'chaff rules' lists them"
            return "'\(TerminalSafe.escape(pattern))'\(key.map { " in '\($0)'" } ?? "") matches no rule\(hint)"
        }
        var errors: [String] = []
        var configErrors: [(line: Int, column: Int, text: String)] = []
        func fromConfig(_ patterns: [String], _ locations: [(line: Int, column: Int)], key: String) {
            for (i, pattern) in patterns.enumerated() {
                guard let text = message(pattern, in: key) else { continue }
                let at: (line: Int, column: Int) = i < locations.count ? locations[i] : (1, 1)
                configErrors.append((at.line, at.column, text))
            }
        }
        if options.select.isEmpty {
            fromConfig(config.select, config.locations.select, key: "select")
        } else {
            errors += options.select.compactMap { message($0) }.map { "chaff: error: \($0)" }
        }
        fromConfig(config.ignore, config.locations.ignore, key: "ignore")
        fromConfig(config.severities.map(\.rule), config.locations.severity, key: "severity")
        errors += options.ignore.compactMap { message($0) }.map { "chaff: error: \($0)" }
        let path = config.path ?? Configuration.fileName
        configErrors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return configErrors.map { SourceError(path: path, line: $0.line, column: $0.column, message: $0.text).description } + errors
    }

    /// The active rules, or a usage error naming a pattern that selects nothing.
    static func active(
        _ set: RuleSet, select: [String], ignore: [String], severities: [(rule: String, severity: Severity?)], strict: Bool = true
    ) throws(ArgumentParser.UsageError) -> [ActiveRule] {
        // Not strict: a command-line pattern may name a rule only another config's rules have.
        for pattern in select + ignore + severities.map(\.rule) where strict && !set.rules.contains(where: { $0.matches(pattern) }) {
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
