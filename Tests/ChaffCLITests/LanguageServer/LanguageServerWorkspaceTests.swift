import ChaffCLI
import Foundation
import Testing

/// Configs, reloading and pull diagnostics of `chaff lsp`.
@Suite struct LanguageServerWorkspaceTests {
    @Test func configIsFoundPerDocumentAndReloadedWhenItChanges() throws {
        let scratch = Scratch()
        scratch.write(".chaff.json", #"{"ignore": ["placeholder-spintax"]}"#)
        scratch.write("docs/.chaff.json", #"{"ignore": ["placeholder-angle-token"]}"#)
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root, watch: true)
        let registration = try session.next { $0["method"] as? String == "client/registerCapability" }
        #expect(registration["id"] is String)
        let text = "{a|b} <随机段落>\n"
        let top = "file://" + scratch.path("top.md")
        let nested = "file://" + scratch.path("docs/nested.md")
        session.open(top, text)
        #expect(summary(try session.diagnostics(top)["diagnostics"]) == ["placeholder-angle-token@0:6-0:12"])
        session.open(nested, text)
        #expect(summary(try session.diagnostics(nested)["diagnostics"]) == ["placeholder-spintax@0:0-0:5"])

        // A broken config: its error is shown in the config, the documents it governs say so.
        let config = scratch.write(".chaff.json", "{\"ignore\": [\"placeholder-spintax\"],\n  \"severty\": {}}")
        session.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file://" + config, "type": 2]]])
        let problems = try session.diagnostics("file://" + config)
        let problem = try #require((problems["diagnostics"] as? [[String: Any]])?.first)
        #expect(span(problem["range"]) == [1, 2, 1, 3])
        #expect((problem["message"] as? String)?.contains("severty") == true)
        #expect(summary(try session.diagnostics(top)["diagnostics"]) == ["config-error@0:0-0:0"])
        #expect(summary(try session.diagnostics(nested)["diagnostics"]) == ["placeholder-spintax@0:0-0:5"])

        // Fixed, and now ignoring nothing: both findings, and the config's error is cleared.
        scratch.write(".chaff.json", "{}")
        session.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file://" + config, "type": 2]]])
        #expect(summary(try session.diagnostics("file://" + config)["diagnostics"]) == [])
        #expect(
            summary(try session.diagnostics(top)["diagnostics"]) == ["placeholder-spintax@0:0-0:5", "placeholder-angle-token@0:6-0:12"])
        #expect(try session.shutDown() == 0)
    }

    @Test func aBrokenRuleFileIsShownInThatFile() throws {
        let scratch = Scratch()
        scratch.write(".chaff.json", #"{"rules": ["rules"]}"#)
        let rule = scratch.write("rules/bad.json", "{\"id\": \"bad\",\n \"kind\": \"no-such-kind\"}")
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "{a|b}\n")
        let problems = try session.diagnostics("file://" + rule)
        let messages = ((problems["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
        #expect(!messages.isEmpty)
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == ["config-error@0:0-0:0"])
        #expect(try session.shutDown() == 0)
    }

    @Test func pullDiagnosticsForADocumentAndTheWorkspace() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(encodings: ["utf-8"], root: scratch.root)
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "😀 {a|b}\n")
        let full = try #require(try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as? [String: Any])
        #expect(full["kind"] as? String == "full")
        #expect(summary(full["items"]) == ["placeholder-spintax@0:5-0:10"])
        let resultID = try #require(full["resultId"] as? String)
        let same = try #require(
            try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": resultID])["result"]
                as? [String: Any])
        #expect(same["kind"] as? String == "unchanged")
        #expect(same["resultId"] as? String == resultID)
        session.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 4]], "text": "<随机段落>"]
                ],
            ])
        let changed = try #require(
            try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri], "previousResultId": resultID])["result"]
                as? [String: Any])
        #expect(changed["kind"] as? String == "full")
        #expect(summary(changed["items"]) == ["placeholder-angle-token@0:0-0:14", "placeholder-spintax@0:15-0:20"])
        // A file that is not open is read from disk.
        let saved = scratch.write("saved.txt", "x %s y\n")
        let disk = try #require(
            try session.request("textDocument/diagnostic", ["textDocument": ["uri": "file://" + saved]])["result"] as? [String: Any])
        #expect(summary(disk["items"]) == ["placeholder-printf-specifier@0:2-0:4"])
        let workspace = try #require(try session.request("workspace/diagnostic", ["previousResultIds": []])["result"] as? [String: Any])
        let reports = try #require(workspace["items"] as? [[String: Any]])
        #expect(reports.map { $0["uri"] as? String } == [uri])
        #expect(reports.first?["version"] as? Int == 2)
        #expect(summary(reports.first?["items"]) == ["placeholder-angle-token@0:0-0:14", "placeholder-spintax@0:15-0:20"])
        #expect(try session.shutDown() == 0)
    }

    /// A client that pulls gets no pushed diagnostics (it would show each finding twice), and is
    /// asked to pull again when the rules change.
    @Test func aClientThatPullsIsNotPushedTo() throws {
        let scratch = Scratch()
        let config = scratch.write(".chaff.json", #"{"ignore": ["placeholder-spintax"]}"#)
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root, options: ["quietMilliseconds": 0], pulls: true)
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "{a|b} %s\n")
        var pulled = try #require(
            try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as? [String: Any])
        #expect(summary(pulled["items"]) == ["placeholder-printf-specifier@0:6-0:8"])
        scratch.write(".chaff.json", "{}")
        session.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file://" + config, "type": 2]]])
        let refresh = try session.next { $0["method"] as? String == "workspace/diagnostic/refresh" }
        #expect(refresh["id"] is String)
        pulled = try #require(try session.request("textDocument/diagnostic", ["textDocument": ["uri": uri]])["result"] as? [String: Any])
        #expect(summary(pulled["items"]) == ["placeholder-spintax@0:0-0:5", "placeholder-printf-specifier@0:6-0:8"])
        _ = try session.request("shutdown", nil)
        usleep(200_000)
        #expect(session.pending { $0["method"] as? String == "textDocument/publishDiagnostics" }.isEmpty)
        session.notify("exit")
        #expect(session.waitForExit() == 0)
    }
}
