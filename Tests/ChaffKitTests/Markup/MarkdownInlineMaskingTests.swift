import Testing

/// Inline Markdown constructs, each with placeholder-like and claim-like text inside the part
/// that must not be prose.
@Suite struct MarkdownInlineMaskingTests {
    @Test func codeSpans() {
        expectScopes(
            .markdown,
            p("前 "), x("`"), c("{{ a }}"), x("`"),
            p(" 中 "), x("``"), c("x ` {{ b }} 据不完全统计"), x("``"),
            p(" 后 `unclosed {{ c }}"))
    }

    @Test func escapedBacktickDoesNotOpenACodeSpan() {
        expectScopes(.markdown, x("\\"), p("`{{ a }}`"))
    }

    @Test func codeSpanAcrossLinesOfABlockQuote() {
        expectScopes(.markdown, x("> "), p("引用 "), x("`"), c("{{ a\n"), x("> "), c("b }}"), x("`"), p(" 后"))
    }

    @Test func inlineLinksKeepTextAndMaskDestinationAndTitle() {
        expectScopes(
            .markdown,
            p("看"), x("["), p("链接 {{ text }}"), x(#"](https://e.com/{{slug}} "标题 {{ t }} 据不完全统计")"#),
            p("和"), x("["), p("b"), x("](<a b> '<关键词>')"), p("。"))
    }

    @Test func linkDestinationWithSpacesIsNotALink() {
        // Rendered as literal text, so the placeholder is on the page.
        expectScopes(.markdown, p("[a]({{ url }})"))
    }

    @Test func destinationWithBalancedParentheses() {
        expectScopes(.markdown, x("["), p("a"), x("](http://x.com/(p)/%s)"), p(" z"))
    }

    @Test func imagesKeepAltText() {
        expectScopes(.markdown, x("!["), p("图片 {{ alt }}"), x(#"](/img/{{f}}.png "t %s")"#), p("！"))
    }

    @Test func linkInsideImageAlt() {
        expectScopes(.markdown, x("!["), p("图 "), x("["), p("内"), x("](/a)"), x("](/b.png)"))
    }

    @Test func noLinksInsideLinks() {
        // The outer brackets become text once the inner link is found.
        expectScopes(.markdown, p("[外 "), x("["), p("内"), x("](/a)"), p("](/b)"))
    }

    @Test func autolinks() {
        expectScopes(
            .markdown,
            p("见 "), x("<https://e.com/{{a}}>"), p(" 或 "), x("<me@example.com>"), p("，<关键词> <%s>"))
    }

    @Test func bareURLsAndEmails() {
        expectScopes(
            .markdown,
            p("访问"), x("https://example.com/"), p("{{slug}}/path，然后 "), x("www.example.com"),
            p(". 邮件 "), x("kefu@example.com"), p("。(见 "), x("http://e.com/a_(b)"), p(")"))
    }

    @Test func bareTagsThatNoElementHasAreText() {
        // A generator's slot with a tag's shape is on the page; real elements, custom elements,
        // components and tags with attributes stay markup.
        expectScopes(
            .markdown,
            p("买 <keyword> 和 <brand2></brand2> "), x("<b>"), p("K"), x("</b>"), p(" "),
            x("<my-el>"), p("c"), x("</my-el>"), p(" "), x("<Tabs>"), p(" "), x(#"<keyword x="1">"#), p(" 尾"))
    }

    @Test func rawInlineHTML() {
        expectScopes(
            .markdown,
            p("文字 "), x(#"<span class="{{ cls }}" title=""#), p("提示 {{ t }}"), x(#"">"#),
            p("内 <关键词>"), x("</span>"), p(" "),
            x("<code>"), c("{{ c }} 据不完全统计"), x("</code>"), p(" "),
            x("<!--"), m(" 注释 {{ n }} "), x("-->"), p(" "),
            x("<style>"), p(""), x("a{}"), x("</style>"), p(" 尾"))
    }

    @Test func inlineCommentRangesAreRecorded() {
        let source = "正文 <!-- chaff-disable --> 后 <!----> 完"
        let document = Masking.document(source, as: .markdown)
        let first = Masking.offset(of: "<!--", in: source)!
        #expect(first == 7)
        #expect(document.commentRanges == [7..<29, 34..<41])
    }

    @Test func unclosedInlineConstructsAreText() {
        expectScopes(.markdown, p("[未闭合 {{ a }} <span title=\"未闭合 `未闭合 ![alt](未闭合 <!-- 未闭合 {{ c }}"))
    }

    @Test func escapesMaskOnlyTheBackslash() {
        expectScopes(
            .markdown,
            x("\\"), p("*不是强调"), x("\\"), p("* "), x("\\"), p("[关键词"), x("\\"), p("] "), x("\\"), p("<span> a\\b"))
    }

    @Test func hardLineBreakBackslashIsMasked() {
        expectScopes(.markdown, p("第一行"), x("\\"), p("\n第二行"))
    }

    @Test func emphasisMarkersStay() {
        expectScopes(.markdown, p("**据不完全统计** _{{ name }}_ ~~删除~~"))
    }

    @Test func tableCellsAreProse() {
        expectScopes(.markdown, p("| 列 {{ a }} | "), x("`"), c("{{ b }}"), x("`"), p(" |\n|---|---|\n| 据不完全统计 | %s |"))
    }

    @Test func undefinedReferenceLabelsKeepTheirBrackets() {
        expectScopes(.markdown, p("见[关键词]和[文字][标签]以及[文字][]。"))
    }

    @Test func referenceDefinedLaterInTheDocument() {
        expectScopes(.markdown, p("见"), x("["), p("Foo  Bar"), x("]"), p("。\n\n"), x("[foo bar]: /url\n"))
    }

    @Test func headingContentGetsInlineMasking() {
        expectScopes(.markdown, x("## "), h("标题 "), x("`"), c("{{ code }}"), x("`"), h(" "), x("["), h("链接"), x("](/u)"))
    }

    @Test func characterReferencesInMarkdownProse() {
        let document = Masking.document("见 &lt;关键词&gt; 与 `&lt;`", as: .markdown)
        #expect(String(decoding: document.bytes(for: .prose), as: UTF8.self) == "见    <关键词>    与       ")
        #expect(String(decoding: document.bytes(for: .code), as: UTF8.self) == Masking.spaces(27) + "&lt;" + " ")
        #expect(document.characterReferenceSpans == [4..<8, 17..<21])
    }

    @Test func escapedAmpersandStartsNoReference() {
        let document = Masking.document("a \\&amp; b &amp;", as: .markdown)
        #expect(String(decoding: document.bytes(for: .prose), as: UTF8.self) == "a  &amp; b &    ")
        #expect(document.characterReferenceSpans == [11..<16])
    }

    @Test func unclosedParenthesisInDestinationBeforeATitle() {
        // The reference implementations accept this: the destination is `/a(b`.
        expectScopes(.markdown, x("["), p("t"), x(#"](/a(b "标题")"#), p(" 后"))
        expectScopes(.markdown, p("[t](/a(b)"))
    }
}
