/// A hash of what JSON values say, whatever their layout in the file: two values with the same
/// members, elements, keys, strings, numbers and literals, in the same order, have the same
/// digest, wherever they stand and however they are spaced or commented.
///
/// Each value is mixed in as a tag and its content, strings and lists with their lengths first
/// (so that `["ab", "c"]` and `["a", "bc"]` differ), eight bytes at a time into one 64-bit
/// state: the digest of a built-in rule's options is taken on every run, and writing the values
/// out to hash them cost a quarter of a millisecond. Not cryptographic: it tells an unchanged
/// value from a changed one.
extension JSONNode {
    /// The digest of this value.
    public var digest: UInt64 {
        var hasher = DigestHasher()
        mix(into: &hasher)
        return hasher.value
    }

    /// The digest of an object with `members`.
    static func digest(of members: [Member]) -> UInt64 {
        var hasher = DigestHasher()
        mix(members, into: &hasher)
        return hasher.value
    }

    private func mix(into hasher: inout DigestHasher) {
        switch value {
        case .object(let members): Self.mix(members, into: &hasher)
        case .array(let elements):
            hasher.mix(0x61, elements.count)
            for element in elements { element.mix(into: &hasher) }
        case .string(let string): hasher.mix(string)
        case .number(let number): hasher.mix(0x6E, Int(truncatingIfNeeded: number.bitPattern))
        case .bool(let flag): hasher.mix(flag ? 0x74 : 0x66, 0)
        case .null: hasher.mix(0x7A, 0)
        }
    }

    private static func mix(_ members: [Member], into hasher: inout DigestHasher) {
        hasher.mix(0x6F, members.count)
        for member in members {
            hasher.mix(member.key)
            member.value.mix(into: &hasher)
        }
    }
}

/// The state of a `JSONNode.digest`: each 64-bit word multiplied in and its high bits folded
/// down, then the state avalanched.
private struct DigestHasher {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3

    var value: UInt64 {
        var h = state
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    mutating func mix(word: UInt64) {
        state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }

    /// A tag and a number (a length, or a number's bits).
    mutating func mix(_ tag: UInt64, _ number: Int) {
        mix(word: tag)
        mix(word: UInt64(truncatingIfNeeded: number))
    }

    mutating func mix(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            mix(0x73, bytes.count)
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                mix(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            if shift > 0 { mix(word: tail) }
        }
    }
}
