import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `chaff` executable as a real process, for what an in-process run cannot
/// show: signals, closed pipes, exit statuses set by the kernel.
struct ExecutableRun {
    /// The exit status, or 128 + the signal number when a signal ended the process (as a
    /// shell reports it).
    var status: Int32
    var out: String
    var err: String

    /// The built executable, next to the test bundle.
    static func executable() throws -> String {
        try #require(CopiedBinaryTests.builtExecutable(), "the chaff executable was not built next to the tests")
    }

    /// Runs chaff with `arguments` in `directory` and waits for it; after `timeout` seconds it
    /// is killed (and the test fails), so a hang cannot stall the suite. `executable` replaces
    /// chaff as the program run (a wrapper such as setpriv).
    static func run(_ arguments: [String], in directory: String, timeout: Double = 60, executable: String? = nil) throws -> ExecutableRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? Self.executable())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = DispatchWorkItem { [process] in
            Issue.record("chaff did not finish within \(timeout) s: \(arguments)")
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        defer { deadline.cancel() }
        // Read both pipes while the process runs, so a large report cannot fill a pipe and stall.
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (pipe, isOut) in [(out, true), (err, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(String(decoding: data, as: UTF8.self), isOut: isOut)
                group.leave()
            }
        }
        process.waitUntilExit()
        group.wait()
        return ExecutableRun(status: shellStatus(process), out: collected.out, err: collected.err)
    }

    /// 128 + signal for a process a signal ended, else its exit status.
    static func shellStatus(_ process: Process) -> Int32 {
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

/// Output gathered by reader threads.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var values = ("", "")
    func set(_ text: String, isOut: Bool) { lock.withLock { if isOut { values.0 = text } else { values.1 = text } } }
    var out: String { lock.withLock { values.0 } }
    var err: String { lock.withLock { values.1 } }
}

/// Whether the tests run as root, where permission bits do not stop reads.
let runningAsRoot = geteuid() == 0
