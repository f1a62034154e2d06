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
    case diagnostics([Diagnostic])
    case unreadable(String)
    case binary
    /// Not linted: the run was stopped first.
    case notRun
}

/// Lints inputs on several threads. Each worker reads, lints and drops one file at a time, so
/// memory holds only the files in flight; results keep the input order.
enum LintRunner {
    /// Lints `inputs`; `shouldStop` is asked before each file, and once it says yes the
    /// remaining inputs are left `.notRun` (nobody is reading the report any more).
    static func run(_ inputs: [LintInput], linter: Linter, jobs: Int?, shouldStop: () -> Bool = { false }) -> [LintResult] {
        let slots = ResultSlots<LintResult>(count: inputs.count, initial: .notRun)
        let workers = min(max(1, jobs ?? ProcessInfoCores.count), max(1, inputs.count))
        let next = AtomicCounter()
        withoutActuallyEscaping(shouldStop) { shouldStop in
            let stop = UncheckedSendable(shouldStop)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.increment()
                    guard i < inputs.count, !stop.value() else { return }
                    slots[i] = lint(inputs[i], linter: linter)
                }
            }
        }
        return slots.values
    }

    static func lint(_ input: LintInput, linter: Linter) -> LintResult {
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
        let document = DocumentMaker.document(path: input.shownPath, source: bytes, format: input.format)
        return .diagnostics(linter.lint(document))
    }
}
