/// Script and Script_Extensions lookups (UAX #24) for code points.
///
/// ASCII is answered without touching the tables; BMP code points cost one array read;
/// supplementary ones a binary search over about two thousand runs. Scanning loops should take
/// `ScriptTable.lookup` once and call its methods, which skips the lazy-initialisation check
/// that every use of a `static let` costs.
public enum ScriptTable {
    /// The decoded tables; decoding happens on first use (a few milliseconds).
    public static let lookup = ScriptLookup()

    /// The Script property of a code point; unassigned code points are `.unknown`.
    @inlinable @inline(__always)
    public static func script(of scalar: UInt32) -> UnicodeScript {
        if scalar < 0x80 { return ScriptLookup.asciiScript(scalar) }
        return lookup.script(of: scalar)
    }

    /// The Script_Extensions property of a code point: see `ScriptLookup.extensions(of:)`.
    @inlinable @inline(__always)
    public static func extensions(of scalar: UInt32) -> ScriptSet {
        lookup.extensions(of: scalar)
    }

    /// Script_Extensions as UTS #39 uses it: see `ScriptLookup.resolvedExtensions(of:)`.
    @inlinable @inline(__always)
    public static func resolvedExtensions(of scalar: UInt32) -> ScriptSet {
        lookup.resolvedExtensions(of: scalar)
    }

    /// Every run of one Script value, as half-open code-point ranges, in order.
    public static var scriptRuns: [(range: Range<UInt32>, script: UnicodeScript)] {
        lookup.scripts.runs.map { ($0.range, UnicodeScript(rawValue: $0.value)) }
    }
}

/// The decoded Script and Script_Extensions tables, cheap to copy into a scanning loop.
@frozen
public struct ScriptLookup: Sendable {
    @usableFromInline let scripts: RunTable
    @usableFromInline let extensionIndices: RunTable
    @usableFromInline let extensionSets: ImmortalBuffer<ScriptSet>

    init() {
        scripts = RunTable(packed: ScriptData.runs)
        extensionIndices = RunTable(packed: ScriptExtensionData.runs)
        var reader = PackedIntegers(ScriptExtensionData.sets)
        let count = Int(reader.next())
        let sets = (0..<count).map { _ in
            let size = Int(reader.next())
            return ScriptSet((0..<size).map { _ in UnicodeScript(rawValue: UInt8(reader.next())) })
        }
        precondition(reader.isAtEnd, "malformed Script_Extensions sets")
        // `resolvedExtensions` relies on explicit sets never being just Common or Inherited.
        precondition(!sets.contains { $0 == [.common] || $0 == [.inherited] })
        extensionSets = ImmortalBuffer(sets)
    }

    /// The Script property of a code point; unassigned code points are `.unknown`.
    @inlinable @inline(__always)
    public func script(of scalar: UInt32) -> UnicodeScript {
        if scalar < 0x80 { return Self.asciiScript(scalar) }
        return UnicodeScript(rawValue: scripts.value(at: scalar))
    }

    /// The Script_Extensions property of a code point: the scripts it is used with.
    ///
    /// For a code point the data file does not list, this is the set of its Script value,
    /// so Common and Inherited characters give `{Common}` and `{Inherited}`. UTS #39 treats
    /// those two as "every script"; `resolvedExtensions(of:)` applies that rule.
    @inlinable @inline(__always)
    public func extensions(of scalar: UInt32) -> ScriptSet {
        if scalar < 0x80 { return ScriptSet(Self.asciiScript(scalar)) }
        let index = extensionIndices.value(at: scalar)
        if index == 0 { return ScriptSet(UnicodeScript(rawValue: scripts.value(at: scalar))) }
        return extensionSets[Int(index) - 1]
    }

    /// Script_Extensions as UTS #39 section 5.1 uses it: `ScriptSet.all` for characters whose
    /// extensions are just Common or Inherited, otherwise `extensions(of:)`.
    @inlinable @inline(__always)
    public func resolvedExtensions(of scalar: UInt32) -> ScriptSet {
        if scalar < 0x80 {
            let script = Self.asciiScript(scalar)
            return script == .common ? .all : ScriptSet(script)
        }
        let index = extensionIndices.value(at: scalar)
        if index != 0 { return extensionSets[Int(index) - 1] }
        let script = UnicodeScript(rawValue: scripts.value(at: scalar))
        return script.isCommonOrInherited ? .all : ScriptSet(script)
    }

    @inlinable @inline(__always)
    static func asciiScript(_ scalar: UInt32) -> UnicodeScript {
        // In ASCII only the letters have a script: A-Z and a-z are Latin, the rest Common.
        (scalar | 0x20) &- 0x61 < 26 ? .latin : .common
    }
}
