/// Word boundaries for phrases written in Latin letters: "experts say" must not match inside
/// "nonexperts sayings". CJK text has no spaces, so phrases that start or end with a non-ASCII
/// byte need no boundary on that side.
public enum WordBoundary {
    /// Whether `byte` is part of an ASCII word.
    @inlinable @inline(__always)
    public static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Whether `range` in `text` starts and ends at word boundaries where its edges are ASCII
    /// word bytes.
    public static func isWholeWord(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty else { return false }
        if isASCIIWordByte(text[range.lowerBound]), range.lowerBound > 0, isASCIIWordByte(text[range.lowerBound - 1]) {
            return false
        }
        if isASCIIWordByte(text[range.upperBound - 1]), range.upperBound < text.count, isASCIIWordByte(text[range.upperBound]) {
            return false
        }
        return true
    }
}
