import ChaffEngine
import ChaffReporters
import ChaffRunner
import ChaffText

/// The end of a `chaff check` run: the baseline written or applied, the report rendered and
/// written, the notes, and the exit status.
struct CheckReport {
    let plan: CheckPlan
    let reporter: any Reporter
    var inputs: CheckInputs
    let cache: ResultCache?
    var collected: ReportCollector

    /// Finishes the run; returns its exit status.
    mutating func finish() -> Int32 {
        let (options, console) = (plan.options, plan.console)
        if collected.watchOutput && console.outputClosed() { return Console.closedOutputStatus }
        collected.finish()
        // Messages about single files keep the order of the inputs, as before streaming.
        inputs.problems += collected.problems.sorted { $0.index < $1.index }.map(\.text)
        var notes = collected.notes.sorted { $0.index < $1.index }.map(\.text)
        collected.skippedBinary.sort { $0.index < $1.index }
        if collected.streaming == nil { Diagnostic.putInReportOrder(&collected.diagnostics) }
        if let path = options.writeBaseline { return writeBaseline(to: path) }
        if let path = options.baseline {
            guard let accepted = applyBaseline(path) else { return 2 }
            if accepted > 0 && !options.quiet {
                notes.append("chaff: note: \(accepted) finding\(accepted == 1 ? "" : "s") accepted by the baseline")
            }
        }
        if collected.showSource && collected.streaming == nil { collected.tally.add(collected.diagnostics) }
        if let status = writeReport() { return status }
        if !options.quiet { writeNotes(notes + runNotes()) }
        for problem in inputs.problems { console.writeError(problem + "\n") }
        if collected.showSource && !options.quiet {
            console.writeError(collected.tally.summary(filesChecked: collected.filesChecked) + "\n")
        }
        if !inputs.problems.isEmpty { return 2 }
        guard let threshold = plan.threshold else { return 0 }
        if collected.streaming != nil { return collected.failed ? 1 : 0 }
        return collected.diagnostics.contains { $0.severity >= threshold } ? 1 : 0
    }

    /// `--write-baseline`: every finding is written to the baseline instead of reported.
    private func writeBaseline(to path: String) -> Int32 {
        let console = plan.console
        let baseline = Baseline(
            diagnostics: collected.diagnostics,
            relativePath: BaselinePaths(baselineFile: path, workingDirectory: console.workingDirectory).relative)
        do {
            try AtomicFile.createParentDirectories(of: path)
            try AtomicFile.write(Array(baseline.serialized().utf8), to: path)
            let count = baseline.entries.count
            console.writeError("chaff: wrote \(count) finding\(count == 1 ? "" : "s") to the baseline \(TerminalSafe.escape(path))\n")
        } catch {
            console.writeError("\(TerminalSafe.escape(path)): error: cannot write the baseline: \(error.reason)\n")
            return 2
        }
        for problem in inputs.problems { console.writeError(problem + "\n") }
        return inputs.problems.isEmpty ? 0 : 2
    }

    /// `--baseline`: drops the findings the baseline accepts; returns how many, or `nil` when
    /// the baseline cannot be read (its error written).
    private mutating func applyBaseline(_ path: String) -> Int? {
        let console = plan.console
        let baseline: Baseline
        do {
            baseline = try Baseline.parse(try FileReader.read(path), path: PathDisplay.relative(path, to: console.workingDirectory))
        } catch let error as SourceError {
            console.writeError(error.description + "\n")
            return nil
        } catch let error as FileReader.Failure {
            console.writeError("\(TerminalSafe.escape(path)): error: cannot read the baseline: \(error.reason)\n")
            return nil
        } catch {
            return nil
        }
        let (kept, accepted) = baseline.filter(
            collected.diagnostics, relativePath: BaselinePaths(baselineFile: path, workingDirectory: console.workingDirectory).relative)
        collected.diagnostics = kept
        return accepted
    }

    /// Writes the report (the whole of it for formats that are not streamed, the streamed one
    /// for `--output`); returns an exit status when nobody reads it any more.
    private mutating func writeReport() -> Int32? {
        let context = collected.context
        let report =
            collected.streaming == nil
            ? Report(
                diagnostics: collected.diagnostics, rules: context.rules, columnUnit: plan.unit, toolVersion: context.toolVersion,
                sourceRoot: context.sourceRoot) : nil
        if let output = plan.options.output {
            do {
                try AtomicFile.createParentDirectories(of: output)
                // As bytes: a large report made into a `String` was validated only to be written out.
                try AtomicFile.write(report.map { reporter.renderBytes($0) } ?? Array(collected.streamed.utf8), to: output)
            } catch {
                inputs.problems.append("\(output): error: cannot write output: \(error.reason)")
            }
        } else {
            // Written as the reporter makes it, never held whole.
            if let report { reporter.write(report) { plan.console.writeOutBytes($0) } }
            if plan.console.outputClosed() { return Console.closedOutputStatus }
        }
        return nil
    }

    /// The notes on what the run selected and reused: `--changed`, `--shard`, the cache.
    private func runNotes() -> [String] {
        let options = plan.options
        let selection = inputs.selection
        var notes: [String] = []
        if let changes = inputs.changes {
            let found = selection.found
            notes.append(
                "chaff: note: --changed: \(selection.changed) of \(found) file\(found == 1 ? "" : "s") changed since \(changes.baseDescription)"
            )
        }
        if let shard = options.shard {
            let of = inputs.changes == nil ? selection.found : selection.changed
            notes.append("chaff: note: --shard \(shard.index)/\(shard.count): \(selection.inShard) of \(of) file\(of == 1 ? "" : "s")")
        }
        if let cache {
            let (hits, misses) = cache.counts
            notes.append("chaff: note: cache: \(hits) file\(hits == 1 ? "" : "s") unchanged (findings reused), \(misses) linted")
            if let failure = cache.writeFailure {
                notes.append("\(TerminalSafe.escape(options.cache!)): warning: cannot write to the cache: \(failure)")
            }
        }
        return notes
    }

    /// Writes `notes` and the notes on what was skipped, fixed or cut.
    private func writeNotes(_ notes: [String]) {
        let (console, expansion) = (plan.console, inputs.expansion)
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        for note in notes { console.writeError(note + "\n") }
        if let first = collected.skippedBinary.first {
            console.writeError(
                "chaff: note: skipped \(plural(collected.skippedBinary.count, "binary file")) (first: \(TerminalSafe.escape(first.path)))\n"
            )
        }
        if plan.options.fix {
            console.writeError(
                "chaff: fixed \(plural(collected.fixedFindings, "finding")) in \(plural(collected.fixedFiles, "file"))\n")
        }
        if let first = expansion.excludedNamed.first {
            console.writeError(
                "chaff: note: skipped \(plural(expansion.excludedNamed.count, "excluded path")) named on the command line (--force-exclude; first: \(TerminalSafe.escape(first)))\n"
            )
        }
        if let first = expansion.brokenLinks.first {
            let shown = TerminalSafe.escape(PathDisplay.relative(first, to: console.workingDirectory))
            console.writeError(
                "chaff: note: skipped \(plural(expansion.brokenLinks.count, "broken symbolic link")) (first: \(shown))\n")
        }
        let count = collected.diagnostics.count
        if plan.options.format == "sarif" && count > SARIFReporter.maximumResults {
            console.writeError(
                "chaff: warning: \(count) results; SARIF output keeps the first \(SARIFReporter.maximumResults), GitHub's limit per run\n")
        }
    }
}
