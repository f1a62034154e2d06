/// A fast 64-bit hash of bytes, for cache keys: is this the file, rule file or config the
/// cached findings were made from?
///
/// Not cryptographic: it guards against accidental change, not against someone crafting a
/// collision (who can write the files can write the cache too). Four independent lanes each
/// take one 8-byte word of every 32-byte stripe (multiply, rotate, multiply), so the loop runs
/// at memory speed; the lanes, the tail and the length are then folded together and the
/// result is avalanched, so that a change of any one bit changes about half of the output bits.
/// The cache keeps the length beside the hash as well.
public enum ContentHash {
    private static let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let k3: UInt64 = 0x1656_67B1_9E37_79F9

    /// The hash of `bytes`.
    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }

    /// The hash of the UTF-8 bytes of `text`.
    public static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The hash of the bytes in `buffer`.
    public static func of(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = buffer.count
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var a = seed &+ k1 &+ k2
            var b = seed &+ k2
            var c = seed
            var d = seed &- k1
            while offset + 32 <= count {
                a = lane(a, word(buffer, offset))
                b = lane(b, word(buffer, offset + 8))
                c = lane(c, word(buffer, offset + 16))
                d = lane(d, word(buffer, offset + 24))
                offset += 32
            }
            hash = rotate(a, 1) &+ rotate(b, 7) &+ rotate(c, 12) &+ rotate(d, 18)
            hash = (hash ^ lane(0, a)) &* k1 &+ k3
            hash = (hash ^ lane(0, b)) &* k1 &+ k3
            hash = (hash ^ lane(0, c)) &* k1 &+ k3
            hash = (hash ^ lane(0, d)) &* k1 &+ k3
        } else {
            hash = seed &+ k3
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash ^= lane(0, word(buffer, offset))
            hash = rotate(hash, 27) &* k1 &+ k3
            offset += 8
        }
        while offset < count {
            hash ^= UInt64(buffer[offset]) &* k3
            hash = rotate(hash, 11) &* k1
            offset += 1
        }
        // Final avalanche (the 64-bit finaliser of MurmurHash3).
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    /// `value` as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always)
    private static func word(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func lane(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* k2, 31) &* k1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}
