import ChaffEngine
import ChaffKinds
import ChaffReporters
import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffRunner

/// "The first day", item 8: source lines and carets on a terminal, the summary, the GitHub
/// annotation title, and `chaff-disable-line`.
@Suite struct TerminalOutputTests {
    static let header =
        "a.txt:2:5: warning: Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]\n"

    @Test func onATerminalEachFindingShowsItsLineAndTheSummaryFollowsOnStderr() {
        let scratch = Scratch()
        scratch.write("a.txt", "第一行\n中文𠀀 {{ name }}\n")
        scratch.write("b.txt", "fine\n")
        let run = chaff(["check", "--color", "never", scratch.root], in: scratch.root, terminal: true)
        #expect(run.status == 1)
        #expect(run.out == Self.header + "  |\n2 | 中文𠀀 {{ name }}\n  |        ^^^^^^^^^^\n\n")
        #expect(run.err == "chaff: 1 warning in 2 files checked\n")
    }

    @Test func pipedOutputIsUnchangedUnlessAskedFor() {
        let scratch = Scratch()
        scratch.write("a.txt", "第一行\n中文𠀀 {{ name }}\n")
        let piped = chaff(["check", scratch.root], in: scratch.root)
        #expect(piped.out == Self.header)
        #expect(piped.err == "")
        let asked = chaff(["check", "--show-source", scratch.root], in: scratch.root)
        #expect(asked.out == Self.header + "  |\n2 | 中文𠀀 {{ name }}\n  |        ^^^^^^^^^^\n\n")
        #expect(asked.err == "chaff: 1 warning in 1 file checked\n")
        // Off on a terminal, and never in a file unless asked for; -q keeps the source, drops the summary.
        let off = chaff(["check", "--no-show-source", "--color", "never", scratch.root], in: scratch.root, terminal: true)
        #expect(off.out == Self.header)
        #expect(off.err == "")
        let file = chaff(["check", "-o", scratch.path("out.txt"), scratch.root], in: scratch.root, terminal: true)
        #expect(file.err == "")
        #expect(scratch.read("out.txt") == Self.header)
        let quiet = chaff(["check", "--show-source", "-q", scratch.root], in: scratch.root)
        #expect(quiet.out == asked.out)
        #expect(quiet.err == "")
        // Machine formats never carry source.
        let json = chaff(["check", "--format", "json", scratch.root], in: scratch.root, terminal: true)
        #expect(!json.out.contains("^^^"))
        #expect(json.err == "")
        let wrong = chaff(["check", "--format", "json", "--show-source", scratch.root], in: scratch.root)
        #expect(wrong.status == 2)
        #expect(wrong.err == "chaff: error: --show-source applies to the compiler format only, not 'json'\n")
    }

