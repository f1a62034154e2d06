import ChaffData

/// Readings that the grammatical role of a function word decides, whatever dictionary word
/// overlaps it: the split into words cannot tell the adverb 都 (dōu) in 他们都会来 from the
/// noun 都会 (dūhuì, a metropolis), but the pronoun before it can, since a noun phrase does not
/// start right after a subject pronoun.
///
/// Each context names its neighbour in the message, so the finding says what decides.
enum GlossGrammarContext {
    /// A reading the context decides, and where.
    struct Decision {
        /// The reading the context requires.
        let reading: PinyinSyllable
        /// The characters that decide it (the neighbour and the character itself).
        let range: Range<Int>
        /// Why, completing "…; " in the message.
        let why: String
    }

    /// Subject pronouns and the plural suffix 们: right after one of them, 都 is the adverb
    /// "all", never the 都 (dū) of 首都, 都会, 都市, which follows a modifier.
    static let pronouns: Set<UInt32> = Set("们我你您他她它咱俺谁".unicodeScalars.map(\.value))

    static let du: UInt32 = 0x90FD  // 都
    static let de: UInt32 = 0x5730  // 地

    static let dou: PinyinSyllable? = syllable("dou", tone: 1)
    static let deNeutral: PinyinSyllable? = syllable("de", tone: 5)

    static func syllable(_ text: String, tone: UInt8) -> PinyinSyllable? {
        PinyinSyllableTable.index(of: text).map { PinyinSyllable(index: UInt16($0), tone: tone) }
    }

    /// The reading the grammatical context gives the character at `position`, or nil when it
    /// decides nothing. `startsWord` is true when a dictionary word starts at `position` and
    /// goes on past it (地方, 地区).
    ///
    /// - 都 right after a subject pronoun or 们 is the adverb dōu (我们都会, 他都).
    /// - 地 right after a reduplicated pair (慢慢地, 高高兴兴地) is the adverbial particle de,
    ///   unless a word starts at 地 (种种地方: 地方 is a noun).
    static func decision(for scalar: UInt32, in scalars: [UInt32], at position: Int, startsWord: Bool) -> Decision? {
        guard position > 0 else { return nil }
        let previous = scalars[position - 1]
        if scalar == du, let dou, pronouns.contains(previous) {
            let before = GlossText.string(scalars: [previous])
            return Decision(
                reading: dou, range: position - 1..<position + 1,
                why: "after \(before), 都 is the adverb dōu (all, already)")
        }
        if scalar == de, let deNeutral, position > 1, !startsWord, previous == scalars[position - 2] {
            let pair = GlossText.string(scalars: [previous, previous])
            return Decision(
                reading: deNeutral, range: position - 2..<position + 1,
                why: "after the reduplicated \(pair), 地 is the particle de that makes an adverb")
        }
        return nil
    }
}
