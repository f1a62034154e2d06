import ChaffRunner
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the command line reads and writes. The real one uses the process's streams; tests
/// pass one that captures everything, so they can assert on exact output.
public final class Console: @unchecked Sendable {
    /// Writes to standard output.
    public let writeOut: (String) -> Void
    /// Writes UTF-8 bytes to standard output (a report written as bytes, piece by piece).
    public let writeOutBytes: (UnsafeBufferPointer<UInt8>) -> Void
    /// Writes to standard error.
    public let writeError: (String) -> Void
    /// Reads all of standard input.
    public let readInput: () throws(FileReader.Failure) -> [UInt8]
    /// Whether standard output is a terminal (colour is only ever used then).
    public let outputIsTerminal: Bool
    /// The environment.
    public let environment: [String: String]
    /// The working directory, absolute.
    public let workingDirectory: String
    /// Whether nobody reads standard output any more (`chaff … | head` after head exited).
    /// Called from worker threads between files, so it must be cheap and thread-safe.
    public let outputClosed: () -> Bool
    /// Whether the process exits as soon as the command returns (the process's own console):
    /// a command may then end it at once instead of freeing its memory piece by piece.
    public let processEndsWithCommand: Bool

    /// A console from closures.
    public init(
        writeOut: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        readInput: @escaping () throws(FileReader.Failure) -> [UInt8], outputIsTerminal: Bool,
        environment: [String: String], workingDirectory: String, outputClosed: @escaping () -> Bool = { false },
        writeOutBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil, processEndsWithCommand: Bool = false
    ) {
        self.writeOut = writeOut
        self.writeOutBytes = writeOutBytes ?? { writeOut(String(decoding: $0, as: UTF8.self)) }
        self.writeError = writeError
        self.readInput = readInput
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.outputClosed = outputClosed
        self.processEndsWithCommand = processEndsWithCommand
    }

    /// The exit status when standard output was closed before the report was written: what a
    /// shell reports for a process killed by SIGPIPE (128 + 13), so a cut-short report is never
    /// mistaken for a clean run (0) or for findings (1).
    public static let closedOutputStatus: Int32 = 141

    /// The process's own streams.
    public static func standard() -> Console {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                environment[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let cwd =
            getcwd(&buffer, buffer.count) != nil
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "."
        return Console(
            writeOut: { StandardStream.write($0, to: 1) }, writeError: { StandardStream.write($0, to: 2) },
            readInput: { () throws(FileReader.Failure) -> [UInt8] in try FileReader.readStandardInput() },
            outputIsTerminal: isatty(1) == 1, environment: environment, workingDirectory: cwd,
            outputClosed: { StandardStream.isClosed(1) }, writeOutBytes: { StandardStream.write(bytes: $0, to: 1) },
            processEndsWithCommand: true)
    }
}

/// Unbuffered writes to a file descriptor that give up quietly on a closed pipe (`| head`).
///
/// SIGPIPE is ignored (main.swift), so a write to a pipe nobody reads fails with EPIPE instead
/// of killing the process; the stream remembers that, and `isClosed` also notices a reader
/// that went away before anything was written, so chaff can stop linting at once.
enum StandardStream {
    /// Descriptors (1 and 2) on which a write failed with EPIPE, as bits.
    private static let broken = Atomic<Int>(0)

    static func write(_ text: String, to fd: Int32) {
        write(bytes: Array(text.utf8), to: fd)
    }

    static func write(bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBufferPointer { write(bytes: $0, to: fd) }
    }

    static func write(bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        if isBroken(fd) { return }
        if FileDescriptorWriter.writeAll(fd, UnsafeRawBufferPointer(bytes)) == EPIPE { markBroken(fd) }
    }

    /// Whether `fd` is a pipe or socket whose reader has gone: a write failed with EPIPE, or
    /// poll reports an error or hang-up on it (Linux reports POLLERR on a pipe without readers).
    static func isClosed(_ fd: Int32) -> Bool {
        if isBroken(fd) { return true }
        // Asked between files: from a cache that is every few microseconds, and a poll per
        // file cost a tenth of such a run. A reader that went away is noticed within
        // `pollInterval` (or at once by the next write's EPIPE).
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
        let last = lastPoll.load(ordering: .relaxed)
        if last != 0 && nanoseconds &- last < pollInterval { return false }
        lastPoll.store(nanoseconds, ordering: .relaxed)
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        if descriptor.revents & Int16(POLLERR | POLLHUP) != 0 {
            var info = stat()
            // Only a pipe or socket reader can go away; a terminal hang-up ends the session anyway.
            if fstat(fd, &info) == 0 && ((info.st_mode & S_IFMT) == S_IFIFO || (info.st_mode & S_IFMT) == S_IFSOCK) {
                markBroken(fd)
                return true
            }
        }
        return false
    }

    /// When `isClosed` last polled (monotonic nanoseconds; 0: never).
    private static let lastPoll = Atomic<UInt64>(0)
    /// How long `isClosed` trusts its last poll, in nanoseconds.
    private static let pollInterval: UInt64 = 5_000_000

    private static func isBroken(_ fd: Int32) -> Bool {
        fd < 8 && broken.load(ordering: .relaxed) & (1 << fd) != 0
    }

    private static func markBroken(_ fd: Int32) {
        if fd < 8 { broken.bitwiseOr(1 << fd, ordering: .relaxed) }
    }
}
