/// Mandarin readings of single Han characters: the union of Unihan's kMandarin, kHanyuPinyin,
/// kXHC1983, kTGHZ2013 and kHanyuPinlu, plus the readings the word table gives a character
/// (tone sandhi such as 一 yí, neutral tones).
public enum PinyinReadings {
    private struct Table: Sendable {
        var scalars: [UInt32] = []
        var starts: [Int32] = [0]
        var codes: [UInt16] = []
        /// For the common ideograph blocks (`flatRange`), the index in `scalars` by code point
        /// minus `flatRange.lowerBound`, -1 for a character without readings: glossed text
        /// asks for the readings of every character of every candidate split.
        var flat: [Int32] = []

        /// The index of `scalar` in `scalars`, or nil.
        func index(of scalar: UInt32) -> Int? {
            if PinyinReadings.flatRange.contains(scalar) {
                let found = flat[Int(scalar &- PinyinReadings.flatRange.lowerBound)]
                return found < 0 ? nil : Int(found)
            }
            var low = 0
            var high = scalars.count
            while low < high {
                let mid = (low + high) / 2
                if scalars[mid] < scalar { low = mid + 1 } else { high = mid }
            }
            return low < scalars.count && scalars[low] == scalar ? low : nil
        }
    }

    private static var flatRange: Range<UInt32> { PinyinTableCode.flatRange }

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
        table.flat = [Int32](repeating: -1, count: flatRange.count)
        for (n, scalar) in table.scalars.enumerated() where flatRange.contains(scalar) {
            table.flat[Int(scalar - flatRange.lowerBound)] = Int32(n)
        }
        return table
    }

    /// Every reading of a character (tones 1-5), sorted by syllable then tone; empty when Unihan
    /// gives the character no Mandarin reading.
    public static func readings(of scalar: UInt32) -> [PinyinSyllable] {
        let table = self.table
        guard let n = table.index(of: scalar) else { return [] }
        let codes = Int(table.starts[n])..<Int(table.starts[n + 1])
        var readings: [PinyinSyllable] = []
        readings.reserveCapacity(codes.count)
        for i in codes { readings.append(PinyinSyllable(code: Int(table.codes[i]))) }
        return readings
    }

    /// Whether every reading of the character satisfies `predicate` (true for a character
    /// without readings), asked in table order up to the first that does not; builds no list.
    public static func allReadings(of scalar: UInt32, satisfy predicate: (PinyinSyllable) -> Bool) -> Bool {
        let table = self.table
        guard let n = table.index(of: scalar) else { return true }
        for i in Int(table.starts[n])..<Int(table.starts[n + 1]) where !predicate(PinyinSyllable(code: Int(table.codes[i]))) {
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
        guard let n = table.index(of: scalar) else { return false }
        for i in Int(table.starts[n])..<Int(table.starts[n + 1]) where table.codes[i] >> 3 == index { return true }
        return false
    }

    /// Number of characters in the table.
    public static var characterCount: Int { table.scalars.count }
}
