import Foundation
import Testing

@testable import ChaffCLI

/// Markdown and HTML through the real command line: nothing inside non-prose constructs is
/// reported; the same text in prose is reported at exact positions in every column unit.
@Suite struct MarkupEndToEndTests {
    static let markdownHidden = """
        ---
        title: "{{ name }} <关键词>"
        ---
        # Title

        Inline `{{ name }}` and `<关键词>` code, a [link](https://example.com/{{x}} "{{ t }}")
        and <https://example.com/%s>, <!-- {{ c }} <关键词> --> and <span data-x="{{ a }}">ok</span>.

        ```jinja
        {{ name }} <关键词> %s {a|b}
        ```

            {{ indented }} %s

        [ref]: https://example.com/{{r}} "%s"

        """

    static let htmlHidden = """
        <!DOCTYPE html>
        <html><head><title>ok</title><style>p::after { content: "{{ css }}" }</style>
        <script>var s = "{{ js }} %s <关键词>";</script></head>
        <body><p class="{{ cls }}">Clean text.</p><pre>{{ pre }} %s</pre><code>{a|b}</code>
        <!-- {{ comment }} --><a href="https://example.com/{{ href }}">link</a></body></html>

        """

    @Test func nothingInsideNonProseMarkdownIsReported() {
        let scratch = Scratch()
        scratch.write("a.md", Self.markdownHidden)
        let run = chaff(["check", scratch.path("a.md")], in: scratch.root)
        #expect(run.out == "")
        #expect(run.status == 0)
    }

    @Test func nothingInsideNonProseHTMLIsReported() {
        let scratch = Scratch()
        scratch.write("a.html", Self.htmlHidden)
        let run = chaff(["check", scratch.path("a.html")], in: scratch.root)
        #expect(run.out == "")
        #expect(run.status == 0)
    }

    @Test func theSameTextInProseIsReportedInEveryUnit() {
        let scratch = Scratch()
        // "中文𠀀\t" before the first finding: 3 scalars + tab; UTF-8 10+1 bytes; UTF-16 4+1;
        // display 6, then the tab advances to column 9.
        scratch.write("a.md", "# 标题\n\n中文𠀀\t{{ name }} and **<关键词>**\n")
        scratch.write("a.html", "<p>中文𠀀\t{{ name }} and <b>&lt;关键词&gt;</b></p>\n")
        func lines(_ unit: String, _ file: String) -> [String] {
            let run = chaff(["check", "--column-unit", unit, "--select", "placeholder", scratch.path(file)], in: scratch.root)
            return run.out.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        }
        #expect(lines("scalar", "a.md") == ["a.md:3:5:", "a.md:3:22:"])
        #expect(lines("utf16", "a.md") == ["a.md:3:6:", "a.md:3:23:"])
        #expect(lines("utf8", "a.md") == ["a.md:3:12:", "a.md:3:29:"])
        #expect(lines("display", "a.md") == ["a.md:3:9:", "a.md:3:26:"])
        #expect(lines("scalar", "a.html") == ["a.html:1:8:", "a.html:1:26:"])
        #expect(lines("utf8", "a.html") == ["a.html:1:15:", "a.html:1:33:"])
        let run = chaff(["check", "--select", "placeholder-angle-token", scratch.path("a.html")], in: scratch.root)
        #expect(
            run.out
                == "a.html:1:26: warning: Unfilled template token '&lt;关键词&gt;'; replace it with real text or remove it [placeholder-angle-token]\n"
        )
    }

    @Test func formatOverridesFromConfigAndStdinFilename() {
        let scratch = Scratch()
        // A fenced block: plain text cannot tell it is code (a backquoted span on the line it can).
        scratch.write("notes.txt", "```\n{{ code }}\n```\nand {{ prose }}\n")
        let plain = chaff(["check", scratch.path("notes.txt")], in: scratch.root)
        #expect(plain.out.split(separator: "\n").count == 2)
        scratch.write(".chaff.json", #"{"formats": {"*.txt": "markdown"}}"#)
        let markdown = chaff(["check", scratch.path("notes.txt")], in: scratch.root)
        #expect(
            markdown.out
                == "notes.txt:4:5: warning: Unrendered template expression '{{ prose }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        let stdin = chaff(["check", "--no-config", "--stdin-filename", "x.md", "-"], in: scratch.root, stdin: "`{{ a }}` {{ b }}\n")
        #expect(
            stdin.out
                == "x.md:1:11: warning: Unrendered template expression '{{ b }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
    }
}

