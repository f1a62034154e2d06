/// A set of byte strings that compares ASCII letters without case, each member with a number
/// of the caller's (where it was listed, say).
///
/// The claim lexicon checks thousands of phrases for repeats on every run, before the first
/// file is read: a `Set` of `ByteKey` made an array per phrase to lowercase it and hashed it
/// with the standard library's keyed hash, which together were a fifth of an empty file's
/// check. Here the bytes go into one arena, lowercased as they are copied, and the hash is a
/// plain multiplicative one: the members are the rule files' own phrases, not input an
/// attacker chooses.
package struct CaselessByteSet {
    /// The members' bytes, lowercased, one after another.
    private var arena: [UInt8] = []
    /// `arena[ends[k - 1]..<ends[k]]` holds member `k` (from 0 for the first).
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    private var values: [Int] = []
    private var slots: HashSlots

    /// An empty set with room for about `capacity` members before it grows.
    package init(capacity: Int = 64) {
        slots = HashSlots(capacity: capacity)
    }

    /// The number of members.
    package var count: Int { ends.count }

    /// Adds `bytes` with `value` and returns nil, or returns the value of the member equal to
    /// `bytes` (ASCII letters in either case) and adds nothing.
    package mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        let hash = Self.hash(bytes)
        let found = slots.find(hash) { hashes[$0] == hash && matches($0, bytes) }
        if let member = found.entry { return values[member] }
        let start = arena.count
        arena.append(contentsOf: bytes)
        arena.withUnsafeMutableBufferPointer { arena in
            for i in start..<arena.count { arena[i] = Self.lower(arena[i]) }
        }
        ends.append(arena.count)
        hashes.append(hash)
        values.append(value)
        slots.insert(ends.count - 1, at: found.slot, hashes: hashes)
        return nil
    }

    /// `insert(_:value:)` of a string's bytes.
    package mutating func insert(_ text: String, value: Int) -> Int? {
        var text = text
        return text.withUTF8 { insert($0, value: value) }
    }

    /// `insert(_:value:)` of an array's bytes.
    package mutating func insert(_ bytes: [UInt8], value: Int) -> Int? {
        bytes.withUnsafeBufferPointer { insert($0, value: value) }
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// FNV-1a over the lowercased bytes, mixed so that its high bits choose the slot.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(lower(b))) &* 0x100_0000_01B3 }
        return hash &* 0x9E37_79B9_7F4A_7C15
    }

    private func matches(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == bytes.count else { return false }
        for i in 0..<bytes.count where arena[start + i] != Self.lower(bytes[i]) { return false }
        return true
    }
}
