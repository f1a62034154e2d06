/// Eight bytes at a time in one `UInt64` (SWAR): tests and selections on whole words, for loops
/// that would otherwise branch on every byte. Byte k of a word is bits 8k to 8k+7 (loads are
/// little-endian on every platform chaff builds for).
public enum ByteWords {
    /// Every byte set to `byte`.
    @inlinable @inline(__always)
    public static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` that is zero, and no other bit: exact, with no
    /// false positives from borrows, so the result can be used as a per-byte mask.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word | 0x7F7F_7F7F_7F7F_7F7F)
    }

    /// The high bit of each byte of `word` equal to `pattern`'s (a broadcast byte).
    @inlinable @inline(__always)
    public static func equalBytes(_ word: UInt64, _ pattern: UInt64) -> UInt64 { zeroBytes(word ^ pattern) }

    /// A high-bit-per-byte mask widened to whole bytes (0x80 → 0xFF).
    @inlinable @inline(__always)
    public static func widened(_ highBits: UInt64) -> UInt64 { (highBits >> 7) &* 0xFF }

    /// How many bytes of a high-bit-per-byte mask are set: the bits moved to each byte's low
    /// bit and summed into the top byte by one multiplication. The targets chaff builds for
    /// have no population-count instruction in their baseline, and `nonzeroBitCount` compiled
    /// to a dozen instructions.
    @inlinable @inline(__always)
    public static func highBitCount(_ highBits: UInt64) -> Int {
        Int(truncatingIfNeeded: ((highBits >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }

    /// The word of eight bytes at `offset`, which needs `offset + 8 <= count`.
    @inlinable @inline(__always)
    public static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }
}
