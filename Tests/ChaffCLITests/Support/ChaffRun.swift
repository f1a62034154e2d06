import ChaffCLI
import ChaffRunner
import Foundation

/// The outcome of one in-process chaff run.
struct ChaffRun {
    var status: Int32
    var out: String
    var err: String
}

/// Runs `executable` as a separate process in `directory` with a minimal PATH, so relative
/// paths resolve as for a user. Both pipes are read before waiting, so a large report cannot
/// fill a pipe and stall the child.
func runExecutable(_ executable: String, _ arguments: [String], in directory: String) throws -> ChaffRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ["PATH": "/usr/bin:/bin"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return ChaffRun(status: process.terminationStatus, out: output, err: errors)
}

/// Collects output from the console's closures.
final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    func out(_ s: String) { lock.withLock { outText += s } }
    func err(_ s: String) { lock.withLock { errText += s } }
    var values: (String, String) { lock.withLock { (outText, errText) } }
}

/// Runs chaff in-process with `directory` as its working directory. Paths in `arguments` that
/// are relative are resolved against `directory` by the caller (use `scratch.path(…)`).
func chaff(_ arguments: [String], in directory: String, stdin: String = "", terminal: Bool = false, environment: [String: String] = [:])
    -> ChaffRun
{
    let box = OutputBox()
    let input = Array(stdin.utf8)
    let console = Console(
        writeOut: { box.out($0) }, writeError: { box.err($0) },
        readInput: { () throws(FileReader.Failure) -> [UInt8] in input }, outputIsTerminal: terminal,
        environment: environment, workingDirectory: directory)
    let status = ChaffCommandLine.run(arguments, console: console)
    let (out, err) = box.values
    return ChaffRun(status: status, out: out, err: err)
}

/// A temporary directory with files, removed when the test ends.
final class Scratch {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chaff-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The absolute path of `relative`.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `text` to `relative`, creating folders.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let full = path(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: false, encoding: .utf8)
        return full
    }

    /// Writes raw bytes.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        return full
    }

    /// Reads a file as text.
    func read(_ relative: String) -> String { try! String(contentsOfFile: path(relative), encoding: .utf8) }
}

/// The repository's top directory, found from this source file.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()
