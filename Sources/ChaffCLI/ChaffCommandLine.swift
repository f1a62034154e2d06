import ChaffCore

/// The `chaff` command line, callable in-process.
public enum ChaffCommandLine {
    /// Runs `arguments` (without the program name) and returns the exit status:
    /// 0 no finding at or above `--fail-on`, 1 some finding is, 2 usage, config, rule-file or I/O error.
    public static func run(_ arguments: [String], console: Console = .standard()) -> Int32 {
        guard let first = arguments.first else {
            return CheckCommand.run([], console: console)
        }
        switch first {
        case "check": return CheckCommand.run(Array(arguments.dropFirst()), console: console)
        case "fix": return CheckCommand.run(["--fix"] + arguments.dropFirst(), console: console)
        case "rules": return RulesCommand.run(Array(arguments.dropFirst()), console: console)
        case "rule": return RuleCommand.run(Array(arguments.dropFirst()), console: console)
        case "test-rules": return TestRulesCommand.run(Array(arguments.dropFirst()), console: console)
        case "help": return HelpCommand.run(Array(arguments.dropFirst()), console: console)
        case "--help", "-h":
            console.writeOut(HelpText.overview)
            return 0
        case "--version", "-V":
            console.writeOut("chaff \(ChaffVersion.current)\n")
            return 0
        default:
            // `chaff PATH…` and `chaff --format sarif PATH…` are shorthands for `chaff check …`.
            return CheckCommand.run(arguments, console: console)
        }
    }
}
