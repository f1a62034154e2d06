import Testing

/// HTML documents: what a browser shows is prose, the rest is masked or goes to code or comment.
@Suite struct HTMLMaskingTests {
    @Test func textIsProseAndAttributesAreMasked() {
        expectScopes(
            .html,
            x("<p>"), p("据不完全统计 <关键词> %s "),
            x(#"<a href="/p/{{ id }}" data-x='{{ y }}' title=""#), p("提示 {{ t }}"), x(#"">"#),
            p("链接"), x("</a>"), x("</p>"))
    }

    @Test func elementsWhoseClassMarksCodeAreCode() {
        // Help systems mark code by class on ordinary elements; nested elements of the same name
        // do not end it early, and a class that only contains the word does not count.
        expectScopes(
            .html, x(#"<p class="codeintable">"#), c("{空} 或者 0"), x("</p>"), x(#"<span class="x LITERAL">"#), c("a"),
            x("<span>"), c("%s"), x("</span>"), c(" b"), x("</span>"), p(" 后 "), x(#"<p class="encode">"#), p("{空}"), x("</p>"),
            x(#"<br class="code">"#), p("%d"))
    }

    @Test func aCodeClassedElementLeftOpenEndsWhereBrowsersEndIt() {
        // `<p class="code">` without `</p>` ends at the next `<p>`; a cell at the next cell or
        // the row's end: the rest of the page stays prose.
        expectScopes(
            .html, x(#"<p class="code">"#), c("%s"), x("<p>"), p("正文 %d"), x(#"<table><tr><td class="literal">"#), c("{x}"),
            x("<td>"), p("值"), x("</tr></table>"), p(" 后"))
    }

    @Test func altAndTitleValuesAreProseInAnyQuotingAndCase() {
        expectScopes(
            .html,
            x(#"<img src="{{ src }}" ALT='"#), p("图片 {{ alt }}"), x("' Title="), p("提示"), x(" class=x>"))
    }

    @Test func commentsGoToTheCommentScope() {
        let parts = [
            p("前 "), x("<!--"), m(" chaff-disable {{ x }} 据不完全统计 "), x("-->"), p(" 后 "), x("<!-->"), p(" "), x("<!--->"), p(" "), x("<!--"),
            m("a"), x("--!>"),
        ]
        expectScopes(
            .html, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9], parts[10], parts[11])
        let document = Masking.document(Masking.source(parts), as: .html)
        let source = Masking.source(parts)
        let first = Masking.offset(of: "<!--", in: source)!
        let end = Masking.offset(of: " 后", in: source)!
        #expect(document.commentRanges.first == first..<end)
        #expect(document.commentRanges.count == 4)
    }

    @Test func unclosedCommentRunsToTheEnd() {
        expectScopes(.html, p("正文 "), x("<!--"), m(" 未闭合 {{ c }}\n<p>还是注释</p>"))
    }

    @Test func scriptAndStyleContentIsMasked() {
        expectScopes(
            .html,
            x("<script type=\"text/javascript\">"), x("var s = \"<p>{{ js }}</p>\"; if (a < b) {}"), x("</SCRIPT >"),
            x("<style>"), x("p::after { content: \"据不完全统计\" }"), x("</style>"),
            p("正文"))
    }

    @Test func unclosedScriptRunsToTheEnd() {
        expectScopes(.html, p("正文"), x("<script>var a = '{{ x }}';\n</scrip>\n<p>不可见</p>"))
    }

    @Test func preAndCodeAreCode() {
        expectScopes(
            .html,
            x("<pre>"), x("<code class=\"{{ lang }}\">"), c("{{ pre }} 据不完全统计\n<关键词>"), x("</code>"), x("</pre>"),
            p(" 后 "), x("<code>"), c("a "), x("<code>"), c("b"), x("</code>"), c(" c"), x("</code>"),
            p(" "), x("</code>"), p(" 文 "), x("<kbd>"), c("%s"), x("</kbd>"), x("<code/>"), p("尾"))
    }

    @Test func headingsAreHeading() {
        expectScopes(
            .html,
            x("<h1 class=\"t\">"), h("主标题 {{ h1 }} "), x("<img alt=\""), h("图"), x("\">"), x("</h1>"),
            x("<H3>"), h("三"), x("</h2>"), p("正文"))
    }

    @Test func titleIsHeadingWithoutTagsAndTextareaIsMasked() {
        // The document's title heads the page; a textarea's content is the field's initial
        // value, which the user edits (like `<input value>`), so it is masked; its placeholder
        // is prose.
        expectScopes(
            .html,
            x("<title>"), h("{{ title }} <b>不是标签</b>"), x("</title>"),
            x("<textarea name=\"t\" placeholder=\""), p("请输入 {{ hint }}"), x("\">"),
            x("默认 {{ v }} <b>x</b>"), x("</textarea>"), p("后"))
    }

    @Test func titleInsideSvgOrMathIsAnElementAndProse() {
        expectScopes(
            .html,
            x("<svg viewBox=\"0 0 1 1\">"), x("<title>"), p("图标 "), x("<b>"), p("{{ t }}"), x("</b>"), x("</title>"),
            x("<text>"), p("标签"), x("</text>"), x("</svg>"),
            x("<title>"), h("标题"), x("</title>"))
    }

    @Test func metaContentThatReadersSeeIsProse() {
        expectScopes(
            .html,
            x("<meta name=\"description\" content=\""), p("{{ city }}最好的 {keyword} 服务"), x("\">"),
            x("<META content='"), p("关键词1, {{ kw }}"), x("' NAME=Keywords>"),
            x("<meta property=\"og:title\" content=\""), p("标题 %s"), x("\">"),
            x("<meta property=og:description content="), p("描述"), x(">"),
            x("<meta name=\"twitter:title\" content=\""), p("推文"), x("\">"),
            x("<meta name=\"twitter:description\" content=\""), p("推文描述"), x("\">"),
            x("<meta name=\"twitter:image:alt\" content=\""), p("图片"), x("\">"),
            x("<meta property=\"og:site_name\" content=\""), p("站点"), x("\">"),
            x("<meta property=\"og:image:alt\" content=\""), p("配图"), x("\"/>"))
    }

    @Test func metaContentThatIsNotTextIsMasked() {
        expectScopes(
            .html,
            x("<meta http-equiv=\"refresh\" content=\"0; URL=../{{ x }}/noscript.html\">"),
            x("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
            x("<meta name=\"twitter:card\" content=\"summary {{ card }}\">"),
            x("<meta property=\"og:image\" content=\"https://example.com/{{ img }}.png\">"),
            x("<meta charset=\"utf-8\">"), x("<meta content=\"{{ orphan }}\">"),
            x("<meta name=\"description\">"), p("正文"))
    }

    @Test func ariaLabelPlaceholderAndButtonLabelsAreProse() {
        expectScopes(
            .html,
            x("<nav aria-label=\""), p("主导航 {{ nav }}"), x("\">"),
            x("<input type=\"search\" PLACEHOLDER='"), p("搜索 %s"), x("' value=\"{{ q }}\">"),
            x("<input value=\""), p("提交 {{ b }}"), x("\" type=SUBMIT>"),
            x("<input type=button value="), p("按钮"), x(">"),
            x("<input type=reset value=\""), p("重置"), x("\">"),
            x("<input type=\"text\" value=\"{{ v }}\">"), x("<input value=\"{{ w }}\">"),
            x("<button aria-label=\""), p("关闭"), x("\">"), p("×"), x("</button>"))
    }

    @Test func optionTextAndLabelsAreProseAndValuesAreMasked() {
        expectScopes(
            .html,
            x("<select name=\"c\">"), x("<optgroup LABEL='"), p("分组"), x("'>"),
            x("<option value=\"{{ v }}\" label=\""), p("{{ l }}"), x("\">"), p("选项 {{ o }}"), x("</option>"),
            x("</select>"), x("<video><track kind=subtitles label="), p("中文字幕"), x(" src=\"{{ s }}.vtt\"></video>"),
            x("<p label=\"{{ not shown }}\">"), p("正文"))
    }

    @Test func inlineHTMLInMarkdownShowsTheSameAttributes() {
        expectScopes(
            .markdown,
            p("搜索 "), x("<input type=\"search\" placeholder=\""), p("{{ hint }}"), x("\" aria-label=\""), p("搜索框"),
            x("\" value=\"{{ v }}\">"), p(" 后"))
    }

    @Test func visibleAttributeValuesDecodeCharacterReferencesInPlace() {
        let source = "<meta name=\"description\" content=\"&lt;关键词&gt; &amp; b\"><input placeholder=\"a&#x4E2D;\">"
        let document = Masking.document(source, as: .html)
        let prose = String(decoding: document.bytes(for: .prose), as: UTF8.self)
        let contentStart = Masking.offset(of: "&lt;", in: source)!
        let placeholderStart = Masking.offset(of: "a&#x4E2D;", in: source)!
        var expected = Array(Masking.blank(source).utf8)
        func put(_ text: String, at offset: Int) { for (k, b) in text.utf8.enumerated() { expected[offset + k] = b } }
        put("   <关键词>    &     b", at: contentStart)
        put("a中     ", at: placeholderStart)
        #expect(prose == String(decoding: expected, as: UTF8.self))
        #expect(
            document.characterReferenceSpans == [
                contentStart..<contentStart + 4, contentStart + 13..<contentStart + 17,
                contentStart + 18..<contentStart + 23, placeholderStart + 1..<placeholderStart + 9,
            ])
    }
    @Test func doctypeCdataAndProcessingInstructionsAreMasked() {
        expectScopes(
            .html,
            x("<!DOCTYPE html>"), x("<?xml version=\"1.0\"?>"), x("<![CDATA[ {{ cdata }} > 据不完全统计 ]]>"),
            x("<?php echo \"{{ pi }}\"; ?>"), p("正文"))
    }

    @Test func lessThanNotStartingATagIsText() {
        // `</` followed by a non-letter starts a bogus comment that ends at the next `>`.
        expectScopes(.html, p("a < b, <关键词>, <%s>, <{{ x }}>, < p>, 1<2, "), x("</ 不是</>"), p("尾</"))
    }

    @Test func unclosedTagAndQuoteRunToTheEnd() {
        expectScopes(.html, p("正文 "), x("<a href=\"{{ x }}\n<p>看不见 据不完全统计</p>"))
        expectScopes(.html, p("正文 "), x("<div class=x {{ y }}"))
    }

    @Test func greaterThanInsideQuotedValueDoesNotEndTheTag() {
        expectScopes(.html, x(#"<a href="a>b" title='"#), p("x>y"), x("'>"), p("文"))
    }

    @Test func characterReferencesAreDecodedInProse() {
        let document = Masking.document("<p>&lt;关键词&gt; &#x4E2D;&#25991; a &amp; b</p>", as: .html)
        let prose = String(decoding: document.bytes(for: .prose), as: UTF8.self)
        #expect(prose == "      <关键词>    中文           a &     b    ")
        #expect(document.characterReferenceSpans == [3..<7, 16..<20, 21..<37, 40..<45])
    }

    @Test func crlfAndByteOrderMark() {
        expectScopes(.html, x("\u{FEFF}"), x("<p>"), p("一\r\n二 "), x("<!--"), m(" x\r\n"), x("-->"), p("\r三"))
    }

    @Test func attributeValuesInsideCodeTakeTheCodeClass() {
        expectScopes(.html, x("<pre>"), x("<img alt=\""), c("图"), x("\">"), x("</pre>"))
    }

    @Test func endTagsCloseWhatBrowsersClose() {
        // </h2> closes the heading; <code> is a formatting element that browsers reopen.
        expectScopes(.html, x("<h2>"), h("a"), x("<code>"), c("b"), x("</h2>"), c("c"), x("</code>"), p("d"))
        // A heading inside <pre> stays code; </pre> closes both.
        expectScopes(.html, x("<pre>"), c("a"), x("<h2>"), c("b"), x("</pre>"), p("c"))
        // A heading start tag right inside a heading closes it.
        expectScopes(.html, x("<h1>"), h("a"), x("<h2>"), h("b"), x("</h2>"), p("c"))
        // Stray end tags change nothing.
        expectScopes(.html, x("<pre>"), c("a"), x("</code>"), c("b"), x("</h1>"), c("c"), x("</pre>"), p("d"))
    }

    @Test func noscriptContentIsMarkupAndProse() {
        // Readers without scripting (and reader modes and crawlers) see it.
        expectScopes(
            .html,
            x("<noscript>"), x("<p>"), p("请启用 {{ js }}"), x("</p>"), x("<meta http-equiv=\"refresh\" content=\"0; URL={{ u }}\">"),
            x("</noscript>"), p("正文"))
    }

    @Test func templateContentIsMaskedExceptComments() {
        expectScopes(
            .html,
            p("前"), x("<template id=\"row\">"),
            x("<tr><td class=\"name\">{{ name }}</td><td><img alt=\"{{ alt }}\" title=\"${title}\"></td></tr>"),
            x("<h2>{keyword}</h2><pre>%s</pre><title>{{ t }}</title>"), x("<!--"), m(" chaff-disable-next-line "), x("-->"),
            x("<template>{{ inner }}</template>{{ after inner }}"),
            x("</template>"), p("后"))
    }

    @Test func templateContentClosesNothingOutsideIt() {
        // `</pre>` inside the template does not close the `<pre>` outside it.
        expectScopes(.html, x("<pre>"), c("a"), x("<template>"), x("b</pre>c"), x("</template>"), c("d"), x("</pre>"), p("e"))
        // `<code>` open outside does not reach into the template, and `</code>` inside it is stray.
        expectScopes(.html, x("<code>"), c("a"), x("<template>"), x("b</code>c"), x("</template>"), c("d"), x("</code>"), p("e"))
        // A heading opened inside the template is closed with it.
        expectScopes(.html, x("<template>"), x("<h1>a"), x("</template>"), p("b"))
        // A stray `</template>` changes nothing; an unclosed template runs to the end.
        expectScopes(.html, p("a"), x("</template>"), p("b"), x("<template>"), x("<p>{{ c }}</p>"))
    }
}
