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
    static let pronouns = ScalarSet(scalarsOf: "们我你您他她它咱俺谁")

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
    static func decision(for scalar: UInt32, in scalars: GlossScalars, at position: Int, startsWord: Bool) -> Decision? {
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

    /// Interjection readings of characters whose other reading is a word of running text: 咳
    /// hāi (a sigh) beside ké (to cough), 呵 ā or a (as 啊) beside hē (to breathe out: 呵斥,
    /// 呵护). Chaff's own list, kept to characters whose interjection is not found inside a
    /// clause: 嘿 hēi is left out, since informal text runs it into the clause without a comma
    /// (一吹嘿又转了), and its other reading (mò, 嘿然) is literary.
    static let interjections = ScalarMap<(interjection: UInt16, otherwise: PinyinSyllable)>(
        {
            var table: [UInt32: (interjection: UInt16, otherwise: PinyinSyllable)] = [:]
            for (character, interjection, otherwise, tone) in [("咳", "hai", "ke", 2), ("呵", "a", "he", 1)] {
                guard let scalar = character.unicodeScalars.first?.value, let index = PinyinSyllableTable.index(of: interjection),
                    let reading = syllable(otherwise, tone: UInt8(tone))
                else { continue }
                table[scalar] = (UInt16(index), reading)
            }
            return table
        }())

    /// Interjections and modal particles: an interjection next to one of them stands with it
    /// (咳呀, 嘿哟), and one repeated is a sound (咳咳, 嘿嘿).
    static let exclamations = ScalarSet(scalarsOf: "啊呀哟唷嗯哈唉哎嘛吧呢啦哦噢喔嘿咳呵嗨")

    /// The reading an interjection's character takes inside a clause, when `syllable` is its
    /// interjection and Han characters stand on both sides: an interjection stands at the edge
    /// of a clause, before or after punctuation (咳，我忘了), so in 急咳是 or 咳逆 the
    /// character is the other word. Nil elsewhere; the caller asks only where no dictionary
    /// word gives the syllable (咳声叹气 reads hāi).
    static func interjectionDecision(for scalar: UInt32, syllable: UInt16, in scalars: GlossScalars, at position: Int)
        -> Decision?
    {
        guard let entry = interjections[scalar], entry.interjection == syllable, position > 0,
            position + 1 < scalars.count
        else { return nil }
        let previous = scalars[position - 1]
        let next = scalars[position + 1]
        guard !exclamations.contains(previous), !exclamations.contains(next) else { return nil }
        let character = GlossText.string(scalars: [scalar])
        let before = GlossText.string(scalars: [previous])
        let after = GlossText.string(scalars: [next])
        return Decision(
            reading: entry.otherwise, range: position - 1..<position + 2,
            why: "between \(before) and \(after), inside a clause, \(character) is no interjection but reads \(entry.otherwise.marked)")
    }
}
