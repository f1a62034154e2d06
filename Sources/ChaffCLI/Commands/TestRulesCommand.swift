import ChaffCore

/// `chaff test-rules [DIR…]`: run rule examples.
enum TestRulesCommand {
    /// `chaff test-rules`.
    static let spec = CommandSpec(
        name: "test-rules", usage: "chaff test-rules [DIR…]",
        summary: """
            Runs each rule's examples: an invalid example must give exactly the findings its ↓ marks
            show, a valid one none. Without DIR, tests the built-in rules. Exit 0 when all pass, 1
            when one fails, 2 when a rule file has an error.
            """,
        options: [])

    static func run(_ arguments: [String], console: Console) -> Int32 {
        let parsed: ArgumentParser.Parsed
        do {
            parsed = try ArgumentParser.parse(arguments, for: spec)
        } catch {
            console.writeError("chaff: error: \(error.message)\n")
            return 2
        }
        if parsed.help {
            console.writeOut(spec.helpText)
            return 0
        }
        let directories = parsed.positionals
        let (set, errors) = RuleSetLoader.ruleSet(defaultRules: directories.isEmpty, directories: directories, workingDirectory: console.workingDirectory)
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
