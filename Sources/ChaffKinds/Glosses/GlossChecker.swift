import ChaffData

/// One problem with one syllable of a gloss.
package struct GlossFinding: Hashable, Sendable {
    /// What is wrong.
    package enum Kind: String, Hashable, Sendable {
        /// The syllable is no reading of the character at all (`型(xin)`).
        case notAReading
        /// The syllable is a reading of the character, but never with this tone (`好(hāo)`).
        case wrongTone
        /// The character sits in a dictionary word that reads it otherwise (`角(jiao)色`: jué).
        case wrongReadingInWord
        /// Right syllable, wrong tone for the word (`好(hǎo)奇`: hào). Only for toned glosses.
        case wrongToneInWord
        /// The character stands alone (no word around it that the text's likeliest split keeps)
        /// and the syllable is a reading it rarely takes in running text (`的(di)`: de).
        case rareReading
        /// A second gloss on the same characters says something else (`著(zhu)(zhe)`).
        case repeatedGloss
        /// The grammatical role of a function word decides its reading over any overlapping
        /// word (`他们都(dū)会来`: after a pronoun 都 is the adverb dōu); `why` says how.
        case wrongReadingInContext
    }

    /// What is wrong.
    package let kind: Kind
    /// Index of the syllable (and of its character in `Gloss.base`).
    package let index: Int
    /// The glossed character.
    package let character: GlossCharacter
    /// The syllable as glossed.
    package let found: PinyinSyllable
    /// The reading the dictionary word gives, with its tone (print `expected.marked`); nil when
    /// no word decides it.
    package let expected: PinyinSyllable?
    /// The dictionary word in the text that decides the reading; empty when none.
    package let word: [GlossCharacter]
    /// All readings of the character (for `notAReading` and `wrongTone` messages).
    package let readings: [PinyinSyllable]
    /// For `wrongReadingInContext`, the grammatical context that decides; empty otherwise.
    package let why: String

    /// Makes a finding.
    package init(
        kind: Kind, index: Int, character: GlossCharacter, found: PinyinSyllable,
        expected: PinyinSyllable?, word: [GlossCharacter], readings: [PinyinSyllable], why: String = ""
    ) {
        self.why = why
        self.kind = kind
        self.index = index
        self.character = character
        self.found = found
        self.expected = expected
        self.word = word
        self.readings = readings
    }
}

