/// A small, strict parser for chaff's arguments: `--name value`, `--name=value`, flags, and
/// `--` to end options. Unknown options are usage errors that name the option.
struct ArgumentParser {
    /// A usage error.
    struct UsageError: Error {
        var message: String
    }

    private var arguments: [String]
    private var index = 0
    /// Positional arguments seen so far.
    private(set) var positionals: [String] = []

    init(_ arguments: [String]) { self.arguments = arguments }

    /// The next option name (without its value) or `nil` at the end; positionals are collected.
    mutating func nextOption() -> String? {
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                positionals.append(contentsOf: arguments[(index + 1)...])
                index = arguments.count
                return nil
            }
            if argument.hasPrefix("-") && argument != "-" {
                index += 1
                if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                    pendingValue = String(argument[argument.index(after: eq)...])
                    return String(argument[..<eq])
                }
                pendingValue = nil
                return argument
            }
            positionals.append(argument)
            index += 1
        }
        return nil
    }

    private var pendingValue: String?

    /// The value of the option just returned.
    mutating func value(for option: String) throws(UsageError) -> String {
        if let pending = pendingValue {
            pendingValue = nil
            return pending
        }
        guard index < arguments.count else { throw UsageError(message: "option '\(option)' needs a value") }
        let value = arguments[index]
        index += 1
        return value
    }

    /// Fails if the option just returned was given a value with `=`.
    mutating func noValue(for option: String) throws(UsageError) {
        if pendingValue != nil { throw UsageError(message: "option '\(option)' takes no value") }
    }
}
