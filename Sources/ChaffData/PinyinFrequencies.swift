/// How often a polyphonic character takes each of its toneless readings in running text
/// (Unihan kHanyuPinlu, with the usual reading raised; see PROVENANCE.md), for characters
/// that have such counts, and for others with enough dictionary words the share of those words
/// that read it each way (`sharesFromWords`).
public enum PinyinFrequencies {
    /// The generated arrays (`PinyinFrequencyTableData`), read where they are.
    private struct Table: Sendable {
        /// The characters, ascending, and where their entries start (`starts[n + 1]` ends them).
        let scalars = PinyinFrequencyTableData.scalars
        let starts = PinyinFrequencyTableData.starts
        /// Syllable index in the high 16 bits, per-mille share in the low 10, bit 11 set when
        /// the share is one of dictionary words, bit 10 when the reading is also one that the
        /// modern standard dictionary (kTGHZ2013) lists.
        let entries = PinyinFrequencyTableData.entries
        /// Per character, 1 when the shares come from dictionary words, not from a corpus.
        let fromWords = PinyinFrequencyTableData.fromWords
        /// Per entry, for a bound reading the neighbour it needs, with bit 31 set when the
        /// neighbour comes before the character; 0 for other readings (no neighbour is U+0000).
        /// A list beside `entries`: a dictionary keyed by `Int32` made the Swift runtime search
        /// all of the binary's conformance records on the first gloss of every run.
        let bound = PinyinFrequencyTableData.bound
    }

    private static let table: Table = {
        let table = Table()
        precondition(
            table.starts.count == table.scalars.count + 1 && table.fromWords.count == table.scalars.count
                && table.bound.count == table.entries.count && Int(table.starts.last ?? -1) == table.entries.count,
            "the frequency table's arrays do not agree")
        return table
    }()

    private static let shareMask: UInt32 = 0x3FF
    private static let standardFlag: UInt32 = 0x400
    private static let wordShareFlag: UInt32 = 0x800

    private static func record(_ table: Table, _ scalar: UInt32) -> Int? {
        var low = 0
        var high = table.scalars.count
        while low < high {
            let mid = (low + high) / 2
            if table.scalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < table.scalars.count && table.scalars[low] == scalar ? low : nil
    }

    /// The share, in per mille, of running-text uses of `scalar` read with the toneless
    /// syllable `index`, or nil when the counts do not have that reading (the corpus behind
    /// them is small and misses transliterations such as 什 shí, so nothing is known).
    public static func share(of scalar: UInt32, syllable index: UInt16) -> Int? {
        let table = self.table
        guard let n = record(table, scalar) else { return nil }
        for entry in table.entries[Int(table.starts[n])..<Int(table.starts[n + 1])]
        where entry >> 16 == UInt32(index) {
            return Int(entry & shareMask)
        }
        return nil
    }

    /// True when the share of this reading is a share of the dictionary words with the
    /// character rather than of corpus uses: for characters without counts, and for readings
    /// the corpus does not count that few words use (将 qiāng).
    public static func shareIsFromWords(of scalar: UInt32, syllable index: UInt16) -> Bool {
        let table = self.table
        guard let n = record(table, scalar) else { return false }
        if table.fromWords[n] != 0 { return true }
        for entry in table.entries[Int(table.starts[n])..<Int(table.starts[n + 1])]
        where entry >> 16 == UInt32(index) {
            return entry & wordShareFlag != 0
        }
        return false
    }

    /// True when this reading's share is one of dictionary words (`shareIsFromWords`) and the
    /// modern standard dictionary lists the reading all the same (万 mò, 石 dàn, 弄 lòng): such
    /// readings live in measure words, surnames and regional nouns that word lists miss, so a
    /// small share says less about them.
    public static func isStandardReading(of scalar: UInt32, syllable index: UInt16) -> Bool {
        let table = self.table
        guard let n = record(table, scalar), table.fromWords[n] == 0 else { return false }
        for entry in table.entries[Int(table.starts[n])..<Int(table.starts[n + 1])]
        where entry >> 16 == UInt32(index) {
            return entry & wordShareFlag != 0 && entry & standardFlag != 0
        }
        return false
    }

    /// The toneless syllable index of the character's most frequent reading, or nil when the
    /// character has no counts.
    public static func usual(_ scalar: UInt32) -> UInt16? {
        let table = self.table
        guard let n = record(table, scalar) else { return nil }
        var best: UInt32? = nil
        for entry in table.entries[Int(table.starts[n])..<Int(table.starts[n + 1])]
        where best.map({ entry & shareMask > $0 & shareMask }) ?? true {
            best = entry
        }
        return best.map { UInt16($0 >> 16) }
    }

    /// For a bound reading (one the corpus counts but the dictionary ties to one neighbour:
    /// 什 shén to 么 after it, 卜 bo to 萝 before it), that neighbour and whether it comes
    /// before the character; nil for other readings. Its share is 0: without the neighbour the
    /// character does not take it.
    public static func boundNeighbour(of scalar: UInt32, syllable index: UInt16) -> (scalar: UInt32, before: Bool)? {
        let table = self.table
        guard let n = record(table, scalar) else { return nil }
        for k in Int(table.starts[n])..<Int(table.starts[n + 1]) where table.entries[k] >> 16 == UInt32(index) {
            let partner = table.bound[k]
            guard partner != 0 else { return nil }
            return (partner & 0x7FFF_FFFF, partner & 0x8000_0000 != 0)
        }
        return nil
    }

    /// True when the character has no corpus counts and its shares are those of the dictionary
    /// words that contain it (掺: chān in all of its words, càn in none). Such a share says what
    /// the lexicon uses, not how often running text does: measure words after a numeral (两幢
    /// zhuàng) and surnames are not in it.
    public static func sharesFromWords(_ scalar: UInt32) -> Bool {
        let table = self.table
        guard let n = record(table, scalar) else { return false }
        return table.fromWords[n] != 0
    }

    /// Number of characters with counts.
    public static var characterCount: Int { table.scalars.count }
}
