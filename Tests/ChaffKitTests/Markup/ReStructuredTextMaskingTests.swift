import Testing

@testable import ChaffEngine

/// reStructuredText constructs, each with placeholder-like text inside the part that must not be
/// prose, the way Python's and Sphinx's documentation write them.
@Suite struct ReStructuredTextMaskingTests {
    @Test func sectionTitleIsAHeadingAndItsUnderlineIsNothing() {
        expectScopes(.restructuredText, h("标题 Title"), x("\n=========\n\n"), p("正文 text."))
    }

    @Test func literalBlockAfterDoubleColon() {
        expectScopes(
            .restructuredText, p("Example:"), x(":"), x("\n\n    "), c(#"printf("%lu\n", n);"#), x("\n    "),
            c("${binary:Version}"), x("\n\n"), p("After."))
        // "Text ::" and a lone "::" show no colon.
        expectScopes(.restructuredText, p("See "), x("::"), x("\n\n  "), c("'%5.3f' % x"), x("\n"))
    }

    @Test func inlineLiteralsRolesAndReferences() {
        expectScopes(
            .restructuredText,
            p("Use "), x(":func:`"), c("printf"), x("`"), p(" and "), x(":py:meth:`"), c("str.format"), x("`"),
            p(" with "), x("``"), c("'%s' % x"), x("``"), p(", see "), x("`"), p("the docs"),
            x(" <https://e.com/%s>`_"), p(" and "), x(":ref:`"), p("the tutorial"), x(" <tutorial_intro>`"),
            p(" or "), x(":ref:`label_x`"), p(", a "), x(":term:`"), p("decorator"), x("`"), p(" [1]"),
            x("[1]_"), p("."))
    }

    @Test func codeDirectivesAndOptions() {
        expectScopes(
            .restructuredText, x(".. code-block::"), c(" python"), x("\n   :linenos:\n\n   "), c(#"print("%s" % name)"#),
            x("\n\n"), p("Prose."))
    }

    @Test func admonitionBodiesAndTitlesAreProse() {
        expectScopes(.restructuredText, x(".. note::"), p(" A note on <keyword_1>."), x("\n\n   "), p("Body {{ x }}."))
    }

    @Test func signaturesTargetsCommentsAndDoctests() {
        expectScopes(
            .restructuredText, x(".. function::"), c(" open(file, mode='r')"), x("\n\n   "), p("Opens a file."),
            x("\n\n.. _label: https://e.com/%s\n\n.."), m(" a remark with %d"), x("\n\n"), c(">>> print('%s' % 1)"),
            x("\n"), c("1"), x("\n"))
    }

    @Test func signatureDirectivesRunOnToTheirNextLines() {
        // Sphinx writes the short and long forms of an option on two lines; both are signatures.
        expectScopes(
            .restructuredText, x(".. cmdoption::"), c(" -c <zipfile> <source1>"), x("\n   "), c("--create <zipfile> <source1>"),
            x("\n\n   "), p("Create <keyword> from files."), x("\n"))
    }

    @Test func plainTextWithDirectivesIsReadAsReStructuredText() {
        let rst = Array("Intro.\n\n.. note:: x\n\nText::\n\n   %s\n".utf8)
        #expect(ReStructuredTextMasker.looksLikeReStructuredText(rst))
        #expect(ReStructuredTextMasker.looksLikeReStructuredText(Array("See below.\n\n.. _target:\n".utf8)))
        #expect(!ReStructuredTextMasker.looksLikeReStructuredText(Array("他说.. 然后 note:: 不是指令\n... and so:: on\n".utf8)))
        let document = DocumentMaker.document(path: "a.txt", source: rst, format: "text")
        #expect(document.format == .restructuredText)
        #expect(String(decoding: document.bytes(for: .code), as: UTF8.self).contains("%s"))
    }
}

@Suite struct ReStructuredTextSuppressionTests {
    @Test func directivesAreReadFromComments() {
        let source = Array("Intro.\n\n.. chaff-disable-next-line placeholder-angle-token\nBuy <keyword_1> now.\n".utf8)
        let document = DocumentMaker.document(path: "a.rst", source: source, format: "rst")
        let parsed = SuppressionParser.parse(document.masked)
        #expect(parsed.directives.map(\.kind) == [.disableNextLine])
        #expect(parsed.directives.map(\.line) == [2])  // 0-based
        #expect(parsed.malformed.isEmpty)
    }
}
