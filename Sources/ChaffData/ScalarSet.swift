/// A small set of code points, and a map from them, that answer most code points that are
/// not members without hashing them.
///
/// The gloss checker asks a dozen small tables (numerals, particles, interjections, surname
/// readings) about every glossed character and its neighbours, and nearly every answer is
/// no: a hashed lookup for each cost more than the rest of the test. A 256-bit filter of the
/// members' hashes rules out all but about one code point in twenty for a table of a dozen.
package struct ScalarFilter: Sendable, Hashable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// A filter of `scalars`.
    package init(_ scalars: some Sequence<UInt32>) {
        for scalar in scalars { insert(scalar) }
    }

    private mutating func insert(_ scalar: UInt32) {
        let (word, bit) = Self.position(scalar)
        switch word {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    /// False when `scalar` is no member; true when it may be one.
    @inline(__always)
    package func mayContain(_ scalar: UInt32) -> Bool {
        let (word, bit) = Self.position(scalar)
        let bits: UInt64
        switch word {
        case 0: bits = self.bits.0
        case 1: bits = self.bits.1
        case 2: bits = self.bits.2
        default: bits = self.bits.3
        }
        return bits & bit != 0
    }

    @inline(__always)
    private static func position(_ scalar: UInt32) -> (Int, UInt64) {
        let hash = (scalar &* 0x9E37_79B1) >> 24
        return (Int(hash >> 6), 1 << UInt64(hash & 63))
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.bits == b.bits
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(bits.0)
        hasher.combine(bits.1)
        hasher.combine(bits.2)
        hasher.combine(bits.3)
    }
}

/// A set of code points whose lookups of non-members mostly stop at a `ScalarFilter`.
package struct ScalarSet: Sendable, Hashable, ExpressibleByArrayLiteral {
    private let filter: ScalarFilter
    /// The members.
    package let members: Set<UInt32>

    /// The set of `scalars`.
    package init(_ scalars: some Sequence<UInt32>) {
        members = Set(scalars)
        filter = ScalarFilter(members)
    }

    /// The set of the code points of `text`.
    package init(scalarsOf text: String) {
        self.init(text.unicodeScalars.map(\.value))
    }

    package init(arrayLiteral elements: UInt32...) {
        self.init(elements)
    }

    /// True when `scalar` is a member.
    @inline(__always)
    package func contains(_ scalar: UInt32) -> Bool {
        filter.mayContain(scalar) && members.contains(scalar)
    }
}

/// A map from code points whose lookups of other code points mostly stop at a `ScalarFilter`.
package struct ScalarMap<Value: Sendable>: Sendable {
    private let filter: ScalarFilter
    /// The entries.
    package let entries: [UInt32: Value]

    /// The map of `entries`.
    package init(_ entries: [UInt32: Value]) {
        self.entries = entries
        // The keys gathered into an array: the filter read from `entries.keys`, a generic
        // sequence here, had the runtime look its associated types up by name for each value
        // type (a tenth of a millisecond, the first time each table was used).
        var keys: [UInt32] = []
        keys.reserveCapacity(entries.count)
        for (key, _) in entries { keys.append(key) }
        filter = ScalarFilter(keys)
    }

    /// The value of `scalar`, or nil.
    @inline(__always)
    package subscript(scalar: UInt32) -> Value? {
        filter.mayContain(scalar) ? entries[scalar] : nil
    }
}
