import ChaffEngine
import Foundation
import Testing

@testable import ChaffCLI

/// Input chaff must survive: each case asserts the exact report and exit status.
@Suite struct HostileInputTests {
    @Test func invalidUTF8IsReportedAtTheFirstBadByteAndTheRestIsLinted() {
        let scratch = Scratch()
        scratch.write(
            "a.txt", bytes: Array("ok ".utf8) + [0xFF, 0xFE] + Array(" x {{ y }}\n第二行".utf8) + [0xE4, 0xB8] + Array("\n%s\n".utf8))
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == """
                a.txt:1:4: error: Encoding problem: invalid UTF-8 bytes 0xFF 0xFE [invalid-encoding]
                a.txt:1:9: warning: Unrendered template expression '{{ y }}'; fill it in or remove it [placeholder-template-expression]
                a.txt:2:4: error: Encoding problem: invalid UTF-8 bytes 0xE4 0xB8 [invalid-encoding]
                a.txt:3:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        #expect(run.status == 1)
    }

    @Test func utf16FilesAreDecodedAndLinted() {
        let scratch = Scratch()
        scratch.write("le.txt", bytes: [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00, 0x20, 0x00, 0x25, 0x00, 0x73, 0x00])
        scratch.write("be.txt", bytes: [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69])
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out == "le.txt:1:4: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        #expect(run.err == "be.txt: note: read as UTF-16BE, not UTF-8\nle.txt: note: read as UTF-16LE, not UTF-8\n")
    }

    @Test func utf8ByteOrderMarkIsNotAColumn() {
        let scratch = Scratch()
        scratch.write("a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("%s\n".utf8))
        let run = chaff(["check", "--column-unit", "utf8", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == "a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
    }

    @Test func emptyFileAndNoFinalNewline() {
        let scratch = Scratch()
        scratch.write("empty.txt", "")
        scratch.write("tail.txt", "end %s")
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out
                == "tail.txt:1:5: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
        #expect(run.status == 1)
    }

    @Test func namedBinaryFileIsReportedNotSilentlySkipped() {
        let scratch = Scratch()
        scratch.write("blob.bin", bytes: [0x00, 0x01, 0x7B, 0x7B, 0x20, 0x7D, 0x7D])
        let run = chaff(["check", scratch.path("blob.bin")], in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == "blob.bin: note: not linted: the file looks binary (it contains a NUL byte)\n")
        #expect(run.status == 0)
    }

    @Test func catastrophicUserRegexStopsWithATimeoutNote() {
        let scratch = Scratch()
        scratch.write("rules/slow-rule.json", Self.patternRule("slow-rule", pattern: "(a+)+$", message: "m", invalid: "↓a"))
        // Without the budget, (a+)+$ on 40 a's and a b backtracks for longer than anyone waits.
        scratch.write("t.txt", String(repeating: "a", count: 40) + "b %s\n")
        let run = chaff(["check", "--rules", scratch.path("rules"), "--regex-timeout", "0.2", scratch.path("t.txt")], in: scratch.root)
        #expect(
            run.out == """
                t.txt:1:1: note: Rule 'slow-rule' ran out of time (0.2 s of regular expressions) on this file and stopped; its findings here may be incomplete [rule-timeout]
                t.txt:1:43: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        #expect(run.status == 1)
    }

    /// The rule after one that ran out of time starts with a whole budget of its own.
    @Test func aTimeoutLeavesTheNextRuleItsBudget() {
        let scratch = Scratch()
        scratch.write("rules/a-slow.json", Self.patternRule("a-slow", pattern: "(a+)+$", message: "m", invalid: "↓a"))
        scratch.write("rules/b-quick.json", Self.patternRule("b-quick", pattern: "b", message: "quick", invalid: "↓b"))
        scratch.write("t.txt", String(repeating: "a", count: 40) + "b\n")
        let run = chaff(
            ["check", "--rules", scratch.path("rules"), "--select", "a-slow,b-quick", "--regex-timeout", "0.2", scratch.path("t.txt")],
            in: scratch.root)
        #expect(
            run.out == """
                t.txt:1:1: note: Rule 'a-slow' ran out of time (0.2 s of regular expressions) on this file and stopped; its findings here may be incomplete [rule-timeout]
                t.txt:1:41: warning: quick [b-quick]

                """)
        #expect(run.status == 1)
    }

    /// A rule file of kind `pattern` with one regular expression and one invalid example.
    static func patternRule(_ id: String, pattern: String, message: String, invalid: String) -> String {
        """
        {"id": "\(id)", "kind": "pattern", "summary": "S.", "description": "D.", "message": "\(message)",
         "options": {"patterns": ["\(pattern)"]}, "examples": {"valid": [], "invalid": ["\(invalid)"]}}
        """
    }
}
