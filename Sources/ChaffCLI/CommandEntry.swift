/// The start every command shares: its arguments parsed, or the exit status already decided
/// (the help printed: 0; a usage error reported: 2).
enum CommandEntry {
    /// Options to run with, or the status to exit with.
    enum Outcome<Options> {
        case run(Options)
        case exit(Int32)
    }

    /// Runs `parse`; `nil` from it means help was asked for. The help text is made only then:
    /// laying out a command's options cost 430,000 instructions on every run.
    static func parse<Options>(
        _ console: Console, help: @autoclosure () -> String, _ parse: () throws(ArgumentParser.UsageError) -> Options?
    ) -> Outcome<Options> {
        do {
            guard let options = try parse() else {
                console.writeOut(help())
                return .exit(0)
            }
            return .run(options)
        } catch {
            console.writeError("chaff: error: \(error.message)\n")
            return .exit(2)
        }
    }

    /// `arguments` parsed against `spec` alone, for commands with no typed options of their own.
    static func parse(_ arguments: [String], for spec: CommandSpec, console: Console) -> Outcome<ArgumentParser.Parsed> {
        parse(console, help: spec.helpText) { () throws(ArgumentParser.UsageError) -> ArgumentParser.Parsed? in
            let parsed = try ArgumentParser.parse(arguments, for: spec)
            return parsed.help ? nil : parsed
        }
    }
}

/// Values that several commands' options take, read and checked once.
enum OptionValue {
    /// `--jobs N`: 1 to 256 workers.
    static func jobs(_ value: String) throws(ArgumentParser.UsageError) -> Int {
        guard let jobs = Int(value), jobs >= 1, jobs <= 256 else {
            throw .init(message: "--jobs must be a whole number from 1 to 256, found '\(value)'")
        }
        return jobs
    }

    /// `--regex-timeout SECONDS`: above 0, at most an hour.
    static func regexSeconds(_ value: String) throws(ArgumentParser.UsageError) -> Double {
        guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
            throw .init(message: "--regex-timeout must be a number of seconds above 0, found '\(value)'")
        }
        return seconds
    }
}
