/// Readings that transliterations of foreign names give polyphonic characters (勒 lè in 圣赫勒拿,
/// 塞 sài in 塞尔维亚), from the words of the word table that are transliterations, and the
/// characters that mark a transliteration (斯, 尔, 克 …; see PROVENANCE.md and the generator).
/// Keyed by simplified form, like the word table.
public enum PinyinTransliteration {
    private struct Table: Sendable {
        var names: ScalarSet = []
        var readings = ScalarMap<PinyinSyllable>([:])
    }

    /// Decoded on first use: the first line lists the transliteration characters, the second
    /// holds space-separated records of a character, its syllable and a tone digit.
    private static let table: Table = {
        var table = Table()
        let lines = PinyinTransliterationTableData.records.split(separator: "\n")
        guard let first = lines.first else { return table }
        table.names = ScalarSet(first.unicodeScalars.map(\.value))
        var readings: [UInt32: PinyinSyllable] = [:]
        for line in lines.dropFirst() {
            for record in line.split(separator: " ") {
                let scalars = record.unicodeScalars
                guard let scalar = scalars.first?.value, let tone = scalars.last.flatMap({ UInt8(String($0)) }),
                    let index = PinyinSyllableTable.index(of: String(scalars.dropFirst().dropLast()))
                else { continue }
                readings[scalar] = PinyinSyllable(index: UInt16(index), tone: tone)
            }
        }
        table.readings = ScalarMap(readings)
        return table
    }()

    /// The reading that transliterations give `scalar` (a simplified form; the tone their words
    /// give it most), or nil when the character has no such reading.
    public static func reading(of scalar: UInt32) -> PinyinSyllable? { table.readings[scalar] }

    /// True when `scalar` (a simplified form) is one of the characters that mark a
    /// transliteration.
    public static func marksTransliteration(_ scalar: UInt32) -> Bool { table.names.contains(scalar) }
}
