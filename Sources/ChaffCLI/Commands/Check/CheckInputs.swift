import ChaffEngine
import ChaffRunner
import ChaffText

/// The inputs of a `chaff check` run: standard input and the files the walk found, after
/// `--changed` and `--shard`, each with its format and config; and what went wrong finding them.
struct CheckInputs {
    var inputs: [LintInput] = []
    /// Errors to print after the report (unreadable paths, standard input that failed).
    var problems: [String] = []
    /// What the walk found besides files: named paths excluded, broken links.
    var expansion: FileWalker.Expansion
    /// With `--changed`: what git reports as changed.
    var changes: ChangeSet?
    /// How many files the walk found and how many `--changed` and `--shard` kept.
    var selection: FileSelection

    /// How many files the walk found and how many `--changed` and `--shard` kept.
    struct FileSelection {
        var found: Int
        var changed = 0
        var inShard = 0
    }

    /// Reads standard input when named, walks the paths and keeps the files `--changed` and
    /// `--shard` select. Errors in the configs met in the walk, command-line patterns that
    /// match no rule under any config, and a `--changed` that git cannot answer stop the run.
    static func gather(_ plan: CheckPlan) throws(CheckExit) -> CheckInputs {
        let (options, console, tree) = (plan.options, plan.console, plan.tree)
        var paths = options.paths.isEmpty ? ["."] : options.paths
        var stdin: (input: LintInput?, problem: String?) = (nil, nil)
        if let dash = paths.firstIndex(of: "-") {
            paths.remove(at: dash)
            stdin = standardInput(plan)
        }
        let primaryPolicy = tree.contexts[0].policy
        var walker = FileWalker(
            exclude: plan.config.exclude, excludeBase: plan.config.directory, workingDirectory: console.workingDirectory,
            documents: primaryPolicy.documents, ignoreFiles: !options.noIgnore, forceExclude: options.forceExclude)
        if !tree.forced { walker.policy = { tree.policy(forDirectory: $0) } }
        var gathered = CheckInputs(expansion: walker.walk(paths), selection: FileSelection(found: 0))
        gathered.selection.found = gathered.expansion.files.count
        if let input = stdin.input { gathered.inputs.append(input) }
        if let problem = stdin.problem { gathered.problems.append(problem) }
        for problem in gathered.expansion.problems {
            // A path the user typed is shown as typed; one found in a walk like a finding's path.
            let path = problem.named ? problem.path : PathDisplay.relative(problem.path, to: console.workingDirectory)
            gathered.problems.append("\(TerminalSafe.escape(path)): error: \(problem.reason)")
        }
        if let base = options.changed {
            do {
                gathered.changes = try ChangeSet.load(
                    base: base, lines: options.diffLines, directory: console.workingDirectory, environment: console.environment)
            } catch {
                console.writeError("chaff: error: \(error.message)\n")
                throw CheckExit(status: 2)
            }
        }
        gathered.addFiles(plan)
        try gathered.stopOnConfigErrors(plan)
        return gathered
    }

    /// Standard input as an input (shown as `--stdin-filename` when given, with that path's
    /// config), or why it could not be read.
    private static func standardInput(_ plan: CheckPlan) -> (input: LintInput?, problem: String?) {
        let options = plan.options
        do {
            let bytes = try plan.console.readInput()
            let name = options.stdinFilename ?? Diagnostic.standardInputPath
            // A named standard input gets the config of the directory its name is in.
            let context = options.stdinFilename == nil ? 0 : plan.tree.context(forFile: name)
            var input = LintInput(
                openPath: nil, shownPath: name,
                format: format(for: name, config: plan.tree.contexts[context].config, cwd: plan.console.workingDirectory), named: true,
                bytes: bytes, linter: context)
            input.locale = locale(for: name, config: plan.tree.contexts[context].config, cwd: plan.console.workingDirectory)
            return (input, nil)
        } catch {
            return (nil, "<stdin>: error: cannot read standard input: \(error.reason)")
        }
    }

    /// Adds the walked files that `--changed` and `--shard` keep.
    private mutating func addFiles(_ plan: CheckPlan) {
        let (options, cwd) = (plan.options, plan.console.workingDirectory)
        for entry in expansion.files {
            let shownPath = PathDisplay.relative(entry.path, to: cwd)
            var changedLines: ChangedLines?
            if let changes {
                guard let lines = changes.changes(ofFile: entry.path, workingDirectory: cwd) else { continue }
                selection.changed += 1
                if options.diffLines { changedLines = lines }
            }
            if let shard = options.shard {
                guard shard.contains(shownPath) else { continue }
                selection.inShard += 1
            }
            let context = plan.tree.context(forFile: entry.path)
            let config = plan.tree.contexts[context].config
            var input = LintInput(
                openPath: entry.path, rawPath: entry.rawPath, shownPath: shownPath,
                format: Self.format(for: shownPath, config: config, cwd: cwd),
                named: entry.named, bytes: nil, linter: context, changedLines: changedLines)
            input.locale = Self.locale(for: shownPath, config: config, cwd: cwd)
            inputs.append(input)
        }
    }

    /// Errors in the configs met in the walk, then command-line patterns that match no rule
    /// under any config: nothing is linted.
    private func stopOnConfigErrors(_ plan: CheckPlan) throws(CheckExit) {
        var seenErrors = Set<String>()
        let configErrors = plan.tree.errors.filter { seenErrors.insert($0).inserted }
        let cliErrors = ConfiguredRules.commandLineErrors(
            select: plan.options.select, ignore: plan.options.ignore, sets: plan.tree.contexts.map(\.rules))
        guard configErrors.isEmpty && cliErrors.isEmpty else {
            for line in configErrors + cliErrors { plan.console.writeError(line + "\n") }
            throw CheckExit(status: 2)
        }
    }

    /// The locale `config`'s `locales` patterns give the file shown as `shownPath`, or nil.
    private static func locale(for shownPath: String, config: Configuration, cwd: String) -> String? {
        if config.locales.isEmpty { return nil }
        let absolute = shownPath.hasPrefix("/") ? shownPath : cwd + "/" + shownPath
        return config.locale(forRelativePath: PathDisplay.relative(absolute, to: config.directory))
    }

    /// The document format of the file shown as `shownPath` under `config`.
    private static func format(for shownPath: String, config: Configuration, cwd: String) -> String {
        // Most configs set no format patterns: then the path alone decides, with no path work.
        if config.formats.isEmpty { return DocumentMaker.format(forPath: shownPath) }
        let absolute = shownPath.hasPrefix("/") ? shownPath : cwd + "/" + shownPath
        let relative = PathDisplay.relative(absolute, to: config.directory)
        if let override = config.formats.first(where: { $0.glob.matches(relative) }) { return override.format }
        return DocumentMaker.format(forPath: shownPath)
    }
}
