import Testing

/// Block-level Markdown constructs: each fixture lists the pieces of the source and the scope
/// every piece must land in; every scope is compared byte for byte.
@Suite struct MarkdownBlockMaskingTests {
    @Test func fencedCodeWithInfoStringIsCode() {
        expectScopes(
            .markdown,
            p("前文 {{ a }}\n"),
            x("```python {{ info }}\n"),
            c(#"print("{{ name }}") # 据不完全统计 <关键词> %s"# + "\n"),
            x("```\n"),
            p("后文"))
    }

    @Test func tildeFenceClosesOnlyWithALongEnoughFence() {
        expectScopes(
            .markdown,
            x("~~~~\n"),
            c("<关键词> ~~~\n~~~\n%s\n"),
            x("~~~~~   \n"),
            p("after"))
    }

    @Test func unclosedFenceRunsToTheEnd() {
        expectScopes(.markdown, p("段落\n"), x("```\n"), c("{{ a }}\n\n据不完全统计\n"))
    }

    @Test func backtickFenceWithBacktickInInfoIsNotAFence() {
        expectScopes(.markdown, p("``` a`b\n{{ x }}"))
    }

    @Test func indentedFenceStripsItsIndentFromContent() {
        expectScopes(.markdown, x("  ```\n"), c("    {{ a }}\n"), x("  ```\n"), p("据不完全统计"))
    }

    @Test func indentedCodeBlockIsCode() {
        // The indentation (four columns, here a tab) is not code; what follows it is.
        expectScopes(.markdown, p("段落\n\n"), c("    {{ code }} 据不完全统计\n\n"), x("\t"), c("more %s\n\n"), p("段落2"))
    }

    @Test func indentedLineInsideParagraphIsContinuation() {
        expectScopes(.markdown, p("段落\n    {{ not code }}"))
    }

    @Test func frontMatterIsMasked() {
        expectScopes(
            .markdown,
            x("---\ntitle: {{ title }}\ndescription: 据不完全统计\n...\n"),
            x("# "), h("标题"), p("\n"))
        expectScopes(.markdown, x("+++\ntitle = \"{{ t }}\"\n+++\n"), p("正文"))
    }

    @Test func unclosedFrontMatterIsAThematicBreak() {
        expectScopes(.markdown, x("---\n"), p("{{ x }}\n"))
    }

    @Test func frontMatterOnlyAtTheStart() {
        expectScopes(.markdown, p("\n"), x("---\n"), h("a"), x("\n---\n"))
    }

    @Test func doubleDollarMathIsMaskedAndSingleDollarIsProse() {
        expectScopes(
            .markdown,
            x("$$\nE = {{ m }} \\text{据不完全统计}\n$$\n"),
            p("价格 $5 和 $标题$ 不是公式\n"),
            x("$$ x^2 $$\n"),
            p("$$name$$"))
    }

    @Test func unclosedMathIsProse() {
        expectScopes(.markdown, p("$$\n{{ x }}"))
    }

    @Test func headingsAreProseAndHeading() {
        expectScopes(
            .markdown,
            x("# "), h("标题 {{ h }}"), x(" ##\n"),
            x("## "), h("二级 # 非结尾#"), p("\n"),
            h("设置 {{ s }}\n据不完全统计"), x("\n---\n"),
            p("#不是标题"))
    }

    @Test func blockQuoteAndListMarkersAreMasked() {
        expectScopes(
            .markdown,
            x("> "), p("引用 {{ q }}\n"),
            x("> "), p("继续\n懒惰续行\n\n"),
            x("- "), p("项目 {{ i }}\n  续\n"),
            x("1. "), p("第一\n\n"),
            x("   > "), p("嵌套"))
    }

    @Test func fenceInsideListAndBlockQuote() {
        expectScopes(
            .markdown,
            x("- "), p("项目\n\n"),
            x("  ```\n"), c("  {{ x }}\n"), x("  ```\n"),
            x("> ```\n"), x("> "), c("<关键词>\n"), p("正文"))
    }

    @Test func htmlBlockTextIsProseAndTagsAreMasked() {
        expectScopes(
            .markdown,
            x(#"<div class="{{ cls }}">"#), p("\n块内 {{ x }} "), x("<b>"), p("粗"), x("</b>"), p("\n"), x("</div>"),
            p("\n\n段落"))
    }

    @Test func htmlCommentBlockIsComment() {
        let parts = [x("<!--"), m(" chaff-disable placeholder\n多行 {{ x }} "), x("-->"), p("\n正文")]
        let document = Masking.document(Masking.source(parts), as: .markdown)
        #expect(String(decoding: document.bytes(for: .comment), as: UTF8.self) == Masking.expected(.comment, parts))
        #expect(String(decoding: document.bytes(for: .prose), as: UTF8.self) == Masking.expected(.prose, parts))
        let commentEnd = Masking.source(parts).utf8.count - "\n正文".utf8.count
        #expect(document.commentRanges == [0..<commentEnd])
        #expect(commentEnd == 49)
    }

    @Test func scriptAndPreBlocks() {
        expectScopes(.markdown, x("<script>\nvar a = \"{{ x }}\";\n</script>"), p("\n正文"))
        expectScopes(.markdown, x("<pre>"), c("\n{{ x }} 据不完全统计\n"), x("</pre>"), p("\n\n正文"))
    }

    @Test func typeSevenHTMLBlock() {
        expectScopes(.markdown, x(#"<custom-el data-x="{{ y }}">"#), p("\n文字\n\n后"))
    }

    @Test func aSlotAloneOnItsLineIsNoHTMLBlock() {
        expectScopes(.markdown, p("<keyword>\n文字"))
    }

    @Test func unclosedHTMLCommentBlockRunsToTheEnd() {
        expectScopes(.markdown, p("正文\n\n"), x("<!--"), m(" 未闭合 {{ c }}\n\n还是注释"))
    }

    @Test func linkReferenceDefinitionsAreMasked() {
        expectScopes(
            .markdown,
            x(#"[ref]: https://e.com/{{x}} "据不完全统计""# + "\n"),
            x("[Other Ref]:\n  <https://o.com>\n  'title {{ t }}'\n"),
            p("\n见"), x("["), p("文字"), x("][ref]"),
            p("、"), x("["), p("Other ref"), x("][]"),
            p("、"), x("["), p("ref"), x("]"),
            p("和[关键词]、[文字][未定义]。"))
    }

    @Test func crlfLineEndings() {
        expectScopes(
            .markdown,
            x("# "), h("标题"), p("\r\n\r\n"),
            x("```\r\n"), c("{{ x }}\r\n"), x("```\r\n"),
            p("正文 "), x("`"), c("{{ y }}"), x("`"), p("\r\n"))
    }

    @Test func loneCarriageReturnLineEndings() {
        expectScopes(.markdown, p("a\r"), x("```\r"), c("{{ x }}\r"), x("```"))
    }

    @Test func byteOrderMarkIsMasked() {
        expectScopes(.markdown, x("\u{FEFF}"), x("# "), h("标题"), p("\n正文"))
        expectScopes(.markdown, x("\u{FEFF}---\na: {{ x }}\n---\n"), p("正文"))
    }

    @Test func tabsInIndentation() {
        expectScopes(.markdown, p("段落\n\n"), x("\t"), c("{{ tab code }}\n"), x(">\t"), p("引用"))
    }

    @Test func exactOffsetsOfCodeInFencedBlock() {
        let source = "中文\n```\n{{ name }}\n```\n"
        let document = Masking.document(source, as: .markdown)
        #expect(Masking.offset(of: "{{ name }}", in: document.bytes(for: .code)) == 11)
        #expect(Masking.offset(of: "{{ name }}", in: document.bytes(for: .prose)) == nil)
        #expect(Masking.offset(of: "中文", in: document.bytes(for: .prose)) == 0)
    }

    @Test func listItemHoldingOnlyADefinitionEndsAfterTwoBlankLines() {
        // The definition leaves the item empty, so the second blank line ends it and the tab
        // starts an indented code block at the top level.
        expectScopes(.markdown, x("1. [a]: /u\n\n\n\t"), c("{{ code }}\n"))
        expectScopes(.markdown, x("1. "), p("a\n\n\n"), x("\t"), p("{{ x }}\n"))
    }
}
