/// A set of scripts, as a 256-bit set over script codes.
///
/// UTS #39 resolves a string's script set by intersecting its characters' Script_Extensions;
/// with four machine words per set that is four AND instructions per character.
public struct ScriptSet: SetAlgebra, Hashable, Sendable, CustomStringConvertible {
    public typealias Element = UnicodeScript

    private var word0: UInt64 = 0
    private var word1: UInt64 = 0
    private var word2: UInt64 = 0
    private var word3: UInt64 = 0

    /// The empty set.
    public init() {}

    /// A set holding one script.
    public init(_ script: UnicodeScript) {
        insertBit(script.rawValue)
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
    public static let all: ScriptSet = ScriptSet(UnicodeScript.allScripts)

    /// Whether the set has no scripts.
    @inline(__always)
    public var isEmpty: Bool { (word0 | word1 | word2 | word3) == 0 }

    /// The number of scripts in the set.
    public var count: Int {
        word0.nonzeroBitCount + word1.nonzeroBitCount + word2.nonzeroBitCount
            + word3.nonzeroBitCount
    }

    /// The scripts in the set, in code order.
    public var scripts: [UnicodeScript] {
        (0..<256).compactMap { code in
            contains(UnicodeScript(rawValue: UInt8(code))) ? UnicodeScript(rawValue: UInt8(code)) : nil
        }
    }

    @inline(__always)
    public func contains(_ script: UnicodeScript) -> Bool {
        let bit = UInt64(1) << UInt64(script.rawValue & 63)
        switch script.rawValue >> 6 {
        case 0: return word0 & bit != 0
        case 1: return word1 & bit != 0
        case 2: return word2 & bit != 0
        default: return word3 & bit != 0
        }
    }

    @inline(__always)
    public func intersects(_ other: ScriptSet) -> Bool {
        ((word0 & other.word0) | (word1 & other.word1) | (word2 & other.word2)
            | (word3 & other.word3)) != 0
    }

    @inline(__always)
    public func union(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formUnion(other)
        return result
    }

    @inline(__always)
    public func intersection(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formIntersection(other)
        return result
    }

    public func symmetricDifference(_ other: ScriptSet) -> ScriptSet {
        var result = self
        result.formSymmetricDifference(other)
        return result
    }

    @discardableResult
    public mutating func insert(_ script: UnicodeScript) -> (inserted: Bool, memberAfterInsert: UnicodeScript) {
        let inserted = !contains(script)
        insertBit(script.rawValue)
        return (inserted, script)
    }

    @discardableResult
    public mutating func remove(_ script: UnicodeScript) -> UnicodeScript? {
        guard contains(script) else { return nil }
        formSymmetricDifference(ScriptSet(script))
        return script
    }

    @discardableResult
    public mutating func update(with script: UnicodeScript) -> UnicodeScript? {
        let present = contains(script)
        insertBit(script.rawValue)
        return present ? script : nil
    }

    @inline(__always)
    public mutating func formUnion(_ other: ScriptSet) {
        word0 |= other.word0
        word1 |= other.word1
        word2 |= other.word2
        word3 |= other.word3
    }

    @inline(__always)
    public mutating func formIntersection(_ other: ScriptSet) {
        word0 &= other.word0
        word1 &= other.word1
        word2 &= other.word2
        word3 &= other.word3
    }

    public mutating func formSymmetricDifference(_ other: ScriptSet) {
        word0 ^= other.word0
        word1 ^= other.word1
        word2 ^= other.word2
        word3 ^= other.word3
    }

    public var description: String {
        "{" + scripts.map(\.shortName).joined(separator: ", ") + "}"
    }

    @inline(__always)
    private mutating func insertBit(_ code: UInt8) {
        let bit = UInt64(1) << UInt64(code & 63)
        switch code >> 6 {
        case 0: word0 |= bit
        case 1: word1 |= bit
        case 2: word2 |= bit
        default: word3 |= bit
        }
    }
}
