/// One Mandarin syllable with its tone, as a small value: an index into `PinyinSyllableTable`
/// and a tone number.
///
/// Tones: 1-4 are the four tones, 5 is the neutral tone, 0 means the tone is not known (a gloss
/// written without tones). `ü` is spelled `v` in the table (`lv`, `nve`) and shown as `ü`.
public struct PinyinSyllable: Hashable, Sendable, CustomStringConvertible {
    /// Position of the toneless syllable in `PinyinSyllableTable.all`.
    public let index: UInt16
    /// 0 (unknown), 1-4, or 5 (neutral).
    public let tone: UInt8

    /// Makes a syllable from a table index and a tone; the caller guarantees both are in range.
    public init(index: UInt16, tone: UInt8) {
        self.index = index
        self.tone = tone
    }

    /// Makes a syllable from its toneless table spelling (`"jue"`, `"lv"`) and a tone 0-5;
    /// nil when the spelling is not a Mandarin syllable or the tone is out of range.
    public init?(_ toneless: String, tone: Int = 0) {
        guard (0...5).contains(tone), let index = PinyinSyllableTable.index(of: toneless) else {
            return nil
        }
        self.index = UInt16(index)
        self.tone = UInt8(tone)
    }

    /// Decodes a 12-bit reading code of the generated tables (`index * 8 + tone`).
    init(code: Int) {
        self.index = UInt16(code >> 3)
        self.tone = UInt8(code & 7)
    }

    /// The toneless spelling as stored in the table, with `v` for `ü` (`"lv"`).
    public var toneless: String { PinyinSyllableTable.all[Int(index)] }

    /// The same syllable with the tone dropped (tone 0).
    public var withoutTone: PinyinSyllable { PinyinSyllable(index: index, tone: 0) }

    /// True when the tone is one of the four full tones (not unknown, not neutral).
    public var hasFullTone: Bool { tone >= 1 && tone <= 4 }

    /// ASCII spelling with a tone number (`"jue2"`, `"lv4"`, `"me5"`); no digit for tone 0.
    public var numbered: String { tone == 0 ? toneless : toneless + String(tone) }

    /// Spelling with a tone mark and `ü` (`"jué"`, `"lǜ"`, `"me"`), as dictionaries print it.
    public var marked: String { markedFromASCII ?? markedFromScalars }

    /// `marked` built scalar by scalar, for any spelling.
    var markedFromScalars: String {
        var scalars = toneless.unicodeScalars.map { $0 == "v" ? "ü" : $0 }
        guard tone >= 1 && tone <= 4, let at = Self.markPosition(in: scalars) else {
            return String(String.UnicodeScalarView(scalars))
        }
        if let row = Self.markedVowels.first(where: { $0.0 == scalars[at] }) {
            scalars[at] = row.1[Int(tone) - 1]
        } else {
            // `ê` (and syllabic m, n) have no precomposed forms for every tone.
            let combining: [Unicode.Scalar] = ["\u{0304}", "\u{0301}", "\u{030C}", "\u{0300}"]
            scalars.insert(combining[Int(tone) - 1], at: at + 1)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `marked` of an ASCII spelling (every syllable but `ê`), written byte by byte: a finding's
    /// message spells its readings, and building them through arrays of scalars cost about
    /// 5,000 instructions each. Nil for another spelling.
    var markedFromASCII: String? {
        var spelling = toneless
        return spelling.withUTF8 { bytes -> String? in
            guard bytes.count <= 8, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Where the mark goes, as `markPosition` chooses it.
            var at: Int? = nil
            if tone >= 1 && tone <= 4 {
                at =
                    bytes.firstIndex { $0 == UInt8(ascii: "a") || $0 == UInt8(ascii: "e") }
                    ?? bytes.firstIndex(of: UInt8(ascii: "o"))
                    ?? bytes.lastIndex { $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "u") || $0 == UInt8(ascii: "v") }
                    ?? bytes.lastIndex { $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "n") }
            }
            return String(unsafeUninitializedCapacity: bytes.count * 3) { out in
                var n = 0
                for (i, byte) in bytes.enumerated() {
                    var scalar = Unicode.Scalar(byte == UInt8(ascii: "v") ? 0xFC : byte)
                    if i == at {
                        if let row = Self.markedVowels.first(where: { $0.0 == scalar }) {
                            scalar = row.1[Int(tone) - 1]
                        } else {
                            // Syllabic m and n take a combining mark after them.
                            let combining: [Unicode.Scalar] = ["\u{0304}", "\u{0301}", "\u{030C}", "\u{0300}"]
                            for unit in UTF8.encode(scalar)! {
                                out[n] = unit
                                n += 1
                            }
                            scalar = combining[Int(tone) - 1]
                        }
                    }
                    for unit in UTF8.encode(scalar)! {
                        out[n] = unit
                        n += 1
                    }
                }
                return n
            }
        }
    }

    /// The vowel that carries the tone mark: `a` or `e` if present, the `o` of `ou`, otherwise
    /// the last vowel.
    private static func markPosition(in scalars: [Unicode.Scalar]) -> Int? {
        if let a = scalars.firstIndex(where: { $0 == "a" || $0 == "e" || $0 == "ê" }) { return a }
        if let o = scalars.firstIndex(of: "o") { return o }
        return scalars.lastIndex(where: { "iuü".unicodeScalars.contains($0) })
            ?? scalars.lastIndex(where: { $0 == "m" || $0 == "n" })
    }

    /// The marked spelling (`jué`).
    public var description: String { marked }
}

extension PinyinSyllable {
    /// Vowels with tone marks: base vowel, then its forms for tones 1-4.
    static let markedVowels: [(Unicode.Scalar, [Unicode.Scalar])] = [
        ("a", ["ā", "á", "ǎ", "à"]), ("e", ["ē", "é", "ě", "è"]), ("i", ["ī", "í", "ǐ", "ì"]),
        ("o", ["ō", "ó", "ǒ", "ò"]), ("u", ["ū", "ú", "ǔ", "ù"]), ("ü", ["ǖ", "ǘ", "ǚ", "ǜ"]),
    ]
}
