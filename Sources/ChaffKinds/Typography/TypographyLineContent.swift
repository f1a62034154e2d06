/// What a line of `TypographyText` holds, noted while its items are built, so that a check
/// skips the lines where it cannot find anything (most lines hold no full-width letter, no
/// sign between words, no bracket) instead of reading every item of every line.
struct TypographyLineContent: OptionSet, Sendable {
    let rawValue: UInt16

    /// A Han character.
    static let han = Self(rawValue: 1 << 0)
    /// An ASCII letter or digit, or an atom (code span, URL).
    static let word = Self(rawValue: 1 << 1)
    /// Full-width punctuation, a curly quote or a corner bracket (U+2018…U+201D,
    /// U+3000…U+303F, U+FF00…U+FFEF outside the letters and digits).
    static let fullwidthMark = Self(rawValue: 1 << 2)
    /// A full-width letter or digit.
    static let fullwidthAlphanumeric = Self(rawValue: 1 << 3)
    /// A half-width `,` `.` `:` `;` `!` `?`.
    static let halfwidthMark = Self(rawValue: 1 << 4)
    /// A `-`, `+`, `|` or `$`.
    static let sign = Self(rawValue: 1 << 5)
    /// A half-width bracket `(` `)` `[` `]`.
    static let bracket = Self(rawValue: 1 << 6)
    /// A run of spaces.
    static let space = Self(rawValue: 1 << 7)
    /// An ellipsis character `…`.
    static let ellipsis = Self(rawValue: 1 << 8)
    /// A `%` after which units and signs are read.
    static let percent = Self(rawValue: 1 << 9)
    /// A full-width colon `：` (also a `fullwidthMark`), which between digits is a time's.
    static let fullwidthColon = Self(rawValue: 1 << 10)
    /// A curly quotation mark “ ” ‘ ’ (also a `fullwidthMark`).
    static let curlyQuote = Self(rawValue: 1 << 11)

    /// `ofASCII` of each ASCII code, made once for the process: an item table reads it as a
    /// pointer (a table read through its global cost a call and a check that it was built for
    /// each character, and the bit tests of `ofASCII` some thirty instructions). Written once,
    /// when first read, and never again.
    nonisolated(unsafe) static let ofASCIITable: UnsafePointer<TypographyLineContent> = {
        let table = UnsafeMutablePointer<TypographyLineContent>.allocate(capacity: 128)
        for code in 0..<128 { (table + code).initialize(to: ofASCII(UInt8(code))) }
        return UnsafePointer(table)
    }()

    /// The content an ASCII character adds.
    @inline(__always) static func ofASCII(_ b: UInt8) -> Self {
        let bit: UInt128 = 1 << UInt128(b)
        // Digits (48…57), upper-case (65…90) and lower-case (97…122) letters.
        let words: UInt128 = (0x3FF << 48) | (0x3FF_FFFF << 65) | (0x3FF_FFFF << 97)
        let marks: UInt128 = (1 << 44) | (1 << 46) | (1 << 58) | (1 << 59) | (1 << 33) | (1 << 63)  // , . : ; ! ?
        let signs: UInt128 = (1 << 45) | (1 << 43) | (1 << 124) | (1 << 36)  // - + | $
        let brackets: UInt128 = (1 << 40) | (1 << 41) | (1 << 91) | (1 << 93)  // ( ) [ ]
        var raw: UInt16 = 0
        if bit & words != 0 { raw |= word.rawValue }
        if bit & marks != 0 { raw |= halfwidthMark.rawValue }
        if bit & signs != 0 { raw |= sign.rawValue }
        if bit & brackets != 0 { raw |= bracket.rawValue }
        if b == 0x25 { raw |= percent.rawValue }
        return Self(rawValue: raw)
    }

    /// The content a character adds.
    @inline(__always) static func of(_ v: UInt32) -> Self {
        if v < 0x80 { return ofASCII(UInt8(v)) }
        if TypographyCharacters.isHan(v) { return .han }
        if TypographyCharacters.isFullwidthAlphanumeric(v) { return .fullwidthAlphanumeric }
        if v == 0xFF1A { return [.fullwidthMark, .fullwidthColon] }
        if TypographyCharacters.isCurlyQuote(v) { return [.fullwidthMark, .curlyQuote] }
        if (0xFF00...0xFFEF).contains(v) || (0x3000...0x303F).contains(v) || (0x2018...0x201D).contains(v) { return .fullwidthMark }
        if v == 0x2026 { return .ellipsis }
        return []
    }
}
