import Testing

@testable import ChaffKinds

/// The template syntaxes and fullwidth delimiters added after the field recall benchmark
/// (`Benchmarks/field/recall`), each with the exact byte range it reports.
@Suite struct PlaceholderFormTests {
    /// (byte offset, matched text) of every token a scanner reports in `text`.
    static func found(_ text: String, _ scan: (UnsafeBufferPointer<UInt8>, (Range<Int>) -> Void) -> Void) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        var out: [(Int, String)] = []
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer) { range in out.append((range.lowerBound, String(decoding: bytes[range], as: UTF8.self))) }
        }
        return out
    }

    static func template(_ text: String) -> [(Int, String)] { found(text, TemplateExpressionScanner().scan) }
    static func printf(_ text: String) -> [(Int, String)] { found(text, PrintfSpecifierScanner().scan) }
    static func brace(_ text: String) -> [(Int, String)] {
        found(text, BraceSlotScanner(slotNames: SlotNames(["keyword", "name", "count"], caseInsensitiveASCII: true)).scan)
    }

    static func same(_ a: [(Int, String)], _ b: [(Int, String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    @Test func aTokenLongerThanAQuotationIsJudgedWithoutCrashing() {
        // Found by the document fuzz target: a spintax token of 70 bytes, a quote after it.
        let text = Array(("{x" + String(repeating: "a", count: 64) + "|y}' %s\n").utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(!CodeLine.contains(0..<70, in: buffer, plainText: true))
            #expect(CodeLine.contains(0..<70, in: UnsafeBufferPointer(rebasing: buffer[0..<70]), plainText: true) == false)
        }
        // A quotation longer than `maximumQuotation` is a sentence, not a code string.
        let long = Array(("'" + String(repeating: "b", count: 70) + "'").utf8)
        long.withUnsafeBufferPointer { #expect(!CodeLine.contains(1..<71, in: $0, plainText: false)) }
        let short = Array("say '{x|y}' twice".utf8)
        short.withUnsafeBufferPointer { #expect(CodeLine.contains(5..<10, in: $0, plainText: false)) }
    }

    @Test func aPercentDelimitedFieldIsNoPrintfSpecifier() {
        // `%p%` (a page-number field) and `%t4%`; the `%d` of `%d%%` and `%d%s` is printf (the
        // `%s` glued to a letter is not read, as before).
        #expect(Self.printf("Fields: %p% and %t4% here.").isEmpty)
        #expect(Self.same(Self.printf("%d%% done, %d%s"), [(0, "%d"), (11, "%d")]))
    }

    @Test func erbAndEJSTags() {
        #expect(Self.same(Self.template("Hi <%= name %>!"), [(3, "<%= name %>")]))
        #expect(
            Self.same(
                Self.template("<%- user.name %> <%# note %> <% x -%>"), [(0, "<%- user.name %>"), (17, "<%# note %>"), (29, "<% x -%>")]))
        #expect(Self.template("<%% x %> <%= %> <%=x%> a <% b").isEmpty)
    }

    @Test func tripleMustache() {
        #expect(Self.same(Self.template("Body: {{{body}}}."), [(6, "{{{body}}}")]))
        #expect(Self.same(Self.template("{{{ title }}} {{x}}"), [(0, "{{{ title }}}"), (14, "{{x}}")]))
    }

    @Test func icuMessageFormat() {
        let text = "You have {count, plural, one {# item} other {# items}}."
        #expect(Self.same(Self.template(text), [(9, "{count, plural, one {# item} other {# items}}")]))
        #expect(
            Self.same(
                Self.template("{g, select, male {he} other {they}} {n, number} {d, date, short}"),
                [(0, "{g, select, male {he} other {they}}"), (36, "{n, number}"), (48, "{d, date, short}")]))
        #expect(Self.same(Self.template("共{num, plural, =0 {无} other {# 条}}"), [(3, "{num, plural, =0 {无} other {# 条}}")]))
        #expect(Self.template("{a, b} {1, 2, 3} {x, plural} {x, plural, one} {n, plural, one {a}").isEmpty)
    }

    @Test func fullwidthDoubleBraces() {
        // ｛ is three bytes: 名 starts at 6 + 6.
        #expect(Self.same(Self.template("欢迎｛｛名称｝｝。"), [(6, "｛｛名称｝｝")]))
        #expect(Self.same(Self.template("｛｛ name ｝｝"), [(0, "｛｛ name ｝｝")]))
        #expect(Self.template("｛｛｝｝ ｛单｝ ｛｛a}} ｛｛x\n｝｝").isEmpty)
    }

    @Test func pythonNamedSpecifiers() {
        #expect(Self.same(Self.printf("Dear %(name)s, %(n)05.1f"), [(5, "%(name)s"), (15, "%(n)05.1f")]))
        #expect(Self.same(Self.printf("欢迎%(城市)s"), [(6, "%(城市)s")]))
        #expect(Self.printf("%() %(1x)s %(name) %(name)sx a%(b)s %(a b)s").isEmpty)
    }

    @Test func fullwidthPercent() {
        #expect(Self.same(Self.printf("价格为％s元，共％1$d件"), [(9, "％s"), (22, "％1$d")]))
        #expect(Self.same(Self.printf("Hi ％s"), [(3, "％s")]))
        #expect(Self.printf("５０％s 50％d abc％s ％％s 50％").isEmpty)
    }

    @Test func braceSlots() {
        #expect(Self.same(Self.brace("Visit {keyword} in {city2}, {0}."), [(6, "{keyword}"), (19, "{city2}"), (28, "{0}")]))
        #expect(Self.same(Self.brace("欢迎来到{城市}，{user_name}"), [(12, "{城市}"), (23, "{user_name}")]))
        #expect(Self.same(Self.brace("全角｛关键词｝"), [(6, "｛关键词｝")]))
        #expect(Self.same(Self.brace("{長尾關鍵詞2} {标题_a}"), [(0, "{長尾關鍵詞2}"), (19, "{标题_a}")]))
        #expect(Self.brace("{braces} {string} {1, 2} a{2} x^{2} \\frac{1}{2} ${name} {{name}} {name}} {123} {_x} {a_}").isEmpty)
        #expect(Self.brace("{很长很长很长很长的中文} ｛name} {name｝").isEmpty)
    }

    @Test func fullwidthAngleAndBracketWithASCIINames() throws {
        let angle = AngleTokenScanner(slotNames: SlotNames(["keyword"], caseInsensitiveASCII: true))
        #expect(Self.same(Self.found("买＜keyword_1＞和＜keyword＞", angle.scan), [(3, "＜keyword_1＞"), (21, "＜keyword＞")]))
        #expect(Self.found("按＜Enter＞键 <keyword_1＞ ＜city2>", angle.scan).isEmpty)
        let bracket = BracketKeywordScanner(
            cjkNames: SlotNames(["关键词"], caseInsensitiveASCII: false), prefixNames: SlotNames([], caseInsensitiveASCII: false),
            asciiNames: SlotNames(["keyword", "city"], caseInsensitiveASCII: true))
        #expect(Self.same(Self.found("全角［keyword］和【city】", bracket.scan), [(6, "［keyword］"), (22, "【city】")]))
        #expect(Self.found("[keyword］ ［city] ［按钮］", bracket.scan).isEmpty)
    }

    @Test func codeLines() {
        func code(_ text: String, _ token: String, plainText: Bool = true) -> Bool {
            let bytes = Array(text.utf8)
            let offset = Array(text.utf8).indices.first { i in bytes[i...].starts(with: Array(token.utf8)) }!
            return bytes.withUnsafeBufferPointer { CodeLine.contains(offset..<(offset + token.utf8.count), in: $0, plainText: plainText) }
        }
        #expect(code("x = '{0}, {1}'.format(a)", "{0}"))
        #expect(code("write “%(message)s” here", "%(message)s", plainText: false))
        #expect(code("text\n    print(%s)\n", "%s"))
        #expect(code(">>> f(%d)", "%d"))
        #expect(!code("    <p>{keyword}</p>", "{keyword}", plainText: false))
        #expect(!code("Don't miss {keyword}'s deals", "{keyword}"))
        #expect(!code("Buy {keyword} today", "{keyword}"))
        #expect(!code("   three spaces {keyword}", "{keyword}"))
    }
}

/// Reference pages that list a syntax as terms, and the other shapes of documentation that name
/// placeholders rather than leave them unfilled.
@Suite struct SyntaxMentionTests {
    static func findings(_ rule: String, _ source: String, format: String) throws -> [String] {
        try shippedRuleFindings(rule, source, format: format)
    }

    @Test func termsOfAReferenceTableAreMentionsEverywhereInTheDocument() throws {
        let page = """
            <table><tr class="row">
              <td class="seg">%f</td>
              <td>Bare filename</td></tr>
            <tr><td>%d</td><td>Destination scale (zoom = %d/%s)</td></tr></table>
            <p>Title: %s</p>
            """
        // `%f` and `%d` open their rows; `%s` only appears inside sentences, so it is a slot.
        #expect(try Self.findings("placeholder-printf-specifier", page, format: "html") == ["4:49 %s", "5:11 %s"])
        // A second cell is a value, not a term.
        let values = "<table><tr><td>价格</td><td>%s</td></tr></table>"
        #expect(try Self.findings("placeholder-printf-specifier", values, format: "html") == ["1:27 %s"])
        // A slot in a shown attribute value is inside the cell's tag, not its content.
        let attribute = #"<table><tr><td title="%s">x</td></tr></table>"#
        #expect(try Self.findings("placeholder-printf-specifier", attribute, format: "html") == ["1:23 %s"])
    }

    @Test func definitionListTermsAreMentions() throws {
        let text = "Fields:\n\n{basename}\n    Just the name of the file.\n{root}\n    The stem; see {basename}.\n\nBuy {keyword} now.\n"
        #expect(try Self.findings("placeholder-brace-slot", text, format: "rst") == ["8:5 {keyword}"])
        // A slot alone on a line with nothing indented under it is still a slot.
        #expect(try Self.findings("placeholder-brace-slot", "{keyword}\n\nText.\n", format: "rst") == ["1:1 {keyword}"])
    }

    @Test func aLineThatIsOneQuotedStringIsCode() throws {
        let text =
            "The default is:\n\n   \"[Non-text (%(type)s) part of message omitted, filename %(filename)s]\"\n\nIt says %(name)s here.\n"
        #expect(try Self.findings("placeholder-printf-specifier", text, format: "rst") == ["5:9 %(name)s"])
    }

    @Test func aStepOfAMenuPathIsALabel() throws {
        #expect(try Self.findings("placeholder-bracket-keyword", "<p>選擇 [格式化選取] - [標題] 對話方塊</p>", format: "html") == [])
        #expect(try Self.findings("placeholder-bracket-keyword", "<p>選擇 [標題] &gt; [格式化選取]</p>", format: "html") == [])
        // Two slots joined are a title template left unfilled.
        #expect(try Self.findings("placeholder-bracket-keyword", "<p>[关键词] - [产品名]</p>", format: "html") == ["1:4 [关键词]", "1:12 [产品名]"])
    }
}
