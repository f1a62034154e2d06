import Foundation
import Testing

@testable import ChaffEngine

/// Properties every masker must keep on any input, checked over many generated documents built
/// from markup fragments, plus pathological inputs that would be slow if anything backtracked.
@Suite struct MaskingInvariantTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let fragments: [String] = [
        "\n", "\r\n", "\r", " ", "  ", "    ", "\t", "a", "Word", "中文", "据不完全统计", "{{ name }}", "<关键词>", "%s",
        "$标题$", "😀", "é", "\u{FEFF}", "`", "``", "```", "~~~", "\\", "\\`", "*", "_", "**", "#", "# ", "## ",
        "=", "===", "-", "---", "+++", "...", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "[", "]", "![", "](", "(",
        ")", "[a]", "[a]: /u", "[a]: /u \"t\"", "[x][a]", "[]", "'", "\"", "=", "<", "</", ">", "<a", "<a href=\"",
        "<a title='", "<img alt=\"", "<span>", "</span>", "<div>", "</div>", "<p>", "<pre>", "</pre>", "<code>",
        "</code>", "<script>", "</script>", "<style>", "</STYLE>", "<title>", "</title>", "<h1>", "</h1>", "<!--",
        "-->", "--!>", "<!-->", "<!DOCTYPE html>", "<?", "?>", "<![CDATA[", "]]>", "<https://a.b/c>", "<u@x.cn>",
        "https://example.com/p", "www.a.cn", "a@b.cn", "&", "&amp;", "&lt;", "&#20013;", "&#x4E2D;", "&#;",
        "&nbsp;", "&zz;", "$$", "$$\\", "$", "|", "|---|", "<!-- chaff-disable x -->", "\u{0}", "\u{7F}",
    ]

    static func randomDocument(_ generator: inout Generator) -> [UInt8] {
        var text = ""
        for _ in 0..<generator.below(80) { text += fragments[generator.below(fragments.count)] }
        var bytes = Array(text.utf8)
        // Sometimes cut the bytes anywhere, which may split a UTF-8 character.
        if !bytes.isEmpty && generator.below(4) == 0 { bytes.removeLast(generator.below(min(4, bytes.count)) + 1) }
        return bytes
    }

    static func checkInvariants(_ source: [UInt8], _ document: MaskedDocument) -> [String] {
        var problems: [String] = []
        let count = source.count
        let prose = document.bytes(for: .prose)
        let heading = document.bytes(for: .heading)
        let code = document.bytes(for: .code)
        let comment = document.bytes(for: .comment)
        if document.bytes(for: .raw) != source { problems.append("raw differs from source") }
        var decoded = [Bool](repeating: false, count: count)
        var previousEnd = 0
        for span in document.characterReferenceSpans {
            // A catalogue's escapes (`\u4E2D`) are decoded in place too.
            let opener: UInt8 = document.localization != nil ? 0x5C : 0x26
            if span.lowerBound < previousEnd || span.upperBound > count || span.isEmpty || source[span.lowerBound] != opener {
                problems.append("bad character reference span \(span)")
                continue
            }
            previousEnd = span.upperBound
            for i in span { decoded[i] = true }
        }
        for (name, scope) in [("prose", prose), ("heading", heading), ("code", code), ("comment", comment)] {
            guard scope.count == count else {
                problems.append("\(name) has \(scope.count) bytes, source \(count)")
                continue
            }
            for i in 0..<count {
                let isBreak = source[i] == 0x0A || source[i] == 0x0D
                if isBreak && scope[i] != source[i] { problems.append("\(name) lost the line break at \(i)") }
                if !isBreak && (scope[i] == 0x0A || scope[i] == 0x0D) { problems.append("\(name) added a line break at \(i)") }
                let mayDiffer = decoded[i] && (name == "prose" || name == "heading")
                if !mayDiffer && scope[i] != source[i] && scope[i] != 0x20 {
                    problems.append("\(name) has a foreign byte at \(i)")
                }
            }
            if String(validating: source, as: UTF8.self) != nil && String(validating: scope, as: UTF8.self) == nil {
                problems.append("\(name) is not valid UTF-8 although the source is")
            }
        }
        guard problems.isEmpty else { return problems }
        for i in 0..<count where heading[i] != 0x20 && heading[i] != prose[i] {
            problems.append("heading byte \(i) is not prose")
        }
        for i in 0..<count where !decoded[i] && source[i] != 0x20 && source[i] != 0x0A && source[i] != 0x0D {
            let kept = [prose[i], code[i], comment[i]].filter { $0 == source[i] }.count
            if kept > 1 { problems.append("byte \(i) is in \(kept) scopes") }
        }
        previousEnd = 0
        for range in document.commentRanges {
            if range.lowerBound < previousEnd || range.upperBound > count
                || !source[range.lowerBound...].starts(with: Array((document.format == .gettext ? "#" : "<!--").utf8))
            {
                problems.append("bad comment range \(range)")
            }
            previousEnd = range.upperBound
        }
        return problems
    }

    @Test(arguments: DocumentFormat.allCases)
    func randomDocumentsKeepEveryInvariant(format: DocumentFormat) {
        var generator = Generator(state: 0xC0FF_EE00 &+ UInt64(format.rawValue.count))
        let masker = format.masker
        var failures = 0
        for round in 0..<1500 {
            let source = Self.randomDocument(&generator)
            let problems = Self.checkInvariants(source, masker.mask(source))
            if !problems.isEmpty && failures < 3 {
                failures += 1
                Issue.record("round \(round): \(problems.prefix(3)) in \(String(decoding: source, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test func scopesOfAMixedFixtureKeepEveryInvariant() {
        let source = Array(
            """
            ---
            t: 1
            ---
            # 标题 &amp; {{ x }}
            > 引用 `a` [l](/u "t") <b title="x">y</b> <!-- c -->
            - 列表 https://a.cn/x &#20013;
            ```
            {{ y }}
            ```
            <div>块 &lt;关键词&gt;</div>

            """.utf8)
        for format in DocumentFormat.allCases {
            #expect(Self.checkInvariants(source, format.masker.mask(source)) == [], "\(format)")
        }
    }

    static let pathological: [(String, String)] = [
        ("link tails without spaces", String(repeating: "[a](b", count: 40_000)),
        ("link tails with spaces", String(repeating: "[a](b ", count: 40_000)),
        ("unclosed titles", String(repeating: "[a](b \"", count: 40_000)),
        ("unclosed attribute values", String(repeating: "x <a b=\"", count: 30_000)),
        ("alternating quotes", String(repeating: "x <a x='<a y=\"", count: 20_000)),
        ("unclosed comments", "x " + String(repeating: "<!--", count: 50_000)),
        ("unclosed declarations", "x " + String(repeating: "<!X", count: 50_000)),
        ("unclosed instructions", "x " + String(repeating: "<?", count: 50_000)),
        ("unclosed CDATA", "x " + String(repeating: "<![CDATA[", count: 20_000)),
        ("open brackets", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
        ("image openers", String(repeating: "![", count: 100_000)),
        ("backtick runs", (1...600).map { String(repeating: "`", count: $0) }.joined(separator: " ")),
        ("escaped backticks", String(repeating: "\\``", count: 50_000)),
        ("emphasis", String(repeating: "*_", count: 100_000)),
        ("references", String(repeating: "&#1&amp&", count: 30_000)),
        ("urls", String(repeating: "http://", count: 30_000) + String(repeating: ")", count: 30_000)),
        ("emails", String(repeating: "a@", count: 100_000)),
        ("nested quotes", String(repeating: "> ", count: 50_000) + "x\n" + String(repeating: "y\n", count: 50_000)),
        ("nested lists", String(repeating: "- ", count: 50_000) + "x\n" + String(repeating: "  y\n", count: 20_000)),
        ("html block lines", String(repeating: "<div>\n\n", count: 30_000)),
        ("definitions", "[a]: /u '" + String(repeating: "t\n", count: 50_000) + "===\n"),
        ("setext after definitions", String(repeating: "[a]: /u\n===\n", count: 20_000)),
        ("tags in html", String(repeating: "<a b='", count: 50_000)),
        ("script openers", String(repeating: "<script>", count: 50_000)),
        ("labels", "[a]: /u\n\n" + String(repeating: "[x][", count: 50_000)),
        ("shortcut texts", "[a]: /u\n\n" + String(repeating: "[" + String(repeating: "b", count: 900) + "]", count: 300)),
        ("math", String(repeating: "$$\n", count: 50_000)),
        ("fences", String(repeating: "```\n~~~\n", count: 30_000)),
    ]

    @Test(arguments: pathological.indices)
    func pathologicalInputIsFast(index: Int) {
        let (name, text) = Self.pathological[index]
        let source = Array(text.utf8)
        let clock = ContinuousClock()
        for format in DocumentFormat.allCases {
            var document: MaskedDocument?
            let elapsed = clock.measure { document = format.masker.mask(source) }
            #expect(document?.bytes(for: .prose).count == source.count)
            // Debug builds scan a few MB per second; anything quadratic here takes minutes.
            #expect(elapsed < .seconds(3), "\(name) as \(format) took \(elapsed)")
            if ProcessInfo.processInfo.environment["CHAFF_TIMINGS"] != nil { print("TIMING \(elapsed) \(name) \(format)") }
        }
    }
}
