import ChaffCLI
import Foundation
import Testing

/// `chaff lsp` driven over its pipes by a client that frames and parses messages itself.
@Suite struct LanguageServerTests {
    @Test func initializeNegotiatesUTF8WhenOfferedAndReportsTheServer() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        let result = try session.initialize(encodings: ["utf-16", "utf-8"], root: scratch.root)
        let capabilities = try #require(result["capabilities"] as? [String: Any])
        #expect(capabilities["positionEncoding"] as? String == "utf-8")
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        #expect((capabilities["diagnosticProvider"] as? [String: Any])?["workspaceDiagnostics"] as? Bool == true)
        #expect(
            ((capabilities["codeActionProvider"] as? [String: Any])?["codeActionKinds"] as? [String]) == [
                "quickfix", "source.fixAll.chaff",
            ])
        let info = try #require(result["serverInfo"] as? [String: Any])
        #expect(info["name"] as? String == "chaff")
        #expect(
            info["version"] as? String
                == chaff(["--version"], in: scratch.root).out.dropFirst("chaff ".count).trimmingCharacters(in: .newlines))
        #expect(try session.shutDown() == 0)
    }

    @Test func initializeFallsBackToUTF16() throws {
        for offered in [nil, ["utf-16"], ["utf-32"]] as [[String]?] {
            let scratch = Scratch()
            let session = try LSPSession(in: scratch.root)
            let result = try session.initialize(encodings: offered)
            #expect(
                (result["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16",
                "offered \(String(describing: offered))")
            #expect(try session.shutDown() == 0)
        }
    }

    /// 😀 and 𠀀 are one scalar each, two UTF-16 units and four UTF-8 bytes: a finding after 😀
    /// starts at 3 in UTF-16 (emoji, space) and at 5 in UTF-8; 随机段落 is four units in UTF-16,
    /// twelve bytes. A server counting scalars would say 2 and 4.
    @Test(arguments: [("utf-16", [0, 3, 0, 9], [1, 5, 1, 15]), ("utf-8", [0, 5, 0, 19], [1, 9, 1, 19])])
    func aNonBMPCharacterBeforeAFindingGivesExactRanges(encoding: String, first: [Int], second: [Int]) throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(encodings: [encoding])
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "😀 <随机段落>\n𠀀😀 {best|top}\n")
        let published = try session.diagnostics(uri)
        #expect(published["version"] as? Int == 1)
        let diagnostics = try #require(published["diagnostics"] as? [[String: Any]])
        func written(_ s: [Int]) -> String { "\(s[0]):\(s[1])-\(s[2]):\(s[3])" }
        #expect(summary(diagnostics) == ["placeholder-angle-token@" + written(first), "placeholder-spintax@" + written(second)])
        let d = diagnostics[0]
        #expect(d["source"] as? String == "chaff")
        #expect(d["severity"] as? Int == 2)
        #expect(d["message"] as? String == "Unfilled template token '<随机段落>'; replace it with real text or remove it")
        #expect(try session.shutDown() == 0)
    }

    @Test func openChangeAndCloseAcrossLinesWithCRLF() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(encodings: ["utf-16"])
        let uri = "file://" + scratch.path("notes.txt")
        session.open(uri, "第一行\r\n第二行 {best|top}\r\n第三行\r\n", language: "plaintext")
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == ["placeholder-spintax@1:4-1:14"])
        // From the middle of line 0 to the middle of line 1: the spintax moves up a line and left.
        session.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [["range": ["start": ["line": 0, "character": 1], "end": ["line": 1, "character": 2]], "text": "😀"]],
            ])
        var published = try session.diagnostics(uri)
        #expect(published["version"] as? Int == 2)
        #expect(summary(published["diagnostics"]) == ["placeholder-spintax@0:5-0:15"])
        // An insertion that adds a line break before the finding, and a second change in the
        // same message that replaces the line break after it (two ranges, applied in order).
        session.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 3],
                "contentChanges": [
                    ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": "标题\r\n"],
                    ["range": ["start": ["line": 1, "character": 15], "end": ["line": 2, "character": 0]], "text": " <随机段落>\r\n"],
                ],
            ])
        published = try session.diagnostics(uri)
        #expect(published["version"] as? Int == 3)
        #expect(summary(published["diagnostics"]) == ["placeholder-spintax@1:5-1:15", "placeholder-angle-token@1:16-1:22"])
        // The text the server holds is the one the edits make: it lints as `chaff check` does.
        let expected = "标题\r\n第😀行 {best|top} <随机段落>\r\n第三行\r\n"
        let check = chaff(["check", "--column-unit", "utf16", "--stdin-filename", "notes.txt", "-"], in: scratch.root, stdin: expected)
        #expect(
            check.out == """
                notes.txt:2:6: warning: Unspun spintax '{best|top}'; choose one alternative [placeholder-spintax]
                notes.txt:2:17: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]

                """)
        session.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        published = try session.diagnostics(uri)
        #expect(summary(published["diagnostics"]) == [])
        #expect(try session.shutDown() == 0)
    }

    /// Without a file extension chaff reads, the language id decides: in Markdown an HTML
    /// comment is a comment, in plain text it is prose.
    @Test func theLanguageIDPicksTheFormatOfAnUntitledDocument() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        session.open("untitled:Untitled-1", "<!-- {a|b} --> and {c|d}\n", language: "markdown")
        #expect(summary(try session.diagnostics("untitled:Untitled-1")["diagnostics"]) == ["placeholder-spintax@0:19-0:24"])
        session.open("untitled:Untitled-2", "<!-- {a|b} --> and {c|d}\n", language: "plaintext")
        #expect(
            summary(try session.diagnostics("untitled:Untitled-2")["diagnostics"]) == [
                "placeholder-spintax@0:5-0:10", "placeholder-spintax@0:19-0:24",
            ])
        #expect(try session.shutDown() == 0)
    }

    @Test func rapidEditsPublishOnlyTheLatestVersion() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        // A quiet time far longer than reading five messages takes, even on a loaded machine.
        try session.initialize(options: ["quietMilliseconds": 300])
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "text\n")
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == [])
        // Five edits in one write: the server reads them together, well within the quiet time.
        var bytes: [UInt8] = []
        for version in 2...6 {
            bytes += LSPSession.frame([
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": [
                    "textDocument": ["uri": uri, "version": version],
                    "contentChanges": [
                        ["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": "{a|b}"]
                    ],
                ],
            ])
        }
        session.sendRaw(bytes)
        let published = try session.diagnostics(uri)
        #expect(published["version"] as? Int == 6)
        #expect(
            summary(published["diagnostics"]) == [
                "placeholder-spintax@0:0-0:5", "placeholder-spintax@0:5-0:10", "placeholder-spintax@0:10-0:15",
                "placeholder-spintax@0:15-0:20", "placeholder-spintax@0:20-0:25",
            ])
        _ = try session.request("shutdown", nil)
        #expect(session.pending { $0["method"] as? String == "textDocument/publishDiagnostics" }.isEmpty)
        session.notify("exit")
        #expect(session.waitForExit() == 0)
    }

    @Test func diagnosticsCarryTheFixAndTheHelpLink() throws {
        let scratch = Scratch()
        scratch.write(
            "rules/farm-phrase.json",
            """
            {"id": "farm-phrase", "kind": "pattern", "severity": "error", "summary": "A filler phrase.",
             "description": "Filler.", "message": "Filler '{match}'", "helpUri": "https://example.org/rules/farm-phrase",
             "options": {"patterns": ["综上所述"], "replacement": "总之"},
             "examples": {"valid": ["总之，好。"], "invalid": ["↓综上所述，好。"]}}
            """)
        scratch.write(".chaff.json", #"{"rules": ["rules"]}"#)
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        let uri = "file://" + scratch.path("a.md")
        session.open(uri, "综上所述，这个观點很重要。\n")
        let diagnostics = try #require(try session.diagnostics(uri)["diagnostics"] as? [[String: Any]])
        try #require(summary(diagnostics) == ["farm-phrase@0:0-0:4", "mixed-han-script@0:8-0:9"])
        #expect(diagnostics[0]["severity"] as? Int == 1)
        #expect((diagnostics[0]["codeDescription"] as? [String: Any])?["href"] as? String == "https://example.org/rules/farm-phrase")
        #expect((diagnostics[0]["data"] as? [String: Any])?["fix"] as? String == "总之")
        #expect((diagnostics[1]["data"] as? [String: Any])?["fix"] as? String == "点")
        #expect(diagnostics[1]["codeDescription"] == nil)
        #expect(try session.shutDown() == 0)
    }
}
