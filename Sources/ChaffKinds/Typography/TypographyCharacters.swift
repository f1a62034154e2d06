/// The classes of characters the typography checks tell apart, by Unicode scalar value.
///
/// Ranges rather than `Unicode.Scalar.Properties`: the checks run on every scalar of the
/// prose, and a few comparisons on the value cost far less than a property lookup.
enum TypographyCharacters {
    /// A Han ideograph (CJK Unified Ideographs and their extensions, compatibility
    /// ideographs, radicals, 々 and 〇): the script whose spacing and punctuation the
    /// typography rules judge.
    @inline(__always) static func isHan(_ v: UInt32) -> Bool {
        // Every range starts at U+2E80 or above: Latin, digits and punctuation, most of what
        // the checks ask about besides Han, are turned away by one comparison.
        if v < 0x2E80 { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3FFFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2E80...0x2FDF).contains(v) || v == 0x3005 || v == 0x3007
    }

    /// Kana or Hangul: a line holding any is Japanese or Korean, whose conventions differ
    /// (Japanese sets Latin without spaces and keeps full-width digits; Korean spaces words
    /// itself), so it is left alone.
    @inline(__always) static func isKanaOrHangul(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x31F0...0x31FF).contains(v) || (0xFF66...0xFF9F).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v)
    }

    /// An ASCII digit.
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// A letter of an alphabet written with spaces between words: ASCII and Latin-1/Extended
    /// letters, Greek, Cyrillic.
    @inline(__always) static func isAlphabetic(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        return (0x370...0x3FF).contains(v) || (0x400...0x4FF).contains(v)
    }

    /// A letter or digit of an alphabetic word (`isAlphabetic` or an ASCII digit).
    @inline(__always) static func isWordCharacter(_ v: UInt32) -> Bool { isDigit(v) || isAlphabetic(v) }

    /// A sign that ends a number or a word and belongs to it (`50%`, `3‰`): the space goes
    /// after the sign, not before it.
    @inline(__always) static func isTrailingSign(_ v: UInt32) -> Bool { v == 0x25 || v == 0x2030 || v == 0xB0 }

    /// A full-width Latin letter or digit (`Ａ`, `１`), which has a half-width twin.
    @inline(__always) static func isFullwidthAlphanumeric(_ v: UInt32) -> Bool {
        (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
    }

    /// Full-width punctuation of Chinese text that takes no space beside it (quotation marks
    /// “”‘’ are not among them: English uses the same characters, see `isCurlyQuote`).
    static func isFullwidthPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F,  // ，。、；：！？
            0xFF5E,  // ～ (… and — are left out: English uses them too)
            0xFF08, 0xFF09, 0x3010, 0x3011, 0x300A, 0x300B, 0x3008, 0x3009,  // （）【】《》〈〉
            0x300C, 0x300D, 0x300E, 0x300F, 0x3014, 0x3015, 0x3016, 0x3017:  // 「」『』〔〕〖〗
            true
        default: false
        }
    }

    /// “ ” ‘ ’: quotation marks Chinese and English share.
    @inline(__always) static func isCurlyQuote(_ v: UInt32) -> Bool { v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 }

    /// The full-width form of a half-width sentence mark, or nil.
    static func fullwidth(of v: UInt32) -> String? {
        switch v {
        case 0x2C: "，"
        case 0x2E: "。"
        case 0x3A: "："
        case 0x3B: "；"
        case 0x21: "！"
        case 0x3F: "？"
        default: nil
        }
    }
}
