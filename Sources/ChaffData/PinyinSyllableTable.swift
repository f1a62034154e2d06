/// The inventory of toneless Mandarin syllables (426, from Unihan and the word sources), in the
/// order that reading codes index.
public enum PinyinSyllableTable {
    /// All toneless syllables, `ü` spelled `v` (`lv`, `nve`), sorted by UTF-8 bytes.
    public static let all: [String] = PinyinSyllableTableData.syllables
        .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Interjection syllables (`m`, `n`, `ng`, `hm`, `hng`, `r`, `ê`) that a gloss may use only as
    /// a whole token, so that ordinary words do not split into them.
    public static let wholeTokenOnly: Set<String> = ["ê", "hm", "hng", "m", "n", "ng", "r"]

    /// Longest syllable in bytes (`chuang`, `zhuang`, `shuang`).
    public static let maximumLength = 6

    private static let indexByKey: [UInt64: Int] = {
        var map: [UInt64: Int] = [:]
        for (i, syllable) in all.enumerated() { map[key(Array(syllable.utf8))] = i }
        return map
    }()

    /// Packs up to eight bytes into one integer, so lookups need no String.
    @inline(__always)
    static func key<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }

    /// Index of a toneless syllable spelled in bytes (`v` for `ü`; `ê` as UTF-8), or nil.
    public static func index<C: Collection>(bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        return indexByKey[key(bytes)]
    }

    /// Index of a toneless syllable (`"jue"`, `"lv"`), or nil.
    public static func index(of syllable: String) -> Int? { index(bytes: Array(syllable.utf8)) }
}
