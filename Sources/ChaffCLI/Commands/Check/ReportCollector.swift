import ChaffEngine
import ChaffReporters
import ChaffRunner
import ChaffText

/// What the files' results add up to as they are delivered in report order: formats that are
/// one line per finding are printed file by file as linting goes and nothing is kept; the
/// others, and the baselines, keep every finding for the end.
struct ReportCollector {
    let console: Console
    /// The streamed format, or `nil` when the whole set is rendered at the end.
    let streaming: (any StreamingReporter)?
    /// The rules and column unit parts are rendered with.
    let context: Report
    let threshold: Severity?
    let showSource: Bool
    /// Whether parts go to standard output as they come (else into `streamed`, for `--output`).
    let watchOutput: Bool

    /// The findings kept for the end (formats that are not streamed).
    var diagnostics: [Diagnostic] = []
    /// The streamed report, when it is written to a file at the end.
    var streamed = ""
    /// Whether a streamed finding reached the threshold.
    var failed = false
    var skippedBinary: [(index: Int, path: String)] = []
    var problems: [(index: Int, text: String)] = []
    var notes: [(index: Int, text: String)] = []
    var fixedFindings = 0
    var fixedFiles = 0
    var filesChecked = 0
    var tally = FindingTally()
    private var group = ReportGroup()

    init(
        console: Console, streaming: (any StreamingReporter)?, context: Report, threshold: Severity?, showSource: Bool,
        watchOutput: Bool
    ) {
        self.console = console
        self.streaming = streaming
        self.context = context
        self.threshold = threshold
        self.showSource = showSource
        self.watchOutput = watchOutput
    }

    /// Takes the result of `input` (its index among the inputs), whose findings a worker may
    /// have `rendered` already.
    mutating func add(_ result: LintResult, of input: LintInput, index: Int, rendered: [UInt8]?) {
        if let ready = group.next(path: input.shownPath) { emit(ready.diagnostics, rendered: ready.rendered) }
        var path: String { TerminalSafe.escape(input.shownPath) }
        switch result {
        case .diagnostics(let found, let fixed, let encoding):
            filesChecked += 1
            group.add(found, rendered: rendered)
            if let encoding { notes.append((index, "\(path): note: read as \(encoding.displayName), not UTF-8")) }
            if fixed > 0 {
                fixedFindings += fixed
                fixedFiles += 1
            }
        case .rendered(let part, let count, let worst, let encoding):
            // Straight from the cache: never a path shared with another input, so the group is
            // this file alone.
            filesChecked += 1
            if count > 0 {
                if let threshold, let worst, !failed { failed = worst >= threshold }
                write(part)
            }
            if let encoding { notes.append((index, "\(path): note: read as \(encoding.displayName), not UTF-8")) }
        case .fixFailed(let found, let reason):
            filesChecked += 1
            group.add(found, rendered: rendered)
            problems.append((index, "\(path): error: \(reason)"))
        case .undecodable(let reason):
            notes.append((index, "\(path): note: not linted: \(reason)"))
        case .unreadable(let reason):
            problems.append((index, "\(path): error: cannot read: \(reason)"))
        case .binary:
            if input.named {
                notes.append((index, "\(path): note: not linted: the file looks binary (it contains a NUL byte)"))
            } else {
                skippedBinary.append((index, input.shownPath))
            }
        case .notRun: break
        }
    }

    /// Emits the last file's findings.
    mutating func finish() {
        let last = group.finish()
        emit(last.diagnostics, rendered: last.rendered)
    }

    /// Reports one file's findings: printed at once when streamed, else kept. `rendered` is the
    /// part a worker already rendered for exactly `found`.
    private mutating func emit(_ found: [Diagnostic], rendered: [UInt8]? = nil) {
        guard !found.isEmpty else { return }
        guard let streaming else {
            diagnostics += found
            return
        }
        if let threshold, !failed { failed = found.contains { $0.severity >= threshold } }
        if showSource { tally.add(found) }
        write(rendered ?? streaming.renderPartBytes(found, of: context))
    }

    /// Writes a part of the report, in UTF-8: a part kept as bytes is written as it is.
    private mutating func write(_ part: [UInt8]) {
        if watchOutput { part.withUnsafeBufferPointer(console.writeOutBytes) } else { streamed += String(decoding: part, as: UTF8.self) }
    }
}
