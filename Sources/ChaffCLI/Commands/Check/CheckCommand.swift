import ChaffReporters
import ChaffRunner
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `chaff check [PATH…]`: lint files and report, in stages: the plan (options and the
/// primary config), the inputs (standard input and the walk), the linters (and the cache),
/// linting with each file's result collected in report order, and the report with its exit
/// status.
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
        BatchHeap.configure(for: console)
        let plan: CheckPlan
        do {
            plan = try CheckPlan.make(options, console: console)
        } catch {
            return error.status
        }
        // A run that stops early still lets the cache's opening finish: never exit halfway
        // through writing its tag.
        defer { _ = plan.cacheOpening?.wait() }
        let preparation = KindPreparation.start(plan)
        defer { preparation?.wait() }
        do {
            var inputs = try CheckInputs.gather(plan)
            let rules = try CheckLinters.make(plan, inputs: &inputs)
            return lintAndReport(plan, inputs: inputs, rules: rules, preparation: preparation)
        } catch {
            return error.status
        }
    }

    /// Lints the inputs, collecting each file's result in report order, and writes the report.
    private static func lintAndReport(
        _ plan: CheckPlan, inputs: CheckInputs, rules: CheckLinters, preparation: KindPreparation?
    ) -> Int32 {
        let (options, console) = (plan.options, plan.console)
        let showSource = plan.showSource
        let reporter = ReporterRegistry.make(options.format, color: plan.color)
        let context = Report(
            diagnostics: [], rules: rules.active, columnUnit: plan.unit, toolVersion: ChaffVersion.current,
            sourceRoot: console.workingDirectory.hasSuffix("/") ? console.workingDirectory : console.workingDirectory + "/")
        // Formats that are one line per finding are printed file by file as linting goes and
        // nothing is kept; the others, and the baselines, need the whole set.
        let streaming = options.writeBaseline == nil && options.baseline == nil ? reporter.streaming : nil
        // Nobody reads a report written to a closed pipe: stop linting and exit at once.
        let watchOutput = options.output == nil
        var collector = ReportCollector(
            console: console, streaming: streaming, context: context, threshold: plan.threshold, showSource: showSource,
            watchOutput: watchOutput)
        var inputs = inputs
        let order = reportOrder(&inputs.inputs)
        let lintInputs = inputs.inputs
        LintRunner.run(
            lintInputs, order: order, linters: rules.linters, jobs: options.jobs, fix: options.fix, showSource: showSource,
            cache: rules.cache, shouldStop: { watchOutput && console.outputClosed() },
            render: partRenderer(streaming, context: context, showSource: showSource)
        ) { index, result, rendered in
            collector.add(result, of: lintInputs[index], index: index, rendered: rendered)
        }
        rules.cache?.save()
        var report = CheckReport(plan: plan, reporter: reporter, inputs: inputs, cache: rules.cache, collected: collector)
        let status = report.finish()
        // The report is out and nothing else is left to do: freeing tens of thousands of
        // diagnostics one by one before the process exits cost a percent of such a run. The
        // cache's opening is waited for first, as `run` does on every way out.
        if console.processEndsWithCommand {
            _ = plan.cacheOpening?.wait()
            preparation?.wait()
            exit(status)
        }
        return status
    }

    /// The order inputs are linted and delivered in: report order is path order, so printing
    /// each file's findings as it comes is the sorted report. Marks the inputs that share a
    /// shown path (their findings are merged before they are rendered).
    private static func reportOrder(_ inputs: inout [LintInput]) -> [Int] {
        let order = inputs.indices.sorted { a, b in
            let (x, y) = (inputs[a].shownPath, inputs[b].shownPath)
            return x == y ? a < b : x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        for (a, b) in zip(order, order.dropFirst()) where inputs[a].shownPath == inputs[b].shownPath {
            inputs[a].sharesPath = true
            inputs[b].sharesPath = true
        }
        return order
    }

    /// How workers render their files' parts of a streamed report: `nil` when the format is not
    /// streamed. Findings stored by the cache are written straight from their bytes when the
    /// format is the plain compiler one.
    private static func partRenderer(_ streaming: (any StreamingReporter)?, context: Report, showSource: Bool) -> PartRenderer? {
        guard let streaming else { return nil }
        var renderer = PartRenderer(part: { streaming.renderPartBytes($0, of: context) })
        if let compiler = streaming as? CompilerReporter, !compiler.color, !showSource {
            renderer.storedLine = { finding, path, out in
                CompilerReporter.appendPlainLine(
                    escapedPath: path, line: finding.line, column: finding.column, severity: finding.severity, message: finding.message,
                    ruleID: finding.ruleID, to: &out)
            }
        }
        return renderer
    }
}
