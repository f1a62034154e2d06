import ChaffCore
import Dispatch

/// `chaff check [PATH…]`: lint files and report.
enum CheckCommand {
    /// Runs `chaff check` (or `chaff fix`, with `spec: CheckOptions.fixSpec`).
    static func run(_ arguments: [String], console: Console, spec: CommandSpec = CheckOptions.spec) -> Int32 {
        let options: CheckOptions
        switch CommandEntry.parse(
            console, help: spec.helpText, { () throws(ArgumentParser.UsageError) in try CheckOptions.parse(arguments, spec: spec) })
        {
        case .run(let parsed): options = parsed
        case .exit(let status): return status
        }
        let unit = options.columnUnit ?? ReporterRegistry.defaultColumnUnit(options.format)
        let config: Configuration
        do {
            config = try ConfigDiscovery.load(
                explicit: options.configPath, disabled: options.noConfig, workingDirectory: console.workingDirectory)
        } catch {
            console.writeError(error.description + "\n")
            return 2
        }
        // The config found from the working directory (or forced) comes first: its errors stop
        // the run before anything is walked. Configs nearer to the files are met in the walk.
        let tree = ConfigTree(options: options, workingDirectory: console.workingDirectory)
        let (primaryErrors, primaryLoaded) = tree.addPrimary(config)
        if !primaryErrors.isEmpty {
            var lines = primaryErrors
            if primaryLoaded {
                lines += ConfiguredRules.commandLineErrors(select: options.select, ignore: options.ignore, sets: [tree.contexts[0].rules])
            }
            for line in lines { console.writeError(line + "\n") }
            return 2
        }

        let cacheOpening = options.cache.map { directory in
            CacheOpening(
                directory: directory.hasPrefix("/") ? directory : console.workingDirectory + "/" + directory,
                toolVersion: BuildIdentity.current)
        }
        // A run that stops early still lets the opening finish: never exit halfway through
        // writing the cache's tag.
        defer { _ = cacheOpening?.wait() }
        var problems: [String] = []
        var inputs: [LintInput] = []
        var paths = options.paths.isEmpty ? ["."] : options.paths
        if let dash = paths.firstIndex(of: "-") {
            paths.remove(at: dash)
            do {
                let bytes = try console.readInput()
                let name = options.stdinFilename ?? Diagnostic.standardInputPath
                // A named standard input gets the config of the directory its name is in.
                let context = options.stdinFilename == nil ? 0 : tree.context(forFile: name)
                inputs.append(
                    LintInput(
                        openPath: nil, shownPath: name,
                        format: format(for: name, config: tree.contexts[context].config, cwd: console.workingDirectory), named: true,
                        bytes: bytes, linter: context))
            } catch {
                problems.append("<stdin>: error: cannot read standard input: \(error.reason)")
            }
        }
        let primaryPolicy = tree.contexts[0].policy
        var walker = FileWalker(
            exclude: config.exclude, excludeBase: config.directory, workingDirectory: console.workingDirectory,
            documents: primaryPolicy.documents, ignoreFiles: !options.noIgnore, forceExclude: options.forceExclude)
        if !tree.forced { walker.policy = { tree.policy(forDirectory: $0) } }
        let expansion = walker.walk(paths)
        for problem in expansion.problems {
            // A path the user typed is shown as typed; one found in a walk like a finding's path.
            let path = problem.named ? problem.path : PathDisplay.relative(problem.path, to: console.workingDirectory)
            problems.append("\(shown(path)): error: \(problem.reason)")
        }
        var changes: ChangeSet?
        if let base = options.changed {
            do {
                changes = try ChangeSet.load(
                    base: base, lines: options.diffLines, directory: console.workingDirectory, environment: console.environment)
            } catch {
                console.writeError("chaff: error: \(error.message)\n")
                return 2
            }
        }
        var selection = FileSelection(found: expansion.files.count)
        for entry in expansion.files {
            let shownPath = PathDisplay.relative(entry.path, to: console.workingDirectory)
            var changedLines: ChangedLines?
            if let changes {
                guard let lines = changes.changes(ofFile: entry.path, workingDirectory: console.workingDirectory) else { continue }
                selection.changed += 1
                if options.diffLines { changedLines = lines }
            }
            if let shard = options.shard {
                guard shard.contains(shownPath) else { continue }
                selection.inShard += 1
            }
            let context = tree.context(forFile: entry.path)
            inputs.append(
                LintInput(
                    openPath: entry.path, rawPath: entry.rawPath, shownPath: shownPath,
                    format: format(for: shownPath, config: tree.contexts[context].config, cwd: console.workingDirectory),
                    named: entry.named, bytes: nil, linter: context, changedLines: changedLines))
        }
        // Errors in the configs met in the walk, then command-line patterns that match no rule
        // under any config: nothing is linted.
        var seenErrors = Set<String>()
        let configErrors = tree.errors.filter { seenErrors.insert($0).inserted }
        let cliErrors = ConfiguredRules.commandLineErrors(select: options.select, ignore: options.ignore, sets: tree.contexts.map(\.rules))
        if !configErrors.isEmpty || !cliErrors.isEmpty {
            for line in configErrors + cliErrors { console.writeError(line + "\n") }
            return 2
        }
        var linters: [Linter] = []
        var allActive: [ActiveRule] = []
        for context in tree.contexts {
            let active: [ActiveRule]
            do {
                active = try RuleSelection.active(
                    context.rules, select: options.select.isEmpty ? context.config.select : options.select,
                    ignore: context.config.ignore + options.ignore, severities: context.config.severities, strict: false)
            } catch {
                console.writeError("chaff: error: \(error.message)\n")
                return 2
            }
            linters.append(
                Linter(rules: active, columnUnit: unit, regexSeconds: options.regexSeconds, knownRuleIDs: context.rules.rules.map(\.id)))
            for rule in active where !allActive.contains(where: { $0.rule.id == rule.rule.id }) { allActive.append(rule) }
        }
        var cache: ResultCache?
        if let directory = options.cache, let cacheOpening {
            switch cacheOpening.wait() {
            case .success(let opened):
                cache = opened
                var digests: [String: UInt64] = [:]
                for index in inputs.indices {
                    let input = inputs[index]
                    let name = "\(input.linter)\u{0}\(input.format)"
                    if digests[name] == nil {
                        digests[name] = CacheSettings.digest(
                            linter: linters[input.linter], format: input.format, configSource: tree.contexts[input.linter].config.source)
                    }
                    inputs[index].cacheSettings = digests[name]
                }
            case .failure(let error):
                problems.append("\(shown(directory)): error: cannot use the cache directory: \(error.reason)")
            }
        }
        cache?.ruleIDs = allActive.map(\.rule.id)
        // One config: its rules in their order; several: every rule that ran under any, by id.
        let active = tree.contexts.count == 1 ? allActive : allActive.sorted { $0.rule.id < $1.rule.id }

        let color: Bool
        switch options.color {
        case "always": color = true
        case "never": color = false
        default: color = console.outputIsTerminal && options.output == nil && console.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
        // Source lines and the summary are for a person reading a terminal: never in a pipe or a
        // file unless asked for, so what programs read stays as it was.
        let showSource =
            options.format == CompilerReporter.formatName
            && (options.showSource ?? (console.outputIsTerminal && options.output == nil))
            && options.writeBaseline == nil
        let reporter = ReporterRegistry.make(options.format, color: color)
        let context = Report(
            diagnostics: [], rules: active, columnUnit: unit, toolVersion: ChaffVersion.current,
            sourceRoot: console.workingDirectory.hasSuffix("/") ? console.workingDirectory : console.workingDirectory + "/")
        let failOn = options.failOn ?? (config.failOnNever ? "never" : config.failOn?.rawValue ?? "warning")
        let threshold = Severity(rawValue: failOn)
        // Formats that are one line per finding are printed file by file as linting goes and
        // nothing is kept; the others, and the baselines, need the whole set.
        let streaming = options.writeBaseline == nil && options.baseline == nil ? reporter as? any StreamingReporter : nil
        var streamed = ""
        var failed = false

        // Nobody reads a report written to a closed pipe: stop linting and exit at once.
        let watchOutput = options.output == nil
        var diagnostics: [Diagnostic] = []
        var skippedBinary: [(index: Int, path: String)] = []
        var inputProblems: [(index: Int, text: String)] = []
        var inputNotes: [(index: Int, text: String)] = []
        var fixedFindings = 0
        var fixedFiles = 0
        var filesChecked = 0
        var tally = FindingTally()
        var group = ReportGroup()
        // `rendered`: the part a worker already rendered for exactly `found`.
        func emit(_ found: [Diagnostic], rendered: String? = nil) {
            guard !found.isEmpty else { return }
            guard let streaming else {
                diagnostics += found
                return
            }
            if let threshold, !failed { failed = found.contains { $0.severity >= threshold } }
            if showSource { tally.add(found) }
            let text = rendered ?? streaming.renderPart(found, of: context)
            if watchOutput { console.writeOut(text) } else { streamed += text }
        }
        // Report order is path order: files are linted and delivered in the order of their
        // shown paths, so printing each file's findings as it comes is the sorted report.
        let order = inputs.indices.sorted { a, b in
            let (x, y) = (inputs[a].shownPath, inputs[b].shownPath)
            return x == y ? a < b : x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        for (a, b) in zip(order, order.dropFirst()) where inputs[a].shownPath == inputs[b].shownPath {
            inputs[a].sharesPath = true
            inputs[b].sharesPath = true
        }
        LintRunner.run(
            inputs, order: order, linters: linters, jobs: options.jobs, fix: options.fix, showSource: showSource, cache: cache,
            shouldStop: { watchOutput && console.outputClosed() },
            render: partRenderer(streaming, context: context, showSource: showSource)
        ) { index, result, rendered in
            let input = inputs[index]
            if let ready = group.next(path: input.shownPath) { emit(ready.diagnostics, rendered: ready.rendered) }
            switch result {
            case .diagnostics(let found, let fixed, let encoding):
                filesChecked += 1
                group.add(found, rendered: rendered)
                if let encoding {
                    inputNotes.append((index, "\(TerminalSafe.escape(input.shownPath)): note: read as \(encoding.displayName), not UTF-8"))
                }
                if fixed > 0 {
                    fixedFindings += fixed
                    fixedFiles += 1
                }
            case .rendered(let part, let count, let worst, let encoding):
                // Straight from the cache: never a path shared with another input, so the group
                // is this file alone.
                filesChecked += 1
                if count > 0 {
                    if let threshold, let worst, !failed { failed = worst >= threshold }
                    if watchOutput { console.writeOut(part) } else { streamed += part }
                }
                if let encoding {
                    inputNotes.append((index, "\(TerminalSafe.escape(input.shownPath)): note: read as \(encoding.displayName), not UTF-8"))
                }
            case .fixFailed(let found, let reason):
                filesChecked += 1
                group.add(found, rendered: rendered)
                inputProblems.append((index, "\(TerminalSafe.escape(input.shownPath)): error: \(reason)"))
            case .undecodable(let reason):
                inputNotes.append((index, "\(TerminalSafe.escape(input.shownPath)): note: not linted: \(reason)"))
            case .unreadable(let reason):
                inputProblems.append((index, "\(TerminalSafe.escape(input.shownPath)): error: cannot read: \(reason)"))
            case .binary:
                if input.named {
                    inputNotes.append(
                        (index, "\(TerminalSafe.escape(input.shownPath)): note: not linted: the file looks binary (it contains a NUL byte)")
                    )
                } else {
                    skippedBinary.append((index, input.shownPath))
                }
            case .notRun: break
            }
        }
        cache?.save()
        if watchOutput && console.outputClosed() { return Console.closedOutputStatus }
        let last = group.finish()
        emit(last.diagnostics, rendered: last.rendered)
        // Messages about single files keep the order of the inputs, as before streaming.
        problems += inputProblems.sorted { $0.index < $1.index }.map(\.text)
        var notes = inputNotes.sorted { $0.index < $1.index }.map(\.text)
        skippedBinary.sort { $0.index < $1.index }
        if streaming == nil { diagnostics.sort(by: Diagnostic.reportOrder) }
        if let path = options.writeBaseline {
            let baseline = Baseline(
                diagnostics: diagnostics,
                relativePath: BaselinePaths(baselineFile: path, workingDirectory: console.workingDirectory).relative)
            do {
                try AtomicFile.createParentDirectories(of: path)
                try AtomicFile.write(Array(baseline.serialized().utf8), to: path)
                console.writeError(
                    "chaff: wrote \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") to the baseline \(TerminalSafe.escape(path))\n"
                )
            } catch {
                console.writeError("\(TerminalSafe.escape(path)): error: cannot write the baseline: \(error.reason)\n")
                return 2
            }
            for problem in problems { console.writeError(problem + "\n") }
            return problems.isEmpty ? 0 : 2
        }
        if let path = options.baseline {
            let baseline: Baseline
            do {
                baseline = try Baseline.parse(try FileReader.read(path), path: PathDisplay.relative(path, to: console.workingDirectory))
            } catch let error as SourceError {
                console.writeError(error.description + "\n")
                return 2
            } catch let error as FileReader.Failure {
                console.writeError("\(TerminalSafe.escape(path)): error: cannot read the baseline: \(error.reason)\n")
                return 2
            } catch {
                return 2
            }
            let (kept, accepted) = baseline.filter(
                diagnostics, relativePath: BaselinePaths(baselineFile: path, workingDirectory: console.workingDirectory).relative)
            diagnostics = kept
            if accepted > 0 && !options.quiet {
                notes.append("chaff: note: \(accepted) finding\(accepted == 1 ? "" : "s") accepted by the baseline")
            }
        }

        if showSource && streaming == nil { tally.add(diagnostics) }
        let rendered =
            streaming == nil
            ? reporter.render(
                Report(
                    diagnostics: diagnostics, rules: context.rules, columnUnit: unit, toolVersion: context.toolVersion,
                    sourceRoot: context.sourceRoot)) : streamed
        if let output = options.output {
            do {
                try AtomicFile.createParentDirectories(of: output)
                try AtomicFile.write(Array(rendered.utf8), to: output)
            } catch {
                problems.append("\(output): error: cannot write output: \(error.reason)")
            }
        } else {
            if streaming == nil { console.writeOut(rendered) }
            if console.outputClosed() { return Console.closedOutputStatus }
        }
        if !options.quiet {
            if let changes {
                notes.append(
                    "chaff: note: --changed: \(selection.changed) of \(selection.found) file\(selection.found == 1 ? "" : "s") changed since \(changes.baseDescription)"
                )
            }
            if let shard = options.shard {
                let of = changes == nil ? selection.found : selection.changed
                notes.append("chaff: note: --shard \(shard.index)/\(shard.count): \(selection.inShard) of \(of) file\(of == 1 ? "" : "s")")
            }
            if let cache {
                let (hits, misses) = cache.counts
                notes.append("chaff: note: cache: \(hits) file\(hits == 1 ? "" : "s") unchanged (findings reused), \(misses) linted")
                if let failure = cache.writeFailure {
                    notes.append("\(shown(options.cache!)): warning: cannot write to the cache: \(failure)")
                }
            }
            for note in notes { console.writeError(note + "\n") }
            if !skippedBinary.isEmpty {
                console.writeError(
                    "chaff: note: skipped \(skippedBinary.count) binary file\(skippedBinary.count == 1 ? "" : "s") (first: \(TerminalSafe.escape(skippedBinary[0].path)))\n"
                )
            }
            if options.fix {
                console.writeError(
                    "chaff: fixed \(fixedFindings) finding\(fixedFindings == 1 ? "" : "s") in \(fixedFiles) file\(fixedFiles == 1 ? "" : "s")\n"
                )
            }
            if let first = expansion.excludedNamed.first {
                let count = expansion.excludedNamed.count
                console.writeError(
                    "chaff: note: skipped \(count) excluded path\(count == 1 ? "" : "s") named on the command line (--force-exclude; first: \(shown(first)))\n"
                )
            }
            if let first = expansion.brokenLinks.first {
                let count = expansion.brokenLinks.count
                console.writeError(
                    "chaff: note: skipped \(count) broken symbolic link\(count == 1 ? "" : "s") (first: \(shown(PathDisplay.relative(first, to: console.workingDirectory))))\n"
                )
            }
            if options.format == "sarif" && diagnostics.count > SARIFReporter.maximumResults {
                console.writeError(
                    "chaff: warning: \(diagnostics.count) results; SARIF output keeps the first \(SARIFReporter.maximumResults), GitHub's limit per run\n"
                )
            }
        }
        for problem in problems { console.writeError(problem + "\n") }
        if showSource && !options.quiet { console.writeError(tally.summary(filesChecked: filesChecked) + "\n") }
        if !problems.isEmpty { return 2 }
        guard let threshold else { return 0 }
        if streaming != nil { return failed ? 1 : 0 }
        return diagnostics.contains { $0.severity >= threshold } ? 1 : 0
    }

    /// How many files the walk found and how many `--changed` and `--shard` kept.
    private struct FileSelection {
        var found: Int
        var changed = 0
        var inShard = 0
    }

    /// A path for a message on stderr: as the user wrote it (or as found below it), with
    /// control characters escaped.
    private static func shown(_ path: String) -> String { TerminalSafe.escape(path) }

    /// How workers render their files' parts of a streamed report: `nil` when the format is not
    /// streamed. Findings stored by the cache are written straight from their bytes when the
    /// format is the plain compiler one.
    private static func partRenderer(_ streaming: (any StreamingReporter)?, context: Report, showSource: Bool) -> PartRenderer? {
        guard let streaming else { return nil }
        var renderer = PartRenderer(part: { streaming.renderPart($0, of: context) })
        if let compiler = streaming as? CompilerReporter, !compiler.color, !showSource {
            renderer.storedLine = { finding, path, out in
                CompilerReporter.appendPlainLine(
                    escapedPath: path, line: finding.line, column: finding.column, severity: finding.severity, message: finding.message,
                    ruleID: finding.ruleID, to: &out)
            }
        }
        return renderer
    }

    private static func format(for shownPath: String, config: Configuration, cwd: String) -> String {
        // Most configs set no format patterns: then the path alone decides, with no path work.
        if config.formats.isEmpty { return DocumentMaker.format(forPath: shownPath) }
        let absolute = shownPath.hasPrefix("/") ? shownPath : cwd + "/" + shownPath
        let relative = PathDisplay.relative(absolute, to: config.directory)
        if let override = config.formats.first(where: { $0.glob.matches(relative) }) { return override.format }
        return DocumentMaker.format(forPath: shownPath)
    }
}
