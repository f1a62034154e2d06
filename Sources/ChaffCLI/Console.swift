#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ChaffCore

/// Where the command line reads and writes. The real one uses the process's streams; tests
/// pass one that captures everything, so they can assert on exact output.
public final class Console: @unchecked Sendable {
    /// Writes to standard output.
    public let writeOut: (String) -> Void
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

    /// A console from closures.
    public init(
        writeOut: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
        readInput: @escaping () throws(FileReader.Failure) -> [UInt8], outputIsTerminal: Bool,
        environment: [String: String], workingDirectory: String
    ) {
        self.writeOut = writeOut
        self.writeError = writeError
        self.readInput = readInput
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

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
        let cwd = getcwd(&buffer, buffer.count) != nil ? String(cString: buffer) : "."
        return Console(
            writeOut: { StandardStream.write($0, to: 1) }, writeError: { StandardStream.write($0, to: 2) },
            readInput: { () throws(FileReader.Failure) -> [UInt8] in try FileReader.readStandardInput() },
            outputIsTerminal: isatty(1) == 1, environment: environment, workingDirectory: cwd)
    }
}

/// Unbuffered writes to a file descriptor that give up quietly on a closed pipe (`| head`).
enum StandardStream {
    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
