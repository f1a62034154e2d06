import ChaffEngine
import ChaffRunner

/// `chaff test-rules [DIR…]`: run rule examples.
enum TestRulesCommand {
    /// `chaff test-rules`.
    static let spec = CommandSpec(
        name: "test-rules", usage: "chaff test-rules [--config FILE] [--no-config] [DIR…]",
        summary: """
            Runs each rule's examples: an invalid example must give exactly the findings its ↓ marks
            show, a valid one none. Without DIR, tests the rules 'chaff check' would load here: the
            built-in rules and the nearest .chaff.json's rule directories (examples test each rule
            file's own options, not the config's). Exit 0 when all pass, 1 when one fails, 2 when
            a rule file or the config has an error.
            """,
        options: [
            OptionSpec("--config", value: "FILE", help: "read this config instead of the nearest .chaff.json"),
            OptionSpec("--no-config", help: "read no config file"),
        ])

    static func run(_ arguments: [String], console: Console) -> Int32 {
        let parsed: ArgumentParser.Parsed
        switch CommandEntry.parse(arguments, for: spec, console: console) {
        case .run(let given): parsed = given
        case .exit(let status): return status
        }
        let directories = parsed.positionals
        let set: RuleSet
        if directories.isEmpty {
            // The rules a check would load, as their files define them.
            var configPath: String?
            var noConfig = false
            for given in parsed.options {
                switch given.name {
                case "--config": configPath = given.value
                case "--no-config": noConfig = true
                default: fatalError("option \(given.name) is declared but not handled")
                }
            }
            guard
                let (loaded, _) = ConfiguredRules.loadForCommand(
                    configPath: configPath, noConfig: noConfig, commandLine: [], noDefaultRules: false, console: console)
            else { return 2 }
            set = loaded.original
        } else {
            let (loaded, errors) = RuleSetLoader.ruleSet(
                defaultRules: false, directories: directories, workingDirectory: console.workingDirectory)
            if !errors.isEmpty {
                for error in errors { console.writeError(error + "\n") }
                return 2
            }
            set = loaded
        }
        var failures: [RuleExampleRunner.Failure] = []
        var examples = 0
        for rule in set.rules {
            examples += rule.examples.valid.count + rule.examples.invalid.count
            failures += RuleExampleRunner.run(rule)
        }
        for failure in failures { console.writeOut(failure.description + "\n") }
        console.writeOut("\(set.rules.count) rules, \(examples) examples: \(examples - failures.count) passed, \(failures.count) failed\n")
        return failures.isEmpty ? 0 : 1
    }
}
