import ChaffText

/// UTF-8 steps the gloss scanners need: decoding forwards and backwards from a byte offset, and
/// the Han test for the characters a gloss can annotate.
enum GlossUTF8 {
    /// The scalar starting at `i` and its length in bytes; nil for malformed or truncated input.
    @inline(__always)
    static func decode<B: RandomAccessCollection>(_ bytes: B, at i: Int) -> (UInt32, Int)?
    where B.Element == UInt8, B.Index == Int {
        let end = bytes.endIndex
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        func trail(_ k: Int) -> UInt32? {
            guard i + k < end else { return nil }
            let byte = bytes[i + k]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if lead >= 0xC2 && lead < 0xE0 {
            guard let b1 = trail(1) else { return nil }
            return ((lead & 0x1F) << 6 | b1, 2)
        }
        if lead >= 0xE0 && lead < 0xF0 {
            guard let b1 = trail(1), let b2 = trail(2) else { return nil }
            let scalar = (lead & 0x0F) << 12 | b1 << 6 | b2
            return scalar >= 0x800 ? (scalar, 3) : nil
        }
        if lead >= 0xF0 && lead < 0xF5 {
            guard let b1 = trail(1), let b2 = trail(2), let b3 = trail(3) else { return nil }
            let scalar = (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            return scalar >= 0x10000 && scalar <= 0x10FFFF ? (scalar, 4) : nil
        }
        return nil
    }

    /// The scalar that ends just before `end` and its start offset; nil at the start or on
    /// malformed input.
    @inline(__always)
    static func decode<B: RandomAccessCollection>(_ bytes: B, endingAt end: Int) -> (UInt32, Int)?
    where B.Element == UInt8, B.Index == Int {
        // A character of three bytes with a lead other than E0 and ED (every CJK one) is read
        // in place: the gloss scanners step back through Han runs a character at a time.
        if end - 3 >= bytes.startIndex {
            let lead = bytes[end - 3], b1 = bytes[end - 2], b2 = bytes[end - 1]
            if UTF8Decoding.isOpenThreeByteSequence(lead, b1, b2) {
                return (UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), end - 3)
            }
        }
        var start = end - 1
        while start > bytes.startIndex && start > end - 4 && bytes[start] & 0xC0 == 0x80 {
            start -= 1
        }
        guard start >= bytes.startIndex, let (scalar, length) = decode(bytes, at: start),
            start + length == end
        else { return nil }
        return (scalar, start)
    }

    /// Han ideographs that carry Mandarin readings: CJK Unified Ideographs and extensions,
    /// compatibility ideographs, and 〇.
    @inline(__always)
    static func isHan(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF, 0x3007:
            return true
        default:
            return false
        }
    }
}
