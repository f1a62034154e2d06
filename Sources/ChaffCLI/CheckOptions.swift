import ChaffKinds
import ChaffReporters
import ChaffRunner
import ChaffText

/// Options of `chaff check`, as parsed from the command line.
struct CheckOptions {
    var paths: [String] = []
    var format = "compiler"
    var output: String?
    var ruleDirectories: [String] = []
    var noDefaultRules = false
    var select: [String] = []
    var ignore: [String] = []
    /// `--preset NAME`: a typography preset, replacing the config's.
    var preset: String?
    var failOn: String?
    var configPath: String?
    var noConfig = false
    var quiet = false
    var color = "auto"
    /// `--show-source` (true), `--no-show-source` (false), or neither (on a terminal).
    var showSource: Bool?
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
    /// `--shard I/N`: lint only the files in this part.
    var shard: FileShard?
    /// `--changed[=REF]`: lint only files changed since the base; `.some(nil)` for the default base.
    var changed: String??
    /// `--diff-lines`: report only findings on changed lines (implies `--changed`).
    var diffLines = false
    /// `--cache[=DIR]`: the cache directory.
    var cache: String?

    /// The cache directory when `--cache` names none, relative to the working directory.
    static let defaultCacheDirectory = ".chaff-cache"

    /// The options of `chaff check`, in help order: the parser's table and the help's.
    static let optionSpecs: [OptionSpec] = [
        OptionSpec("-f", "--format", value: "FORMAT", help: ReporterRegistry.formatHelp),
        OptionSpec(
            "-o", "--output", value: "FILE", help: "write the report to FILE (atomically) instead of stdout;",
            "missing directories are created"),
        OptionSpec(
            "--rules", value: "DIR", help: "load rule files from DIR (repeatable); an id that exists",
            "built in replaces the built-in rule"),
        OptionSpec("--no-default-rules", help: "do not load the built-in rules"),
        OptionSpec(
            "--select", value: "ID[,ID…]", help: "run only these rules; a prefix selects a family",
            "('placeholder' = placeholder-*); selecting a rule that is",
            "off by default turns it on (repeatable)"),
        OptionSpec("--ignore", value: "ID[,ID…]", help: "do not run these rules or families (repeatable)"),
        OptionSpec(
            "--preset", value: "NAME", help: "turn on a typography preset's rules with its options:",
            "\(StringList.joined(TypographyPresets.names, separator: ", ")) (replaces the config's 'preset')"),
        OptionSpec(
            "--fail-on", value: "LEVEL", help: "error, warning (default), note or never: the lowest",
            "severity that makes chaff exit 1"),
        OptionSpec("--config", value: "FILE", help: "read this config instead of the nearest .chaff.json"),
        OptionSpec("--no-config", help: "read no config file"),
        OptionSpec("--column-unit", value: "UNIT", help: "utf8, utf16, scalar or display (see below)"),
        OptionSpec("--stdin-filename", value: "NAME", help: "the name to report for '-' (also picks the format)"),
        OptionSpec("-j", "--jobs", value: "N", help: "files linted in parallel (default: number of cores)"),
        OptionSpec("--regex-timeout", value: "SECONDS", help: "time for regular expressions per file (default 5)"),
        OptionSpec(
            "--color", value: "WHEN", help: "auto (default: only on a terminal, never with NO_COLOR),",
            "always, never"),
        OptionSpec(
            "--show-source", help: "compiler format: print each finding's source line with",
            "carets under it, and a summary on stderr (default: only",
            "when stdout is a terminal and there is no --output)"),
        OptionSpec("--no-show-source", help: "never print source lines or the summary"),
        OptionSpec(
            "--fix", help: "rewrite files to apply the fixes rules offer (atomically,",
            "keeping permissions; files needing no change are not",
            "touched); the remaining findings are reported"),
        OptionSpec("--no-ignore", help: "do not read .chaffignore, .ignore, .gitignore files"),
        OptionSpec(
            "--force-exclude", help: "apply ignore files and 'exclude' to named paths too (for",
            "pre-commit and editors, which name files)"),
        OptionSpec("--baseline", value: "FILE", help: "do not report findings accepted in FILE"),
        OptionSpec("--write-baseline", value: "FILE", help: "write every current finding to FILE and exit 0"),
        OptionSpec(
            "--shard", value: "I/N", help: "lint only part I of N (from 0): files are split by a hash",
            "of their path, so N jobs together lint each file once"),
        OptionSpec(
            "--changed", value: "REF", optionalValue: true,
            help: "lint only files changed since the merge base of REF and",
            "HEAD (committed, staged, unstaged or untracked); without",
            "REF: the index under pre-commit, else the merge base with",
            "the upstream branch, else HEAD (see docs/scale.md)"),
        OptionSpec(
            "--diff-lines", help: "report only findings on lines changed since the base",
            "(implies --changed; cannot be used with --fix)"),
        OptionSpec(
            "--cache", value: "DIR", optionalValue: true,
            help: "reuse the findings of files unchanged since the last run",
            "(same content, rules, options and chaff); DIR defaults",
            "to \(defaultCacheDirectory)"),
        OptionSpec("-q", "--quiet", help: "no notes or summary on stderr"),
    ]

