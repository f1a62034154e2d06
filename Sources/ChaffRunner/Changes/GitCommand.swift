import Foundation

/// Runs `git` (found on `PATH`) and collects what it prints.
enum GitCommand {
    /// What one run gave.
    struct Output {
        var status: Int32
        var out: [UInt8]
        var err: String

        /// Standard output as text, without the final line break.
        var text: String {
            var text = String(decoding: out, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// Runs `git ARGUMENTS` in `directory` with the process's environment, `environment` set
    /// over it; throws only when git cannot be started.
    static func run(_ arguments: [String], in directory: String, environment overrides: [String: String] = [:]) throws(ChangeSetError)
        -> Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // No pager, no colour, no external diff or text conversion: chaff reads the output.
        process.arguments = ["git", "-c", "core.quotePath=true", "-c", "color.ui=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ChangeSetError(message: "cannot run git: \(error.localizedDescription)")
        }
        // Standard error is drained on another thread so that neither pipe can fill and stall git.
        let errorBox = ErrorBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        var message = String(decoding: errorBox.data, as: UTF8.self)
        while message.hasSuffix("\n") { message.removeLast() }
        return Output(status: process.terminationStatus, out: [UInt8](output), err: message)
    }

    private final class ErrorBox: @unchecked Sendable {
        var data = Data()
    }
}

/// Why the changed files could not be found: git is missing, the directory is not in a work
/// tree, or the base revision does not exist.
public struct ChangeSetError: Error, Sendable, Equatable {
    /// What went wrong, with git's own words when it said something.
    public var message: String

    /// An error saying `message`.
    public init(message: String) { self.message = message }
}
