import ChaffText

/// Splits text into paragraphs for `mixed-han-script`: runs of lines separated by blank lines.
///
/// Private to the mixed-script kinds until the engine offers a shared paragraph splitter.
/// A line is blank when it holds only ASCII white space or U+3000 IDEOGRAPHIC SPACE (Chinese
/// text indents with it). Lines end at LF; a text with no LF at all ends its lines at CR, so
/// old Mac files still have paragraphs.
enum HanScriptParagraphs {
    /// The byte range of each paragraph, from its first non-blank line's start to its last
    /// non-blank line's end (line break excluded), in text order.
    static func ranges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var reader = Reader(text)
        var paragraphs: [Range<Int>] = []
        while let paragraph = reader.next() { paragraphs.append(paragraph) }
        return paragraphs
    }

    /// The paragraphs of a text one at a time, for a caller that needs only a batch of them at
    /// once: the ranges of a 100 MB file's paragraphs are 10 MB, and twice that while the
    /// array grows.
    struct Reader {
        private let text: UnsafeBufferPointer<UInt8>
        private let separator: UInt8
        private var lineStart = 0

        init(_ text: UnsafeBufferPointer<UInt8>) {
            self.text = text
            let lineFeed: UInt8 = 0x0A
            separator = ByteSearch.next(lineFeed, in: text, from: 0) != nil ? lineFeed : 0x0D
        }

        /// The next paragraph, or nil after the last.
        mutating func next() -> Range<Int>? {
            let count = text.count
            var paragraphStart = -1
            var paragraphEnd = 0
            while lineStart <= count {
                let start = lineStart
                let lineEnd = ByteSearch.next(separator, in: text, from: start) ?? count
                lineStart = lineEnd + 1
                if HanScriptParagraphs.isBlank(text, start, lineEnd) {
                    if paragraphStart >= 0 { return paragraphStart..<paragraphEnd }
                } else {
                    if paragraphStart < 0 { paragraphStart = start }
                    paragraphEnd = lineEnd
                }
            }
            return paragraphStart >= 0 ? paragraphStart..<paragraphEnd : nil
        }
    }

    /// Whether `start..<end` holds only white space; stops at the first other byte, which in
    /// a line of text is almost always the first one.
    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            switch text[index] {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                index += 1
            case 0xE3 where index + 2 < end && text[index + 1] == 0x80 && text[index + 2] == 0x80:
                index += 3
            default:
                return false
            }
        }
        return true
    }

    /// The lines of a paragraph that holds kana or Hangul, grouped into runs with and runs
    /// without, when those lines are fewer than half of its lines; `nil` when the paragraph is
    /// mostly Japanese or Korean and should be judged whole.
    ///
    /// Real files are often one paragraph of many lines (a review or a record per line), and one
    /// line of mojibake or a quoted Japanese title must not take every other line out of the
    /// check. A Japanese paragraph keeps its kanji-only lines (an address, a heading) with it.
    static func languageRuns(of paragraph: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        let separator: UInt8 = ByteSearch.next(0x0A, in: text, from: 0) != nil ? 0x0A : 0x0D
        var lines: [(range: Range<Int>, foreign: Bool)] = []
        var start = paragraph.lowerBound
        while start < paragraph.upperBound {
            let end = min(ByteSearch.next(separator, in: text, from: start) ?? paragraph.upperBound, paragraph.upperBound)
            if !isBlank(text, start, end) { lines.append((start..<end, hasKanaOrHangul(text, start, end))) }
            start = end + 1
        }
        let foreign = lines.count { $0.foreign }
        guard foreign > 0, foreign * 2 < lines.count else { return nil }
        var runs: [Range<Int>] = []
        var runStart = lines[0].range.lowerBound
        for index in 1..<lines.count where lines[index].foreign != lines[index - 1].foreign {
            runs.append(runStart..<lines[index - 1].range.upperBound)
            runStart = lines[index].range.lowerBound
        }
        runs.append(runStart..<lines[lines.count - 1].range.upperBound)
        return runs
    }

    /// Hiragana, Katakana (U+3040–U+30FF: E3 81 80 – E3 83 BF), Hangul syllables (U+AC00–U+D7AF:
    /// EA B0 80 – ED 9E AF), Hangul Jamo (U+1100–U+11FF) and compatibility Jamo (U+3130–U+318F).
    static func hasKanaOrHangul(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index + 2 < end {
            let b = text[index]
            if b < 0xE1 {
                index += 1
                continue
            }
            let c = text[index + 1]
            switch b {
            case 0xE3 where c >= 0x81 && c <= 0x83:
                return true
            case 0xE3 where (c == 0x84 && text[index + 2] >= 0xB0) || c == 0x85 || (c == 0x86 && text[index + 2] < 0x90):
                return true
            case 0xE1 where c >= 0x84 && c <= 0x87:
                return true
            case 0xEA where c >= 0xB0:
                return true
            case 0xEB, 0xEC:
                return true
            case 0xED where c < 0x9F:
                return true
            default:
                index += 1
            }
        }
        return false
    }
}
