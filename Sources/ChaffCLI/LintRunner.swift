import ChaffCore
import Dispatch

/// One file (or standard input) to lint.
struct LintInput: Sendable {
    /// Where to read it; `nil` when `bytes` are given.
    var openPath: String?
    /// The path's bytes, when they are not valid UTF-8 (then `openPath` only shows them).
    var rawPath: [UInt8]? = nil
    /// How it is reported.
    var shownPath: String
    /// Its document format.
    var format: String
    /// Whether the user named it.
    var named: Bool
    /// Content already read (standard input).
    var bytes: [UInt8]?
}

/// What linting one input gave.
enum LintResult: Sendable {
    /// The findings (after fixing, those that remain) and how many fixes were written.
    case diagnostics([Diagnostic], fixed: Int)
    /// `--fix` could not write the file; the findings are as linted.
    case fixFailed([Diagnostic], reason: String)
    case unreadable(String)
    case binary
    /// Not linted: the run was stopped first.
    case notRun
}

/// Lints inputs on several threads. Each worker reads, lints and drops one file at a time, and
/// each file's result is handed on as soon as it and every file before it are done, so memory
/// holds only the files in flight and the results not yet in order.
enum LintRunner {
    /// Lints `inputs` in the sequence `order` (indices into `inputs`; all of them in their own
    /// order by default), fixing files when `fix` is set, and calls `deliver` with each input's
    /// index and result in that sequence, one call at a time. `shouldStop` is asked before each
    /// file; once it says yes the remaining inputs are not linted and not delivered (nobody is
    /// reading the report any more).
    static func run(
        _ inputs: [LintInput], order: [Int]? = nil, linter: Linter, jobs: Int?, fix: Bool = false,
        shouldStop: () -> Bool = { false }, deliver: (Int, LintResult) -> Void
    ) {
        let sequence = order ?? Array(inputs.indices)
        let workers = min(max(1, jobs ?? ProcessInfoCores.count), max(1, sequence.count))
        let next = AtomicCounter()
        withoutActuallyEscaping(shouldStop) { shouldStop in
            withoutActuallyEscaping(deliver) { deliver in
                let stop = UncheckedSendable(shouldStop)
                let delivery = OrderedDelivery<LintResult>(count: sequence.count) { deliver(sequence[$0], $1) }
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let k = next.increment()
                        guard k < sequence.count, !stop.value() else { return }
                        delivery.finish(k, lint(inputs[sequence[k]], linter: linter, fix: fix))
                    }
                }
            }
        }
    }

    static func lint(_ input: LintInput, linter: Linter, fix: Bool) -> LintResult {
        let bytes: [UInt8]
        if let given = input.bytes {
            bytes = given
        } else {
            do {
                if let raw = input.rawPath {
                    bytes = try FileReader.read(rawPath: raw)
                } else {
                    bytes = try FileReader.read(input.openPath!)
                }
            } catch {
                return .unreadable(error.reason)
            }
        }
        if FileReader.looksBinary(bytes) { return .binary }
        let document = DocumentMaker.document(path: input.shownPath, source: bytes, format: input.format, scopes: linter.scopes)
        let diagnostics = linter.lint(document)
        guard fix, let path = input.openPath, diagnostics.contains(where: { $0.fix != nil }) else {
            return .diagnostics(diagnostics, fixed: 0)
        }
        return FileFixer.fix(path: path, original: bytes, diagnostics: diagnostics, input: input, linter: linter)
    }
}

/// `--fix` for one file: apply, re-lint until stable, and write only if the file is unchanged
/// since it was read.
enum FileFixer {
    // Fixes can uncover or create others (rare); a few rounds reach a fixed point.
    static let maximumRounds = 4

    static func fix(path: String, original: [UInt8], diagnostics: [Diagnostic], input: LintInput, linter: Linter) -> LintResult {
        var bytes = original
        var current = diagnostics
        var fixed = 0
        for _ in 0..<maximumRounds {
            let (next, applied) = FixApplier.apply(current, to: bytes)
            guard applied > 0, next != bytes else { break }
            fixed += applied
            bytes = next
            current = linter.lint(DocumentMaker.document(path: input.shownPath, source: bytes, format: input.format, scopes: linter.scopes))
            if !current.contains(where: { $0.fix != nil }) { break }
        }
        guard bytes != original else { return .diagnostics(current, fixed: 0) }
        // Someone (an editor, another hook) may have saved the file while we worked: never
        // overwrite their change.
        guard let now = try? FileReader.read(path), now == original else {
            return .fixFailed(diagnostics, reason: "the file changed while chaff was reading it; not fixed")
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            return .fixFailed(diagnostics, reason: "cannot write the fixed file: \(error.reason)")
        }
        return .diagnostics(current, fixed: fixed)
    }
}
