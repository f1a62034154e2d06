/// Decodes one Unicode scalar from UTF-8 bytes, for the script scanners.
///
/// Scanners walk bytes and need each scalar's value and length to keep byte offsets exact.
/// Malformed input (a stray continuation byte, a truncated sequence, a byte above 0xF4)
/// decodes as U+FFFD of length 1, so a scan always advances and never reads past `end`.
enum UTF8ScalarDecoding {
    /// The replacement value for malformed bytes.
    static let replacement: UInt32 = 0xFFFD

    /// Decodes the scalar that starts at `index`; `index < end <= bytes.count`.
    @inline(__always)
    static func scalar(
        in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
    ) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        // Three-byte sequences (U+0800...U+FFFF: CJK, kana, Hangul, CJK punctuation) first.
        if lead &- 0xE0 < 0x10 {
            guard index + 2 < end else { return (replacement, 1) }
            let second = UInt32(bytes[index + 1]) ^ 0x80
            let third = UInt32(bytes[index + 2]) ^ 0x80
            guard second | third < 0x40 else { return (replacement, 1) }
            return ((lead & 0x0F) << 12 | second << 6 | third, 3)
        }
        if lead &- 0xC2 < 0x1E {
            guard index + 1 < end else { return (replacement, 1) }
            let second = UInt32(bytes[index + 1]) ^ 0x80
            guard second < 0x40 else { return (replacement, 1) }
            return ((lead & 0x1F) << 6 | second, 2)
        }
        if lead &- 0xF0 < 0x05 {
            guard index + 3 < end else { return (replacement, 1) }
            let second = UInt32(bytes[index + 1]) ^ 0x80
            let third = UInt32(bytes[index + 2]) ^ 0x80
            let fourth = UInt32(bytes[index + 3]) ^ 0x80
            guard second | third | fourth < 0x40 else { return (replacement, 1) }
            return ((lead & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
        }
        return (replacement, 1)
    }
}
