import ChaffText

/// One option a command accepts: its names, whether it takes a value, and its help. The
/// parser and the help text both read these declarations, so an option cannot be accepted
/// without being documented, or documented without being accepted.
struct OptionSpec: Sendable {
    /// The names, short first: `["-f", "--format"]`. The last is the canonical name.
    var names: [String]
    /// The value's placeholder in help (`FORMAT`), or `nil` for a flag, which takes no value.
    var value: String?
    /// The help, one string per line of the option's help column.
    var help: [String]
    /// Whether the value may be left out (`--cache` or `--cache=DIR`). Such a value is only ever
    /// taken after `=`: the next argument is a path to lint, not the option's value.
    var valueIsOptional: Bool

    init(_ names: String..., value: String? = nil, optionalValue: Bool = false, help: String...) {
        self.names = names
        self.value = value
        self.valueIsOptional = optionalValue
        self.help = help
    }

    /// How the option is written in help: `--format FORMAT`, `--cache[=DIR]`.
    var synopsis: String {
        var left = names.joined(separator: ", ")
        if let value { left += valueIsOptional ? "[=\(value)]" : " " + value }
        return left
    }

    /// The name the parser reports for every spelling of this option.
    var canonical: String { names.last! }

    /// `--help`/`-h`, which every command accepts.
    static let help = OptionSpec("-h", "--help", help: "show this help")
}

/// What a command is for and the options it accepts: the single declaration from which both its
/// parser and its help text are made.
struct CommandSpec: Sendable {
    /// The name after `chaff` (`check`).
    var name: String
    /// The usage line, without `Usage: `.
    var usage: String
    /// The paragraph under the usage line.
    var summary: String
    /// The options, in help order; `--help` is added to every command.
    var options: [OptionSpec]
    /// Text after the option list, if any.
    var epilogue: String = ""

    /// Every option including `--help`.
    var allOptions: [OptionSpec] { options + [.help] }

    /// The help text: usage, summary, the option table, the epilogue.
    var helpText: String {
        var out = "Usage: \(usage)\n\n\(summary)\n"
        out += "\nOptions:\n"
        let column = 23
        for option in allOptions {
            let left = option.synopsis
            let padded =
                left.count <= column
                ? left + String(repeating: " ", count: column - left.count) + "  " : left + "\n" + String(repeating: " ", count: column + 4)
            out += "  " + padded + option.help[0] + "\n"
            for line in option.help.dropFirst() { out += String(repeating: " ", count: column + 4) + line + "\n" }
        }
        if !epilogue.isEmpty { out += "\n" + epilogue + "\n" }
        return out
    }
}

/// A small, strict parser for chaff's arguments, driven by a `CommandSpec`: `--name value`,
/// `--name=value`, flags, options whose value may be left out (`--name` or `--name=value`
/// only), and `--` to end options. An unknown option, a missing value, or a
/// value given to a flag is a usage error that names the option, with a "did you mean" for a
/// near miss. Every command parses with it, so they all accept and reject the same shapes.
struct ArgumentParser {
    /// A usage error.
    struct UsageError: Error {
        var message: String
    }

    /// One option as given: its canonical name and its value (`nil` for a flag).
    struct Given {
        var name: String
        var value: String?
    }

    /// The parsed command line.
    struct Parsed {
        /// Options in the order given.
        var options: [Given] = []
        /// Positional arguments.
        var positionals: [String] = []
        /// Whether `--help` or `-h` was given; the command then prints its help and does nothing else.
        var help: Bool { options.contains { $0.name == OptionSpec.help.canonical } }
    }

    /// Parses `arguments` against `command`'s options.
    static func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> Parsed {
        var parsed = Parsed()
        let options = command.allOptions
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals.append(contentsOf: arguments[index...])
                break
            }
            guard argument.hasPrefix("-") && argument != "-" else {
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            guard let option = options.first(where: { $0.names.contains(name) }) else {
                let names = options.flatMap(\.names).filter { $0.hasPrefix("--") }
                let hint = Suggestion.didYouMean(name, in: names) ?? "; see 'chaff help \(command.name)'"
                throw UsageError(message: "unknown option '\(name)' for 'chaff \(command.name)'\(hint)")
            }
            if option.value == nil {
                if inline != nil { throw UsageError(message: "option '\(name)' takes no value") }
                parsed.options.append(Given(name: option.canonical, value: nil))
                continue
            }
            if let inline {
                parsed.options.append(Given(name: option.canonical, value: inline))
                continue
            }
            if option.valueIsOptional {
                parsed.options.append(Given(name: option.canonical, value: nil))
                continue
            }
            guard index < arguments.count else { throw UsageError(message: "option '\(name)' needs a value") }
            parsed.options.append(Given(name: option.canonical, value: arguments[index]))
            index += 1
        }
        return parsed
    }
}
