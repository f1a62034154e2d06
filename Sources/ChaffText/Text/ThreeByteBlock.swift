/// A test of 24 bytes at once for eight characters of three UTF-8 bytes each, led by E1–EC or
/// EE–EF: the leads whose continuations may be any of 80–BF (E0 and ED restrict the second
/// byte, and are left to the full decoder). Most of Chinese text is such characters, and testing
/// them one by one cost eleven instructions a character.
enum ThreeByteBlock {
    // Little-endian words: byte k of a word is bits 8k…8k+7. The leads of the eight characters
    // fall on bytes 0, 3, 6 of the first word, 1, 4, 7 of the second and 2, 5 of the third.
    private static let shape: (UInt64, UInt64, UInt64) = (0xC0F0_C0C0_F0C0_C0F0, 0xF0C0_C0F0_C0C0_F0C0, 0xC0C0_F0C0_C0F0_C0C0)
    private static let expected: (UInt64, UInt64, UInt64) = (0x80E0_8080_E080_80E0, 0xE080_80E0_8080_E080, 0x8080_E080_80E0_8080)
    /// 0x7F on the lead bytes: added to a lead's low four bits, it sets the byte's high bit
    /// unless they are zero (no carry leaves the byte).
    private static let leadSevenF: (UInt64, UInt64, UInt64) = (0x007F_0000_7F00_007F, 0x7F00_007F_0000_7F00, 0x0000_7F00_007F_0000)
    /// 0x0F, 0x0D and 0x80 on the lead bytes.
    private static let leadF: (UInt64, UInt64, UInt64) = (0x000F_0000_0F00_000F, 0x0F00_000F_0000_0F00, 0x0000_0F00_000F_0000)
    private static let leadD: (UInt64, UInt64, UInt64) = (0x000D_0000_0D00_000D, 0x0D00_000D_0000_0D00, 0x0000_0D00_000D_0000)
    private static let leadHigh: (UInt64, UInt64, UInt64) = (0x0080_0000_8000_0080, 0x8000_0080_0000_8000, 0x0000_8000_0080_0000)

    /// Whether the 24 bytes at `p` are eight such characters.
    @inline(__always)
    static func holdsEight(_ p: UnsafePointer<UInt8>) -> Bool {
        let w0 = ByteWords.load(p, 0)
        let w1 = ByteWords.load(p, 8)
        let w2 = ByteWords.load(p, 16)
        let shaped = (w0 & shape.0 == expected.0) && (w1 & shape.1 == expected.1) && (w2 & shape.2 == expected.2)
        guard shaped else { return false }
        return allowedLeads(w0, leadF.0, leadD.0, leadSevenF.0, leadHigh.0)
            && allowedLeads(w1, leadF.1, leadD.1, leadSevenF.1, leadHigh.1)
            && allowedLeads(w2, leadF.2, leadD.2, leadSevenF.2, leadHigh.2)
    }

    /// Whether no lead byte of `word` is E0 or ED, given they are all E0–EF: their low four
    /// bits are neither 0 nor D.
    @inline(__always)
    private static func allowedLeads(_ word: UInt64, _ f: UInt64, _ d: UInt64, _ sevenF: UInt64, _ high: UInt64) -> Bool {
        let nibbles = word & f
        return (nibbles &+ sevenF) & ((nibbles ^ d) &+ sevenF) & high == high
    }
}
