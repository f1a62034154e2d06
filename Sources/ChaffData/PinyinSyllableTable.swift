/// The inventory of toneless Mandarin syllables (426, from Unihan and the word sources), in the
/// order that reading codes index.
public enum PinyinSyllableTable {
    /// All toneless syllables, `ü` spelled `v` (`lv`, `nve`), sorted by UTF-8 bytes. Split as
    /// bytes: splitting the literal into Characters cost 900,000 instructions on the first gloss
    /// of every run.
    public static let all: [String] = {
        var text = PinyinSyllableTableData.syllables
        return text.withUTF8 { bytes in
            var syllables: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x0A {
                if i > start { syllables.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            return syllables
        }
    }()

    /// Interjection syllables (`m`, `n`, `ng`, `hm`, `hng`, `r`, `ê`) that a gloss may use only as
    /// a whole token, so that ordinary words do not split into them.
    public static let wholeTokenOnly: Set<String> = ["ê", "hm", "hng", "m", "n", "ng", "r"]

    /// Longest syllable in bytes (`chuang`, `zhuang`, `shuang`).
    public static let maximumLength = 6

    /// The syllables' keys (`key`), ascending, each with its index in `all`: a few constant
    /// syllables are looked up by spelling, and a dictionary of them made the Swift runtime
    /// search all of the binary's conformance records for `UInt64`'s `Hashable` on every run.
    private static let sortedKeys: [(key: UInt64, index: Int)] = all.enumerated().map { (key(Array($1.utf8)), $0) }.sorted {
        $0.key < $1.key
    }

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
        let wanted = key(bytes)
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let middle = (low + high) >> 1
            if sortedKeys[middle].key < wanted { low = middle + 1 } else { high = middle }
        }
        return low < sortedKeys.count && sortedKeys[low].key == wanted ? sortedKeys[low].index : nil
    }

    /// Index of a toneless syllable (`"jue"`, `"lv"`), or nil.
    public static func index(of syllable: String) -> Int? { index(bytes: Array(syllable.utf8)) }
}
