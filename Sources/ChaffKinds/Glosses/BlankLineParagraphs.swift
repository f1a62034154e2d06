import ChaffText

/// Paragraphs as text separated by blank lines, over bytes.
///
/// A line is blank when it holds only spaces, tabs, carriage returns and ideographic spaces
/// (U+3000), so masked markup (blanked to spaces) separates paragraphs too. A paragraph runs
/// from the start of its first line to the end of its last line, line break excluded.
package enum BlankLineParagraphs {
    /// The paragraphs of `bytes`, in order.
    package static func paragraphs(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { paragraphs(in: $0) }
    }

    /// The paragraphs of `bytes`, in order.
    package static func paragraphs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var paragraphStart: Int? = nil
        var paragraphEnd = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let newline = ByteSearch.next(UInt8(ascii: "\n"), in: bytes, from: lineStart) ?? bytes.count
            var lineEnd = newline
            if lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if isBlank(bytes, lineStart..<lineEnd) {
                if let start = paragraphStart { result.append(start..<paragraphEnd) }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                paragraphEnd = lineEnd
            }
            lineStart = newline + 1
        }
        if let start = paragraphStart { result.append(start..<paragraphEnd) }
        return result
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            case 0xE3 where i + 2 < range.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80:
                i += 3
            default:
                return false
            }
        }
        return true
    }
}
