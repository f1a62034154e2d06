/// The slots of an open-addressed hash table whose entries the caller keeps in arrays of its
/// own, in insertion order, each with a 64-bit hash it computes.
///
/// Tables built per run or per document (the claim lexicon's phrases, a document's shared
/// findings, its diagnostics' occurrences, its glosses' keys and settled syllables) keyed by
/// what the standard library's keyed hash would make slow to hash: the
/// caller hashes its key once, plainly, and compares entries only on an equal hash. Linear
/// probing over a power-of-two count of slots, at most half full.
package struct HashSlots {
    /// Entry index + 1; 0 for a free slot.
    @usableFromInline var slots: [Int32]
    @usableFromInline var mask: Int

    /// Slots for about `capacity` entries before they grow.
    package init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The entry with `hash` that `isEntry` accepts, or nil and the free slot where such an
    /// entry belongs (for `insert`).
    @inlinable
    package func find(_ hash: UInt64, where isEntry: (Int) -> Bool) -> (entry: Int?, slot: Int) {
        var slot = Self.home(hash, mask)
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if isEntry(entry) { return (entry, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Records entry `entry`, the last of `hashes`, at `slot` (from `find`), growing the slots
    /// when they are half full.
    @inlinable
    package mutating func insert(_ entry: Int, at slot: Int, hashes: [UInt64]) {
        slots[slot] = Int32(entry + 1)
        guard hashes.count * 2 > mask else { return }
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for k in hashes.indices {
            var free = Self.home(hashes[k], mask)
            while slots[free] != 0 { free = (free + 1) & mask }
            slots[free] = Int32(k + 1)
        }
    }

    @inlinable @inline(__always)
    static func home(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash >> 32) & mask }
}
