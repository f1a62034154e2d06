import ChaffEngine
import ChaffKinds
import ChaffRunner
import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `chaff stream [INPUT]`: tag the documents of a JSON Lines stream, for corpus pipelines.
enum StreamCommand {
    /// The longest line read by default; a longer one gets an error record.
    static let defaultMaximumLineBytes = 64 << 20

    /// `chaff stream`.
    static let spec = CommandSpec(
        name: "stream", usage: "chaff stream [OPTIONS] [INPUT]",
        summary: """
            Tags documents for corpus pipelines (Spark, datatrove, dolma). Reads JSON Lines from
            INPUT or standard input ('-'), one document a line: {"id": string or number, "text":
            string, "format": "text"|"markdown"|"html"|"rst" (optional), "language" (optional,
            passed through), other members passed through}. Writes one JSON object a line, in
            the input's order: the id, the findings (rule, severity, message, match, fix, and
            the span as byte offsets byteStart/byteEnd and as code point offsets
            charStart/charEnd into the text), the signals (characters; findings per 1,000
            characters for each rule family; hanCharacters; traditionalShare, the share of
            Traditional-only among Simplified-only and Traditional-only characters; glossDensity,
            glossed Han characters per Han character; null when there is nothing to share)
            and the other members. A line that is no such record gets {"id": … or null,
            "error": {"line", "column", "message"}} and the stream goes on.
            The config is the nearest .chaff.json to the working directory (or --config).

            Exit status: 0 every line was tagged; 1 some line got an error record; 2 a usage,
            config or rule-file error (nothing is read), or the input could not be read (the
            records before are written); 141 the output was closed.
            """,
        options: [
            OptionSpec("--rules", value: "DIR", help: "load rule files from DIR (repeatable)"),
            OptionSpec("--no-default-rules", help: "do not load the built-in rules"),
            OptionSpec("--select", value: "ID[,ID…]", help: "run only these rules or families (repeatable)"),
            OptionSpec("--ignore", value: "ID[,ID…]", help: "do not run these rules or families (repeatable)"),
            OptionSpec("--config", value: "FILE", help: "read this config instead of the nearest .chaff.json"),
            OptionSpec("--no-config", help: "read no config file"),
            OptionSpec(
                "--default-format", value: "FORMAT", help: "text (default), markdown, html or rst: the format of",
                "records without 'format'"),
            OptionSpec("--max-line-bytes", value: "N", help: "longest line read (default 64 MiB); a longer one gets", "an error record"),
            OptionSpec("-j", "--jobs", value: "N", help: "documents tagged in parallel (default: number of cores)"),
            OptionSpec("--regex-timeout", value: "SECONDS", help: "time for regular expressions per document (default 5)"),
        ])

    /// The options of one run.
    struct Options {
        var input: String?
        var ruleDirectories: [String] = []
        var noDefaultRules = false
        var select: [String] = []
        var ignore: [String] = []
        var configPath: String?
        var noConfig = false
        var defaultFormat = "text"
        var maximumLineBytes = StreamCommand.defaultMaximumLineBytes
        var jobs: Int?
        var regexSeconds = 5.0
        /// Lines in flight per worker (read, not yet written).
        var windowPerJob = 64
    }

    static func run(_ arguments: [String], console: Console) -> Int32 {
        let options: Options
        switch CommandEntry.parse(console, help: spec.helpText, { () throws(ArgumentParser.UsageError) in try parse(arguments) }) {
        case .run(let parsed): options = parsed
        case .exit(let status): return status
        }
        return run(options, console: console)
    }

    /// Parses the options; `nil` for `--help`.
    static func parse(_ arguments: [String]) throws(ArgumentParser.UsageError) -> Options? {
        let parsed = try ArgumentParser.parse(arguments, for: spec)
        if parsed.help { return nil }
        var options = Options()
        for given in parsed.options {
            let value = given.value ?? ""
            switch given.name {
            case "--rules": options.ruleDirectories.append(value)
            case "--no-default-rules": options.noDefaultRules = true
            case "--select": options.select += splitList(value)
            case "--ignore": options.ignore += splitList(value)
            case "--config": options.configPath = value
            case "--no-config": options.noConfig = true
            case "--default-format":
                guard StreamRecordParser.formats.contains(value) else {
                    throw .init(
                        message: "--default-format must be one of \(StreamRecordParser.formats.joined(separator: ", ")), found '\(value)'")
                }
                options.defaultFormat = value
            case "--max-line-bytes":
                guard let bytes = Int(value), bytes >= 1, bytes <= 1 << 32 else {
                    throw .init(message: "--max-line-bytes must be a whole number from 1 to 4294967296, found '\(value)'")
                }
                options.maximumLineBytes = bytes
            case "--jobs": options.jobs = try OptionValue.jobs(value)
            case "--regex-timeout": options.regexSeconds = try OptionValue.regexSeconds(value)
            default:
                fatalError("option \(given.name) is declared but not handled")
            }
        }
        guard parsed.positionals.count <= 1 else {
            throw .init(
                message:
                    "chaff stream reads one input, found \(parsed.positionals.count): \(parsed.positionals.map { "'\(TerminalSafe.escape($0))'" }.joined(separator: ", "))"
            )
        }
        options.input = parsed.positionals.first
        return options
    }

