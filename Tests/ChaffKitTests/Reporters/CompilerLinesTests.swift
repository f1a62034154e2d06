import Testing

@testable import ChaffEngine
@testable import ChaffReporters
@testable import ChaffText

/// The compiler format's plain lines, written in one measured block (`PlainLines`): byte for
/// byte the lines written one by one, whatever repeats or needs escaping.
struct CompilerLinesTests {
    private func diagnostic(
        _ path: String, line: Int, column: Int, severity: Severity = .warning, rule: String = "some-rule", message: String
    ) -> Diagnostic {
        Diagnostic(
            path: path, range: 0..<1, line: line, column: column, endLine: line, endColumn: column + 1, severity: severity,
            ruleID: rule, message: message, matchedText: "x")
    }

    private func render(_ diagnostics: [Diagnostic]) -> String {
        CompilerReporter().renderPart(diagnostics, of: Report(diagnostics: diagnostics, rules: [], columnUnit: .scalar, toolVersion: "0"))
    }

    @Test func linesAreWrittenExactly() {
        let shared = "Traditional character '觀' in Simplified text; use '观'"
        let diagnostics = [
            diagnostic("a.txt", line: 1, column: 1, message: shared),
            diagnostic("a.txt", line: 9, column: 10, severity: .error, rule: "r", message: "short"),
            diagnostic("a.txt", line: 10, column: 99, severity: .note, message: shared),
            diagnostic("a.txt", line: 123_456_789, column: 1_000_000_007, message: shared),
        ]
        #expect(
            render(diagnostics) == """
                a.txt:1:1: warning: Traditional character '觀' in Simplified text; use '观' [some-rule]
                a.txt:9:10: error: short [r]
                a.txt:10:99: note: Traditional character '觀' in Simplified text; use '观' [some-rule]
                a.txt:123456789:1000000007: warning: Traditional character '觀' in Simplified text; use '观' [some-rule]

                """)
    }

    /// A message holding a control character or a bidirectional override is escaped wherever it
    /// comes, also after the same text without one, and a short message is read each time
    /// (its bytes are lent from a temporary copy, at an address another one may reuse).
    @Test func everyMessageThatNeedsEscapingIsEscaped() {
        let plain = "A message long enough to live in its own storage"
        let diagnostics = [
            diagnostic("p\u{1B}.txt", line: 1, column: 1, message: plain),
            diagnostic("p\u{1B}.txt", line: 2, column: 1, message: "bell o"),
            diagnostic("p\u{1B}.txt", line: 3, column: 1, message: "bell \u{07}"),
            diagnostic("p\u{1B}.txt", line: 4, column: 1, message: plain + "\u{202E}"),
            diagnostic("p\u{1B}.txt", line: 5, column: 1, message: plain),
        ]
        // Each line as the reporter writes one line alone (`line(for:)`, plain).
        let oneByOne = diagnostics.map { CompilerReporter().line(for: $0) + "\n" }
        #expect(render(diagnostics) == oneByOne.joined())
        #expect(render(diagnostics).contains("bell \\x07 [some-rule]\n"))
        #expect(render(diagnostics).contains("bell o [some-rule]\n"))
        #expect(!render(diagnostics).contains("\u{202E}"))
        #expect(!render(diagnostics).contains("\u{1B}"))
    }

    /// Many findings that share a few message strings, in the order a spun page interleaves
    /// them, and a part's path that changes.
    @Test func sharedMessagesInterleaved() {
        let messages = (0..<40).map { "Message number \($0) of the rule, long enough to be stored apart" }
        var diagnostics: [Diagnostic] = []
        var expected = ""
        for k in 0..<600 {
            let path = k < 300 ? "first.md" : "second.md"
            let message = k % 97 == 0 ? "Escape \u{1B}[31m here, in a message long enough" : messages[(k * 7) % 40]
            diagnostics.append(diagnostic(path, line: k + 1, column: k % 13 + 1, message: message))
            expected += "\(path):\(k + 1):\(k % 13 + 1): warning: \(TerminalSafe.escape(message)) [some-rule]\n"
        }
        #expect(render(diagnostics) == expected)
    }

    @Test func anEmptyPartHasNoLines() {
        #expect(render([]) == "")
        #expect(PlainLines.render(UnsafeBufferPointer(start: nil, count: 0)) == [])
    }

    @Test func highBitCountCountsEachMarkedByte() {
        var state: UInt64 = 17
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mask = (state ^ state >> 29) & 0x8080_8080_8080_8080
            #expect(ByteWords.highBitCount(mask) == mask.nonzeroBitCount)
        }
        #expect(ByteWords.highBitCount(0x8080_8080_8080_8080) == 8)
        #expect(ByteWords.highBitCount(0) == 0)
    }
}
