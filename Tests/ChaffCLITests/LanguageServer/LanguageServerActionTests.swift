import ChaffCLI
import Foundation
import Testing

/// Code actions and hover of `chaff lsp`, compared with what the command line does.
@Suite struct LanguageServerActionTests {
    static let fixable = "# 标题\n\n这个观點很重要，那个觀點也是。\n\n综上所述，{best|top} 的说法。\n"

    private func actions(_ session: LSPSession, _ uri: String, from: (Int, Int), to: (Int, Int), only: [String]? = nil) throws -> [[String:
        Any]]
    {
        var context: [String: Any] = ["diagnostics": []]
        if let only { context["only"] = only }
        let answer = try session.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": uri], "context": context,
                "range": ["start": ["line": from.0, "character": from.1], "end": ["line": to.0, "character": to.1]],
            ])
        return try #require(answer["result"] as? [[String: Any]])
    }

    private func edits(_ action: [String: Any], _ uri: String) -> [[String: Any]] {
        (((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]) ?? []
    }

    @Test(arguments: ["utf-16", "utf-8"])
    func fixAllGivesWhatChaffFixWrites(encoding: String) throws {
        let scratch = Scratch()
        let file = scratch.write("page.md", "😀" + Self.fixable)
        let session = try LSPSession(in: scratch.root)
        try session.initialize(encodings: [encoding], root: scratch.root)
        let uri = "file://" + file
        session.open(uri, "😀" + Self.fixable)
        _ = try session.diagnostics(uri)
        let found = try actions(session, uri, from: (0, 0), to: (0, 0), only: ["source.fixAll"])
        try #require(found.count == 1)
        #expect(found[0]["kind"] as? String == "source.fixAll.chaff")
        let edited = applying(edits(found[0], uri), to: "😀" + Self.fixable, utf16: encoding == "utf-16")
        let fix = chaff(["fix", file], in: scratch.root)
        #expect(fix.status == 1, "\(fix.err)")
        #expect(edited == scratch.read("page.md"))
        #expect(edited == "😀# 标题\n\n这个观点很重要，那个观点也是。\n\n综上所述，{best|top} 的说法。\n")
        #expect(try session.shutDown() == 0)
    }

    @Test func quickFixReplacesOneFindingAndDisablingInsertsTheFormatsComment() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        let uri = "file://" + scratch.path("page.md")
        session.open(uri, Self.fixable)
        #expect(
            summary(try session.diagnostics(uri)["diagnostics"]) == [
                "mixed-han-script@2:3-2:4", "mixed-han-script@2:10-2:12", "placeholder-spintax@4:5-4:15",
            ])
        let found = try actions(session, uri, from: (2, 3), to: (2, 3), only: ["quickfix"])
        #expect(
            found.map { $0["title"] as? String ?? "" } == [
                "Replace '點' with '点' (mixed-han-script)", "Disable mixed-han-script on this line",
            ])
        #expect(found.map { $0["kind"] as? String ?? "" } == ["quickfix", "quickfix"])
        #expect(summary((found[0]["diagnostics"] as? [[String: Any]])) == ["mixed-han-script@2:3-2:4"])
        let fixed = applying(edits(found[0], uri), to: Self.fixable, utf16: true)
        #expect(fixed == "# 标题\n\n这个观点很重要，那个觀點也是。\n\n综上所述，{best|top} 的说法。\n")
        let disabled = applying(edits(found[1], uri), to: Self.fixable, utf16: true)
        #expect(disabled == "# 标题\n\n这个观點很重要，那个觀點也是。 <!-- chaff-disable-line mixed-han-script -->\n\n综上所述，{best|top} 的说法。\n")
        // The inserted comment works: the document with it has only the spintax left.
        session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": disabled]]])
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == ["placeholder-spintax@4:5-4:15"])
        #expect(try session.shutDown() == 0)
    }

    @Test(arguments: [
        ("notes.txt", "plaintext", "a {x|y} b\n", "a {x|y} b  # chaff-disable-line placeholder-spintax\n"),
        ("page.html", "html", "<p>a {x|y} b</p>\n", "<p>a {x|y} b</p> <!-- chaff-disable-line placeholder-spintax -->\n"),
        (
            "doc.rst", "restructuredtext", "Title\n=====\n\n  a {x|y} b\n",
            "Title\n=====\n\n  .. chaff-disable-next-line placeholder-spintax\n  a {x|y} b\n"
        ),
    ])
    func disablingWorksInEachFormat(name: String, language: String, text: String, expected: String) throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        let uri = "file://" + scratch.path(name)
        session.open(uri, text, language: language)
        let before = summary(try session.diagnostics(uri)["diagnostics"])
        try #require(before.count == 1 && before[0].hasPrefix("placeholder-spintax@"))
        let line = Int(before[0].split(separator: "@")[1].split(separator: ":")[0])!
        let found = try actions(session, uri, from: (line, 0), to: (line, 100), only: ["quickfix"])
        let disable = try #require(found.first { ($0["title"] as? String)?.hasPrefix("Disable") == true })
        let disabled = applying(edits(disable, uri), to: text, utf16: true)
        #expect(disabled == expected)
        session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": disabled]]])
        #expect(summary(try session.diagnostics(uri)["diagnostics"]) == [])
        #expect(try session.shutDown() == 0)
    }

    @Test func hoverOnAFindingShowsChaffRuleExplanation() throws {
        let scratch = Scratch()
        let session = try LSPSession(in: scratch.root)
        try session.initialize(root: scratch.root)
        let uri = "file://" + scratch.path("page.md")
        session.open(uri, "😀 <随机段落>\n")
        _ = try session.diagnostics(uri)
        let answer = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 5]])
        let result = try #require(answer["result"] as? [String: Any])
        let contents = try #require(result["contents"] as? [String: Any])
        #expect(contents["value"] as? String == chaff(["rule", "placeholder-angle-token"], in: scratch.root).out)
        #expect(span(result["range"]) == [0, 3, 0, 9])
        let nothing = try session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 1]])
        #expect(nothing["result"] is NSNull)
        #expect(try session.shutDown() == 0)
    }
}
