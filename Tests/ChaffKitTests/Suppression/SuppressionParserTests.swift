import Testing

@testable import ChaffEngine

@Suite struct SuppressionParserTests {
    private func parse(_ text: String, as format: DocumentFormat) -> ParsedSuppressions {
        SuppressionParser.parse(Masking.document(text, as: format))
    }

    @Test func markdownDirectivesOfEveryKind() {
        let text = """
            <!-- chaff-disable placeholder-token, claims -- generated on purpose -->
            正文
            <!--chaff-enable-->
            <!-- chaff-disable-next-line placeholder   pinyin.gloss -->
            <!-- chaff-disable-file -->

            """
        let parsed = parse(text, as: .markdown)
        #expect(parsed.malformed == [])
        #expect(parsed.directives.map(\.kind) == [.disable, .enable, .disableNextLine, .disableFile])
        #expect(
            parsed.directives.map { $0.rules.map(\.id) } == [["placeholder-token", "claims"], [], ["placeholder", "pinyin.gloss"], []])
        #expect(parsed.directives.map(\.reason) == ["generated on purpose", nil, nil, nil])
        #expect(parsed.directives.map(\.line) == [0, 2, 3, 4])
        #expect(parsed.directives[0].range == 0..<72)
        #expect(parsed.directives[1].range == 80..<99)
    }

    @Test func inlineAndMultiLineComments() {
        let text = "段落 <!-- chaff-disable-next-line -->\n<!-- chaff-disable\n  placeholder\n-->\n"
        let parsed = parse(text, as: .markdown)
        #expect(parsed.directives.count == 2)
        #expect(parsed.directives[0].range == 7..<39)
        #expect(parsed.directives[0].line == 0)
        #expect(parsed.directives[1].rules == [RuleSelector("placeholder")])
        #expect(parsed.directives[1].line == 1)
        #expect(parsed.directives[1].endLine == 3)
    }

    @Test func commentsInCodeAreNotDirectives() {
        let text = "```\n<!-- chaff-disable-file -->\n```\n`<!-- chaff-disable -->`\n\n    <!-- chaff-disable -->\n"
        #expect(parse(text, as: .markdown) == ParsedSuppressions())
    }

    @Test func otherCommentsAreIgnored() {
        let text = "<!-- note: chaff-disable would go here -->\n<!-- chaffinch -->\n<!-- -->\n<!---->"
        #expect(parse(text, as: .markdown) == ParsedSuppressions())
    }

    @Test func malformedDirectives() {
        let text = "<!-- chaff-disable-nextline placeholder -->\n<!-- chaff-disable placeholder; -->\n<!-- Chaff-Disable -->"
        let parsed = parse(text, as: .markdown)
        #expect(parsed.directives == [])
        #expect(parsed.malformed.map(\.line) == [0, 1, 2])
        #expect(parsed.malformed[0].wordRange == 5..<27)
        #expect(parsed.malformed[0].message.hasPrefix("unknown suppression directive 'chaff-disable-nextline'"))
        #expect(parsed.malformed[1].message == "'placeholder;' is not a rule id in 'chaff-disable'")
        #expect(parsed.malformed[2].message.contains("'Chaff-Disable'"))
    }

    @Test func htmlDirectives() {
        let text =
            "<p>a</p>\r\n<!-- chaff-disable-next-line placeholder -- ok --><p>{{ x }}</p>\r\n<script>// <!-- chaff-disable --></script>"
        let parsed = parse(text, as: .html)
        #expect(parsed.directives.count == 1)
        #expect(parsed.directives[0].kind == .disableNextLine)
        #expect(parsed.directives[0].reason == "ok")
        #expect(parsed.directives[0].line == 1)
    }

    @Test func plainTextDirectiveLines() {
        let text =
            "# chaff-disable-next-line placeholder-token -- intentional\n{{ x }}\r\n  // chaff-disable claims\r#chaff-enable\nnot # chaff-disable-file\n# chaff-disable-next line\n"
        let parsed = parse(text, as: .plainText)
        #expect(parsed.directives.map(\.kind) == [.disableNextLine, .disable, .enable])
        #expect(parsed.directives.map(\.line) == [0, 2, 3])
        #expect(parsed.directives[0].range == 0..<58)
        #expect(parsed.directives[0].reason == "intentional")
        #expect(parsed.directives[1].range == 70..<93)
        #expect(parsed.malformed.map(\.line) == [5])
    }

    @Test func markdownHashLinesAreNotDirectives() {
        #expect(parse("# chaff-disable-file\n", as: .markdown) == ParsedSuppressions())
    }

    @Test func plainTextDirectiveAfterAByteOrderMark() {
        let parsed = parse("\u{FEFF}# chaff-disable-file\n", as: .plainText)
        #expect(parsed.directives.map(\.kind) == [.disableFile])
        #expect(parsed.directives[0].range == 3..<23)
    }

    @Test func multiLineDirectiveInsideABlockQuote() {
        let parsed = parse("> <!-- chaff-disable\n> placeholder, claims -->\n> {{ x }}\n", as: .markdown)
        #expect(parsed.malformed == [])
        #expect(parsed.directives.map { $0.rules.map(\.id) } == [["placeholder", "claims"]])
        #expect(parsed.directives[0].range == 2..<46)
        #expect(parsed.directives[0].endLine == 1)
    }

    @Test func theMarkerSearchFindsEveryCaseAndPosition() {
        func contains(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer(SuppressionParser.containsMarker)
        }
        #expect(contains("chaff-"))
        #expect(contains("x CHAFF-disable"))
        #expect(contains("well-known - Chaff-Enable"))
        #expect(!contains("chaff"))
        #expect(!contains("chaf-f-"))
        #expect(!contains("-chaff"))
        #expect(!contains(""))
        // Documents without the marker skip line splitting; those with it still parse, and a
        // marker in another case is still seen, and reported as malformed.
        #expect(parse("# chaff-disable-file\n正文\n", as: .plainText).directives.map(\.kind) == [.disableFile])
        #expect(parse("# CHAFF-disable-file\n正文\n", as: .plainText).malformed.map(\.line) == [0])
        #expect(parse("no directives - none at all\n", as: .plainText).directives.isEmpty)
        #expect(parse("<!-- chaff-disable --> <!-- note -->", as: .html).directives.map(\.kind) == [.disable])
    }
}
