import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        case "fix": return CheckCommand.run(Array(arguments.dropFirst()), console: console, spec: CheckOptions.fixSpec)
        case "rules": return RulesCommand.run(Array(arguments.dropFirst()), console: console)
        case "rule": return RuleCommand.run(Array(arguments.dropFirst()), console: console)
        case "stream": return StreamCommand.run(Array(arguments.dropFirst()), console: console)
        case "test-rules": return TestRulesCommand.run(Array(arguments.dropFirst()), console: console)
        case "lsp": return LSPCommand.run(Array(arguments.dropFirst()), console: console)
        case "cache": return CacheCommand.run(Array(arguments.dropFirst()), console: console)
        case "help": return HelpCommand.run(Array(arguments.dropFirst()), console: console)
        case "--help", "-h":
            console.writeOut(HelpText.overview)
            return 0
        case "--version", "-V":
            console.writeOut("chaff \(ChaffVersion.current)\n")
            return 0
        default:
            // `chaff chek docs` is a typo, not a request to lint a file called `chek`: a first
            // argument that names no existing file and is a near miss of a command is an error.
            if !first.hasPrefix("-"), let command = Suggestion.closest(to: first, in: HelpText.commandNames),
                !pathExists(first, workingDirectory: console.workingDirectory)
            {
                console.writeError("chaff: error: unknown command '\(TerminalSafe.escape(first))'; did you mean '\(command)'?\n")
                return 2
            }
            // `chaff PATH…` and `chaff --format sarif PATH…` are shorthands for `chaff check …`.
            return CheckCommand.run(arguments, console: console)
        }
    }

    /// Whether `path` (relative to `workingDirectory` unless absolute) exists, even as a broken
    /// symbolic link.
    private static func pathExists(_ path: String, workingDirectory: String) -> Bool {
        let full = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var info = stat()
        return lstat(full, &info) == 0
    }
}
