/// FNV-1a, 64 bits: a stable, dependency-free hash for fingerprints (not for security).
public enum Fingerprint {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `parts`, separated so that ("ab","c") and ("a","bc") differ, as 16 hex digits.
    public static func hash(_ parts: [String]) -> String {
        var h = offsetBasis
        for part in parts { mix(part, into: &h) }
        return hex(h)
    }

    /// `hash([ruleID, matched, String(occurrence)])`, without the array and the strings: every
    /// diagnostic has one, and building them was a fifth of turning a finding into a diagnostic.
    public static func hash(ruleID: String, matched: String, occurrence: Int) -> String {
        var matched = matched
        return matched.withUTF8 { Prefix(ruleID: ruleID, matched: $0).hash(occurrence: occurrence) }
    }

    /// The hash state after a rule id and a matched text: equal for equal pairs, so it also
    /// keys the count of their occurrences, which then needs no hashing of the strings again.
    struct Prefix: Hashable {
        /// The FNV-1a state.
        let state: UInt64

        init(ruleID: String, matched: UnsafeBufferPointer<UInt8>) {
            self.init(rule: Self.rule(ruleID), matched: matched)
        }

        /// The prefix after `rule`, the state `rule(_:)` gives for the rule's id: a rule's
        /// findings share it, and mixing the id into each of them cost a tenth of the hash.
        init(rule: UInt64, matched: UnsafeBufferPointer<UInt8>) {
            var h = rule
            for b in matched { mix(byte: b, into: &h) }
            h ^= 0xFF
            h = h &* prime
            state = h
        }

        /// The hash state after `ruleID` alone.
        static func rule(_ ruleID: String) -> UInt64 {
            var h = offsetBasis
            mix(ruleID, into: &h)
            return h
        }

        /// `hash([ruleID, matched, String(occurrence)])`.
        func hash(occurrence: Int) -> String { hex(value(occurrence: occurrence)) }

        /// `hash(occurrence:)` before it is written in hex.
        func value(occurrence: Int) -> UInt64 {
            var h = state
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var n = 20
                var value = occurrence.magnitude
                repeat {
                    n -= 1
                    digits[n] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                } while value > 0
                if occurrence < 0 { mix(byte: UInt8(ascii: "-"), into: &h) }
                for k in n..<20 { mix(byte: digits[k], into: &h) }
            }
            h ^= 0xFF
            h = h &* prime
            return h
        }
    }

    @inline(__always) private static func mix(byte: UInt8, into h: inout UInt64) {
        h ^= UInt64(byte)
        h = h &* prime
    }

    @inline(__always) private static func mix(_ part: String, into h: inout UInt64) {
        var part = part
        part.withUTF8 { bytes in
            for b in bytes { mix(byte: b, into: &h) }
        }
        h ^= 0xFF
        h = h &* prime
    }

    /// `h` as 16 lowercase hex digits, leading zeros kept.
    static func hex(_ h: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { out in
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for k in 0..<16 { out[k] = table[Int(h >> UInt64(60 - 4 * k) & 0xF)] }
            return 16
        }
    }
}
