/// Mandarin readings of single Han characters: the union of Unihan's kMandarin, kHanyuPinyin,
/// kXHC1983, kTGHZ2013 and kHanyuPinlu, plus the readings the word table gives a character
/// (tone sandhi such as 一 yí, neutral tones).
public enum PinyinReadings {
    private struct Table: Sendable {
        /// The characters outside `flatRange`, ascending, and where their codes start in
        /// `codes` (`starts[n + 1]` ends them).
        var scalars: [UInt32] = []
        var starts: [Int32] = []
        var codes: [UInt16] = []
        /// For the common ideograph blocks (`flatRange`), by code point minus
        /// `flatRange.lowerBound`: where the character's codes start in `codes`, shifted left
        /// by 4, or'ed with their count; 0 for a character without readings. Glossed text asks
        /// for the readings of every character of every candidate split.
        var flat: [UInt32] = []
        /// Characters in the table.
        var count = 0

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

    /// Decoded on first use (every process that reads glossed text pays for it): one pass over
    /// the literal, whose records are sorted by code point, writing in place into arrays
    /// sized from the literal's length; a character of the common blocks costs one entry.
    private static let table: Table = PinyinTableCode.withBytes(PinyinCharacterTableData.records) { bytes in
        var table = Table()
        let (low, high) = (flatRange.lowerBound, flatRange.upperBound)
        var flat = [UInt32](repeating: 0, count: flatRange.count)
        var outside: [(scalar: UInt32, start: Int32)] = []
        var count = 0
        // Code characters by byte, looked up rather than decoded: the loop reads every byte.
        var digits = [UInt16](repeating: 0, count: 256)
        for byte in 0..<256 { digits[byte] = UInt16(max(0, PinyinTableCode.digit(UInt8(byte)))) }
        // A record is a character (two bytes or more) and codes of two bytes each, so the
        // codes are fewer than half the bytes.
        table.codes = [UInt16](unsafeUninitializedCapacity: bytes.count / 2) { codes, written in
            written = 0
            // The character whose codes are being read (0 before the first) and where they start.
            var scalar: UInt32 = 0
            var start = 0
            func close() {
                if scalar >= low && scalar < high {
                    precondition(written - start < 16, "a character with sixteen readings or more")
                    flat[Int(scalar - low)] = UInt32(start) << 4 | UInt32(written - start)
                } else if scalar != 0 {
                    outside.append((scalar, Int32(start)))
                }
            }
            digits.withUnsafeBufferPointer { digits in
                var i = 0
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte < 0x80 {
                        if byte == UInt8(ascii: "\n") {
                            i += 1
                            continue
                        }
                        codes.initializeElement(at: written, to: digits[Int(byte)] << 6 | digits[Int(bytes[i + 1])])
                        written += 1
                        i += 2
                        continue
                    }
                    close()
                    (scalar, i) = PinyinTableCode.scalar(bytes, at: i)
                    start = written
                    count += 1
                }
                close()
            }
        }
        table.count = count
        table.flat = flat
        table.scalars = outside.map(\.scalar)
        table.starts = outside.map(\.start) + [Int32(table.codes.count)]
        return table
    }

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
    public static var characterCount: Int { table.count }
}
