import ChaffData

/// Reads the text of one pinyin gloss (`jué`, `hao3`, `yinhang`, `yín háng`, `xi'an`, `lv4`,
/// `nü`, `nu:`) into syllables.
///
/// Accepted: lowercase ASCII letters, vowels with tone marks (precomposed or combining), `ü`
/// spelled `ü`, `v` or `u:`, `ê`, the typographic `ɑ` and `ɡ`, tone digits 0-5 after a syllable
/// (0 and 5 mean neutral), spaces and apostrophes (`'`, `’`) between syllables. Anything else,
/// including capital letters, makes the text not pinyin: capitalised words in parentheses are
/// names and brands (`Ping An`, `Huawei`), which are not glosses.
///
/// A token without separators is split by longest match against `PinyinSyllableTable`, with
/// backtracking; every complete split is returned, the greedy one first, so a caller can choose
/// the one that fits the glossed characters (`xian` is one syllable for 先, two for 西安).
package enum PinyinGlossText {
    /// At most this many splits are returned.
    package static let maximumSegmentations = 8

    /// One letter of a token: its byte in the syllable spelling (`v` for `ü`, 0 for `ê`) and
    /// the tone its mark gives (0 for none).
    private struct Letter {
        var byte: UInt8
        var tone: UInt8
    }

    private struct Token {
        var letters: [Letter] = []
        /// Tone of a trailing digit, 0 when none.
        var digitTone: UInt8 = 0
    }

    /// Every complete split of `text` into syllables, the greedy longest-match split first;
    /// empty when the text is not pinyin. When any syllable carries a tone, the syllables without
    /// one are neutral (5); otherwise all tones are 0 (unknown).
    package static func segmentations<C: Collection>(_ text: C) -> [[PinyinSyllable]]
    where C.Element == UInt8 {
        guard let tokens = tokenize(Array(text)), !tokens.isEmpty else { return [] }
        var results: [[PinyinSyllable]] = [[]]
        for token in tokens {
            let splits = split(token)
            if splits.isEmpty { return [] }
            var next: [[PinyinSyllable]] = []
            for prefix in results {
                for tail in splits where next.count < maximumSegmentations {
                    next.append(prefix + tail)
                }
            }
            results = next
        }
        let toned = results[0].contains { $0.tone != 0 }
        guard toned else { return results }
        return results.map { syllables in
            syllables.map { $0.tone == 0 ? PinyinSyllable(index: $0.index, tone: 5) : $0 }
        }
    }

    /// The greedy split of `text`, or nil when it is not pinyin.
    package static func parse(_ text: String) -> [PinyinSyllable]? {
        segmentations(Array(text.utf8)).first
    }

    /// Splits the text into tokens at spaces, apostrophes and tone digits; nil on any character
    /// that pinyin does not use.
    private static func tokenize(_ bytes: [UInt8]) -> [Token]? {
        var tokens: [Token] = []
        var current = Token()
        func finish() {
            if !current.letters.isEmpty { tokens.append(current) }
            current = Token()
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    current.letters.append(Letter(byte: byte, tone: 0))
                case UInt8(ascii: "0")...UInt8(ascii: "5"):
                    // A digit ends a syllable; one without a syllable before it is not pinyin.
                    guard !current.letters.isEmpty, current.digitTone == 0 else { return nil }
                    current.digitTone = byte == UInt8(ascii: "0") ? 5 : byte - UInt8(ascii: "0")
                    finish()
                case UInt8(ascii: ":"):
                    guard current.letters.last?.byte == UInt8(ascii: "u") else { return nil }
                    current.letters[current.letters.count - 1].byte = UInt8(ascii: "v")
                case UInt8(ascii: " "), UInt8(ascii: "'"):
                    finish()
                default:
                    return nil
                }
                continue
            }
            guard let (scalar, length) = GlossUTF8.decode(bytes, at: i) else { return nil }
            i += length
            if scalar == 0x2019 || scalar == 0x00A0 {  // ’ and no-break space separate
                finish()
                continue
            }
            if let tone = combiningTone(scalar) {
                guard let last = current.letters.last, last.tone == 0 else { return nil }
                current.letters[current.letters.count - 1].tone = tone
                continue
            }
            if scalar == 0x0308 {  // combining diaeresis: u -> ü
                guard current.letters.last?.byte == UInt8(ascii: "u") else { return nil }
                current.letters[current.letters.count - 1].byte = UInt8(ascii: "v")
                continue
            }
            guard let letter = markedLetter(scalar) else { return nil }
            current.letters.append(letter)
        }
        finish()
        return tokens
    }

    private static func combiningTone(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x0304: return 1
        case 0x0301: return 2
        case 0x030C: return 3
        case 0x0300: return 4
        default: return nil
        }
    }

    /// Non-ASCII letters that pinyin uses, with the tone they mark.
    private static func markedLetter(_ scalar: UInt32) -> Letter? {
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
        let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), v = UInt8(ascii: "v")
        switch scalar {
        case 0x0101: return Letter(byte: a, tone: 1)
        case 0x00E1: return Letter(byte: a, tone: 2)
        case 0x01CE: return Letter(byte: a, tone: 3)
        case 0x00E0: return Letter(byte: a, tone: 4)
        case 0x0113: return Letter(byte: e, tone: 1)
        case 0x00E9: return Letter(byte: e, tone: 2)
        case 0x011B: return Letter(byte: e, tone: 3)
        case 0x00E8: return Letter(byte: e, tone: 4)
        case 0x012B: return Letter(byte: i, tone: 1)
        case 0x00ED: return Letter(byte: i, tone: 2)
        case 0x01D0: return Letter(byte: i, tone: 3)
        case 0x00EC: return Letter(byte: i, tone: 4)
        case 0x014D: return Letter(byte: o, tone: 1)
        case 0x00F3: return Letter(byte: o, tone: 2)
        case 0x01D2: return Letter(byte: o, tone: 3)
        case 0x00F2: return Letter(byte: o, tone: 4)
        case 0x016B: return Letter(byte: u, tone: 1)
        case 0x00FA: return Letter(byte: u, tone: 2)
        case 0x01D4: return Letter(byte: u, tone: 3)
        case 0x00F9: return Letter(byte: u, tone: 4)
        case 0x00FC: return Letter(byte: v, tone: 0)
        case 0x01D6: return Letter(byte: v, tone: 1)
        case 0x01D8: return Letter(byte: v, tone: 2)
        case 0x01DA: return Letter(byte: v, tone: 3)
        case 0x01DC: return Letter(byte: v, tone: 4)
        case 0x00EA: return Letter(byte: 0, tone: 0)  // ê
        case 0x1EBF: return Letter(byte: 0, tone: 2)  // ế
        case 0x1EC1: return Letter(byte: 0, tone: 4)  // ề
        case 0x0251: return Letter(byte: a, tone: 0)  // ɑ, the single-storey a of textbooks
        case 0x0261: return Letter(byte: UInt8(ascii: "g"), tone: 0)  // ɡ
        default: return nil
        }
    }

    /// The toneless syllables by packed spelling (bytes shifted in one by one, `ê` as its two
    /// UTF-8 bytes) in a flat open-addressing table: the split tries up to six spellings at every
    /// letter of every gloss, and building an array and a String for each cost more than the
    /// rest of the parse.
    private struct SyllableIndex: Sendable {
        var keys: [UInt64]
        /// Syllable index + 1 (0: free slot), bit 15 set for whole-token-only syllables.
        var values: [UInt16]
        let mask: Int

        init() {
            mask = 2047
            keys = [UInt64](repeating: 0, count: mask + 1)
            values = [UInt16](repeating: 0, count: mask + 1)
            for (index, syllable) in PinyinSyllableTable.all.enumerated() {
                var key: UInt64 = 0
                for byte in syllable.utf8 { key = key << 8 | UInt64(byte) }
                var slot = Self.slot(key, mask)
                while values[slot] != 0 { slot = (slot + 1) & mask }
                keys[slot] = key
                let whole: UInt16 = PinyinSyllableTable.wholeTokenOnly.contains(syllable) ? 0x8000 : 0
                values[slot] = UInt16(index + 1) | whole
            }
        }

        @inline(__always)
        static func slot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 50) & mask
        }

        /// The syllable's index and whether it is whole-token-only, or nil.
        @inline(__always)
        func find(_ key: UInt64) -> (index: Int, wholeTokenOnly: Bool)? {
            var slot = Self.slot(key, mask)
            while true {
                let value = values[slot]
                if value == 0 { return nil }
                if keys[slot] == key { return (Int(value & 0x7FFF) - 1, value & 0x8000 != 0) }
                slot = (slot + 1) & mask
            }
        }
    }

    private static let syllableIndex = SyllableIndex()

    /// Every split of one token into syllables, longest first at each step. A syllable carries
    /// at most one tone mark; a trailing digit gives the last syllable its tone.
    private static func split(_ token: Token) -> [[PinyinSyllable]] {
        let letters = token.letters
        var results: [[PinyinSyllable]] = []
        var path: [PinyinSyllable] = []

        let index = syllableIndex
        func search(_ start: Int) {
            if results.count >= maximumSegmentations { return }
            if start == letters.count {
                results.append(path)
                return
            }
            var length = min(PinyinSyllableTable.maximumLength, letters.count - start)
            while length >= 1 {
                defer { length -= 1 }
                let end = start + length
                // The spelling packed as `SyllableIndex` packs it, and its marks.
                var packed: UInt64 = 0
                var byteCount = 0
                var markCount = 0
                var markTone: UInt8 = 0
                for letter in letters[start..<end] {
                    if letter.byte == 0 {
                        packed = packed << 16 | 0xC3AA
                        byteCount += 2
                    } else {
                        packed = packed << 8 | UInt64(letter.byte)
                        byteCount += 1
                    }
                    if letter.tone != 0 {
                        if markCount == 0 { markTone = letter.tone }
                        markCount += 1
                    }
                }
                guard byteCount <= 8, let (found, wholeTokenOnly) = index.find(packed) else { continue }
                if wholeTokenOnly && !(start == 0 && end == letters.count) {
                    continue
                }
                if markCount > 1 { continue }
                var tone = markTone
                if end == letters.count && token.digitTone != 0 {
                    if tone != 0 && tone != token.digitTone { continue }
                    tone = token.digitTone
                }
                path.append(PinyinSyllable(index: UInt16(found), tone: tone))
                search(end)
                path.removeLast()
            }
        }
        search(0)
        return results
    }
}
