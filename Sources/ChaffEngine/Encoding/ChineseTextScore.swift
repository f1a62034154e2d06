import ChaffText

/// How much a decoding looks like real Chinese text: the share of its non-ASCII characters
/// that are frequent Han characters or common punctuation.
///
/// "Frequent" is the union of the two official frequency tiers of the legacy character sets
/// themselves: GB2312 level 1 (3,755 most used Simplified characters, rows 0xB0–0xD7) and Big5
/// level 1 (5,401 most used Traditional characters, 0xA440–0xC67E), read through iconv once.
/// A GBK file read as Big5, or a Big5 file read as GB18030, turns into rare characters, kana,
/// Cyrillic, box drawing and private-use code points: 20–60 % instead of 95–100 %.
enum ChineseTextScore {
    /// The frequent characters, sorted.
    static let frequent: [UInt32] = {
        var bytes: [UInt8] = []
        for lead in UInt8(0xB0)...0xD7 {
            for trail in UInt8(0xA1)...(lead == 0xD7 ? 0xF9 : 0xFE) { bytes += [lead, trail] }
        }
        var scalars = Set(scalarsOf(Iconv.convert(bytes, from: "GB18030", to: "UTF-8") ?? []))
        bytes = []
        for lead in UInt8(0xA4)...0xC6 {
            for trail in Array(UInt8(0x40)...0x7E) + Array(UInt8(0xA1)...0xFE) where lead < 0xC6 || trail <= 0x7E {
                bytes += [lead, trail]
            }
        }
        scalars.formUnion(scalarsOf(Iconv.convert(bytes, from: "BIG5", to: "UTF-8") ?? []))
        return scalars.filter { $0 >= 0x3400 }.sorted()
    }()

    private static func scalarsOf(_ utf8: [UInt8]) -> [UInt32] {
        String(decoding: utf8, as: UTF8.self).unicodeScalars.map(\.value)
    }

    private static func isFrequent(_ scalar: UInt32) -> Bool {
        var low = 0, high = frequent.count
        while low < high {
            let mid = (low + high) / 2
            if frequent[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < frequent.count && frequent[low] == scalar
    }

    private static func isCommonPunctuation(_ scalar: UInt32) -> Bool {
        (0x3000...0x303F).contains(scalar) || (0xFF01...0xFF5E).contains(scalar)
            || [0x00B7, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2027, 0xFEFF].contains(scalar)
    }

    /// The score of `text` (UTF-8) between 0 and 1; 0 when it has no non-ASCII character.
    static func score(_ text: [UInt8]) -> Double {
        var good = 0, total = 0
        text.withUnsafeBufferPointer { buffer in
            var i = 0
            while true {
                i = ASCIISkip.nextNonASCII(buffer, from: i, end: buffer.count)
                guard i < buffer.count else { break }
                let (scalar, length) = UTF8Decoding.decode(buffer, at: i)
                i += length
                total += 1
                if let scalar, isFrequent(scalar) || isCommonPunctuation(scalar) { good += 1 }
            }
        }
        return total == 0 ? 0 : Double(good) / Double(total)
    }
}
