import ChaffEngine
import ChaffRunner
import ChaffText
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `chaff lsp`: the Language Server Protocol 3.17 over a pair of file descriptors.
///
/// Messages are read on the calling thread. Everything that touches the server's state (open
/// documents, their lint results, the rules) runs in order on one serial queue; linting for
/// push diagnostics runs on another, after a short quiet time, and its result is published
/// only if the document has not changed meanwhile, so a stale result is never shown.
final class LanguageServer: @unchecked Sendable {
    /// How long a document must stay unchanged before it is linted for push diagnostics, unless
    /// the client sets `initializationOptions.quietMilliseconds` (0 to 2000): edits that arrive
    /// closer together than this are linted once, as the last of them left the text.
    static let defaultQuietMilliseconds = 4

    private let connection: ServerConnection
    private let input: Int32
    private let state = DispatchQueue(label: "chaff.lsp.state")
    private let linting = DispatchQueue(label: "chaff.lsp.lint")

    // State below is read and written on `state` only.
    private var initialized = false
    private var shutdownRequested = false
    private var unit: ColumnUnit = .utf16
    private var rules = WorkspaceRules(unit: .utf16)
    private var workspaceFolders: [String] = []
    private var documents: [String: Tracked] = [:]
    /// Config and rule files whose errors are shown, by URI.
    private var problemURIs: Set<String> = []
    private var nextServerRequest = 1
    private var quietMilliseconds = LanguageServer.defaultQuietMilliseconds
    /// Whether the client pulls diagnostics (it declares `textDocument.diagnostic`): then none
    /// are pushed, since a client that does both would show each finding twice.
    private var clientPulls = false
    /// Whether the client asks for `workspace/diagnostic/refresh` after the rules change.
    private var clientRefreshes = false
    /// Whether the client can be asked to watch config and rule files for the server.
    private var watchesDynamically = false

    /// An open document, the number of edits it has had, and its last lint.
    private struct Tracked {
        var document: OpenDocument
        var edits = 0
        var lint: Lint?
    }

    /// The result of linting one state of a document.
    private struct Lint {
        var edits: Int
        var generation: Int
        var diagnostics: [Diagnostic]
        var json: [JSONOutput]
    }

    init(input: Int32, output: Int32) {
        self.input = input
        self.connection = ServerConnection(output: output)
    }