@Suite struct SuppressionEndToEndTests {
    @Test func directivesInMarkdownHTMLAndPlainText() {
        let scratch = Scratch()
        scratch.write(
            "a.md",
            """
            <!-- chaff-disable-next-line placeholder-spintax -- intentional -->
            {a|b} and %s
            <!-- chaff-disable placeholder -->
            {{ hidden }} {c|d}
            <!-- chaff-enable placeholder -->
            {{ shown }}
            <!-- chaff-disable-next-line placeholder-printf-specifier -->
            nothing to hide
            <!-- chaff-disable-nextline -->

            """)
        scratch.write("b.txt", "# chaff-disable-file placeholder-printf-specifier\n%s here\n// chaff-disable-next-line\n{{ x }}\n")
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out == """
                a.md:2:11: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                a.md:6:1: warning: Unrendered template expression '{{ shown }}'; fill it in or remove it [placeholder-template-expression]
                a.md:7:1: note: Unused suppression: 'chaff-disable-next-line' for 'placeholder-printf-specifier' suppresses nothing; remove it [unused-suppression]
                a.md:9:1: warning: Invalid suppression: unknown suppression directive 'chaff-disable-nextline'; did you mean 'chaff-disable-next-line'? [invalid-suppression]

                """)
        #expect(run.status == 1)
    }

    @Test func aDirectiveForARuleThatDidNotRunIsNotUnused() {
        let scratch = Scratch()
        scratch.write("a.md", "<!-- chaff-disable-next-line placeholder-spintax -->\n{a|b} %s\n")
        let run = chaff(["check", "--select", "placeholder-printf-specifier,unused-suppression", scratch.path("a.md")], in: scratch.root)
        #expect(
            run.out == "a.md:2:7: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
    }
}

@Suite struct BaselineTests {
    @Test func baselineAcceptsExistingFindingsAndSurvivesInsertedLines() throws {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "first {{ a }}\nsecond %s\nthird {{ a }}\n")
        let baseline = scratch.path("chaff-baseline.json")
        let write = chaff(["check", "--write-baseline", baseline, scratch.path("docs")], in: scratch.root)
        #expect(write.status == 0)
        #expect(write.out == "")
        #expect(write.err == "chaff: wrote 3 findings to the baseline \(baseline)\n")
        #expect(
            scratch.read("chaff-baseline.json").hasPrefix(
                "{\n  \"version\": 1,\n  \"tool\": \"chaff\",\n  \"findings\": [\n    {\"path\":\"docs/a.txt\",\"rule\":\""))

        scratch.write("docs/a.txt", "new line {b|c}\n\nfirst {{ a }}\nsecond %s\nthird {{ a }}\nfourth {{ a }}\n")
        let run = chaff(["check", "--baseline", baseline, scratch.path("docs")], in: scratch.root)
        #expect(
            run.out == """
                docs/a.txt:1:10: warning: Unspun spintax '{b|c}'; choose one alternative [placeholder-spintax]
                docs/a.txt:6:8: warning: Unrendered template expression '{{ a }}'; fill it in or remove it [placeholder-template-expression]

                """)
        #expect(run.err == "chaff: note: 3 findings accepted by the baseline\n")
        #expect(run.status == 1)

        // From another working directory the same baseline still applies.
        let elsewhere = chaff(
            ["check", "--baseline", baseline, "--select", "placeholder-printf-specifier", scratch.path("docs")], in: scratch.path("docs"))
        #expect(elsewhere.out == "")
    }

    @Test func malformedBaselineIsAPositionedError() {
        let scratch = Scratch()
        scratch.write("b.json", "{\"version\": 1, \"findings\": [{\"path\": 1}]}")
        let run = chaff(["check", "--baseline", scratch.path("b.json"), scratch.root], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "b.json:1:38: error: 'findings[0].path' must be a string, found a number\n")
    }
}
