import ChaffData
import ChaffText

/// Quotations of the other writing system: a UI label, a title or a name quoted as it is
/// written elsewhere (`选择“繁體中文”`) is not a mixing error, and a fix must not rewrite it.
///
/// A character is quoted when, on its line, it stands between an opening quotation mark
/// (“ 「 『 ‘, or an ASCII `"` with an even number of them before it on the line) and the
/// matching closing one, and nothing between the two marks is a character of the text's own
/// system. Only the neighbourhood of a finding is read.
enum HanScriptQuotations {
    private static let maximumLength = 96  // bytes on each side of the finding

    private static let pairs: [(open: [UInt8], close: [UInt8])] = [
        (Array("“".utf8), Array("”".utf8)), (Array("「".utf8), Array("」".utf8)),
        (Array("『".utf8), Array("』".utf8)), (Array("‘".utf8), Array("’".utf8)),
    ]

    /// Whether the finding at `range` lies in a quotation written wholly without characters of
    /// `expected` (the form the unit uses: `.simplifiedOnly` for a Simplified unit).
    static func isQuotedOtherSystem(_ range: Range<Int>, expected: HanForm, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var newlines = NewlineSpan()
        return isQuotedOtherSystem(range, expected: expected, in: text, newlines: &newlines)
    }

    /// `isQuotedOtherSystem(_:expected:in:)`, finding the line through `newlines`, which
    /// serves one text: spun text puts dozens of findings on a line.
    static func isQuotedOtherSystem(
        _ range: Range<Int>, expected: HanForm, in text: UnsafeBufferPointer<UInt8>, newlines: inout NewlineSpan
    ) -> Bool {
        let lineStart = newlines.lineStart(before: range.lowerBound, notBelow: max(0, range.lowerBound - maximumLength), in: text)
        let lineEnd = newlines.lineEnd(from: range.upperBound, below: min(text.count, range.upperBound + maximumLength), in: text)
        guard let (open, close) = quotation(around: range, lineStart: lineStart, lineEnd: lineEnd, in: text) else { return false }
        var index = open
        while index < close {
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: close)
            if HanScriptCharacterClasses.form(of: scalar) == expected { return false }
            index += max(length, 1)
        }
        return true
    }

    /// The content range of the quotation around `range`, if any. `skippingWords`: false reads
    /// back a byte at a time, for tests to compare.
    static func quotation(
        around range: Range<Int>, lineStart: Int, lineEnd: Int, in text: UnsafeBufferPointer<UInt8>, skippingWords: Bool = true
    ) -> (Int, Int)? {
        // The nearest mark before the finding decides: an opening one starts the quotation, a
        // closing one means the finding is outside any.
        var index = range.lowerBound
        let quote = ByteWords.broadcast(0x22)
        let lead = ByteWords.broadcast(0xE3)
        let low = ByteWords.broadcast(0x01)
        while index > lineStart {
            // Eight bytes at a time past those that start no mark: a finding with no mark near
            // it, the usual one, was read back to its line's start a byte at a time.
            if skippingWords, let base = text.baseAddress {
                while index - 8 >= lineStart {
                    let word = ByteWords.load(base, index - 8)
                    // 0xE2 and 0xE3 both read as 0xE3 with the low bit set.
                    if ByteWords.equalBytes(word, quote) | ByteWords.equalBytes(word | low, lead) != 0 { break }
                    index -= 8
                }
            }
            guard index > lineStart else { break }
            index -= 1
            // Every mark starts with `"`, 0xE2 (“ ” ‘ ’) or 0xE3 (「 」 『 』).
            let byte = text[index]
            if byte != 0x22 && byte != 0xE2 && byte != 0xE3 { continue }
            // Every mark of three bytes has 0x80 second: most 0xE3 sequences (CJK punctuation,
            // kana) are ruled out there.
            if byte != 0x22 && (index + 2 >= text.count || text[index + 1] != 0x80) { continue }
            // And its third byte is one of the marks': 、 and 。 (0xE3 0x80 0x81, 0x82), which
            // Chinese text puts before most findings, go no further.
            if byte == 0xE3 && !(0x8C...0x8F).contains(text[index + 2]) { continue }
            if byte == 0xE2 && !(0x98...0x9D).contains(text[index + 2]) { continue }
            if byte == 0x22 {
                let before = (lineStart..<index).count { text[$0] == 0x22 }
                guard before % 2 == 0, let close = find([0x22], from: range.upperBound, to: lineEnd, in: text) else { return nil }
                return (index + 1, close)
            }
            for pair in pairs {
                if matches(pair.close, at: index, in: text) { return nil }
                if matches(pair.open, at: index, in: text) {
                    guard let close = find(pair.close, from: range.upperBound, to: lineEnd, in: text) else { return nil }
                    return (index + pair.open.count, close)
                }
            }
        }
        return nil
    }

    private static func matches(_ mark: [UInt8], at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        index + mark.count <= text.count && (0..<mark.count).allSatisfy { text[index + $0] == mark[$0] }
    }

    private static func find(_ mark: [UInt8], from start: Int, to end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = start
        while index + mark.count <= end {
            if matches(mark, at: index, in: text) { return index }
            index += 1
        }
        return nil
    }

}
