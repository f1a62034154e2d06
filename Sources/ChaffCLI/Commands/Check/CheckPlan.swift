import ChaffEngine
import ChaffReporters
import ChaffRunner
import ChaffText

/// Why `chaff check` stops before its report: the exit status, its message already written.
struct CheckExit: Error {
    /// The process's exit status.
    var status: Int32
}

/// What a `chaff check` run is asked to do, decided before anything is walked: the options,
/// the config found from the working directory and the tree of configs met later, the column
/// unit, and the cache being opened.
struct CheckPlan {
    var options: CheckOptions
    var console: Console
    /// The config found from the working directory (or forced).
    var config: Configuration
    var tree: ConfigTree
    /// The column unit of every position in the report.
    var unit: ColumnUnit
    /// The `--cache` directory being opened beside the walk.
    var cacheOpening: CacheOpening?

    /// The plan for `options`; the primary config's errors (and the command line's patterns
    /// that match none of its rules) stop the run before anything is walked.
    static func make(_ options: CheckOptions, console: Console) throws(CheckExit) -> CheckPlan {
        let config: Configuration
        do {
            config = try ConfigDiscovery.load(
                explicit: options.configPath, disabled: options.noConfig, workingDirectory: console.workingDirectory)
        } catch {
            console.writeError(error.description + "\n")
            throw CheckExit(status: 2)
        }
        // Configs nearer to the files are met in the walk.
        let tree = ConfigTree(options: options, workingDirectory: console.workingDirectory)
        let (primaryErrors, primaryLoaded) = tree.addPrimary(config)
        if !primaryErrors.isEmpty {
            var lines = primaryErrors
            if primaryLoaded {
                lines += ConfiguredRules.commandLineErrors(select: options.select, ignore: options.ignore, sets: [tree.contexts[0].rules])
            }
            for line in lines { console.writeError(line + "\n") }
            throw CheckExit(status: 2)
        }
        let cacheOpening = options.cache.map { directory in
            CacheOpening(
                directory: directory.hasPrefix("/") ? directory : console.workingDirectory + "/" + directory,
                toolVersion: BuildIdentity.current)
        }
        return CheckPlan(
            options: options, console: console, config: config, tree: tree,
            unit: options.columnUnit ?? ReporterRegistry.defaultColumnUnit(options.format), cacheOpening: cacheOpening)
    }

    /// Whether findings are coloured.
    var color: Bool {
        switch options.color {
        case "always": return true
        case "never": return false
        default: return console.outputIsTerminal && options.output == nil && console.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }

    /// Whether compiler lines carry their source line. Source lines and the summary are for a
    /// person reading a terminal: never in a pipe or a file unless asked for, so what programs
    /// read stays as it was.
    var showSource: Bool {
        options.format == CompilerReporter.formatName && (options.showSource ?? (console.outputIsTerminal && options.output == nil))
            && options.writeBaseline == nil
    }

    /// The severity from which findings fail the run; `nil` for `never`.
    var threshold: Severity? {
        Severity(rawValue: options.failOn ?? (config.failOnNever ? "never" : config.failOn?.rawValue ?? "warning"))
    }
}
