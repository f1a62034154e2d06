/// Mandarin readings of single Han characters: the union of Unihan's kMandarin, kHanyuPinyin,
/// kXHC1983, kTGHZ2013 and kHanyuPinlu, plus the readings the word table gives a character
/// (tone sandhi such as 一 yí, neutral tones).
public enum PinyinReadings {
    /// The generated arrays (`PinyinCharacterTableData`), read as they are: the compiler lays
    /// them out in the binary, so no process decodes them.
    private struct Table: Sendable {
        /// The characters outside `flatRange`, ascending, and where their codes start in
        /// `codes` (`starts[n + 1]` ends them).
        let scalars = PinyinCharacterTableData.outsideScalars
        let starts = PinyinCharacterTableData.outsideStarts
        let codes = PinyinCharacterTableData.codes
        /// For the common ideograph blocks (`flatRange`), by code point minus
        /// `flatRange.lowerBound`: where the character's codes start in `codes`, shifted left
        /// by 4, or'ed with their count; 0 for a character without readings. Glossed text asks
        /// for the readings of every character of every candidate split.
        let flat = PinyinCharacterTableData.flat

        /// The range of `scalar`'s codes in `codes` (empty for a character without readings).
        @inline(__always)
        func codeRange(of scalar: UInt32) -> Range<Int> {
            if PinyinReadings.flatRange.contains(scalar) {
                let entry = Int(flat[Int(scalar &- PinyinReadings.flatRange.lowerBound)])
                return (entry >> 4)..<((entry >> 4) + (entry & 15))
            }
            var low = 0
            var high = scalars.count
            while low < high {
                let mid = (low + high) / 2
                if scalars[mid] < scalar { low = mid + 1 } else { high = mid }
            }
            guard low < scalars.count && scalars[low] == scalar else { return 0..<0 }
            return Int(starts[low])..<Int(starts[low + 1])
        }
    }

    private static var flatRange: Range<UInt32> { PinyinTableCode.flatRange }

    private static let table: Table = {
        precondition(
            PinyinCharacterTableData.flat.count == flatRange.count
                && PinyinCharacterTableData.outsideStarts.count == PinyinCharacterTableData.outsideScalars.count + 1,
            "the character table's arrays do not fit PinyinTableCode.flatRange")
        return Table()
    }()

    /// Every reading of a character (tones 1-5), sorted by syllable then tone; empty when Unihan
    /// gives the character no Mandarin reading.
    public static func readings(of scalar: UInt32) -> [PinyinSyllable] {
        let table = self.table
        let codes = table.codeRange(of: scalar)
        if codes.isEmpty { return [] }
        var readings: [PinyinSyllable] = []
        readings.reserveCapacity(codes.count)
        for i in codes { readings.append(PinyinSyllable(code: Int(table.codes[i]))) }
        return readings
    }

    /// Whether every reading of the character satisfies `predicate` (true for a character
    /// without readings), asked in table order up to the first that does not; builds no list.
    public static func allReadings(of scalar: UInt32, satisfy predicate: (PinyinSyllable) -> Bool) -> Bool {
        let table = self.table
        for i in table.codeRange(of: scalar) where !predicate(PinyinSyllable(code: Int(table.codes[i]))) {
            return false
        }
        return true
    }

    /// True when the character has a reading with this toneless syllable; builds no list.
    public static func hasReading(_ scalar: UInt32, syllable: PinyinSyllable) -> Bool {
        hasReading(scalar, index: syllable.index)
    }

    /// True when the character has a reading whose toneless syllable is `index`.
    public static func hasReading(_ scalar: UInt32, index: UInt16) -> Bool {
        let table = self.table
        for i in table.codeRange(of: scalar) where table.codes[i] >> 3 == index { return true }
        return false
    }

    /// Number of characters in the table.
    public static var characterCount: Int { PinyinCharacterTableData.characterCount }

    /// Reads the table through once, in order, before a document with about `glosses` glosses
    /// asks for their characters' readings (from `TableWarming.glossesToWarm`, once a
    /// process): each new character's entry and codes were a cache miss or two, and the first
    /// thousand characters of a glossed page a fifth of a millisecond.
    public static func prepareForLookups(glosses: Int) {
        if glosses >= TableWarming.glossesToWarm { _ = warmed }
    }

    /// What reading the table through summed (`TableWarming`).
    private static let warmed: UInt64 =
        PinyinCharacterTableData.flat.withUnsafeBytes(TableWarming.readThrough)
        &+ PinyinCharacterTableData.codes.withUnsafeBytes(TableWarming.readThrough)
}