    static let columnsEpilogue = """
        Columns are 1-based. Default unit per format: compiler and json count Unicode scalars;
        sarif and github count UTF-16 code units (sarif says so in run.columnKind and accepts
        only utf16 or scalar). Vim's %c wants utf8, VS Code utf16, Emacs display.
        """

    /// `chaff check`.
    static let spec = CommandSpec(
        name: "check", usage: "chaff check [OPTIONS] [PATH…]",
        summary: """
            Lints files. Directories are walked recursively in sorted order, and a walk lints only
            documents: .txt, .text, .rst, .rest, .md, .markdown, .mdx, .html, .htm,
            .xhtml, extensionless README, LICENSE, CHANGELOG-like files, and paths matched by the
            config's 'formats'; the config's 'include' replaces that set. A walk skips hidden entries
            (.git, .cache, …), directory symlinks, the config's 'exclude', and what .chaffignore,
            .ignore and .gitignore files (and .git/info/exclude) ignore, with gitignore rules;
            .gitignore only inside a git work tree. Files that look binary are skipped with a note.
            Files in UTF-16, UTF-32, GB18030/GBK or Big5 are decoded and reported with positions
            in their own bytes.
            A file named on the command line is read whatever its type, and even when ignored
            unless --force-exclude is given. Overlapping paths lint a file once.
            '-' reads standard input.
            """,
        options: optionSpecs, epilogue: columnsEpilogue)

    /// `chaff fix`: `check` with `--fix` implied, so `--fix` is not among its options.
    static let fixSpec = CommandSpec(
        name: "fix", usage: "chaff fix [OPTIONS] [PATH…]",
        summary: """
            The same as 'chaff check --fix': rewrites files to apply the fixes rules offer
            (atomically, keeping permissions; files needing no change are not touched), then
            reports the findings that remain. Standard input cannot be fixed.
            """,
        options: optionSpecs.filter { $0.canonical != "--fix" }, epilogue: columnsEpilogue)

    /// Parses the options after `check` (or after `fix`, with `spec: fixSpec`, which implies
    /// `--fix`). `nil` means `--help` was given and nothing else should happen.
    static func parse(_ arguments: [String], spec: CommandSpec = spec) throws(ArgumentParser.UsageError) -> CheckOptions? {
        let parsed = try ArgumentParser.parse(arguments, for: spec)
        if parsed.help { return nil }
        var options = CheckOptions()
        options.fix = spec.name == fixSpec.name
        for given in parsed.options where !options.applyPlain(given) {
            try options.applyChecked(given)
        }
        options.paths = parsed.positionals
        try options.checkCombinations()
        return options
    }

