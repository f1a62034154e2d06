import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `chaff lsp` process and the client end of its pipes: messages are framed and parsed
/// here with Foundation's JSON, independently of the server's own parser and writer.
final class LSPSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [[String: Any]] = []
    private var readerDone = false
    private var nextID = 1
    /// Every message read, in order (tests look for the ones they expect).
    private(set) var log: [[String: Any]] = []

    /// Starts `chaff lsp` in `directory`.
    init(in directory: String) throws {
        process.executableURL = URL(fileURLWithPath: try ExecutableRun.executable())
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in readLoop(handle) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private func readLoop(_ handle: FileHandle) {
        var buffer: [UInt8] = []
        while true {
            let data = handle.availableData
            if data.isEmpty { break }
            buffer += data
            while let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: buffer) {
                let header = String(decoding: buffer[..<headerEnd], as: UTF8.self)
                guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                    let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
                else {
                    Issue.record("bad header from the server: \(header)")
                    return
                }
                guard buffer.count >= headerEnd + 4 + length else { break }
                let body = Data(buffer[(headerEnd + 4)..<(headerEnd + 4 + length)])
                buffer.removeFirst(headerEnd + 4 + length)
                guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                    Issue.record("the server sent a body that is not a JSON object: \(String(decoding: body, as: UTF8.self))")
                    continue
                }
                condition.withLock {
                    received.append(object)
                    log.append(object)
                    condition.broadcast()
                }
            }
        }
        condition.withLock {
            readerDone = true
            condition.broadcast()
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<i + needle.count].elementsEqual(needle) { return i }
        return nil
    }

    /// Writes raw bytes to the server.
    func sendRaw(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    /// The framed bytes of one message.
    static func frame(_ message: [String: Any]) -> [UInt8] {
        let body = try! JSONSerialization.data(withJSONObject: message, options: [.sortedKeys])
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }

    /// The next request id.
    func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: [String: Any] = [:]) {
        sendRaw(Self.frame(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    /// Sends a request and returns its id.
    @discardableResult
    func send(_ method: String, _ params: [String: Any]? = [:]) -> Int {
        let id = takeID()
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        sendRaw(Self.frame(message))
        return id
    }

    /// Sends a request and waits for its answer (the whole response object).
    func request(_ method: String, _ params: [String: Any]? = [:]) throws -> [String: Any] {
        let id = send(method, params)
        return try response(id)
    }

    /// The response to request `id`.
    func response(_ id: Int) throws -> [String: Any] {
        try next { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// The next message (not yet taken) that `matches`, waiting up to `timeout` seconds; the
    /// messages before it stay for later calls.
    func next(timeout: Double = 20, _ matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            if readerDone { throw SessionError.closed }
            if !condition.wait(until: deadline) { throw SessionError.timedOut }
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    func diagnostics(_ uri: String, timeout: Double = 20) throws -> [String: Any] {
        let message = try next(timeout: timeout) {
            $0["method"] as? String == "textDocument/publishDiagnostics" && (($0["params"] as? [String: Any])?["uri"] as? String) == uri
        }
        return message["params"] as! [String: Any]
    }

    /// Messages not yet taken that `matches`, without waiting.
    func pending(_ matches: ([String: Any]) -> Bool) -> [[String: Any]] {
        condition.withLock { received.filter(matches) }
    }

    /// `initialize` (offering `encodings`) and `initialized`; the initialize result.
    @discardableResult
    func initialize(
        encodings: [String]? = nil, root: String? = nil, watch: Bool = false, options: [String: Any]? = nil, pulls: Bool = false
    ) throws -> [String: Any] {
        var capabilities: [String: Any] = [:]
        if pulls {
            capabilities["textDocument"] = ["diagnostic": ["dynamicRegistration": false]]
            capabilities["workspace"] = ["diagnostics": ["refreshSupport": true]]
        }
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        if watch { capabilities["workspace"] = ["didChangeWatchedFiles": ["dynamicRegistration": true]] }
        precondition(!(watch && pulls), "one workspace capability at a time")
        var params: [String: Any] = ["processId": NSNull(), "capabilities": capabilities]
        if let root { params["workspaceFolders"] = [["uri": "file://" + root, "name": "test"]] }
        if let options { params["initializationOptions"] = options }
        let answer = try request("initialize", params)
        notify("initialized")
        return try #require(answer["result"] as? [String: Any])
    }

    /// `shutdown` then `exit`; the exit status.
    func shutDown() throws -> Int32 {
        _ = try request("shutdown", nil)
        notify("exit")
        return waitForExit()
    }

    /// Closes the server's input and waits for it to end; its exit status.
    func waitForExit(timeout: Double = 20) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            Issue.record("chaff lsp did not exit")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Closes the server's standard input.
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Opens a document.
    func open(_ uri: String, _ text: String, language: String = "markdown", version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": language, "version": version, "text": text]])
    }

    enum SessionError: Error {
        case timedOut
        case closed
    }
}

/// A protocol range as `[startLine, startCharacter, endLine, endCharacter]`.
func span(_ value: Any?) -> [Int] {
    guard let range = value as? [String: Any], let start = range["start"] as? [String: Any], let end = range["end"] as? [String: Any] else {
        return []
    }
    return [start["line"], start["character"], end["line"], end["character"]].map { ($0 as? Int) ?? -1 }
}

/// Each diagnostic as `code@startLine:startCharacter-endLine:endCharacter`.
func summary(_ diagnostics: Any?) -> [String] {
    ((diagnostics as? [[String: Any]]) ?? []).map { d in
        let s = span(d["range"])
        return "\(d["code"] as? String ?? "?")@\(s[0]):\(s[1])-\(s[2]):\(s[3])"
    }
}

/// `text` with the protocol's `TextEdit`s applied (all on the original text, in the session's
/// encoding), as an editor applies a code action.
func applying(_ edits: [[String: Any]], to text: String, utf16: Bool) -> String {
    var bytes = Array(text.utf8)
    func offset(_ position: [String: Any]) -> Int {
        let line = position["line"] as! Int
        let character = position["character"] as! Int
        var lineStart = 0
        var seen = 0
        var i = 0
        while seen < line && i < bytes.count {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                seen += 1
                lineStart = i + 1
            }
            i += 1
        }
        if seen < line { return bytes.count }
        let lineText = String(decoding: bytes[lineStart...], as: UTF8.self)
        var units = 0
        var at = lineStart
        for scalar in lineText.unicodeScalars {
            if units >= character || scalar == "\n" || scalar == "\r" { break }
            units += utf16 ? (scalar.value > 0xFFFF ? 2 : 1) : String(scalar).utf8.count
            at += String(scalar).utf8.count
        }
        return at
    }
    let resolved = edits.map { edit -> (Range<Int>, String) in
        let range = edit["range"] as! [String: Any]
        return (offset(range["start"] as! [String: Any])..<offset(range["end"] as! [String: Any]), edit["newText"] as! String)
    }
    for (range, newText) in resolved.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
        bytes.replaceSubrange(range, with: Array(newText.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
}
