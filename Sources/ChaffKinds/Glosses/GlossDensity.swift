/// Measures how densely pinyin glosses are interleaved through paragraphs of running prose,
/// the signature of article spinning (`觀(guan)點(dian):不(bu)要(yao)讓(rang)…`).
///
/// Paragraphs are `BlankLineParagraphs`. A paragraph is running prose when it has at least
/// `minimumParagraphCharacters` Han characters and ends at least one sentence: it contains
/// `。`, `！`, `？`, or an ASCII `.`, `!`, `?` followed by whitespace, a non-ASCII character or
/// the paragraph's end. Lists of glossed words and headings are therefore not prose, and short
/// glossed lines of teaching material are exempt by length. A gloss belongs to the paragraph
/// holding its first base character; a repeated gloss (`著(zhu)(zhe)`) counts once.
package struct GlossDensity: Sendable {
    /// A paragraph whose glosses reach the thresholds.
    package struct Paragraph: Hashable, Sendable {
        /// Byte range of the paragraph.
        package let range: Range<Int>
        /// The number of glosses in it (repeated glosses excluded).
        package let glossCount: Int
        /// Where the first of them is written (`Gloss.glossRange`), where the paragraph is
        /// reported. Its glosses are not kept: a spun page reports most of its paragraphs,
        /// and a copy of every gloss in them cost as much as measuring the paragraphs.
        package let firstGlossRange: Range<Int>
        /// Han characters covered by those glosses.
        package let glossedCharacters: Int
        /// Han characters in the paragraph.
        package let hanCharacters: Int

        /// The share of the paragraph's Han characters that are glossed, 0…1.
        package var density: Double { hanCharacters == 0 ? 0 : Double(glossedCharacters) / Double(hanCharacters) }
    }

    /// Fewest glosses in a paragraph to report it.
    package var minimumGlosses: Int
    /// Smallest share of the paragraph's Han characters glossed, 0…1.
    package var minimumDensity: Double
    /// Fewest Han characters for a paragraph to count as running prose.
    package var minimumParagraphCharacters: Int

    /// A measure with the given thresholds.
    package init(minimumGlosses: Int, minimumDensity: Double, minimumParagraphCharacters: Int) {
        self.minimumGlosses = minimumGlosses
        self.minimumDensity = minimumDensity
        self.minimumParagraphCharacters = minimumParagraphCharacters
    }

    /// The paragraphs of `bytes` whose glosses (from `glosses`, in source order) reach every
    /// threshold, in order.
    package func interleavedParagraphs(_ glosses: [Gloss], in bytes: [UInt8]) -> [Paragraph] {
        // The glosses are read in place, by index, as the paragraphs pass: a glossed page has
        // tens of thousands of them, and a list of the counted ones was the top of its heap.
        let minimum = max(1, minimumGlosses)
        var countedGlosses = 0
        for n in glosses.indices where Self.start(of: glosses[n]) != nil {
            countedGlosses += 1
            if countedGlosses >= minimum { break }
        }
        guard countedGlosses >= minimum else { return [] }
        return bytes.withUnsafeBufferPointer { text in
            var result: [Paragraph] = []
            var next = 0
            var inside: [Int] = []
            for paragraph in BlankLineParagraphs.paragraphs(in: text) {
                inside.removeAll(keepingCapacity: true)
                while next < glosses.count {
                    guard let start = Self.start(of: glosses[next]) else {
                        next += 1
                        continue
                    }
                    guard start < paragraph.upperBound else { break }
                    if start >= paragraph.lowerBound { inside.append(next) }
                    next += 1
                }
                guard inside.count >= minimum else { continue }
                let (han, endsSentence) = Self.measure(text, paragraph)
                guard endsSentence, han >= minimumParagraphCharacters else { continue }
                let glossed = inside.reduce(0) { $0 + glosses[$1].base.count }
                let found = Paragraph(
                    range: paragraph, glossCount: inside.count, firstGlossRange: glosses[inside[0]].glossRange,
                    glossedCharacters: glossed, hanCharacters: han)
                if found.density >= minimumDensity { result.append(found) }
            }
            return result
        }
    }

    /// Where a counted gloss's first base character starts; nil for a gloss not counted (one
    /// that repeats another, or has no base).
    private static func start(of gloss: Gloss) -> Int? {
        gloss.repeatsAGloss || gloss.syllableCount == 0 ? nil : gloss.base[0].range.lowerBound
    }

    /// The number of Han characters in `range`, and whether it ends a sentence.
    static func measure(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Bool) {
        var han = 0
        var endsSentence = false
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = text[i]
            if byte < 0x80 {
                if !endsSentence, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                    let after = i + 1 < range.upperBound ? text[i + 1] : UInt8(ascii: " ")
                    endsSentence =
                        after == UInt8(ascii: " ") || after == UInt8(ascii: "\n")
                        || after == UInt8(ascii: "\r") || after == UInt8(ascii: "\t") || after >= 0x80
                }
                i += 1
                continue
            }
            // Most of a glossed paragraph is Chinese: leads E4–E9 with their two continuation
            // bytes are U+4000–U+9FFF, Han but for the Yijing hexagrams (U+4DC0–U+4DFF), and no
            // sentence mark; read in place.
            if byte &- 0xE4 < 6, i + 2 < text.count, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
                let high = UInt32(byte & 0x0F) << 6 | UInt32(text[i + 1] & 0x3F)
                if high != 0x4DC0 >> 6 { han += 1 }
                i += 3
                continue
            }
            guard let (scalar, length) = GlossUTF8.decode(text, at: i) else {
                i += 1
                continue
            }
            if GlossUTF8.isHan(scalar) {
                han += 1
            } else if scalar == 0x3002 || scalar == 0xFF01 || scalar == 0xFF1F {  // 。！？
                endsSentence = true
            }
            i += length
        }
        return (han, endsSentence)
    }
}
