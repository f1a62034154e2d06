import Foundation
import Testing

@testable import ChaffCLI

@Suite struct CommandLineTests {
    static let mixed = "a {{ x }} b %s c {a|b}\n"

    func scratchWithFixture() -> Scratch {
        let scratch = Scratch()
        scratch.write("a.txt", Self.mixed)
        return scratch
    }

    @Test func selectByIdAndFamily() {
        let scratch = scratchWithFixture()
        let one = chaff(["check", "--select", "placeholder-spintax", scratch.path("a.txt")], in: scratch.root)
        #expect(one.out == "a.txt:1:18: warning: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]\n")
        let family = chaff(["check", "--select", "placeholder", scratch.path("a.txt")], in: scratch.root)
        #expect(family.out.split(separator: "\n").count == 3)
        let list = chaff(
            ["check", "--select", "placeholder-spintax,placeholder-printf-specifier", scratch.path("a.txt")], in: scratch.root)
        #expect(
            list.out.split(separator: "\n").map { $0.split(separator: "[").last! } == [
                "placeholder-printf-specifier]", "placeholder-spintax]",
            ])
    }

    @Test func ignore() {
        let scratch = scratchWithFixture()
        let run = chaff(
            ["check", "--ignore", "placeholder-spintax", "--ignore", "placeholder-printf-specifier", scratch.path("a.txt")],
            in: scratch.root)
        #expect(
            run.out
                == "a.txt:1:3: warning: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        let all = chaff(["check", "--ignore", "placeholder", scratch.path("a.txt")], in: scratch.root)
        #expect(all.out == "")
        #expect(all.status == 0)
    }

    @Test func unknownSelectionIsAUsageError() {
        let scratch = scratchWithFixture()
        let run = chaff(["check", "--select", "no-such-rule", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "chaff: error: 'no-such-rule' matches no rule; 'chaff rules' lists them\n")
    }

    @Test func failOn() {
        let scratch = scratchWithFixture()
        let path = scratch.path("a.txt")
        #expect(chaff(["check", path], in: scratch.root).status == 1)
        #expect(chaff(["check", "--fail-on", "warning", path], in: scratch.root).status == 1)
        #expect(chaff(["check", "--fail-on", "note", path], in: scratch.root).status == 1)
        #expect(chaff(["check", "--fail-on", "error", path], in: scratch.root).status == 0)
        #expect(chaff(["check", "--fail-on", "never", path], in: scratch.root).status == 0)
        let bad = chaff(["check", "--fail-on", "sometimes", path], in: scratch.root)
        #expect(bad.status == 2)
        #expect(bad.err == "chaff: error: --fail-on must be error, warning, note or never, found 'sometimes'\n")
    }

    @Test func configIsFoundByWalkingUp() {
        let scratch = scratchWithFixture()
        scratch.write(
            ".chaff.json",
            """
            {
              // Only spintax, and as an error.
              "version": 1,
              "select": ["placeholder-spintax"],
              "severity": {"placeholder-spintax": "error"},
              "failOn": "error"
            }
            """)
        scratch.write("sub/deeper/.keep", "")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.path("sub/deeper"))
        #expect(
            run.out == "../../a.txt:1:18: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]\n"
                || run.out == "\(scratch.path("a.txt")):1:18: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]\n"
        )
        #expect(run.status == 1)
        let ignored = chaff(["check", "--no-config", scratch.path("a.txt")], in: scratch.path("sub/deeper"))
        #expect(ignored.out.split(separator: "\n").count == 3)
    }

    @Test func configExcludeAndSeverityOff() {
        let scratch = scratchWithFixture()
        scratch.write("vendor/b.txt", Self.mixed)
        scratch.write("docs/c.txt", Self.mixed)
        scratch.write(
            ".chaff.json",
            #"{"exclude": ["vendor/**"], "severity": {"placeholder-printf-specifier": "off", "placeholder": "note"}, "failOn": "warning"}"#)
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out == """
                a.txt:1:3: note: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]
                a.txt:1:18: note: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                docs/c.txt:1:3: note: Unrendered template expression '{{ x }}'; fill it in or remove it [placeholder-template-expression]
                docs/c.txt:1:18: note: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]

                """)
        #expect(run.status == 0)
    }

    @Test func configErrorsArePositioned() {
        let scratch = scratchWithFixture()
        scratch.write(".chaff.json", "{\n  \"select\": [\"placeholder\"],\n  \"exclud\": []\n}\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == ".chaff.json:3:3: error: unknown key 'exclud'; did you mean 'exclude'?\n")
    }

    @Test func directoriesAreWalkedInSortedOrderSkippingHiddenAndBinary() {
        let scratch = Scratch()
        scratch.write("b/z.txt", "{{ z }}\n")
        scratch.write("b/a.md", "{{ a }}\n")
        scratch.write("a.txt", "{{ top }}\n")
        scratch.write(".git/x.txt", "{{ hidden }}\n")
        scratch.write(".hidden.txt", "{{ hidden }}\n")
        scratch.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x7B, 0x7B, 0x20, 0x7D, 0x7D])
        // Not a document type, so never read; a binary file with a document's name is.
        scratch.write("image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x7B, 0x7B, 0x20, 0x7D, 0x7D])
        let run = chaff(["check", "--format", "json", "."], in: scratch.root)
        // Paths given relative resolve against the process's own directory; use an absolute one.
        _ = run
        let absolute = chaff(["check", scratch.root], in: scratch.root)
        #expect(absolute.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) } == ["a.txt", "b/a.md", "b/z.txt"])
        #expect(absolute.err == "chaff: note: skipped 1 binary file (first: image.txt)\n")
        let quiet = chaff(["check", "--quiet", scratch.root], in: scratch.root)
        #expect(quiet.err == "")
    }

    @Test func standardInput() {
        let scratch = Scratch()
        let run = chaff(["check", "--stdin-filename", "page.txt", "-"], in: scratch.root, stdin: "x {{ y }}\n")
        #expect(
            run.out
                == "page.txt:1:3: warning: Unrendered template expression '{{ y }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(run.status == 1)
        let unnamed = chaff(["-"], in: scratch.root, stdin: "%s\n")
        #expect(
            unnamed.out
                == "<stdin>:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
    }

    @Test func missingPathIsAnIOErrorAfterTheOthers() {
        let scratch = scratchWithFixture()
        let run = chaff(["check", "--select", "placeholder-spintax", scratch.path("missing.txt"), scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "a.txt:1:18: warning: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]\n")
        #expect(run.err == "\(scratch.path("missing.txt")): error: No such file or directory\n")
    }

    @Test func unknownOptionAndFormat() {
        let scratch = Scratch()
        let option = chaff(["check", "--frmat", "x"], in: scratch.root)
        #expect(option.status == 2)
        // Intentionally changed: a near miss now names the option meant.
        #expect(option.err == "chaff: error: unknown option '--frmat' for 'chaff check'; did you mean '--format'?\n")
        let far = chaff(["check", "--xyzzy"], in: scratch.root)
        #expect(far.err == "chaff: error: unknown option '--xyzzy' for 'chaff check'; see 'chaff help check'\n")
        let format = chaff(["check", "--format=xml"], in: scratch.root)
        #expect(format.err == "chaff: error: unknown format 'xml'; choose one of compiler, sarif, github, json, rdjsonl, gitlab\n")
    }

    @Test func colorOnlyOnATerminalAndNeverWithNoColor() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        let plain = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(!plain.out.contains("\u{1B}["))
        let terminal = chaff(["check", scratch.path("a.txt")], in: scratch.root, terminal: true)
        #expect(terminal.out.hasPrefix("\u{1B}[1ma.txt:1:1:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m"))
        let noColor = chaff(["check", scratch.path("a.txt")], in: scratch.root, terminal: true, environment: ["NO_COLOR": "1"])
        #expect(!noColor.out.contains("\u{1B}["))
    }

    @Test func controlCharactersInTextAreEscaped() {
        let scratch = Scratch()
        scratch.write("a.txt", "{{ \u{1B}]0;pwned\u{07} }}\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out
                == "a.txt:1:1: warning: Unrendered template expression '{{ \\x1b]0;pwned\\x07 }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
    }

    @Test func versionHelpAndRuleCommands() {
        let scratch = Scratch()
        #expect(chaff(["--version"], in: scratch.root).out == "chaff \(ChaffVersion.current)\n")
        #expect(chaff(["--help"], in: scratch.root).out.contains("chaff check [OPTIONS] [PATH…]"))
        #expect(chaff(["help", "check"], in: scratch.root).out.contains("--column-unit UNIT"))
        let rules = chaff(["rules"], in: scratch.root)
        #expect(rules.status == 0)
        #expect(
            rules.out.contains(
                "placeholder-spintax                          warning  Unspun spintax such as {best|top|finest} was published as it is.\n"))
        let rule = chaff(["rule", "placeholder-spintax"], in: scratch.root)
        #expect(rule.out.hasPrefix("placeholder-spintax (warning, kind placeholder, scope prose)\nUnspun spintax"))
        #expect(rule.out.contains("  This is the ↓{best|top|finest} guide.\n"))
        let missing = chaff(["rule", "nope"], in: scratch.root)
        #expect(missing.status == 2)
        #expect(missing.err == "chaff: error: no rule 'nope'; 'chaff rules' lists them\n")
    }

    @Test func testRulesReportsADiff() {
        let scratch = Scratch()
        scratch.write(
            "rules/my-rule.json", RuleFileErrorTests.valid.replacingOccurrences(of: "[\"↓bad\"]", with: "[\"x ↓bad\", \"↓nothing\"]"))
        let run = chaff(["test-rules", scratch.path("rules")], in: scratch.root)
        #expect(run.status == 1)
        #expect(
            run.out == """
                rules/my-rule.json: my-rule: examples.invalid[1]
                  expected: ↓nothing
                  actual:   nothing
                1 rules, 3 examples: 2 passed, 1 failed

                """)
    }
}
