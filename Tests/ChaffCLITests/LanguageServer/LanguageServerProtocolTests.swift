import Foundation
import Testing

/// How `chaff lsp` answers what it cannot use: each with the right JSON-RPC error, and the
/// session goes on.
@Suite struct LanguageServerProtocolTests {
    private func error(_ message: [String: Any]) -> (code: Int?, id: Any?) {
        ((message["error"] as? [String: Any])?["code"] as? Int, message["id"])
    }

    @Test func malformedAndUnknownMessagesGetErrorsAndTheServerGoesOn() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        // Before initialize, a request is refused.
        let early = try session.request(
            "textDocument/hover", ["textDocument": ["uri": "file:///x"], "position": ["line": 0, "character": 0]])
        #expect(error(early).code == -32002)
        try session.initialize()
        func nextError() throws -> (code: Int?, id: Any?) {
            error(try session.next { $0["error"] != nil })
        }
        // A body that is not JSON: a parse error with a null id.
        session.sendRaw(Array("Content-Length: 9\r\n\r\n{\"jsonrpc".utf8))
        var e = try nextError()
        #expect(e.code == -32700)
        #expect(e.id is NSNull)
        // A header without Content-Length, and one with a length that is not a number.
        session.sendRaw(Array("Content-Type: x\r\n\r\n".utf8))
        #expect(try nextError().code == -32700)
        session.sendRaw(Array("Content-Length: ten\r\n\r\n".utf8))
        #expect(try nextError().code == -32700)
        // JSON that is no message: an array, no jsonrpc, a method that is not a string.
        session.sendRaw(Array("Content-Length: 2\r\n\r\n[]".utf8))
        #expect(try nextError().code == -32600)
        session.sendRaw(LSPSession.frame(["id": 77, "method": "shutdown"]))
        e = try nextError()
        #expect(e.code == -32600)
        #expect(e.id as? Int == 77)
        session.sendRaw(LSPSession.frame(["jsonrpc": "2.0", "id": "s", "method": 5]))
        e = try nextError()
        #expect(e.code == -32600)
        #expect(e.id as? String == "s")
        // An unknown request and bad params; an unknown notification is ignored.
        e = error(try session.request("textDocument/rename", [:]))
        #expect(e.code == -32601)
        #expect(error(try session.request("textDocument/diagnostic", ["textDocument": [:]])).code == -32602)
        session.notify("$/somethingNew", ["x": 1])
        #expect(error(try session.request("initialize", ["capabilities": [:]])).code == -32600)
        // Still serving.
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "{a|b}\n")
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == ["placeholder-spintax@0:0-0:5"])
        // After shutdown, requests are refused and exit ends with 0.
        _ = try session.request("shutdown", nil)
        #expect(error(try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])).code == -32600)
        session.notify("exit")
        #expect(session.waitForExit() == 0)
    }

    @Test func theCommandTakesNoArguments() {
        let scratch = Scratch()
        let run = chaff(["lsp", "docs"], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "chaff: error: 'chaff lsp' takes no arguments, found 'docs'\n")
        let option = chaff(["lsp", "--tcp"], in: scratch.root)
        #expect(option.status == 2)
        #expect(option.err.hasPrefix("chaff: error: unknown option '--tcp' for 'chaff lsp'"))
        #expect(
            chaff(["help"], in: scratch.root).out.contains(
                "  chaff lsp                       a language server for editors (see docs/editors.md)\n"))
    }

    @Test func exitWithoutShutdownAndEndOfInputExitWithOne() throws {
        let scratch = Scratch()
        let first = try LSPSession(in: scratch.root)
        try first.initialize()
        first.notify("exit")
        #expect(first.waitForExit() == 1)
        let second = try LSPSession(in: scratch.root)
        try second.initialize()
        second.sendRaw(Array("Content-Length: 100\r\n\r\n{".utf8))
        second.closeInput()
        #expect(second.waitForExit() == 1)
    }

    @Test func aRequestCancelledWhileItWaitsIsAnsweredAsCancelled() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize()
        let uri = "file://" + scratch.path("big.md")
        session.open(uri, String(repeating: "这是一个很长的段落，里面有 {a|b} 和 %s 以及观點。\n", count: 3_000))
        // The first request keeps the server busy linting; the second waits behind it and is
        // cancelled in the same write.
        let busy = session.takeID()
        let waiting = session.takeID()
        session.sendRaw(
            LSPSession.frame(["jsonrpc": "2.0", "id": busy, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": uri]]])
                + LSPSession.frame([
                    "jsonrpc": "2.0", "id": waiting, "method": "textDocument/hover",
                    "params": ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]],
                ])
                + LSPSession.frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": waiting]]))
        let answered = try session.response(busy)
        #expect((answered["result"] as? [String: Any])?["kind"] as? String == "full")
        let cancelled = try session.response(waiting)
        #expect(error(cancelled).code == -32800)
        #expect(try session.shutDown() == 0)
    }
}
