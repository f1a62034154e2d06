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
        let count = text.count
        guard count > 0 else { return [] }
        let lineFeed: UInt8 = 0x0A
        let separator = ByteSearch.next(lineFeed, in: text, from: 0) != nil ? lineFeed : 0x0D
        var paragraphs: [Range<Int>] = []
        var paragraphStart = -1
        var paragraphEnd = 0
        var lineStart = 0
        while lineStart <= count {
            let lineEnd = ByteSearch.next(separator, in: text, from: lineStart) ?? count
            if isBlank(text, lineStart, lineEnd) {
                if paragraphStart >= 0 {
                    paragraphs.append(paragraphStart..<paragraphEnd)
                    paragraphStart = -1
                }
            } else {
                if paragraphStart < 0 { paragraphStart = lineStart }
                paragraphEnd = lineEnd
            }
            lineStart = lineEnd + 1
        }
        if paragraphStart >= 0 { paragraphs.append(paragraphStart..<paragraphEnd) }
        return paragraphs
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
}
