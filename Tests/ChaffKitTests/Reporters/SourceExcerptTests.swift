import Testing

@testable import ChaffEngine
@testable import ChaffReporters
@testable import ChaffText

/// `SourceExcerpt`: the source and caret lines under a compiler-format finding, byte for byte.
struct SourceExcerptTests {
    /// A diagnostic for `source` (UTF-8) over the byte range `range`, positioned in `unit` as a
    /// real run would, with its source line attached.
    private func diagnostic(_ source: String, _ range: Range<Int>, unit: ColumnUnit = .scalar, fix: String? = nil) -> Diagnostic {
        let bytes = Array(source.utf8)
        let index = LineIndex(bytes)
        let start = index.position(of: range.lowerBound, in: bytes, unit: unit)
        let end = index.position(of: range.upperBound, in: bytes, unit: unit)
        var diagnostics = [
            Diagnostic(
                path: "a.txt", range: range, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                severity: .warning, ruleID: "r", message: "m", matchedText: "", fix: fix)
        ]
        SourceExcerpt.attach(&diagnostics, text: bytes)
        return diagnostics[0]
    }

    private func range(of needle: String, in source: String) -> Range<Int> {
        let bytes = Array(source.utf8)
        let n = Array(needle.utf8)
        let start = (0...(bytes.count - n.count)).first { Array(bytes[$0..<$0 + n.count]) == n }!
        return start..<start + n.count
    }

    @Test func wideCharactersTakeTwoCells() {
        let source = "第一行\n中文𠀀 {{ name }}\n"
        let d = diagnostic(source, range(of: "{{ name }}", in: source), fix: "x")
        #expect(
            SourceExcerpt.render(d, unit: .scalar) == """
                  |
                2 | 中文𠀀 {{ name }}
                  |        ^^^^^^^^^^
                  = help: replace with 'x'


                """)
    }

    @Test func everyColumnUnitPutsTheCaretsInTheSamePlace() {
        let source = "中文𠀀\t{{ a }}\n"
        let expected = """
              |
            1 | 中文𠀀  {{ a }}
              |         ^^^^^^^


            """
        for unit in ColumnUnit.allCases {
            #expect(SourceExcerpt.render(diagnostic(source, range(of: "{{ a }}", in: source), unit: unit), unit: unit) == expected)
        }
    }

    @Test func tabsBecomeSpacesToTheNextStopOfFour() {
        let source = "\tab\t%s\n"
        let d = diagnostic(source, range(of: "%s", in: source))
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n1 |     ab  %s\n  |         ^^\n\n")
    }

    @Test func crlfLineBreaksAreNotShown() {
        let source = "x\r\n{{ a }}\r\nz\r\n"
        let d = diagnostic(source, range(of: "{{ a }}", in: source))
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n2 | {{ a }}\n  | ^^^^^^^\n\n")
    }

    @Test func aFindingOverSeveralLinesShowsItsFirstLineWithCaretsToItsEnd() {
        let source = "ab {{ x\ny }} cd\n"
        let d = diagnostic(source, range(of: "{{ x\ny }}", in: source))
        #expect(d.endLine == 2)
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n1 | ab {{ x\n  |    ^^^^\n\n")
    }

    @Test func controlAndBidiCharactersAreShownEscapedAndTheCaretsFollow() {
        let source = "\u{1B}[2J\u{202E} {{ a }}\u{07}\n"
        let d = diagnostic(source, range(of: "{{ a }}", in: source))
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n1 | \\x1b[2J\\u{202E} {{ a }}\\x07\n  |                 ^^^^^^^\n\n")
    }

    @Test func invalidUTF8AndCombiningMarks() {
        var bytes: [UInt8] = [0xFF]
        bytes += Array("e\u{301} %s\n".utf8)
        let d0 = Diagnostic(
            path: "a.txt", range: 5..<7, line: 1, column: 5, endLine: 1, endColumn: 7, severity: .warning, ruleID: "r", message: "m",
            matchedText: "%s")
        var ds = [d0]
        SourceExcerpt.attach(&ds, text: bytes)
        #expect(SourceExcerpt.render(ds[0], unit: .scalar) == "  |\n1 | \u{FFFD}e\u{301} %s\n  |    ^^\n\n")
    }

    @Test func aLongLineIsCutAroundTheFinding() {
        // 24 cells of context before the finding, cut at a whole wide character.
        let source = String(repeating: "长", count: 80) + " {{ tail }} " + String(repeating: "x", count: 200) + "\n"
        let d = diagnostic(source, range(of: "{{ tail }}", in: source))
        #expect(
            SourceExcerpt.render(d, unit: .scalar) == """
                  |
                1 | ...\(String(repeating: "长", count: 11)) {{ tail }} \(String(repeating: "x", count: 79))...
                  |                           ^^^^^^^^^^


                """)
        let lines = SourceExcerpt.render(d, unit: .scalar).split(separator: "\n")
        let width = lines[1].dropFirst(4).unicodeScalars.reduce(0) { $0 + DisplayWidth.columns(of: $1.value) }
        #expect(width <= SourceExcerpt.maximumWidth)
    }

    @Test func aLongLineWithTheFindingNearItsEndIsCutOnTheLeftOnly() {
        let source = String(repeating: "长", count: 80) + " {{ tail }} " + String(repeating: "x", count: 50) + "\n"
        let d = diagnostic(source, range(of: "{{ tail }}", in: source))
        #expect(
            SourceExcerpt.render(d, unit: .scalar) == """
                  |
                1 | ...\(String(repeating: "长", count: 27)) {{ tail }} \(String(repeating: "x", count: 50))
                  |                                                           ^^^^^^^^^^


                """)
    }

    @Test func aLongLineWithTheFindingNearItsStartIsCutOnTheRight() {
        let source = "{{ a }} " + String(repeating: "y", count: 200) + "\n"
        let d = diagnostic(source, range(of: "{{ a }}", in: source))
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n1 | {{ a }} \(String(repeating: "y", count: 109))...\n  | ^^^^^^^\n\n")
    }

    @Test func aFindingAtTheEndOfALineGetsOneCaretAndEmptyFixSaysRemove() {
        let source = "abc\n"
        let d = diagnostic(source, 3..<3, fix: "")
        #expect(SourceExcerpt.render(d, unit: .scalar) == "  |\n1 | abc\n  |    ^\n  = help: remove it\n\n")
    }

    @Test func theGutterIsAsWideAsTheLineNumber() {
        let source = String(repeating: "\n", count: 120) + "%s\n"
        let d = diagnostic(source, range(of: "%s", in: source), fix: "\u{1B}x")
        #expect(SourceExcerpt.render(d, unit: .scalar) == "    |\n121 | %s\n    | ^^\n    = help: replace with '\\x1bx'\n\n")
    }

    @Test func withoutASourceLineNothingIsAdded() {
        let d = Diagnostic(
            path: "a.txt", range: 0..<1, line: 1, column: 1, endLine: 1, endColumn: 2, severity: .error, ruleID: "r", message: "m",
            matchedText: "x")
        #expect(SourceExcerpt.render(d, unit: .scalar) == "")
        #expect(
            CompilerReporter().render(Report(diagnostics: [d], rules: [], columnUnit: .scalar, toolVersion: "0"))
                == "a.txt:1:1: error: m [r]\n")
    }
}
