import Testing

@testable import ChaffEngine

/// The word-at-a-time paths of `MaskAssembler` (scope filling, code runs) and of
/// `HTMLTagName` give what a byte-by-byte reading gives, on every length and alignment.
@Suite struct MaskAssemblerWordTests {

    /// Classes in runs of 1 to 12 bytes (tags, code and text alternate), text with line breaks.
    static func sample(_ count: Int, seed: UInt64) -> (text: [UInt8], classes: [UInt8]) {
        var generator = SeededGenerator(state: seed)
        var classes: [UInt8] = []
        while classes.count < count {
            let scope = UInt8(generator.next(5))
            classes += [UInt8](repeating: scope, count: min(count - classes.count, 1 + generator.next(12)))
        }
        let alphabet: [UInt8] = Array("ab<>\n\r &x".utf8) + [0xE4, 0xB8, 0xAD]
        let text = (0..<count).map { _ in alphabet[generator.next(alphabet.count)] }
        return (text, classes)
    }

    static func expectedScope(_ text: [UInt8], _ classes: [UInt8], _ scope: UInt8) -> [UInt8] {
        zip(text, classes).map { byte, c in byte == 0x0A || byte == 0x0D || c == scope ? byte : 0x20 }
    }

    static func expectedCodeRuns(_ classes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < classes.count {
            guard classes[i] == ScopeClass.code || classes[i] == ScopeClass.none else {
                i += 1
                continue
            }
            let start = i
            var hasCode = false
            while i < classes.count, classes[i] == ScopeClass.code || classes[i] == ScopeClass.none {
                hasCode = hasCode || classes[i] == ScopeClass.code
                i += 1
            }
            if hasCode { out.append(start..<i) }
        }
        return out
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000])
    func wordPathsAgreeWithBytePaths(count: Int) {
        for seed in UInt64(1)...40 {
            let (text, classes) = Self.sample(count, seed: seed &* 7919 &+ UInt64(count))
            let document = MaskAssembler.document(
                format: .html, source: text, text: text, classes: classes, commentRanges: [], refineProse: false)
            let expectedCode = Self.expectedScope(text, classes, ScopeClass.code)
            #expect(document.bytes(for: .code) == expectedCode, "count \(count), seed \(seed)")
            #expect(document.codeRanges == Self.expectedCodeRuns(classes), "count \(count), seed \(seed)")
        }
    }

    @Test func tagNamesAreIdentifiedInAnyCase() {
        func name(_ text: String) -> HTMLTagName {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { HTMLTagName.identify(0..<bytes.count, in: $0) }
        }
        #expect(name("BlockQuote") == .blockquote)
        #expect(name("figcaption") == .figcaption)
        #expect(name("H3") == .heading)
        #expect(name("h7") == .other)
        #expect(name("p") == .p)
        #expect(name("pre") == .pre)
        #expect(name("prefix") == .other)
        #expect(name("blockquotes") == .other)
        #expect(name("") == .other)
        #expect(name("br").isVoid && !name("br").isBlock)
        #expect(name("TD").isBlock && name("td").hasOptionalEndTag)
        #expect(!name("span").isBlock && !name("span").isVoid)
    }

    /// `HTMLTagName.scan` (a word at a time for short names) finds the end a byte-by-byte
    /// reading finds and the name `identify` gives, for names of every length followed by
    /// every kind of byte, near and far from the end of the text.
    @Test func scannedTagNamesMatchAByteByByteReading() {
        let names = [
            "p", "TD", "h1", "h7", "code", "Pre", "svg", "x-foo", "svg:title", "figcaption", "blockquote", "blockquotes",
            "prefix", "abcdefg", "abcdefgh", "caption", "details", "\u{E9}t\u{E9}", "a_b", "td9",
        ]
        let after = [">", " ", "/", "\n", "\t", "=", "-x>", "\u{4E2D}", ""]
        for name in names {
            for next in after {
                for padding in ["", " ", "        "] {
                    let bytes = Array(("<" + name + next + padding).utf8)
                    var expectedEnd = 1
                    while expectedEnd < bytes.count, !MarkupBytes.isHTMLWhitespace(bytes[expectedEnd]), bytes[expectedEnd] != 0x2F,
                        bytes[expectedEnd] != 0x3E
                    {
                        expectedEnd += 1
                    }
                    let (end, scanned) = bytes.withUnsafeBufferPointer {
                        HTMLTagName.scan(from: 1, end: $0.count, in: $0, table: HTMLTagName.lookup)
                    }
                    let identified = bytes.withUnsafeBufferPointer { HTMLTagName.identify(1..<expectedEnd, in: $0) }
                    #expect(end == expectedEnd, "\(name)\(next)\(padding)")
                    #expect(scanned == identified, "\(name)\(next)\(padding)")
                }
            }
        }
    }
}

/// The HTML scanner's own record of the classes it gave (`HTMLScanner.present`) is what a pass
/// over the classes finds, so the assembler may trust it instead of reading every class again.
@Suite struct HTMLScannerPresentClassesTests {
    static let pieces = [
        "<p>", "</p>", "text ", "中文", "<code>", "</code>", "<pre>", "</pre>", "<!-- c -->", "<!---->", "<h1>", "</h1>",
        #"<img alt="alt">"#, #"<img alt="">"#, #"<input type="submit" value="Go">"#, #"<meta name="description" content="d">"#,
        "<script>x</script>", "<title>t</title>", "<template>t</template>", "<xmp>x</xmp>", "<", "&amp;", " ", "\n",
        #"<span class="literal">"#, "</span>", "<svg><title>s</title></svg>", "<textarea>v</textarea>", "<b>", "</b>",
        #"<meta content="c" name="description">"#, #"<input value="Go" title="t" type="submit">"#,
        #"<p class="codeintable">"#, "<td>", "</td>", "<kbd>", "</kbd>", #"<a href="u" title="t">"#, "</a>", "<![CDATA[x]]>",
        "</>", "<?x?>", "<!x>", "<plaintext>",
    ]

