import ChaffCore

/// `chaff rules`: the rule list.
enum RulesCommand {
    /// `chaff rules`: what the list shows and the options it takes.
    static let spec = CommandSpec(
        name: "rules", usage: "chaff rules [--rules DIR] [--no-default-rules]",
        summary: "Lists every rule: id, severity and summary. Rules that are off by default are marked.",
        options: RuleOptions.specs)

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let loaded = RuleOptions.load(arguments, console: console, spec: spec) else { return 2 }
        guard let (set, positionals) = loaded else {
            console.writeOut(spec.helpText)
            return 0
        }
        if let extra = positionals.first {
            console.writeError("chaff: error: 'chaff rules' takes no arguments, found '\(TerminalSafe.escape(extra))'; 'chaff rule ID' explains one rule\n")
            return 2
        }
        let width = set.rules.map(\.id.count).max() ?? 0
        var out = ""
        for rule in set.rules {
            let padding = String(repeating: " ", count: width - rule.id.count)
            let severity = rule.severity.rawValue + String(repeating: " ", count: 7 - rule.severity.rawValue.count)
            out += "\(rule.id)\(padding)  \(severity)  \(rule.summary)\(rule.enabledByDefault ? "" : " (off by default)")\n"
        }
        console.writeOut(out)
        return 0
    }
}

/// `chaff rule ID`: one rule's documentation.
enum RuleCommand {
    /// `chaff rule ID`.
    static let spec = CommandSpec(
        name: "rule", usage: "chaff rule ID [--rules DIR] [--no-default-rules]",
        summary: "Explains one rule: summary, description, whether it fixes what it finds, and its\nexamples (↓ marks each finding).",
        options: RuleOptions.specs)

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let loaded = RuleOptions.load(arguments, console: console, spec: spec) else { return 2 }
        guard let (set, positionals) = loaded else {
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
    ]

    /// The rule set and positionals; `.some(nil)` when `--help` was given; `nil` after an error,
    /// which has been reported.
    static func load(_ arguments: [String], console: Console, spec: CommandSpec) -> (RuleSet, [String])?? {
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
        for given in parsed.options {
            switch given.name {
            case "--rules": directories.append(given.value ?? "")
            case "--no-default-rules": defaults = false
            default: fatalError("option \(given.name) is declared but not handled")
            }
        }
        let (set, errors) = RuleSetLoader.ruleSet(defaultRules: defaults, directories: directories, workingDirectory: console.workingDirectory)
        if !errors.isEmpty {
            for error in errors { console.writeError(error + "\n") }
            return nil
        }
        return (set, parsed.positionals)
    }
}
