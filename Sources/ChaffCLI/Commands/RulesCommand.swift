import ChaffCore

/// `chaff rules`: the rule list.
enum RulesCommand {
    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let (set, _) = RuleOptions.load(arguments, console: console, command: "rules") else { return 2 }
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
    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let (set, positionals) = RuleOptions.load(arguments, console: console, command: "rule") else { return 2 }
        guard positionals.count == 1 else {
            console.writeError("chaff: error: 'chaff rule' takes one rule id\n")
            return 2
        }
        guard let rule = set.rule(positionals[0]) else {
            console.writeError("chaff: error: no rule '\(TerminalSafe.escape(positionals[0]))'; 'chaff rules' lists them\n")
            return 2
        }
        console.writeOut(RuleDocumentation.text(rule))
        return 0
    }
}

/// The options `rules` and `rule` share.
enum RuleOptions {
    static func load(_ arguments: [String], console: Console, command: String) -> (RuleSet, [String])? {
        var parser = ArgumentParser(arguments)
        var directories: [String] = []
        var defaults = true
        do throws(ArgumentParser.UsageError) {
            while let option = parser.nextOption() {
                switch option {
                case "--rules": directories.append(try parser.value(for: option))
                case "--no-default-rules": defaults = false
                default: throw ArgumentParser.UsageError(message: "unknown option '\(option)' for 'chaff \(command)'")
                }
            }
        } catch {
            console.writeError("chaff: error: \(error.message)\n")
            return nil
        }
        let (set, errors) = RuleSetLoader.ruleSet(defaultRules: defaults, directories: directories, workingDirectory: console.workingDirectory)
        if !errors.isEmpty {
            for error in errors { console.writeError(error + "\n") }
            return nil
        }
        return (set, parser.positionals)
    }
}