    /// Serves until `exit` or the end of input; the process's exit status: 0 after
    /// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
    func run() -> Int32 {
        var framing = MessageFraming()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            framing.append(buffer[0..<n])
            while let frame = framing.next() {
                switch frame {
                case .malformed(let problem):
                    connection.respond(nil, error: RPCError(code: RPCError.parseError, message: "malformed header: \(problem)"))
                case .message(let body):
                    if let status = receive(body) { return status }
                }
            }
        }
        // The client went away without `exit`.
        return state.sync { shutdownRequested ? 0 : 1 }
    }

    /// Handles one message body; returns an exit status when the message was `exit`.
    private func receive(_ body: [UInt8]) -> Int32? {
        switch RPCMessage.decode(body) {
        case .failure(let failure):
            connection.respond(failure.id, error: failure.error)
        case .success(.response):
            break
        case .success(.notification(let method, let params)):
            if method == "exit" { return state.sync { shutdownRequested ? 0 : 1 } }
            if method == "$/cancelRequest" {
                if let node = params?["id"] {
                    if let n = node.int { connection.cancel(.number(n)) } else if let s = node.string { connection.cancel(.string(s)) }
                }
                return nil
            }
            state.async { self.notification(method, params) }
        case .success(.request(let id, let method, let params)):
            connection.received(id)
            state.async {
                if self.connection.isCancelled(id) {
                    self.connection.respond(id, error: RPCError(code: RPCError.requestCancelled, message: "cancelled"))
                    return
                }
                do throws(RPCError) {
                    self.connection.respond(id, result: try self.request(method, params))
                } catch {
                    self.connection.respond(id, error: error)
                }
            }
        }
        return nil
    }

    // MARK: requests

    private func request(_ method: String, _ params: JSONNode?) throws(RPCError) -> JSONOutput {
        if method == "initialize" {
            guard !initialized else { throw RPCError(code: RPCError.invalidRequest, message: "initialize was already sent") }
            return initialize(params)
        }
        guard initialized else { throw RPCError(code: RPCError.serverNotInitialized, message: "the first request must be initialize") }
        guard !shutdownRequested else {
            throw RPCError(code: RPCError.invalidRequest, message: "the server is shutting down; only exit is accepted")
        }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/diagnostic": return try documentDiagnostic(params)
        case "workspace/diagnostic": return workspaceDiagnostic(params)
        case "textDocument/codeAction": return try codeAction(params)
        case "textDocument/hover": return try hover(params)
        default: throw RPCError(code: RPCError.methodNotFound, message: "unknown method '\(method)'")
        }
    }

    private func initialize(_ params: JSONNode?) -> JSONOutput {
        let offered = params?["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        unit = offered.contains("utf-8") ? .utf8 : .utf16
        rules = WorkspaceRules(unit: unit)
        if let folders = params?["workspaceFolders"]?.array {
            workspaceFolders = folders.compactMap { $0["uri"]?.string.flatMap(FileURI.path) }
        } else if let root = params?["rootUri"]?.string.flatMap(FileURI.path) {
            workspaceFolders = [root]
        } else if let root = params?["rootPath"]?.string {
            workspaceFolders = [root]
        }
        watchesDynamically = params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        if let quiet = params?["initializationOptions"]?["quietMilliseconds"]?.int { quietMilliseconds = min(quiet, 2000) }
        clientPulls = params?["capabilities"]?["textDocument"]?["diagnostic"] != nil
        clientRefreshes = params?["capabilities"]?["workspace"]?["diagnostics"]?["refreshSupport"]?.bool ?? false
        initialized = true
        let capabilities: JSONOutput = .object([
            ("positionEncoding", .string(unit == .utf8 ? "utf-8" : "utf-16")),
            // 2: incremental, so a keystroke sends one small range, not the whole document.
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(2))])),
            (
                "codeActionProvider",
                .object([("codeActionKinds", .array([.string(CodeActions.quickFixKind), .string(CodeActions.fixAllKind)]))])
            ),
            ("hoverProvider", .bool(true)),
            (
                "diagnosticProvider",
                .object([
                    ("identifier", .string("chaff")), ("interFileDependencies", .bool(false)), ("workspaceDiagnostics", .bool(true)),
                ])
            ),
            ("workspace", .object([("workspaceFolders", .object([("supported", .bool(true)), ("changeNotifications", .bool(true))]))])),
        ])
        return .object([
            ("capabilities", capabilities),
            ("serverInfo", .object([("name", .string("chaff")), ("version", .string(ChaffVersion.current))])),
        ])
    }

    private func documentDiagnostic(_ params: JSONNode?) throws(RPCError) -> JSONOutput {
        guard let uri = params?["textDocument"]?["uri"]?.string else {
            throw .invalidParams("textDocument/diagnostic needs textDocument.uri")
        }
        let (resultID, items) = try currentReport(uri)
        if params?["previousResultId"]?.string == resultID {
            return .object([("kind", .string("unchanged")), ("resultId", .string(resultID))])
        }
        return .object([("kind", .string("full")), ("resultId", .string(resultID)), ("items", .array(items))])
    }

    private func workspaceDiagnostic(_ params: JSONNode?) -> JSONOutput {
        var previous: [String: String] = [:]
        for entry in params?["previousResultIds"]?.array ?? [] {
            if let uri = entry["uri"]?.string, let value = entry["value"]?.string { previous[uri] = value }
        }
        var reports: [JSONOutput] = []
        for uri in documents.keys.sorted() {
            guard let (resultID, items) = try? currentReport(uri) else { continue }
            let version = documents[uri].map { JSONOutput.int($0.document.version) } ?? .null
            if previous[uri] == resultID {
                reports.append(
                    .object([("uri", .string(uri)), ("version", version), ("kind", .string("unchanged")), ("resultId", .string(resultID))]))
            } else {
                reports.append(
                    .object([
                        ("uri", .string(uri)), ("version", version), ("kind", .string("full")), ("resultId", .string(resultID)),
                        ("items", .array(items)),
                    ]))
            }
        }
        for (uri, items) in problemReports().sorted(by: { $0.0 < $1.0 }) where documents[uri] == nil {
            reports.append(.object([("uri", .string(uri)), ("version", .null), ("kind", .string("full")), ("items", .array(items))]))
        }
        return .object([("items", .array(reports))])
    }

    /// The result id and diagnostics of an open document (or, for one not open, of its file).
    private func currentReport(_ uri: String) throws(RPCError) -> (String, [JSONOutput]) {
        if documents[uri] != nil {
            let lint = upToDateLint(uri)
            var items = lint.json
            items += problemReports()[uri] ?? []
            return ("\(lint.generation).\(lint.edits)", items)
        }
        if let items = problemReports()[uri] { return ("\(rules.generation).problems", items) }
        guard let path = FileURI.path(uri), let bytes = try? FileReader.read(path), let text = String(validating: bytes, as: UTF8.self)
        else {
            throw .invalidParams("'\(uri)' is not open and cannot be read as UTF-8 text")
        }
        let document = OpenDocument(uri: uri, path: path, languageID: "", version: 0, text: Array(text.utf8))
        return ("\(rules.generation).disk", lint(document).json)
    }

    private func codeAction(_ params: JSONNode?) throws(RPCError) -> JSONOutput {
        guard let uri = params?["textDocument"]?["uri"]?.string, let tracked = documents[uri] else {
            throw .invalidParams("textDocument/codeAction needs the uri of an open document")
        }
        guard let start = TextPosition(params?["range"]?["start"]), let end = TextPosition(params?["range"]?["end"]) else {
            throw .invalidParams("textDocument/codeAction needs a range")
        }
        let lint = upToDateLint(uri)
        let entry = rulesEntry(for: tracked.document)
        guard let linter = entry.linter else { return .array([]) }
        let positions = TextPositions(tracked.document.text, unit: unit)
        let from = positions.offset(of: start)
        let to = max(from, positions.offset(of: end))
        let only = params?["context"]?["only"]?.array?.compactMap(\.string)
        return .array(
            CodeActions.actions(
                for: from..<to, document: tracked.document, format: tracked.document.format(config: entry.config),
                diagnostics: lint.diagnostics,
                rules: entry.rules, linter: linter, unit: unit, only: only))
    }

    private func hover(_ params: JSONNode?) throws(RPCError) -> JSONOutput {
        guard let uri = params?["textDocument"]?["uri"]?.string, let tracked = documents[uri],
            let position = TextPosition(params?["position"])
        else {
            throw .invalidParams("textDocument/hover needs the uri of an open document and a position")
        }
        let lint = upToDateLint(uri)
        let offset = TextPositions(tracked.document.text, unit: unit).offset(of: position)
        let here = lint.diagnostics.filter { $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset) }
        guard let first = here.first else { return .null }
        let entry = rulesEntry(for: tracked.document)
        var seen = Set<String>()
        let texts = here.filter { seen.insert($0.ruleID).inserted }.compactMap { entry.rules[$0.ruleID].map(RuleDocumentation.text) }
        guard !texts.isEmpty else { return .null }
        let range = here.dropFirst().reduce(first.range) {
            min($0.lowerBound, $1.range.lowerBound)..<max($0.upperBound, $1.range.upperBound)
        }
        return .object([
            ("contents", .object([("kind", .string("plaintext")), ("value", .string(texts.joined(separator: "\n")))])),
            ("range", TextPositions(tracked.document.text, unit: unit).range(range)),
        ])
    }

    // MARK: notifications

    private func notification(_ method: String, _ params: JSONNode?) {
        guard initialized, !shutdownRequested else { return }
        do throws(RPCError) {
            switch method {
            case "initialized": registerWatchers()
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didClose":
                guard let uri = params?["textDocument"]?["uri"]?.string else {
                    throw RPCError.invalidParams("didClose needs textDocument.uri")
                }
                if documents.removeValue(forKey: uri) != nil && !clientPulls { publish(uri, []) }
            case "workspace/didChangeWatchedFiles": reloadRules()
            case "workspace/didChangeWorkspaceFolders":
                for removed in params?["event"]?["removed"]?.array ?? [] {
                    if let path = removed["uri"]?.string.flatMap(FileURI.path) { workspaceFolders.removeAll { $0 == path } }
                }
                for added in params?["event"]?["added"]?.array ?? [] {
                    if let path = added["uri"]?.string.flatMap(FileURI.path) { workspaceFolders.append(path) }
                }
                reloadRules()
            default: break  // Other notifications (didSave, $/setTrace …) need nothing from chaff.
            }
        } catch {
            // A notification cannot be answered: the client's log is the place to say why.
            connection.notify(
                "window/logMessage", .object([("type", .int(1)), ("message", .string("chaff: \(method): \(error.message)"))]))
        }
    }

    private func didOpen(_ params: JSONNode?) throws(RPCError) {
        guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
            throw .invalidParams("didOpen needs textDocument.uri and textDocument.text")
        }
        let document = OpenDocument(
            uri: uri, path: FileURI.path(uri), languageID: item["languageId"]?.string ?? "", version: item["version"]?.int ?? 0,
            text: Array(text.utf8))
        documents[uri] = Tracked(document: document)
        if !clientPulls { publishProblems() }
        schedule(uri)
    }

    private func didChange(_ params: JSONNode?) throws(RPCError) {
        guard let uri = params?["textDocument"]?["uri"]?.string, var tracked = documents[uri] else {
            throw .invalidParams("didChange for a document that is not open")
        }
        guard let changes = params?["contentChanges"]?.array else { throw .invalidParams("didChange needs contentChanges") }
        for change in changes { try tracked.document.apply(change, unit: unit) }
        if let version = params?["textDocument"]?["version"]?.int { tracked.document.version = version }
        tracked.edits += 1
        tracked.lint = nil
        documents[uri] = tracked
        schedule(uri)
    }

    /// Lints `uri` once it has been quiet for `quietMilliseconds`, and publishes the result if
    /// it is still the document's latest state.
    private func schedule(_ uri: String) {
        guard !clientPulls, let edits = documents[uri]?.edits else { return }
        linting.asyncAfter(deadline: .now() + .milliseconds(quietMilliseconds)) {
            let job: (OpenDocument, WorkspaceRules.Entry, Int)? = self.state.sync {
                guard let tracked = self.documents[uri], tracked.edits == edits, tracked.lint == nil else { return nil }
                return (tracked.document, self.rulesEntry(for: tracked.document), self.rules.generation)
            }
            guard let (document, entry, generation) = job else { return }
            let result = self.lint(document, entry: entry, edits: edits, generation: generation)
            self.state.async {
                guard var tracked = self.documents[uri], tracked.edits == edits, generation == self.rules.generation else { return }
                tracked.lint = result
                self.documents[uri] = tracked
                self.publish(uri, result.json, version: tracked.document.version)
            }
        }
    }

    private func registerWatchers() {
        guard watchesDynamically else { return }
        let watchers: JSONOutput = .array([
            .object([("globPattern", .string("**/" + Configuration.fileName))]), .object([("globPattern", .string("**/*.json"))]),
        ])
        sendRequest(
            "client/registerCapability",
            .object([
                (
                    "registrations",
                    .array([
                        .object([
                            ("id", .string("chaff-watched-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                            ("registerOptions", .object([("watchers", watchers)])),
                        ])
                    ])
                )
            ]))
    }

    /// Reads the configs and rule files again and lints every open document with them (or,
    /// for a client that pulls, asks it to pull again).
    private func reloadRules() {
        rules.reset()
        for uri in documents.keys.sorted() {
            documents[uri]?.lint = nil
            documents[uri]?.edits += 1
        }
        if clientPulls {
            if clientRefreshes { sendRequest("workspace/diagnostic/refresh", nil) }
            return
        }
        publishProblems()
        for uri in documents.keys.sorted() { schedule(uri) }
    }

    /// Sends a request to the client; its answer is not needed.
    private func sendRequest(_ method: String, _ params: JSONOutput?) {
        let id = "chaff-\(nextServerRequest)"
        nextServerRequest += 1
        var message: [(String, JSONOutput)] = [("jsonrpc", .string("2.0")), ("id", .string(id)), ("method", .string(method))]
        if let params { message.append(("params", params)) }
        connection.send(.object(message))
    }

    // MARK: linting and publishing

    private func rulesEntry(for document: OpenDocument) -> WorkspaceRules.Entry {
        rules.entry(forDocumentAt: document.path, fallbackDirectory: workspaceFolders.first)
    }

    /// The lint of the document's current text, made now when the last one is older.
    private func upToDateLint(_ uri: String) -> Lint {
        let tracked = documents[uri]!
        if let lint = tracked.lint, lint.edits == tracked.edits, lint.generation == rules.generation { return lint }
        let result = lint(tracked.document, entry: rulesEntry(for: tracked.document), edits: tracked.edits, generation: rules.generation)
        documents[uri]?.lint = result
        return result
    }

    private func lint(_ document: OpenDocument) -> Lint {
        lint(document, entry: rulesEntry(for: document), edits: 0, generation: rules.generation)
    }

    private func lint(_ document: OpenDocument, entry: WorkspaceRules.Entry, edits: Int, generation: Int) -> Lint {
        guard let linter = entry.linter else {
            return Lint(
                edits: edits, generation: generation, diagnostics: [], json: [DiagnosticJSON.unlinted(configFile: entry.configFile)])
        }
        let format = document.format(config: entry.config)
        let made = DocumentMaker.document(
            path: document.path ?? document.uri, text: document.text, origin: nil, format: format, scopes: linter.scopes,
            locale: document.path.flatMap { path in
                entry.config.flatMap { $0.locale(forRelativePath: PathDisplay.relative(path, to: $0.directory)) }
            },
            sourceFile: document.path.flatMap { path in
                DocumentFormat(rawValue: format).flatMap { SourceFileReader.text(forPath: path, format: $0) }
            })
        let diagnostics = linter.lint(made)
        return Lint(
            edits: edits, generation: generation, diagnostics: diagnostics,
            json: diagnostics.map { DiagnosticJSON.finding($0, rules: entry.rules) })
    }

    private func publish(_ uri: String, _ items: [JSONOutput], version: Int? = nil) {
        var params: [(String, JSONOutput)] = [("uri", .string(uri))]
        if let version { params.append(("version", .int(version))) }
        let extra = problemReports()[uri] ?? []
        params.append(("diagnostics", .array(items + extra)))
        connection.notify("textDocument/publishDiagnostics", .object(params))
    }

    /// The diagnostics of config and rule files with errors, by URI, for the configs of the
    /// open documents.
    private func problemReports() -> [String: [JSONOutput]] {
        var out: [String: [JSONOutput]] = [:]
        for (path, problems) in rules.problemsByFile {
            let uri = FileURI.uri(path)
            let bytes = (try? FileReader.read(path)) ?? []
            out[uri] = problems.map { DiagnosticJSON.problem($0, bytes: bytes, unit: unit) }
        }
        return out
    }

    /// Loads the rules of every open document and shows the errors of their config and rule
    /// files, clearing those shown before that are gone.
    private func publishProblems() {
        for tracked in documents.values { _ = rulesEntry(for: tracked.document) }
        let reports = problemReports()
        for uri in problemURIs where reports[uri] == nil && documents[uri] == nil {
            connection.notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
        }
        for (uri, items) in reports.sorted(by: { $0.0 < $1.0 }) where documents[uri] == nil {
            connection.notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array(items))]))
        }
        problemURIs = Set(reports.keys)
    }
}
