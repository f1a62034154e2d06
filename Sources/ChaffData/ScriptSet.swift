/// A set of scripts, as a 256-bit set over script codes.
///
/// UTS #39 resolves a string's script set by intersecting its characters' Script_Extensions;
/// with four machine words per set that is four AND instructions per character.
@frozen
public struct ScriptSet: SetAlgebra, Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// The members are scripts.
    public typealias Element = UnicodeScript

    @usableFromInline var word0: UInt64 = 0
    @usableFromInline var word1: UInt64 = 0
    @usableFromInline var word2: UInt64 = 0
    @usableFromInline var word3: UInt64 = 0

    /// The empty set.
    @inlinable @inline(__always)
    public init() {}

    /// A set holding one script.
    @inlinable @inline(__always)
    public init(_ script: UnicodeScript) {
        insertBit(script.rawValue)
    }

    @inlinable @inline(__always)
    init(words word0: UInt64, _ word1: UInt64, _ word2: UInt64, _ word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// A set holding the given scripts.
    public init<S: Sequence>(_ scripts: S) where S.Element == UnicodeScript {
        for script in scripts { insertBit(script.rawValue) }
    }

    /// A set holding the given scripts.
    public init(arrayLiteral scripts: UnicodeScript...) {
        self.init(scripts)
    }

    /// Every script code in use, including Common, Inherited and Unknown. UTS #39 uses this as
    /// the Script_Extensions of Common and Inherited characters.
    @inlinable @inline(__always)
    public static var all: ScriptSet {
        // Computed rather than stored so hot loops pay no lazy-initialisation check.
        func bits(_ first: Int) -> UInt64 {
            let inWord = min(max(UnicodeScript.count - first, 0), 64)
            return inWord == 64 ? ~0 : (UInt64(1) << UInt64(inWord)) &- 1
        }
        return ScriptSet(words: bits(0), bits(64), bits(128), bits(192))
    }

    /// Whether the set has no scripts.
    /// Whether the set has no scripts.
    @inlinable @inline(__always)
    public var isEmpty: Bool { (word0 | word1 | word2 | word3) == 0 }

    /// The number of scripts in the set.
    public var count: Int {
        word0.nonzeroBitCount + word1.nonzeroBitCount + word2.nonzeroBitCount
            + word3.nonzeroBitCount
    }

    /// The scripts in the set, in code order.
    public var scripts: [UnicodeScript] {
        (0..<256).compactMap { code in
            let script = UnicodeScript(rawValue: UInt8(code))
            return contains(script) ? script : nil
        }
    }

    /// Whether the set holds `script`.
    @inlinable @inline(__always)
    public func contains(_ script: UnicodeScript) -> Bool {
        let bit = UInt64(1) << UInt64(script.rawValue & 63)
        switch script.rawValue >> 6 {
        case 0: return word0 & bit != 0
        case 1: return word1 & bit != 0
        case 2: return word2 & bit != 0
        default: return word3 & bit != 0
        }
    }

    /// Whether the two sets share a script; cheaper than `!intersection(other).isEmpty`.
    @inlinable @inline(__always)
    public func intersects(_ other: ScriptSet) -> Bool {
        ((word0 & other.word0) | (word1 & other.word1) | (word2 & other.word2)
            | (word3 & other.word3)) != 0
    }

    /// The scripts in either set.
    @inlinable @inline(__always)
    public func union(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formUnion(other)
        return result
    }

    /// The scripts in both sets.
    @inlinable @inline(__always)
    public func intersection(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formIntersection(other)
        return result
    }

    /// The scripts in exactly one of the sets.
    public func symmetricDifference(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formSymmetricDifference(other)
        return result
    }

    /// Adds a script; reports whether it was new.
    @inlinable @inline(__always)
    @discardableResult
    public mutating func insert(
        _ script: UnicodeScript
    ) -> (inserted: Bool, memberAfterInsert: UnicodeScript) {
        let inserted = !contains(script)
        insertBit(script.rawValue)
        return (inserted, script)
    }

    /// Removes a script; returns it if it was present.
    @discardableResult
    public mutating func remove(_ script: UnicodeScript) -> UnicodeScript? {
        guard contains(script) else { return nil }
        formSymmetricDifference(ScriptSet(script))
        return script
    }

    /// Adds a script; returns it if it was already present.
    @discardableResult
    public mutating func update(with script: UnicodeScript) -> UnicodeScript? {
        let present = contains(script)
        insertBit(script.rawValue)
        return present ? script : nil
    }

    /// Adds the scripts of `other`.
    @inlinable @inline(__always)
    public mutating func formUnion(_ other: ScriptSet) {
        word0 |= other.word0
        word1 |= other.word1
        word2 |= other.word2
        word3 |= other.word3
    }

    /// Keeps only the scripts also in `other`.
    @inlinable @inline(__always)
    public mutating func formIntersection(_ other: ScriptSet) {
        word0 &= other.word0
        word1 &= other.word1
        word2 &= other.word2
        word3 &= other.word3
    }

    /// Keeps the scripts in exactly one of the sets.
    public mutating func formSymmetricDifference(_ other: ScriptSet) {
        word0 ^= other.word0
        word1 ^= other.word1
        word2 ^= other.word2
        word3 ^= other.word3
    }

    /// The ISO 15924 codes in braces, e.g. `{Cyrl, Latn}`, in script-code order.
    public var description: String {
        "{" + scripts.map(\.shortName).joined(separator: ", ") + "}"
    }

    @inlinable @inline(__always)
    mutating func insertBit(_ code: UInt8) {
        // Branch-free: scanners build one-script sets for every character.
        let bit = UInt64(1) << UInt64(code & 63)
        let word = code >> 6
        word0 |= word == 0 ? bit : 0
        word1 |= word == 1 ? bit : 0
        word2 |= word == 2 ? bit : 0
        word3 |= word == 3 ? bit : 0
    }
}
