import ChaffEngine
import ChaffRunner
import ChaffText

/// `chaff rules`: the rule list.
enum RulesCommand {
    /// `chaff rules`: what the list shows and the options it takes.
    static let spec = CommandSpec(
        name: "rules", usage: "chaff rules [--rules DIR] [--no-default-rules] [--config FILE] [--no-config]",
        summary: """
            Lists the rules 'chaff check' would load here, with the nearest .chaff.json: id,
            severity (as the config sets it) and summary. Rules that are off by default, or
            turned off by the config, are marked.
            """,
        options: RuleOptions.specs)

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let loaded = RuleOptions.load(arguments, console: console, spec: spec) else { return 2 }
        guard let (set, positionals, config) = loaded else {
            console.writeOut(spec.helpText)
            return 0
        }
        if let extra = positionals.first {
            console.writeError(
                "chaff: error: 'chaff rules' takes no arguments, found '\(TerminalSafe.escape(extra))'; 'chaff rule ID' explains one rule\n"
            )
            return 2
        }
        let width = set.rules.map(\.id.count).max() ?? 0
        let active =
            (try? RuleSelection.active(set, select: config.select, ignore: config.ignore, severities: config.severities, strict: false))
            ?? []
        var out = ""
        for rule in set.rules {
            let padding = String(repeating: " ", count: width - rule.id.count)
            var level = rule.severity
            var mark = ""
            if let running = active.first(where: { $0.rule.id == rule.id }) {
                level = running.severity
            } else {
                let configured = config.severities.filter { rule.matches($0.rule) }.sorted { $0.rule.count < $1.rule.count }.last
                if let set = configured?.severity { level = set }
                let selected = config.select.contains { rule.matches($0) }
                mark =
                    !rule.enabledByDefault && !selected
                    ? " (off by default)" : " (off in \(TerminalSafe.escape(config.path ?? Configuration.fileName)))"
            }
            let severity = level.rawValue + String(repeating: " ", count: 7 - level.rawValue.count)
            out += "\(rule.id)\(padding)  \(severity)  \(rule.summary)\(mark)\n"
        }
        console.writeOut(out)
        return 0
    }
}

/// `chaff rule ID`: one rule's documentation.
enum RuleCommand {
    /// `chaff rule ID`.
    static let spec = CommandSpec(
        name: "rule", usage: "chaff rule ID [--rules DIR] [--no-default-rules] [--config FILE] [--no-config]",
        summary: "Explains one rule: summary, description, whether it fixes what it finds, and its\nexamples (↓ marks each finding).",
        options: RuleOptions.specs)

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let loaded = RuleOptions.load(arguments, console: console, spec: spec) else { return 2 }
        guard let (set, positionals, _) = loaded else {
            console.writeOut(spec.helpText)
            return 0
        }
        guard positionals.count == 1 else {
            console.writeError("chaff: error: 'chaff rule' takes one rule id\n")
            return 2
        }
        guard let rule = set.rule(positionals[0]) else {
            let hint = Suggestion.didYouMean(positionals[0], in: set.rules.map(\.id)) ?? "; 'chaff rules' lists them"
            console.writeError("chaff: error: no rule '\(TerminalSafe.escape(positionals[0]))'\(hint)\n")
            return 2
        }
        console.writeOut(RuleDocumentation.text(rule))
        return 0
    }
}

/// The options `rules` and `rule` share.
enum RuleOptions {
    /// The shared option table.
    static let specs = [
        OptionSpec("--rules", value: "DIR", help: "also load the rule files in DIR (repeatable)"),
        OptionSpec("--no-default-rules", help: "do not load the built-in rules"),
        OptionSpec("--config", value: "FILE", help: "read this config instead of the nearest .chaff.json"),
        OptionSpec("--no-config", help: "read no config file"),
    ]

    /// The rule set (as the config makes it), the positionals and the config; `.some(nil)` when `--help` was given; `nil` after an error,
    /// which has been reported.
    static func load(_ arguments: [String], console: Console, spec: CommandSpec) -> (RuleSet, [String], Configuration)?? {
        let parsed: ArgumentParser.Parsed
        do {
            parsed = try ArgumentParser.parse(arguments, for: spec)
        } catch {
            console.writeError("chaff: error: \(error.message)\n")
            return nil
        }
        if parsed.help { return .some(nil) }
        var directories: [String] = []
        var defaults = true
        var configPath: String?
        var noConfig = false
        for given in parsed.options {
            switch given.name {
            case "--rules": directories.append(given.value ?? "")
            case "--no-default-rules": defaults = false
            case "--config": configPath = given.value
            case "--no-config": noConfig = true
            default: fatalError("option \(given.name) is declared but not handled")
            }
        }
        guard
            let (loaded, config) = ConfiguredRules.loadForCommand(
                configPath: configPath, noConfig: noConfig, commandLine: directories, noDefaultRules: !defaults, console: console)
        else { return nil }
        return (loaded.configured, parsed.positionals, config)
    }
}
