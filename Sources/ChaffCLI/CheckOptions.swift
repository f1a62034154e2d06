import ChaffCore

/// Options of `chaff check`, as parsed from the command line.
struct CheckOptions {
    var paths: [String] = []
    var format = "compiler"
    var output: String?
    var ruleDirectories: [String] = []
    var noDefaultRules = false
    var select: [String] = []
    var ignore: [String] = []
    var failOn: String?
    var configPath: String?
    var noConfig = false
    var quiet = false
    var color = "auto"
    var columnUnit: ColumnUnit?
    var stdinFilename: String?
    var jobs: Int?
    var regexSeconds = 5.0
    var fix = false
    var baseline: String?
    var writeBaseline: String?
    /// Apply ignore files and `exclude` to the paths named on the command line too.
    var forceExclude = false
    /// Do not read `.gitignore`, `.ignore` and `.chaffignore` files.
    var noIgnore = false

    /// Parses the options after `check`.
    static func parse(_ arguments: [String]) throws(ArgumentParser.UsageError) -> CheckOptions {
        var parser = ArgumentParser(arguments)
        var options = CheckOptions()
        while let option = parser.nextOption() {
            switch option {
            case "--format", "-f":
                options.format = try parser.value(for: option)
                guard ReporterRegistry.names.contains(options.format) else {
                    throw .init(message: "unknown format '\(options.format)'; choose one of \(ReporterRegistry.names.joined(separator: ", "))")
                }
            case "--output", "-o": options.output = try parser.value(for: option)
            case "--rules": options.ruleDirectories.append(try parser.value(for: option))
            case "--no-default-rules": try parser.noValue(for: option); options.noDefaultRules = true
            case "--select": options.select += splitList(try parser.value(for: option))
            case "--ignore": options.ignore += splitList(try parser.value(for: option))
            case "--fail-on":
                let value = try parser.value(for: option)
                guard ["error", "warning", "note", "never"].contains(value) else {
                    throw .init(message: "--fail-on must be error, warning, note or never, found '\(value)'")
                }
                options.failOn = value
            case "--config": options.configPath = try parser.value(for: option)
            case "--no-config": try parser.noValue(for: option); options.noConfig = true
            case "--quiet", "-q": try parser.noValue(for: option); options.quiet = true
            case "--fix": try parser.noValue(for: option); options.fix = true
            case "--force-exclude": try parser.noValue(for: option); options.forceExclude = true
            case "--no-ignore": try parser.noValue(for: option); options.noIgnore = true
            case "--baseline": options.baseline = try parser.value(for: option)
            case "--write-baseline": options.writeBaseline = try parser.value(for: option)
            case "--color":
                options.color = try parser.value(for: option)
                guard ["auto", "always", "never"].contains(options.color) else {
                    throw .init(message: "--color must be auto, always or never, found '\(options.color)'")
                }
            case "--column-unit":
                let value = try parser.value(for: option)
                guard let unit = ColumnUnit(rawValue: value) else {
                    throw .init(message: "--column-unit must be one of \(ColumnUnit.allCases.map(\.rawValue).joined(separator: ", ")), found '\(value)'")
                }
                options.columnUnit = unit
            case "--stdin-filename": options.stdinFilename = try parser.value(for: option)
            case "--jobs", "-j":
                let value = try parser.value(for: option)
                guard let jobs = Int(value), jobs >= 1, jobs <= 256 else {
                    throw .init(message: "--jobs must be a whole number from 1 to 256, found '\(value)'")
                }
                options.jobs = jobs
            case "--regex-timeout":
                let value = try parser.value(for: option)
                guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                    throw .init(message: "--regex-timeout must be a number of seconds above 0, found '\(value)'")
                }
                options.regexSeconds = seconds
            default:
                throw .init(message: "unknown option '\(option)' for 'chaff check'; see 'chaff help check'")
            }
        }
        options.paths = parser.positionals
        if options.fix && options.paths.contains("-") {
            throw .init(message: "--fix cannot rewrite standard input; name the files instead")
        }
        let supported = ReporterRegistry.supportedColumnUnits(options.format)
        if let unit = options.columnUnit, !supported.contains(unit) {
            throw .init(message: "format '\(options.format)' cannot express '\(unit.rawValue)' columns; use \(supported.map(\.rawValue).joined(separator: " or "))")
        }
        return options
    }

    private static func splitList(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
