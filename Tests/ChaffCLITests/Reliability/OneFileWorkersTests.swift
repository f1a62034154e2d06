import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffEngine
@testable import ChaffRunner

/// One document checked by several threads at once (its rules side by side) must report
/// exactly what one thread reports: the same diagnostics in the same order, byte for byte in
/// every format.
@Suite struct OneFileWorkersTests {
    /// The text fixtures of every rule family (glosses right and wrong, ruby, mixed scripts,
    /// claims), one after another, with suppression comments used, unused and misspelt.
    static let mixedText: String = {
        let fixtures = [
            "glosses/correct.txt", "glosses/wrong.txt", "glosses/ruby.html", "mixed-script/mixed-simplified.txt",
            "mixed-script/mixed-traditional.txt", "mixed-script/multilingual.txt", "mixed-script/words.txt",
            "claims/sourced-and-unsourced.md",
        ]
        var text = "<!-- chaff-disable-next-line placeholder-printf-specifier -->\n%s 已填写 {{ name }} 据不完全统计，用户很多。\n\n"
        text += "<!-- chaff-disable-next-line unsourced-claim -->\n没有问题。\n\n<!-- chaff-disable-line no-such-rule -->\n\n"
        for name in fixtures {
            let url = URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/" + name)
            text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            text += "\n\n"
        }
        return text
    }()

    static let linter = Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) })

    @Test(arguments: ["markdown", "text", "html"]) func rulesSideBySideReportAsOne(format: String) {
        let document = DocumentMaker.document(path: "mixed", source: Array(Self.mixedText.utf8), format: format)
        let one = Self.linter.lint(document, workers: 1)
        // Every family reports something here, so the comparison covers their merge.
        #expect(Set(one.map(\.ruleID)).count >= 7)
        for workers in [2, 3, 64] {
            #expect(Self.linter.lint(document, workers: workers) == one, "\(workers) workers, \(format)")
        }
    }

    /// Markdown blocks that stay open across blank lines (fenced and indented code, HTML blocks,
    /// lists, quotes, math) or reach across the chunks a large file is masked in (a reference
    /// defined only at the end), between the fixtures' glossed and mixed-script paragraphs.
    static let markdownBlocks: [String] = [
        "```\nlet a = 1\n\n<!-- chaff-disable-next-line unsourced-claim -->\n据统计，用户很多。\n```\n",
        "<pre>\n中文（zhōngwén）verbatim\n\n\n%s {{ name }}\n</pre>\n",
        "<!-- a comment\n\nover lines -->\n",
        "<div>\n<p>HTML 漢字 block</p>\n\n</div>\n",
        "- item 中文（zhōng wén）\n\n  continued 繁體字 paragraph\n\n  ```\n  code\n\n  more\n  ```\n- item two\n",
        "> quoted 据不完全统计 text\nlazy line [the guide][late-ref]\n",
        "$$\nx^2\n\n$$\n",
        "    indented code 漢字\n\n    more\n",
        "&lt;关键词&gt; and https://example.com/path in 中文（Zhōngwén）.\n",
    ]

    @Test func largeMarkdownMaskedInChunksReportsTheSameWithTwoJobs() throws {
        // Several times MarkdownMasker.defaultChunkBytes, so that -j 2 masks chunks on two threads.
        let scratch = Scratch()
        let paragraphs = Self.mixedText.components(separatedBy: "\n\n")
        var text = ""
        var k = 0
        while text.utf8.count < 3 * MarkdownMasker.defaultChunkBytes {
            text += paragraphs[k % paragraphs.count] + "\n\n" + Self.markdownBlocks[k % Self.markdownBlocks.count] + "\n"
            k += 1
        }
        text += "[late-ref]: https://example.com/late\n"
        try text.write(toFile: scratch.path("large.md"), atomically: true, encoding: .utf8)
        for format in ["json", "compiler"] {
            let arguments = ["check", "--no-config", "--format", format, "--regex-timeout", "3600", scratch.path("large.md")]
            let one = chaff(arguments + ["-j", "1"], in: scratch.root)
            let two = chaff(arguments + ["-j", "2"], in: scratch.root)
            #expect(one.out.count > 100_000)
            #expect(two.out == one.out, "\(format)")
            #expect(two.err == one.err)
            #expect(two.status == one.status)
        }
    }

    @Test func largeFileReportIsTheSameWithTwoJobs() throws {
        // Above LintRunner.parallelFileBytes, so that -j 2 checks the file on two threads.
        let scratch = Scratch()
        let copies = LintRunner.parallelFileBytes / Self.mixedText.utf8.count + 2
        try String(repeating: Self.mixedText, count: copies).write(
            toFile: scratch.path("large.md"), atomically: true, encoding: .utf8)
        // A regex budget no run reaches: a rule running out of time on one run only would differ.
        for format in ["json", "compiler"] {
            let one = chaff(
                ["check", "--no-config", "--format", format, "--regex-timeout", "3600", "-j", "1", scratch.path("large.md")],
                in: scratch.root)
            let two = chaff(
                ["check", "--no-config", "--format", format, "--regex-timeout", "3600", "-j", "2", scratch.path("large.md")],
                in: scratch.root)
            #expect(one.out.count > 100_000)
            #expect(two.out == one.out, "\(format)")
            #expect(two.err == one.err)
            #expect(two.status == one.status)
        }
    }
}
