/// Script and Script_Extensions lookups (UAX #24) for code points.
///
/// ASCII is answered without touching the tables; BMP code points cost one array read;
/// supplementary ones a binary search over about two thousand runs.
public enum ScriptTable {
    /// The Script property of a code point; unassigned code points are `.unknown`.
    @inline(__always)
    public static func script(of scalar: UInt32) -> UnicodeScript {
        if scalar < 0x80 { return asciiScript(scalar) }
        return UnicodeScript(rawValue: scripts.value(at: scalar))
    }

    /// The Script_Extensions property of a code point: the scripts it is used with.
    ///
    /// For a code point the data file does not list, this is the set of its Script value,
    /// so Common and Inherited characters give `{Common}` and `{Inherited}`. UTS #39 treats
    /// those two as "every script"; callers apply that rule (see `resolvedExtensions(of:)`).
    @inline(__always)
    public static func extensions(of scalar: UInt32) -> ScriptSet {
        if scalar < 0x80 { return ScriptSet(asciiScript(scalar)) }
        let index = extensionIndices.value(at: scalar)
        if index == 0 { return ScriptSet(UnicodeScript(rawValue: scripts.value(at: scalar))) }
        return extensionSets[Int(index) - 1]
    }

    /// Script_Extensions as UTS #39 section 5.1 uses it: `ScriptSet.all` for characters whose
    /// extensions are just Common or Inherited, otherwise `extensions(of:)`.
    @inline(__always)
    public static func resolvedExtensions(of scalar: UInt32) -> ScriptSet {
        let set = extensions(of: scalar)
        if set == commonOnly || set == inheritedOnly { return ScriptSet.all }
        return set
    }

    /// Every run of one Script value, as half-open code-point ranges, in order.
    public static var scriptRuns: [(range: Range<UInt32>, script: UnicodeScript)] {
        scripts.runs.map { ($0.range, UnicodeScript(rawValue: $0.value)) }
    }

    @inline(__always)
    private static func asciiScript(_ scalar: UInt32) -> UnicodeScript {
        // In ASCII only the letters have a script: A-Z and a-z are Latin, the rest Common.
        (scalar | 0x20) &- 0x61 < 26 ? .latin : .common
    }

    private static let commonOnly = ScriptSet(UnicodeScript.common)
    private static let inheritedOnly = ScriptSet(UnicodeScript.inherited)

    private static let scripts = RunTable(packed: ScriptData.runs)
    private static let extensionIndices = RunTable(packed: ScriptExtensionData.runs)

    private static let extensionSets: [ScriptSet] = {
        var reader = PackedIntegers(ScriptExtensionData.sets)
        let count = Int(reader.next())
        let sets = (0..<count).map { _ in
            let size = Int(reader.next())
            return ScriptSet((0..<size).map { _ in UnicodeScript(rawValue: UInt8(reader.next())) })
        }
        precondition(reader.isAtEnd, "malformed Script_Extensions sets")
        return sets
    }()
}