    /// The classes a scanner gives `text` in an array that starts out all `initial`, and with
    /// `fresh` the code runs it followed.
    static func scan(_ text: [UInt8], startingAs initial: UInt8, fresh: Bool) -> (classes: [UInt8], codeRuns: [Range<Int>]?) {
        var classes = [UInt8](repeating: initial, count: text.count)
        var runs: [Range<Int>]?
        text.withUnsafeBufferPointer { text in
            classes.withUnsafeMutableBufferPointer { classes in
                var scanner = HTMLScanner(text: text, classes: classes, freshClasses: fresh)
                scanner.scan(0..<text.count)
                if fresh { runs = scanner.codeRuns(end: text.count) }
            }
        }
        return (classes, runs)
    }

    /// A scanner given fresh classes writes no markup, yet leaves the classes a scanner
    /// writing every byte gives; the code runs it follows are those a pass over them finds.
    @Test func freshClassesGiveTheSameClassesAndCodeRuns() {
        var generator = SeededGenerator(state: 29)
        for round in 0..<400 {
            let source = (0..<generator.next(24)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
            let text = Array(source.utf8)
            let fresh = Self.scan(text, startingAs: ScopeClass.none, fresh: true)
            let written = Self.scan(text, startingAs: ScopeClass.prose, fresh: false)
            #expect(fresh.classes == written.classes, "round \(round): \(source)")
            #expect(fresh.codeRuns == MaskAssembler.codeRuns(in: fresh.classes), "round \(round): \(source)")
        }
    }

    @Test func presentClassesMatchAPassOverThem() {
        var generator = SeededGenerator(state: 17)
        for round in 0..<300 {
            let source = (0..<generator.next(24)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
            let text = Array(source.utf8)
            var classes = [UInt8](repeating: ScopeClass.none, count: text.count)
            var present: UInt32 = 0
            text.withUnsafeBufferPointer { text in
                classes.withUnsafeMutableBufferPointer { classes in
                    var scanner = HTMLScanner(text: text, classes: classes)
                    scanner.scan(0..<text.count)
                    present = scanner.present
                }
            }
            // Class `none` is always noted; the assembler asks only about the others.
            let others = ~(UInt32(1) << UInt32(ScopeClass.none))
            #expect(present & others == MaskAssembler.presentClasses(classes) & others, "round \(round): \(source)")
        }
    }
}

/// `HTMLAttributeName` reads a name a word at a time and packs it; it must end where a
/// byte-by-byte reading ends, and its packed names must be those of their spellings.
@Suite struct HTMLAttributeNameTests {
    @Test func packedNamesAreTheirSpellings() {
        let expected: [(String, UInt64)] = [
            ("href", HTMLAttributeName.href), ("class", HTMLAttributeName.class), ("label", HTMLAttributeName.label),
            ("name", HTMLAttributeName.name), ("property", HTMLAttributeName.property),
            ("content", HTMLAttributeName.content), ("type", HTMLAttributeName.type), ("value", HTMLAttributeName.value),
            ("alt", HTMLAttributeName.alt), ("title", HTMLAttributeName.title),
        ]
        for (spelling, word) in expected {
            let bytes = Array(spelling.utf8)
            #expect(bytes.withUnsafeBufferPointer { HTMLAttributeName.pack(0..<$0.count, in: $0) } == word, "\(spelling)")
        }
    }

    /// Names of every length in any case, followed by every kind of byte (a control byte that
    /// belongs to the name among them), near and far from the end of the text.
    @Test func scannedNamesMatchAByteByByteReading() {
        let names = [
            "a", "=", "=x", "HREF", "Class", "title", "alt", "aria-label", "placeholder", "property", "PROPERTY", "content",
            "x\u{01}y", "data-x", "\u{E9}t\u{E9}", "abcdefg", "abcdefgh", "[x]", "@click", ":Title",
        ]
        let after = [">", " ", "/", "\n", "\t", "\u{0C}", "\r", "=", "\u{01}", "\u{4E2D}", ""]
        for name in names {
            for next in after {
                for padding in ["", " ", "          "] {
                    let bytes = Array((name + next + padding).utf8)
                    var expectedEnd = 1
                    while expectedEnd < bytes.count, !MarkupBytes.isHTMLWhitespace(bytes[expectedEnd]),
                        ![0x2F, 0x3E, 0x3D].contains(bytes[expectedEnd])
                    {
                        expectedEnd += 1
                    }
                    let scanned = bytes.withUnsafeBufferPointer { HTMLAttributeName.scan(from: 0, end: $0.count, in: $0) }
                    let lowered = Array(bytes[0..<expectedEnd]).map { MarkupBytes.lowercased($0) }
                    let word =
                        lowered.count > 8 ? 0 : lowered.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                    #expect(scanned.end == expectedEnd, "\(name)\(next)\(padding)")
                    #expect(scanned.word == word, "\(name)\(next)\(padding)")
                }
            }
        }
    }
}
