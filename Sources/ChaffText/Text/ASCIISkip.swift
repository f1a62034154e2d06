/// Steps over ASCII bytes sixteen or eight at a time.
///
/// Scans that only care about non-ASCII characters (Han counting, mixed scripts, encoding
/// checks) spend most of English text here; one test per eight bytes instead of one per byte.
public enum ASCIISkip {
    /// The offset of the first byte at or after `from` and before `end` that is not ASCII, or
    /// `end` when there is none.
    @inlinable @inline(__always)
    public static func nextNonASCII(_ text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        // In Chinese text the next byte is most often not ASCII already: one test, instead of
        // the word loads that find it.
        if from < end && text[from] >= 0x80 { return from }
        var index = from
        if let base = text.baseAddress {
            // Sixteen bytes a round while they are ASCII (markup, English), then eight.
            while index + 16 <= end && (ByteWords.load(base, index) | ByteWords.load(base, index + 8)) & 0x8080_8080_8080_8080 == 0 {
                index += 16
            }
            while index + 8 <= end {
                let high = ByteWords.load(base, index) & 0x8080_8080_8080_8080
                // The first byte with its high bit set, without stepping to it byte by byte:
                // mixed text (tags between Chinese words) ends most words early.
                if high != 0 { return index + high.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end && text[index] < 0x80 { index += 1 }
        return index
    }
}
