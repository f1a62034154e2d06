import ChaffCore

/// `chaff test-rules [DIR…]`: run rule examples.
enum TestRulesCommand {
    static func run(_ arguments: [String], console: Console) -> Int32 {
        for argument in arguments where argument.hasPrefix("-") {
            console.writeError("chaff: error: unknown option '\(argument)' for 'chaff test-rules'\n")
            return 2
        }
        let (set, errors) = RuleSetLoader.ruleSet(defaultRules: arguments.isEmpty, directories: arguments, workingDirectory: console.workingDirectory)
        if !errors.isEmpty {
            for error in errors { console.writeError(error + "\n") }
            return 2
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
