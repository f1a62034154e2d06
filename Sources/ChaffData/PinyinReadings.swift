/// Mandarin readings of single Han characters: the union of Unihan's kMandarin, kHanyuPinyin,
/// kXHC1983, kTGHZ2013 and kHanyuPinlu, plus the readings the word table gives a character
/// (tone sandhi such as 一 yí, neutral tones).
public enum PinyinReadings {
    private struct Table: Sendable {
        var scalars: [UInt32] = []
        var starts: [Int32] = [0]
        var codes: [UInt16] = []
    }

    /// Decoded on first use; records are sorted by code point in the generated literal.
    private static let table: Table = PinyinTableCode.withBytes(PinyinCharacterTableData.records) {
        bytes in
        var table = Table()
        table.scalars.reserveCapacity(42_000)
        table.codes.reserveCapacity(90_000)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 {
                let (scalar, next) = PinyinTableCode.scalar(bytes, at: i)
                if !table.scalars.isEmpty { table.starts.append(Int32(table.codes.count)) }
                table.scalars.append(scalar)
                i = next
            } else if byte == UInt8(ascii: "\n") {
                i += 1
            } else {
                let code = PinyinTableCode.digit(byte) << 6 | PinyinTableCode.digit(bytes[i + 1])
                table.codes.append(UInt16(code))
                i += 2
            }
        }
        table.starts.append(Int32(table.codes.count))
        return table
    }

    /// Every reading of a character (tones 1-5), sorted by syllable then tone; empty when Unihan
    /// gives the character no Mandarin reading.
    public static func readings(of scalar: UInt32) -> [PinyinSyllable] {
        let table = self.table
        var low = 0
        var high = table.scalars.count
        while low < high {
            let mid = (low + high) / 2
            if table.scalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        guard low < table.scalars.count, table.scalars[low] == scalar else { return [] }
        return table.codes[Int(table.starts[low])..<Int(table.starts[low + 1])].map {
            PinyinSyllable(code: Int($0))
        }
    }

    /// True when the character has a reading with this toneless syllable.
    public static func hasReading(_ scalar: UInt32, syllable: PinyinSyllable) -> Bool {
        readings(of: scalar).contains { $0.index == syllable.index }
    }

    /// Number of characters in the table.
    public static var characterCount: Int { table.scalars.count }
}