/// Decides whether a pinyin gloss is right for its characters in their context.
///
/// For each syllable, against its character and the Han text around it (`Gloss.context`):
/// 1. A syllable that is no reading of the character (Unihan union plus word readings, with the
///    readings of its simplified forms) is `notAReading`; characters without any known reading
///    are skipped.
/// 2. A toned syllable whose syllable is a reading but never with that tone, in the character
///    table or in a word around it, is `wrongTone` (not for 一 and 不, whose tone changes with
///    the next syllable, nor against neutral tones).
/// 3. Otherwise the dictionary words in the context that contain the character decide: when
///    every such word reads the character with one and the same syllable, a different syllable
///    is `wrongReadingInWord`, and for toned glosses a tone that none of the words gives is
///    `wrongToneInWord` (unless a word reads it neutral).
///    Collocations from chaff's context list (们曾: céng) count as words that no split contests.
///    Before that, a grammatical context (`GlossGrammarContext`) decides alone where it applies,
///    over any overlapping word: 都 after a pronoun is the adverb dōu, not the dū of 都会
///    (`wrongReadingInContext`).
/// 4. Silence when the words disagree (各自省份: 自省 xǐng vs 省份 shěng), when a word is
///    contested (another word overlaps it without containing the character: in 的确定, 确定
///    competes with 的确, so 的 may stand alone), or when no word contains the character.
///    Where the words find nothing, a character that transliterations read one way, next to a
///    character that marks a transliteration (特勒斯: 勒 lè), must read so unless a word around
///    it gives the glossed syllable (`transliterationFinding`), and an interjection reading
///    between two Han characters is the character's other word (急咳(hai)之后 reads ké,
///    `interjectionFinding`).
///
/// False alarms cost more than misses, so every doubt resolves to silence.
package enum GlossChecker {
    /// Characters whose tone depends on the following syllable (tone sandhi), so their tones
    /// are never compared.
    package static let sandhiCharacters: ScalarSet = [0x4E00, 0x4E0D]  // 一 不

    /// The findings for one gloss, in syllable order (a repeated-gloss finding first). A
    /// document's glosses share most of their context words: pass one `memo` for all of them
    /// (by one thread) so that each word is looked up once.
    package static func check(_ gloss: Gloss, memo: WordMatchMemo? = nil) -> [GlossFinding] {
        let scalars = gloss.context.map(\.scalar)
        return check(gloss, words: GlossElements(memo?.matches(in: scalars) ?? PinyinWords.matches(in: scalars)))
    }

    /// `check(gloss)` given every dictionary word of the gloss's context (`PinyinWords.matches`
    /// over `gloss.context`), which a document computes once for all its gloss rules.
    /// `readings`, when given, remembers the readings of characters across the glosses of one
    /// document.
    static func check(_ gloss: Gloss, words all: GlossElements<WordMatch>, readings memo: ReadingsMemo? = nil)
        -> [GlossFinding]
    {
        var findings: [GlossFinding] = []
        if let repeated = gloss.repeatedSyllables, let first = gloss.base.first,
            repeated.map(\.index) != gloss.syllables.map(\.index)
        {
            findings.append(
                GlossFinding(
                    kind: .repeatedGloss, index: 0, character: first, found: gloss.syllables[0],
                    expected: nil, word: [], readings: Array(repeated)))
        }
        let scalars = GlossScalars(gloss.context)
        // Split costs for the whole context, computed once per gloss in a temporary buffer
        // (on the stack for contexts of ordinary length), so deciding a syllable allocates
        // nothing beyond the word lookups. The words are read in place: the split costs loop
        // over them for every character.
        all.withUnsafeBufferPointer { all in
            judgeSyllables(gloss, scalars: scalars, words: all, readings: memo, into: &findings)
        }
        return findings
    }

    /// Appends to `findings` those of `gloss`'s syllables.
    private static func judgeSyllables(
        _ gloss: Gloss, scalars: GlossScalars, words all: UnsafeBufferPointer<WordMatch>, readings memo: ReadingsMemo?,
        into findings: inout [GlossFinding]
    ) {
        // The words holding each syllable's character are written into a buffer on the stack
        // too, and live while the syllable is judged.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: SplitCosts.capacity(scalars.count)) { buffer in
            withUnsafeTemporaryAllocation(of: WordMatch.self, capacity: all.count) { containing in
                var costs: SplitCosts? = nil
                for k in 0..<gloss.syllableCount {
                    let scalar = gloss.baseScalar(k)
                    let readings = memo?.readings(of: scalar) ?? readingsOf(scalar)
                    if readings.isEmpty { continue }
                    if costs == nil { costs = SplitCosts(all, scalars: scalars, buffer: buffer) }
                    let position = gloss.basePosition + k
                    let count = WordMatches.containing(position, in: all, into: containing)
                    defer { _ = containing[..<count].deinitialize() }
                    let syllable = SyllableInContext(
                        gloss: gloss, k: k, scalars: scalars, readings: readings,
                        words: UnsafeBufferPointer(rebasing: containing[..<count]),
                        particleFollowsAWord: particleFollowsAWord(at: position, in: scalars, words: all))
                    if let finding = judge(syllable, costs: costs!) { findings.append(finding) }
                }
            }
        }
    }

    /// One glossed syllable with what judging it needs.
    struct SyllableInContext {
        let gloss: Gloss
        /// Index of the syllable in the gloss.
        let k: Int
        /// The context's code points.
        let scalars: GlossScalars
        /// Every reading of the character (`readingsOf`), not empty.
        let readings: [PinyinSyllable]
        /// The dictionary words of the context that contain the character, longest first.
        let words: UnsafeBufferPointer<WordMatch>
        /// True when the character is a structural particle right after what can be the word
        /// it marks (`GlossChecker.particleFollowsAWord(at:in:words:)`).
        let particleFollowsAWord: Bool
        /// True when a numeral comes before the character, right before it or with one word of
        /// size between (一大沓, 两小撮): a Han one in the context, or a digit before the context
        /// (`150幢`). Only measure readings look at digits: a digit before the run says nothing
        /// of names and addresses that other checks leave alone. Found once: judging asks it
        /// twice, and each asking read two tables.
        let followsNumeral: Bool

        init(
            gloss: Gloss, k: Int, scalars: GlossScalars, readings: [PinyinSyllable], words: UnsafeBufferPointer<WordMatch>,
            particleFollowsAWord: Bool
        ) {
            self.gloss = gloss
            self.k = k
            self.scalars = scalars
            self.readings = readings
            self.words = words
            self.particleFollowsAWord = particleFollowsAWord
            let position = gloss.basePosition + k
            func numeral(at i: Int) -> Bool { i >= 0 ? GlossChecker.countsOrPoints(scalars[i]) : gloss.digitBefore }
            followsNumeral =
                numeral(at: position - 1)
                || (position > 0 && GlossChecker.sizeWords.contains(scalars[position - 1]) && numeral(at: position - 2))
        }

        var syllable: PinyinSyllable { gloss.syllable(k) }
        var character: GlossCharacter { gloss.base[k] }
        var position: Int { gloss.basePosition + k }
        /// The Han character before this one in the context, if any.
        var previous: UInt32? { position > 0 ? scalars[position - 1] : nil }

        /// A finding of `kind` on this syllable.
        func finding(
            _ kind: GlossFinding.Kind, expected: PinyinSyllable?, word: [GlossCharacter], why: String = ""
        ) -> GlossFinding {
            GlossFinding(
                kind: kind, index: k, character: character, found: syllable, expected: expected, word: word,
                readings: readings, why: why)
        }
    }

    /// The finding for one syllable, or nil when it fits: no reading at all, then a tone the
    /// character never takes, then the grammatical context, then the words around it.
    static func judge(_ s: SyllableInContext, costs: SplitCosts) -> GlossFinding? {
        let scalar = s.character.scalar
        let syllable = s.syllable
        let position = s.position
        let decision = decide(
            s.words, costs: costs, position: position, scalar: scalar, readings: s.readings, context: s.scalars,
            followsNumeral: s.followsNumeral, particleFollowsAWord: s.particleFollowsAWord)
        var sameSyllable = false
        var sameTone = false
        var sameAllFull = true
        for reading in s.readings where reading.index == syllable.index {
            sameSyllable = true
            sameTone = sameTone || reading.tone == syllable.tone
            sameAllFull = sameAllFull && reading.hasFullTone
        }
        if !sameSyllable {
            let word = decidingWord(decision, in: s.gloss)
            return s.finding(.notAReading, expected: word.isEmpty ? nil : decision?.expected, word: word)
        }
        let comparesTone = syllable.hasFullTone && !sandhiCharacters.contains(scalar)
        if comparesTone && !sameTone && sameAllFull
            && !s.words.contains(where: { $0.readings(atRunPosition: position).contains(syllable) })
        {
            return s.finding(.wrongTone, expected: decision?.expected, word: decidingWord(decision, in: s.gloss))
        }
        if let grammar = GlossGrammarContext.decision(
            for: scalar, in: s.scalars, at: position, startsWord: s.words.contains { $0.range.lowerBound == position })
        {
            guard syllable.index != grammar.reading.index else { return nil }
            return s.finding(
                .wrongReadingInContext, expected: grammar.reading, word: s.gloss.context.elements(grammar.range),
                why: grammar.why)
        }
        if let decision, let finding = judgeInWords(s, decision, comparesTone: comparesTone) {
            return finding
        }
        if let finding = interjectionFinding(s) { return finding }
        return transliterationFinding(s)
    }

    /// An interjection reading between two Han characters (`GlossGrammarContext.interjectionDecision`:
    /// 急咳(hai)是 reads ké), where no dictionary word around the character gives it.
    static func interjectionFinding(_ s: SyllableInContext) -> GlossFinding? {
        let index = s.syllable.index
        guard
            let context = GlossGrammarContext.interjectionDecision(
                for: PinyinHanNormalization.simplified(s.character.scalar), syllable: index, in: s.scalars, at: s.position),
            !s.words.contains(where: { $0.readings(atRunPosition: s.position).contains { $0.index == index } })
        else { return nil }
        return s.finding(
            .wrongReadingInContext, expected: context.reading, word: s.gloss.context.elements(context.range), why: context.why)
    }

    /// A character that transliterations of foreign names read one way (勒 lè, 塞 sài), right
    /// next to a character that marks a transliteration (斯, 尔, 克 …), glossed with another
    /// syllable that no dictionary word around it gives: 特勒(lēi)斯 is lè, while 勒索 and
    /// 勒紧 keep their own readings. Names are in no word list, so the split into words cannot
    /// decide them; asked only where the words found nothing, so that a word that decides
    /// (哈尼族, 瓦斯) is the one the message names.
    static func transliterationFinding(_ s: SyllableInContext) -> GlossFinding? {
        let position = s.position
        guard let expected = PinyinTransliteration.reading(of: PinyinHanNormalization.simplified(s.character.scalar)),
            s.syllable.index != expected.index
        else { return nil }
        func marks(_ i: Int) -> Bool {
            i >= 0 && i < s.scalars.count
                && PinyinTransliteration.marksTransliteration(PinyinHanNormalization.simplified(s.scalars[i]))
        }
        // A reading only one dictionary gives, in a word or two, does not outweigh the many
        // transliterations (圣赫勒拿 lēi, from one dictionary; 勒 is lè in 108 words).
        guard let neighbour = marks(position - 1) ? position - 1 : marks(position + 1) ? position + 1 : nil,
            !s.words.contains(where: { word in
                !word.reading.isUnconfirmed(at: position - word.range.lowerBound)
                    && word.readings(atRunPosition: position).contains { $0.index == s.syllable.index }
            })
        else { return nil }
        let name = GlossText.string(scalars: [s.scalars[neighbour]])
        let character = GlossText.string(scalars: [s.character.scalar])
        return s.finding(
            .wrongReadingInContext, expected: expected,
            word: s.gloss.context.elements(min(position, neighbour)..<(max(position, neighbour) + 1)),
            why: "next to \(name), a character of transliterated names, \(character) reads \(expected.marked)")
    }

    /// The characters of the word that `decision` kept, to name in a finding; none for a
    /// character standing alone. A function, not a closure over the syllable: a closure's
    /// capture copied the syllable (and retained its arrays) for every syllable judged.
    private static func decidingWord(_ decision: Decision?, in gloss: Gloss) -> [GlossCharacter] {
        guard let decision, decision.kept != 0 else { return [] }
        return gloss.context.elements(decision.word)
    }

    /// The last step of `judge`: the syllable against the words that decide it (or the
    /// character's frequent readings where it stands alone).
    static func judgeInWords(
        _ s: SyllableInContext, _ decision: Decision, comparesTone: Bool
    ) -> GlossFinding? {
        let position = s.position
        let syllable = s.syllable
        // A gloss over several characters that no word covers is most often a name, and
        // surnames take readings that are rare in running text (單小明: shàn).
        if decision.kept == 0 && s.gloss.syllableCount > 1 { return nil }
        // So is a character after 姓 or before a title (盖先生: gě, a surname).
        if decision.kept == 0 && isNameContext(s.scalars, position) { return nil }
        let next: UInt32? = position + 1 < s.scalars.count ? s.scalars[position + 1] : nil
        if !decision.accepts(
            syllable.index, of: s.character.scalar, after: s.previous, before: next, followsNumeral: s.followsNumeral)
        {
            return s.finding(
                decision.kept == 0 ? .rareReading : .wrongReadingInWord, expected: decision.expected,
                word: decidingWord(decision, in: s.gloss))
        }
        if comparesTone && !decision.standsAlone && decision.tonesAreFull
            && decision.allKept({ word in
                word.readings(atRunPosition: position).allSatisfy { $0.index == syllable.index }
            })
            && !decision.hasTone(syllable.tone)
        {
            return s.finding(.wrongToneInWord, expected: decision.expected, word: decidingWord(decision, in: s.gloss))
        }
        return nil
    }

    /// The findings for many glosses, in order.
    package static func check(_ glosses: [Gloss]) -> [GlossFinding] {
        glosses.flatMap { check($0) }
    }

    /// The readings of a character together with those of its simplified forms, so that a
    /// Traditional character is not held to fewer readings than the words it appears in
    /// (績 has only jī in Unihan, 绩 also jì).
    package static func readingsOf(_ scalar: UInt32) -> [PinyinSyllable] {
        var readings = PinyinReadings.readings(of: scalar)
        // Most characters are their own simplified form and have no alternative: no list of
        // forms is built for them.
        func add(_ form: UInt32) {
            guard form != scalar else { return }
            for reading in PinyinReadings.readings(of: form) where !readings.contains(reading) {
                readings.append(reading)
            }
        }
        add(PinyinHanNormalization.simplified(scalar))
        if let other = PinyinHanNormalization.alternative(scalar) { add(other) }
        return readings
    }

    /// `readingsOf(scalar).contains { $0.index == index }`, without building the list.
    static func hasReading(_ scalar: UInt32, index: UInt16) -> Bool {
        if PinyinReadings.hasReading(scalar, index: index) { return true }
        let simplified = PinyinHanNormalization.simplified(scalar)
        if simplified != scalar && PinyinReadings.hasReading(simplified, index: index) { return true }
        guard let other = PinyinHanNormalization.alternative(scalar), other != scalar else { return false }
        return PinyinReadings.hasReading(other, index: index)
    }

    /// True when every syllable of the gloss is a reading of its character: the gloss is
    /// plausibly meant as pinyin. A rule can count these per document and report
    /// `notAReading` only where glossing is evidently the document's habit.
    package static func isConfirmed(_ gloss: Gloss) -> Bool {
        (0..<gloss.syllableCount).allSatisfy { hasReading(gloss.baseScalar($0), index: gloss.syllable($0).index) }
    }

    /// Share of running-text uses, in per mille, below which a reading of a character that
    /// stands alone is rare enough to report.
    /// (On the tune half of the polyphone benchmark, Benchmarks/glosses, 30-100 find nearly the
    /// same; the low end keeps 着 zháo, 4.9%, which 睡不着 and 用不着 need alone.)
    static let rareShare = 30

    /// Share of the character's dictionary words below which a reading that the corpus does
    /// not count is rare (将 qiāng in 6 of 199 words, 赚 zuàn, 属 zhǔ, 倘 cháng). The corpus
    /// counts the character but never this reading, so a share of words this small says the
    /// reading lives in a few literary words only. (Tune half: 30 -> 50 -> 80 found 0.668 ->
    /// 0.677 -> 0.680 of the wrong glosses at the same false alarms; 80 -> 130 -> 200 found
    /// 0.721 -> 0.731 -> 0.733 with 11 -> 12 -> 13 false alarms, the new ones names and a
    /// transliteration: 牛轧 gá, 赤嵌 kàn at 142 per mille.)
    static let rareUncountedShare = 130

    /// Share of the dictionary words below which a reading of a character without corpus
    /// counts is rare (its shares are those of its words, `PinyinFrequencies.sharesFromWords`).
    /// The generator raises every reading the modern standard dictionary lists to 100 per
    /// mille, so this bound judges only readings the standard does not keep, used by fewer
    /// than a tenth of the words (谜 mèi, 夯 bèn, 溺 niào, 拽 yè). (Development split: 30 -> 100 found
    /// about 1.2% more of the wrong glosses; no correctly glossed line has such a reading.)
    static let rareWordShare = 100

    /// The same bound for a reading that the modern standard dictionary lists although the
    /// corpus does not count it (万 mò, 叶 xié, 约 yāo): only readings fewer words use than this
    /// are rare, since word lists miss the regional nouns such readings name (弄 lòng, 涌 chōng).
    static let rareStandardShare = 20

    /// A function word's reading that, where the character stands alone (no dictionary word
    /// keeps it), only a few neighbours license: 着 after a verb reads zhe (看着, 起着作用),
    /// and zháo only as a resultative complement after 不 or 得 (睡不着, 用得着) or before 了
    /// (点着了); 着火, 着急, 睡着 are dictionary words and decide by themselves. 便 reads pián
    /// only in 便宜 and 便便 (15 of the 18 words that read it so); elsewhere it is biàn. 传
    /// reads zhuàn alone only where it ends a title or name (水浒传, 左氏传), with no Han
    /// character after it; before one it is the verb chuán. 曾 reads zēng alone only where a
    /// name may start, at the start of the Han text (曾孙 and 曾祖 are dictionary words): after
    /// another character it is the adverb céng (他曾, 回国后曾出任; the corpus counts no zēng).
    struct AloneContext {
        /// Toneless syllable index of the reading.
        let syllable: UInt16
        /// Characters right before it that license the reading.
        let after: Set<UInt32>
        /// Characters right after it that license the reading.
        let before: Set<UInt32>
        /// True when no Han character after it licenses the reading.
        var atEnd = false
        /// What the message says decides (after "is how 着 reads ").
        let why: String
    }

    static let aloneContexts = ScalarMap<AloneContext>(
        {
            var table: [UInt32: AloneContext] = [:]
            if let zhao = PinyinSyllableTable.index(of: "zhao") {
                table[0x7740] = AloneContext(  // 着
                    syllable: UInt16(zhao), after: Set("不得".unicodeScalars.map(\.value)),
                    before: Set("了".unicodeScalars.map(\.value)),
                    why: "only after 不 or 得 or before 了 (睡不着, 用得着, 点着了); after a verb 着 reads zhe")
            }
            if let pian = PinyinSyllableTable.index(of: "pian") {
                table[0x4FBF] = AloneContext(  // 便
                    syllable: UInt16(pian), after: Set("便".unicodeScalars.map(\.value)),
                    before: Set("宜便".unicodeScalars.map(\.value)),
                    why: "only in 便宜 and 便便 (大腹便便); before a verb 便 is the adverb biàn")
            }
            if let zhuan = PinyinSyllableTable.index(of: "zhuan") {
                table[0x4F20] = AloneContext(  // 传
                    syllable: UInt16(zhuan), after: [], before: [], atEnd: true,
                    why: "only where it ends a title or name (水浒传, 左氏传); before another character 传 is the verb chuán")
            }
            if let zeng = PinyinSyllableTable.index(of: "zeng") {
                table[0x66FE] = AloneContext(  // 曾
                    syllable: UInt16(zeng), after: [], before: [],
                    why: "only in words (曾孙, 曾祖) and as a surname; after another character 曾 is the adverb céng")
            }
            return table
        }())

    /// Titles and forms of address that follow a surname (盖先生, 单老师, 仇氏). A surname takes
    /// readings that are rare in running text (盖 gě, 单 shàn, 仇 qiú), so a character before
    /// one of these, or after 姓, is not judged as standing alone.
    static let titles: [[UInt32]] = [
        "先生", "女士", "小姐", "太太", "夫人", "老师", "教授", "医生", "大夫", "博士", "师傅",
        "同学", "同志", "将军", "主任", "经理", "校长", "书记", "总理", "主席", "部长", "局长",
        "县长", "市长", "省长", "氏", "某", "姓",
    ].map { $0.unicodeScalars.map(\.value) }

    /// True when the character at `position` follows 姓 or comes before a title.
    static func isNameContext(_ scalars: GlossScalars, _ position: Int) -> Bool {
        if position > 0 && scalars[position - 1] == 0x59D3 { return true }  // 姓
        // Compared by index: a slice of the context compared with each title went through
        // generic collection code for every syllable judged alone.
        return titles.contains { title in
            position + title.count < scalars.count && title.indices.allSatisfy { scalars[position + 1 + $0] == title[$0] }
        }
    }

    /// Surnames that read otherwise than the character does in running text (单 shàn, 查 zhā,
    /// 盖 gě, 区 ōu, 仇 qiú, 朴 piáo, 解 xiè …), Simplified and Traditional; chaff's own list
    /// from the common surnames, since no licensed source here marks readings as surnames. A
    /// name is in no word list and a gloss is written where the reading is unusual, so such a
    /// reading is never judged rare where the character stands alone (`单(shàn)田芳`). 曾 zēng
    /// is left to its grammatical context.
    static let surnameReadings = ScalarMap<[UInt16]>(
        {
            let list =
                "单shan 單shan 查zha 盖ge 蓋ge 召shao 秘bi 洗xian 区ou 區ou 仇qiu 朴piao 樸piao 解xie "
                + "翟zhai 覃qin 缪miao 繆miao 尉yu 繁po 员yun 員yun 种chong 種chong 隗wei 乐yue 樂yue "
                + "折she 黑he 能nai 重chong 厍she"
            // Lists, not sets: a character has one or two surname readings, and a `Set<UInt16>`
            // made the Swift runtime search the binary's conformance records on every run.
            var table: [UInt32: [UInt16]] = [:]
            for entry in list.split(separator: " ") {
                guard let scalar = entry.unicodeScalars.first?.value,
                    let index = PinyinSyllableTable.index(of: String(entry.unicodeScalars.dropFirst()))
                else { continue }
                if !(table[scalar]?.contains(UInt16(index)) ?? false) { table[scalar, default: []].append(UInt16(index)) }
            }
            return table
        }())

    /// True when `index` is a surname reading of the character (`surnameReadings`).
    static func isSurnameReading(_ scalar: UInt32, _ index: UInt16) -> Bool {
        surnameReadings[scalar]?.contains(index) ?? false
    }

    /// Measure words with the reading they take as one, right after a numeral or a
    /// demonstrative (两幢 zhuàng, 一圈 quān, 三度 dù, 八折 zhé): there the character counts
    /// something, and no reading with another syllable fits. Only characters whose measure
    /// reading differs from their other readings by syllable and is the same after every
    /// numeral (not 乘: 三乘五 chéng multiplies, 千乘 shèng are chariots; not 合: 三合 hé).
    static let measureReadings = ScalarMap<PinyinSyllable>(
        {
            var table: [UInt32: PinyinSyllable] = [:]
            for entry in "幢zhuang4 圈quan1 度du4 折zhe2".split(separator: " ") {
                let scalars = entry.unicodeScalars
                guard let scalar = scalars.first?.value, let tone = scalars.last.flatMap({ UInt8(String($0)) }),
                    let index = PinyinSyllableTable.index(of: String(scalars.dropFirst().dropLast()))
                else { continue }
                table[scalar] = PinyinSyllable(index: UInt16(index), tone: tone)
            }
            return table
        }())

    /// Toneless indices of `r` and `er`.
    static let erhua: (r: UInt16, er: UInt16)? = {
        guard let r = PinyinSyllableTable.index(of: "r"), let er = PinyinSyllableTable.index(of: "er") else { return nil }
        return (UInt16(r), UInt16(er))
    }()

    /// True when `index` is the erhua syllable `r` and the word reads the character as a
    /// neutral `er`: the suffix 儿 of 一会儿 and 玩儿 may be glossed `r`, the 儿 of 儿童 (ér) not.
    static func isErhua(_ index: UInt16, of reading: PinyinSyllable) -> Bool {
        guard let erhua, index == erhua.r else { return false }
        return reading.index == erhua.er && reading.tone == 5
    }

    /// Words of size that may stand between a numeral and its measure word (一大沓, 一小撮).
    static let sizeWords = ScalarSet(scalarsOf: "大小整满")

    /// Numerals and demonstratives, after which a character may be a measure word.
    static let numeralsAndDemonstratives = ScalarSet(scalarsOf: "〇零一二三四五六七八九十百千万亿两几数每这那哪此该某各半双")

    /// True when `scalar` is a numeral or demonstrative (a measure word may follow it).
    static func countsOrPoints(_ scalar: UInt32) -> Bool {
        numeralsAndDemonstratives.contains(scalar)
    }

    /// What the words around a character allow it to read. Holds the candidate words and a
    /// mask of those kept, so that deciding allocates nothing.
    struct Decision {
        /// The reading to suggest: from the deciding word (first full-tone reading if any), or
        /// the character's usual reading when it stands alone.
        var expected: PinyinSyllable
        /// The dictionary words that contain the character (the syllable's, valid while it is
        /// judged).
        var words: UnsafeBufferPointer<WordMatch>
        /// Bit i set when `words[i]` is kept: a likeliest split of the text keeps it (or it is
        /// a collocation). 0 when no word is kept.
        var kept: UInt64
        /// True when a likeliest split leaves the character alone (then its frequent readings
        /// are allowed too).
        var standsAlone: Bool
        /// Bit t set for every tone t the kept words give the character.
        var tones: UInt8
        /// True when no kept word gives the character a neutral tone.
        var tonesAreFull: Bool
        /// Positions of the deciding word in the context (the character itself when it stands
        /// alone).
        var word: Range<Int>
        /// Position of the character in the context.
        var position: Int

        /// True when a kept word gives the character this tone.
        func hasTone(_ tone: UInt8) -> Bool { tone < 8 && tones & (1 << tone) != 0 }

        /// True when every kept word satisfies `test`.
        func allKept(_ test: (WordMatch) -> Bool) -> Bool {
            for (i, word) in words.enumerated() where kept & (1 << i) != 0 && !test(word) { return false }
            return true
        }

        /// True when a kept word reads the character with this toneless syllable, or the
        /// character may stand alone and takes the syllable often enough.
        ///
        /// Shares from dictionary words (characters without corpus counts) do not see measure
        /// words or names, so they judge only a character that follows another Han character
        /// which is no numeral or demonstrative (两幢 zhuàng is a measure word in no dictionary).
        ///
        /// A bound reading (什 shén, which the dictionary gives only before 么) is accepted
        /// next to its neighbour however the text is split.
        func accepts(
            _ index: UInt16, of scalar: UInt32, after previous: UInt32?, before next: UInt32?, followsNumeral: Bool
        ) -> Bool {
            for (i, word) in words.enumerated()
            where kept & (1 << i) != 0
                && word.readings(atRunPosition: position).contains(where: { $0.index == index || GlossChecker.isErhua(index, of: $0) })
            {
                return true
            }
            guard standsAlone else { return false }
            if followsNumeral, let measure = GlossChecker.measureReadings[scalar] {
                return index == measure.index
            }
            if let bound = PinyinFrequencies.boundNeighbour(of: scalar, syllable: index) {
                let neighbour = bound.before ? previous : next
                if let neighbour, PinyinHanNormalization.simplified(neighbour) == bound.scalar { return true }
                // Without its word, a bound reading of a character that no corpus counts is
                // wrong wherever the text is (俟 qí belongs to 万俟; 俟 at the start of a
                // sentence is sì), except as a surname or, where the word was a numeral and a
                // measure word (一沓 dá), after any numeral.
                if PinyinFrequencies.sharesFromWords(scalar) {
                    if GlossChecker.isSurnameReading(scalar, index) { return true }
                    if GlossChecker.countsOrPoints(bound.scalar) && followsNumeral { return true }
                    return false
                }
            }
            if PinyinFrequencies.sharesFromWords(scalar) {
                guard let previous, !GlossChecker.countsOrPoints(previous) else { return true }
                if let share = PinyinFrequencies.share(of: scalar, syllable: index),
                    GlossChecker.aloneContexts[scalar] == nil, !GlossChecker.isSurnameReading(scalar, index)
                {
                    return share >= rareWordShare
                }
            }
            if let context = GlossChecker.aloneContexts[scalar], context.syllable == index {
                // Unknown context: the character starts the run (睡不着 may be split off).
                guard let previous else { return true }
                guard let next else { return context.atEnd }
                return context.after.contains(previous) || context.before.contains(next)
            }
            if GlossChecker.isSurnameReading(scalar, index) { return true }
            guard let share = PinyinFrequencies.share(of: scalar, syllable: index) else { return true }
            // A reading the corpus does not count, rare among the character's words (将 qiāng).
            if !PinyinFrequencies.sharesFromWords(scalar) && PinyinFrequencies.shareIsFromWords(of: scalar, syllable: index) {
                if PinyinFrequencies.isStandardReading(of: scalar, syllable: index) {
                    // A measure word (一石 dàn) or an address (40弄 lòng) is in no word list.
                    if let previous, GlossChecker.countsOrPoints(previous) { return true }
                    return share >= rareStandardShare
                }
                return share >= rareUncountedShare
            }
            return share >= rareShare
        }
    }

    /// The readings the context allows at `position`, or nil when it allows every reading.
    ///
    /// Collocations (们曾: céng) hold under any split and decide alone. Otherwise the split of
    /// the context into the fewest dictionary words and single characters is the likeliest;
    /// every split that ties with it counts (的确定: 的确|定 and 的|确定), unless it weighs far
    /// less than the weightiest and that one keeps a word around the character
    /// (`withoutLightSplits`: 冲浪|手|重新 over 冲浪|手重|新). The words that
    /// contain the character in such a split decide together with, when one of those splits
    /// leaves the character alone, its frequent readings: a reading is rejected only when
    /// every likeliest split rejects it (中国大陆: 中国|大陆 beats 中|国大|陆). `readings` are the
    /// character's readings (`readingsOf`), passed in so that deciding allocates nothing.
    static func decide(
        _ words: UnsafeBufferPointer<WordMatch>, costs: SplitCosts, position: Int, scalar: UInt32, readings: [PinyinSyllable],
        context: GlossScalars, followsNumeral: Bool, particleFollowsAWord: Bool = false
    ) -> Decision? {
        // At most 64 candidate words are tracked (a position lies in far fewer).
        let candidates = min(words.count, 64)
        var kept: UInt64 = 0
        var standsAlone = false
        for i in 0..<candidates where words[i].reading.isCollocation { kept |= 1 << i }
        if kept == 0 {
            (kept, standsAlone) = likeliestWords(words, candidates, costs: costs, position: position, context: context)
            if particleFollowsAWord && endsEveryKeptWord(words, kept, candidates, at: position, otherThan: PinyinFrequencies.usual(scalar))
            {
                kept = 0
                standsAlone = true
            }
        }
        if standsAlone, PinyinFrequencies.usual(scalar) == nil { return nil }
        var tones: UInt8 = 0
        var tonesAreFull = true
        var longest: Int? = nil
        for i in 0..<candidates where kept & (1 << i) != 0 {
            if longest == nil { longest = i }
            for reading in words[i].readings(atRunPosition: position) {
                if reading.tone < 8 { tones |= 1 << reading.tone }
                tonesAreFull = tonesAreFull && reading.tone >= 1 && reading.tone <= 4
            }
        }
        let expected: PinyinSyllable
        let range: Range<Int>
        if let longest, let first = words[longest].readings(atRunPosition: position).first {
            let readings = words[longest].readings(atRunPosition: position)
            expected = readings.first(where: \.hasFullTone) ?? first
            range = words[longest].range
        } else if let usual = PinyinFrequencies.usual(scalar) {
            var chosen: PinyinSyllable? = nil
            if followsNumeral, let measure = measureReadings[scalar] {
                chosen = measure
            } else {
                for reading in readings where reading.index == usual {
                    if chosen == nil || (!chosen!.hasFullTone && reading.hasFullTone) { chosen = reading }
                }
            }
            expected = chosen ?? PinyinSyllable(index: usual, tone: 0)
            range = position..<position + 1
        } else {
            return nil
        }
        return Decision(
            expected: expected, words: words, kept: kept, standsAlone: standsAlone, tones: tones,
            tonesAreFull: tonesAreFull, word: range, position: position)
    }

    /// The words a likeliest split keeps (bit i for `words[i]`), and whether one such split
    /// leaves the character alone.
    static func likeliestWords(
        _ words: UnsafeBufferPointer<WordMatch>, _ candidates: Int, costs: SplitCosts, position: Int, context: GlossScalars
    ) -> (kept: UInt64, standsAlone: Bool) {
        var best = costs.through(position, position + 1)
        for i in 0..<candidates {
            best = min(best, costs.through(words[i].range.lowerBound, words[i].range.upperBound))
        }
        var kept: UInt64 = 0
        for i in 0..<candidates where costs.through(words[i].range.lowerBound, words[i].range.upperBound) == best {
            kept |= 1 << i
        }
        var alone = costs.through(position, position + 1) == best
        (kept, alone) = withoutLightSplits(words, kept, candidates, alone: alone, costs: costs, position: position)
        var allUnconfirmed = true
        for i in 0..<candidates where kept & (1 << i) != 0 {
            if !words[i].reading.isUnconfirmed(at: position - words[i].range.lowerBound) { allUnconfirmed = false }
        }
        // Unconfirmed words (拖拽 yè) do not keep a character from its frequent readings.
        let standsAlone = alone || allUnconfirmed
        return (withoutParticleEndings(words, kept, candidates, context: context), standsAlone)
    }

    /// How much less a tied split may weigh than the weightiest and still count: 16 weight
    /// units, a factor e^4 (about 55) in likelihood. At 12 (e^3) a name split as words was
    /// judged in running text (会长|安部 weighs 14 less than 会|长安|部).
    static let weightMargin: Int32 = 16

    /// The tied splits less those that weigh far less (`weightMargin`) than the weightiest,
    /// when the weightiest keeps a word around the character: 冲浪手重新 splits into 冲浪|手|重新
    /// and 冲浪|手重|新 alike, but 重新 is common and 手重 rare, so 重 reads chóng. When the
    /// weightiest split leaves the character alone, every tied split still counts: alone, a
    /// character is judged by how often it takes a reading, which says less than a word does.
    static func withoutLightSplits(
        _ words: UnsafeBufferPointer<WordMatch>, _ kept: UInt64, _ candidates: Int, alone: Bool, costs: SplitCosts, position: Int
    ) -> (kept: UInt64, alone: Bool) {
        // One split alone, or none: nothing to choose between.
        guard kept != 0, kept & (kept - 1) != 0 || alone else { return (kept, alone) }
        var heaviest = Int32.min
        for i in 0..<candidates where kept & (1 << i) != 0 {
            heaviest = max(heaviest, costs.weight(through: words[i]))
        }
        let aloneWeight = alone ? costs.weight(alone: position) : Int32.min
        if aloneWeight >= heaviest { return (kept, alone) }
        var heavy: UInt64 = 0
        for i in 0..<candidates where kept & (1 << i) != 0 && costs.weight(through: words[i]) >= heaviest - weightMargin {
            heavy |= 1 << i
        }
        return (heavy, alone && aloneWeight >= heaviest - weightMargin)
    }

    /// Structural particles, which follow the word they mark: 的, 地, 得.
    static let structuralParticles: ScalarSet = [0x7684, 0x5730, 0x5F97]

    /// True when the character at `position` is a structural particle (的, 地, 得) right after
    /// what can be the word it marks: one of `words` (two characters or more) ends before it
    /// (各方面的: 方面), or a degree adverb stands before a one-character word (最美的, 很好的).
    /// Then a word that ends with the particle (面的 dī, 美的 dí) does not decide it: that split
    /// is the likeliest only because fewer units cover the text (各方|面的 against 各|方面|的).
    /// Only particles look at the words, so other glossed characters cost nothing here.
    static func particleFollowsAWord(at position: Int, in scalars: GlossScalars, words: UnsafeBufferPointer<WordMatch>) -> Bool {
        // 的, 地 and 得 are their own Traditional forms; compared directly, since this runs for
        // every glossed character (a set lookup hashed each one).
        let scalar = scalars[position]
        guard scalar == 0x7684 || scalar == 0x5730 || scalar == 0x5F97 else { return false }
        if position >= 2 && degreeAdverbs.contains(scalars[position - 2]) { return true }
        return words.contains { $0.range.count >= 2 && $0.range.upperBound == position }
    }

    /// Adverbs of degree, which stand before an adjective (最美, 很好): one character after one
    /// of them is a word that a particle may mark.
    static let degreeAdverbs = ScalarSet(scalarsOf: "很最太更挺真极蛮")

    /// True when every kept word ends with the character at `position` and reads it otherwise
    /// than `usual` (the particle's own reading: 使得 and 变得 read 得 de, and so decide as the
    /// particle would), and at least one is kept.
    static func endsEveryKeptWord(
        _ words: UnsafeBufferPointer<WordMatch>, _ kept: UInt64, _ candidates: Int, at position: Int, otherThan usual: UInt16?
    ) -> Bool {
        guard kept != 0, let usual else { return false }
        for i in 0..<candidates where kept & (1 << i) != 0 {
            if words[i].range.upperBound != position + 1 { return false }
            if words[i].readings(atRunPosition: position).contains(where: { $0.index == usual }) { return false }
        }
        return true
    }

    /// The kept words less those that end in a structural particle, when a word that does
    /// not ties with them: in 相似的 the split 相似|的 ties with 相|似的, and the particle
    /// stands alone after the word it marks (似 reads sì; 似的 shì is 像…似的).
    static func withoutParticleEndings(_ words: UnsafeBufferPointer<WordMatch>, _ kept: UInt64, _ candidates: Int, context: GlossScalars)
        -> UInt64
    {
        var ending: UInt64 = 0
        for i in 0..<candidates where kept & (1 << i) != 0 && words[i].range.count == 2 {
            if structuralParticles.contains(PinyinHanNormalization.simplified(context[words[i].range.upperBound - 1])) {
                ending |= 1 << i
            }
        }
        return ending != 0 && kept & ~ending != 0 ? kept & ~ending : kept
    }

    /// For a context of `count` characters and its dictionary words, the fewest units (words
    /// or single characters) that cover each prefix `0..<i` and each suffix `i..<count`, in a
    /// buffer the caller owns (`SplitCosts.capacity(count)` entries). Among the splits of as
    /// many units, the greatest sum of unit weights (`PinyinWeights`) is computed on first
    /// `weight` call: only a tie needs it.
    struct SplitCosts {
        let buffer: UnsafeMutableBufferPointer<Int32>
        let count: Int
        let words: UnsafeBufferPointer<WordMatch>
        let scalars: GlossScalars

        /// Entries the buffer needs for a context of `count` characters: unit counts and
        /// weights, forward and backward, and a flag that the weights are computed.
        static func capacity(_ count: Int) -> Int { 4 * (count + 1) + 1 }

        init(_ all: UnsafeBufferPointer<WordMatch>, scalars: GlossScalars, buffer: UnsafeMutableBufferPointer<Int32>) {
            self.buffer = buffer
            self.count = scalars.count
            self.words = all
            self.scalars = scalars
            let count = scalars.count
            let backwardStart = count + 1
            buffer[0] = 0
            buffer[backwardStart + count] = 0
            buffer[4 * (count + 1)] = 0
            if count == 0 { return }
            // The words come ordered by start (`PinyinWords.matches`), so each pass reads them
            // once: forwards, a prefix's count is final when it is reached and is carried to
            // the ends of the words starting there; backwards, a suffix takes the words that
            // start where it does. (Reading every word for every position was a thousand
            // instructions a gloss.)
            assert(zip(all, all.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound }, "words out of order")
            for i in 1...count { buffer[i] = Int32(i) }
            var next = 0
            for i in 0..<count {
                let carried = buffer[i] + 1
                if carried < buffer[i + 1] { buffer[i + 1] = carried }
                while next < all.count && all[next].range.lowerBound <= i {
                    let word = all[next]
                    next += 1
                    if !word.reading.isCollocation && carried < buffer[word.range.upperBound] { buffer[word.range.upperBound] = carried }
                }
            }
            var last = all.count - 1
            for i in stride(from: count - 1, through: 0, by: -1) {
                var cost = buffer[backwardStart + i + 1] + 1
                while last >= 0 && all[last].range.lowerBound >= i {
                    let word = all[last]
                    last -= 1
                    if !word.reading.isCollocation { cost = min(cost, buffer[backwardStart + word.range.upperBound] + 1) }
                }
                buffer[backwardStart + i] = cost
            }
        }

        /// Fewest units covering the prefix before `i`.
        func forward(_ i: Int) -> Int32 { buffer[i] }
        /// Fewest units covering the suffix from `i`.
        func backward(_ i: Int) -> Int32 { buffer[count + 1 + i] }
        /// Fewest units of a split that keeps `start..<end` as one unit.
        func through(_ start: Int, _ end: Int) -> Int32 { forward(start) + 1 + backward(end) }

        /// The greatest weight of a split with the fewest units that keeps `word` as one unit.
        func weight(through word: WordMatch) -> Int32 {
            computeWeights()
            return buffer[2 * (count + 1) + word.range.lowerBound] + word.reading.weight
                + buffer[3 * (count + 1) + word.range.upperBound]
        }

        /// The greatest weight of a split with the fewest units that keeps the character at
        /// `position` alone.
        func weight(alone position: Int) -> Int32 {
            computeWeights()
            return buffer[2 * (count + 1) + position] + PinyinWeights.character(scalars[position])
                + buffer[3 * (count + 1) + position + 1]
        }

        /// Fills the forward and backward weights: for each prefix and suffix, the greatest
        /// weight among its splits into the fewest units.
        private func computeWeights() {
            let flag = 4 * (count + 1)
            if buffer[flag] != 0 { return }
            buffer[flag] = 1
            let forwardWeights = 2 * (count + 1)
            let backwardWeights = 3 * (count + 1)
            buffer[forwardWeights] = 0
            buffer[backwardWeights + count] = 0
            if count == 0 { return }
            for i in 1...count {
                // Only splits with the fewest units count: a unit extends a split of one unit
                // fewer (every prefix has one, so some unit always does).
                var best = Int32.min / 2
                if forward(i - 1) + 1 == forward(i) {
                    best = buffer[forwardWeights + i - 1] + PinyinWeights.character(scalars[i - 1])
                }
                for word in words where word.range.upperBound == i && !word.reading.isCollocation {
                    if forward(word.range.lowerBound) + 1 == forward(i) {
                        best = max(best, buffer[forwardWeights + word.range.lowerBound] + word.reading.weight)
                    }
                }
                buffer[forwardWeights + i] = best
            }
            for i in stride(from: count - 1, through: 0, by: -1) {
                var best = Int32.min / 2
                if backward(i + 1) + 1 == backward(i) {
                    best = buffer[backwardWeights + i + 1] + PinyinWeights.character(scalars[i])
                }
                for word in words where word.range.lowerBound == i && !word.reading.isCollocation {
                    if backward(word.range.upperBound) + 1 == backward(i) {
                        best = max(best, buffer[backwardWeights + word.range.upperBound] + word.reading.weight)
                    }
                }
                buffer[backwardWeights + i] = best
            }
        }
    }
}