    @Test func theSummaryCountsSeveritiesFilesAndFixes() {
        let scratch = Scratch()
        scratch.write("a.txt", "{{ a }} and %s\n")
        scratch.write("b.txt", "角(jiao)色\n")
        scratch.write("c.txt", "clean\n")
        let run = chaff(
            ["check", "--show-source", "--no-config", scratch.path("a.txt"), scratch.path("b.txt"), scratch.path("c.txt")], in: scratch.root
        )
        #expect(run.status == 1)
        #expect(
            run.out == """
                a.txt:1:1: warning: Unrendered template expression '{{ a }}'; fill it in or remove it [placeholder-template-expression]
                  |
                1 | {{ a }} and %s
                  | ^^^^^^^

                a.txt:1:13: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                  |
                1 | {{ a }} and %s
                  |             ^^

                b.txt:1:2: error: Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue' [gloss-reading]
                  |
                1 | 角(jiao)色
                  |   ^^^^^^
                  = help: replace with '(jue)'


                """)
        #expect(run.err == "chaff: 3 findings (1 error, 2 warnings) in 3 files checked; 1 fixable with --fix\n")
        // After --fix the fixed finding is gone from the count.
        let fixed = chaff(["check", "--show-source", "--fix", "--no-config", scratch.path("b.txt")], in: scratch.root)
        #expect(fixed.err == "chaff: fixed 1 finding in 1 file\nchaff: no findings in 1 file checked\n")
    }

    @Test func summaryWording() {
        var tally = FindingTally()
        #expect(tally.summary(filesChecked: 0) == "chaff: no findings in 0 files checked")
        #expect(tally.summary(filesChecked: 1) == "chaff: no findings in 1 file checked")
        func d(_ severity: Severity, fix: String? = nil) -> Diagnostic {
            Diagnostic(
                path: "a", range: 0..<1, line: 1, column: 1, endLine: 1, endColumn: 2, severity: severity, ruleID: "r", message: "m",
                matchedText: "x", fix: fix)
        }
        tally.add([d(.warning)])
        #expect(tally.summary(filesChecked: 2) == "chaff: 1 warning in 2 files checked")
        tally.add([d(.error, fix: "y"), d(.warning, fix: ""), d(.note)])
        #expect(
            tally.summary(filesChecked: 5) == "chaff: 4 findings (1 error, 2 warnings, 1 note) in 5 files checked; 2 fixable with --fix")
    }

    @Test func fixesAreShownAsHelpInColour() {
        let scratch = Scratch()
        scratch.write("a.txt", "這是一个句子，有一個繁體字。\n")
        let run = chaff(["check", "--select", "mixed-han-script", scratch.path("a.txt")], in: scratch.root, terminal: true)
        #expect(
            run.out
                == "\u{1B}[1ma.txt:1:4:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m Simplified character '个' in Traditional text; use '個' \u{1B}[2m[mixed-han-script]\u{1B}[0m\n"
                + "\u{1B}[1;34m  |\u{1B}[0m\n\u{1B}[1;34m1 |\u{1B}[0m 這是一个句子，有一個繁體字。\n"
                + "\u{1B}[1;34m  |\u{1B}[0m       \u{1B}[1;35m^^\u{1B}[0m\n"
                + "\u{1B}[1;34m  =\u{1B}[0m \u{1B}[1mhelp\u{1B}[0m: replace with '個'\n\n")
    }

    @Test func githubTitleIsTheRuleSummaryAndTheIDAppearsOnce() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        let run = chaff(["check", "--format", "github", scratch.path("a.txt")], in: scratch.root)
        let summary = RuleSetLoader.ruleSet(defaultRules: true, directories: [], workingDirectory: scratch.root).0.rules.first {
            $0.id == "placeholder-printf-specifier"
        }!.summary
        let title = "chaff: " + summary.dropLast()
        #expect(summary.hasSuffix("."))
        #expect(
            run.out
                == "::warning file=a.txt,line=1,endLine=1,col=1,endColumn=3,title=\(GitHubReporter.escapeProperty(title))::Format specifier '%25s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        #expect(run.out.components(separatedBy: "placeholder-printf-specifier").count == 2)
        #expect(GitHubReporter.title(for: "nope", in: []) == "chaff")
    }

    // MARK: chaff-disable-line

    @Test func disableLineInPlainText() {
        let scratch = Scratch()
        scratch.write(
            "a.txt",
            """
            a {{ x }} # chaff-disable-line placeholder -- quoted on purpose
            b {{ y }}  // chaff-disable-line
            c {{ z }} #chaff-disable-line mixed-han-script
            url http://chaff-disable-line {{ w }}
            # chaff-disable-line

            """)
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == """
                a.txt:3:3: warning: Unrendered template expression '{{ z }}'; fill it in or remove it [placeholder-template-expression]
                a.txt:3:11: note: Unused suppression: 'chaff-disable-line' for 'mixed-han-script' suppresses nothing; remove it [unused-suppression]
                a.txt:4:31: warning: Unrendered template expression '{{ w }}'; fill it in or remove it [placeholder-template-expression]
                a.txt:5:1: note: Unused suppression: 'chaff-disable-line' for any rule suppresses nothing; remove it [unused-suppression]

                """)
    }

    @Test func disableLineInMarkdown() {
        let scratch = Scratch()
        scratch.write(
            "a.md",
            """
            a {{ x }} <!-- chaff-disable-line placeholder -->
            b {{ y }} <!-- chaff-disable-line
            -->
            c {{ z }} <!-- chaff-disable-lines -->

            """)
        let run = chaff(["check", scratch.path("a.md")], in: scratch.root)
        #expect(
            run.out == """
                a.md:2:3: warning: Unrendered template expression '{{ y }}'; fill it in or remove it [placeholder-template-expression]
                a.md:2:11: warning: Invalid suppression: 'chaff-disable-line' must start and end on the line it suppresses; use 'chaff-disable-next-line' or 'chaff-disable' for more [invalid-suppression]
                a.md:4:3: warning: Unrendered template expression '{{ z }}'; fill it in or remove it [placeholder-template-expression]
                a.md:4:11: warning: Invalid suppression: unknown suppression directive 'chaff-disable-lines'; did you mean 'chaff-disable-line'? [invalid-suppression]

                """)
    }

    @Test func disableLineInHTML() {
        let scratch = Scratch()
        scratch.write("a.html", "<p>a {{ x }} <!-- chaff-disable-line --></p>\n<p>b {{ y }}</p>\n")
        let run = chaff(["check", scratch.path("a.html")], in: scratch.root)
        #expect(
            run.out
                == "a.html:2:6: warning: Unrendered template expression '{{ y }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
    }

    @Test func disableLineCannotWorkInReStructuredText() {
        let scratch = Scratch()
        scratch.write(
            "a.rst",
            "a {{ x }}\n\n.. chaff-disable-line\n\n.. chaff-disable-next-line\n\nb {{ y }}\n\n.. chaff-disable-next-line placeholder\n\nc {{ z }}\n"
        )
        let run = chaff(["check", scratch.path("a.rst")], in: scratch.root)
        #expect(
            run.out.contains(
                "a.rst:3:3: warning: Invalid suppression: 'chaff-disable-line' cannot share a line with text in reStructuredText, whose '..' comments are whole lines; put 'chaff-disable-next-line' on the line before [invalid-suppression]\n"
            ))
        #expect(run.out.hasPrefix("a.rst:1:3: warning: Unrendered template expression '{{ x }}'"))
    }
}