    /// Runs with parsed options.
    static func run(_ options: Options, console: Console) -> Int32 {
        guard let linter = configuredLinter(options, console: console) else { return 2 }
        let families = StreamOutput.families(linter.rules.map(\.rule.id))
        let shownInput = options.input ?? "-"
        guard let fd = openInput(options.input, console: console) else { return 2 }
        defer { if fd != 0 { close(fd) } }

        let jobs = max(1, options.jobs ?? ProcessInfoCores.count)
        let reader = StreamLineReader(fd: fd, maximumLineBytes: options.maximumLineBytes)
        let runner = StreamRunner(reader: reader, window: jobs * options.windowPerJob) { bytes in
            console.writeOut(String(decoding: bytes, as: UTF8.self))
            return !console.outputClosed()
        }
        let defaultFormat = options.defaultFormat
        let maximum = options.maximumLineBytes
        let summary = runner.run(jobs: jobs) { number, line in
            tag(line, number: number, linter: linter, families: families, defaultFormat: defaultFormat, maximumLineBytes: maximum)
        }
        if summary.outputClosed { return Console.closedOutputStatus }
        if let failure = summary.readFailure {
            console.writeError("\(TerminalSafe.escape(shownInput)): error: cannot read: \(failure)\n")
            return 2
        }
        if let first = summary.firstError {
            console.writeError(
                "chaff: \(summary.errors) of \(summary.lines) line\(summary.lines == 1 ? "" : "s") got an error record (first: line \(first.line): \(first.message))\n"
            )
            return 1
        }
        return 0
    }

    /// The linter of the rules the configuration and options select; nil after writing why not.
    private static func configuredLinter(_ options: Options, console: Console) -> Linter? {
        guard
            let (loaded, config) = ConfiguredRules.loadForCommand(
                configPath: options.configPath, noConfig: options.noConfig, commandLine: options.ruleDirectories,
                noDefaultRules: options.noDefaultRules, console: console, checkSelect: options.select.isEmpty)
        else { return nil }
        let cliErrors = ConfiguredRules.commandLineErrors(select: options.select, ignore: options.ignore, sets: [loaded.configured])
        guard cliErrors.isEmpty else {
            for line in cliErrors { console.writeError(line + "\n") }
            return nil
        }
        let active: [ActiveRule]
        do {
            active = try RuleSelection.active(
                loaded.configured, select: options.select.isEmpty ? config.select : options.select,
                ignore: config.ignore + options.ignore, severities: config.severities, strict: false)
        } catch {
            console.writeError("chaff: error: \(error.message)\n")
            return nil
        }
        return Linter(
            rules: active, columnUnit: .scalar, regexSeconds: options.regexSeconds, knownRuleIDs: loaded.configured.rules.map(\.id))
    }

    /// The descriptor to read: standard input (0) for none or `-`; nil after writing why the file cannot be opened.
    private static func openInput(_ input: String?, console: Console) -> Int32? {
        guard let input, input != "-" else { return 0 }
        let path = input.hasPrefix("/") ? input : console.workingDirectory + "/" + input
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            console.writeError("\(TerminalSafe.escape(input)): error: cannot read: \(String(cString: strerror(errno)))\n")
            return nil
        }
        return fd
    }

    /// The record for one input line.
    static func tag(_ line: StreamLine, number: Int, linter: Linter, families: [String], defaultFormat: String, maximumLineBytes: Int)
        -> StreamRunner.Outcome
    {
        let document: StreamDocument
        switch line {
        case .tooLong(let bytes):
            let error = StreamRecordError(
                column: 1, message: "the line is \(bytes) bytes long, over --max-line-bytes (\(maximumLineBytes))")
            return (StreamOutput.error(line: number, error), error.message)
        case .text(let bytes):
            do {
                document = try StreamRecordParser.parse(bytes)
            } catch {
                return (StreamOutput.error(line: number, error), error.message)
            }
        }
        let made = DocumentMaker.document(
            path: streamPath, text: document.text, origin: nil, format: document.format ?? defaultFormat, scopes: linter.scopes)
        let diagnostics = linter.lint(made)
        return (StreamOutput.record(document, diagnostics: diagnostics, signals: DocumentSignals.measure(made), families: families), nil)
    }

    /// The path diagnostics of a streamed document carry; nothing reports it.
    static let streamPath = "<stream>"

    private static func splitList(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