    /// Applies an option whose value needs no checking; `false` when `given` is not one of them.
    private mutating func applyPlain(_ given: ArgumentParser.Given) -> Bool {
        let value = given.value ?? ""
        switch given.name {
        case "--output": output = value
        case "--rules": ruleDirectories.append(value)
        case "--no-default-rules": noDefaultRules = true
        case "--select": select += Self.splitList(value)
        case "--ignore": ignore += Self.splitList(value)
        case "--config": configPath = value
        case "--no-config": noConfig = true
        case "--quiet": quiet = true
        case "--fix": fix = true
        case "--show-source": showSource = true
        case "--no-show-source": showSource = false
        case "--force-exclude": forceExclude = true
        case "--no-ignore": noIgnore = true
        case "--baseline": baseline = value
        case "--write-baseline": writeBaseline = value
        case "--diff-lines": diffLines = true
        case "--stdin-filename": stdinFilename = value
        default: return false
        }
        return true
    }

    /// Applies an option whose value must be one of a set or well-formed.
    private mutating func applyChecked(_ given: ArgumentParser.Given) throws(ArgumentParser.UsageError) {
        let value = given.value ?? ""
        switch given.name {
        case "--format":
            format = value
            guard ReporterRegistry.names.contains(format) else {
                throw .init(
                    message: "unknown format '\(format)'; choose one of \(ReporterRegistry.names.joined(separator: ", "))")
            }
        case "--preset":
            guard TypographyPresets.names.contains(value) else {
                throw .init(message: "--preset must be one of \(TypographyPresets.names.joined(separator: ", ")), found '\(value)'")
            }
            preset = value
        case "--fail-on":
            guard ["error", "warning", "note", "never"].contains(value) else {
                throw .init(message: "--fail-on must be error, warning, note or never, found '\(value)'")
            }
            failOn = value
        case "--shard":
            guard let parsed = FileShard(parsing: value) else {
                throw .init(message: "--shard must be I/N with whole numbers 0 <= I < N (0/3, 1/3, 2/3), found '\(value)'")
            }
            shard = parsed
        case "--changed":
            if given.value?.isEmpty == true {
                throw .init(message: "--changed= needs a revision after '='; leave '=' out for the default base")
            }
            changed = .some(given.value)
        case "--cache":
            if given.value?.isEmpty == true {
                throw .init(message: "--cache= needs a directory after '='; leave '=' out for \(Self.defaultCacheDirectory)")
            }
            cache = given.value ?? Self.defaultCacheDirectory
        case "--color":
            color = value
            guard ["auto", "always", "never"].contains(color) else {
                throw .init(message: "--color must be auto, always or never, found '\(color)'")
            }
        case "--column-unit":
            guard let unit = ColumnUnit(rawValue: value) else {
                throw .init(
                    message:
                        "--column-unit must be one of \(ColumnUnit.allCases.map(\.rawValue).joined(separator: ", ")), found '\(value)'")
            }
            columnUnit = unit
        case "--jobs": jobs = try OptionValue.jobs(value)
        case "--regex-timeout": regexSeconds = try OptionValue.regexSeconds(value)
        default:
            // The parser only returns declared options; one declared but not handled here is a bug.
            fatalError("option \(given.name) is declared but not handled")
        }
    }

    /// Refuses options that contradict one another or the input.
    private mutating func checkCombinations() throws(ArgumentParser.UsageError) {
        if fix && paths.contains("-") {
            throw .init(message: "--fix cannot rewrite standard input; name the files instead")
        }
        if diffLines && changed == nil { changed = .some(nil) }
        if diffLines && fix {
            throw .init(
                message: "--diff-lines cannot be used with --fix: a fix rewrites the whole file; use --changed to fix changed files")
        }
        if paths.contains("-") {
            if shard != nil { throw .init(message: "--shard splits files; standard input ('-') cannot be split") }
            if changed != nil { throw .init(message: "--changed selects files git sees; standard input ('-') has no history") }
        }
        if showSource == true && format != CompilerReporter.formatName {
            throw .init(message: "--show-source applies to the compiler format only, not '\(format)'")
        }
        let supported = ReporterRegistry.supportedColumnUnits(format)
        if let unit = columnUnit, !supported.contains(unit) {
            throw .init(
                message:
                    "format '\(format)' cannot express '\(unit.rawValue)' columns; use \(supported.map(\.rawValue).joined(separator: " or "))"
            )
        }
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
