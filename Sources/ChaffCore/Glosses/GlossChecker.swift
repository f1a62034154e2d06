import ChaffData

/// One problem with one syllable of a gloss.
public struct GlossFinding: Hashable, Sendable {
    /// What is wrong.
    public enum Kind: String, Hashable, Sendable {
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
    }

    /// What is wrong.
    public let kind: Kind
    /// Index of the syllable (and of its character in `Gloss.base`).
    public let index: Int
    /// The glossed character.
    public let character: GlossCharacter
    /// The syllable as glossed.
    public let found: PinyinSyllable
    /// The reading the dictionary word gives, with its tone (print `expected.marked`); nil when
    /// no word decides it.
    public let expected: PinyinSyllable?
    /// The dictionary word in the text that decides the reading; empty when none.
    public let word: [GlossCharacter]
    /// All readings of the character (for `notAReading` and `wrongTone` messages).
    public let readings: [PinyinSyllable]

    /// Makes a finding.
    public init(
        kind: Kind, index: Int, character: GlossCharacter, found: PinyinSyllable,
        expected: PinyinSyllable?, word: [GlossCharacter], readings: [PinyinSyllable]
    ) {
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
/// 4. Silence when the words disagree (各自省份: 自省 xǐng vs 省份 shěng), when a word is
///    contested (another word overlaps it without containing the character: in 的确定, 确定
///    competes with 的确, so 的 may stand alone), or when no word contains the character.
///
/// False alarms cost more than misses, so every doubt resolves to silence.
public enum GlossChecker {
    /// Characters whose tone depends on the following syllable (tone sandhi), so their tones
    /// are never compared.
    public static let sandhiCharacters: Set<UInt32> = [0x4E00, 0x4E0D]  // 一 不

    /// The findings for one gloss, in syllable order (a repeated-gloss finding first).
    public static func check(_ gloss: Gloss) -> [GlossFinding] {
        var findings: [GlossFinding] = []
        if let repeated = gloss.repeatedSyllables, let first = gloss.base.first,
            repeated.map(\.index) != gloss.syllables.map(\.index)
        {
            findings.append(
                GlossFinding(
                    kind: .repeatedGloss, index: 0, character: first, found: gloss.syllables[0],
                    expected: nil, word: [], readings: repeated))
        }
        let scalars = gloss.context.map(\.scalar)
        var allWords: [WordMatch]? = nil
        for (k, syllable) in gloss.syllables.enumerated() {
            let character = gloss.base[k]
            let readings = readingsOf(character.scalar)
            if readings.isEmpty { continue }
            let position = gloss.basePosition + k
            let words = PinyinWords.matches(in: scalars, containing: position)
            let wordReadings = words.flatMap { $0.readings(atRunPosition: position) }
            var decision: Decision? = nil
            if allWords == nil { allWords = PinyinWords.matches(in: scalars) }
            decision = decide(
                words, all: allWords!, position: position, scalar: character.scalar,
                count: scalars.count)
            // A character standing alone has no deciding word to name.
            let word = decision.map { $0.words.isEmpty ? [] : Array(gloss.context[$0.word]) } ?? []
            let sameSyllable = readings.filter { $0.index == syllable.index }
            if sameSyllable.isEmpty {
                findings.append(
                    GlossFinding(
                        kind: .notAReading, index: k, character: character, found: syllable,
                        expected: word.isEmpty ? nil : decision?.expected, word: word, readings: readings))
                continue
            }
            let comparesTone = syllable.hasFullTone && !sandhiCharacters.contains(character.scalar)
            if comparesTone && !sameSyllable.contains(where: { $0.tone == syllable.tone })
                && sameSyllable.allSatisfy(\.hasFullTone) && !wordReadings.contains(syllable)
            {
                findings.append(
                    GlossFinding(
                        kind: .wrongTone, index: k, character: character, found: syllable,
                        expected: decision?.expected, word: word, readings: readings))
                continue
            }
            guard let decision else { continue }
            // A gloss over several characters that no word covers is most often a name, and
            // surnames take readings that are rare in running text (單小明: shàn).
            if decision.words.isEmpty && gloss.base.count > 1 { continue }
            let previous: UInt32? = position > 0 ? scalars[position - 1] : nil
            let next: UInt32? = position + 1 < scalars.count ? scalars[position + 1] : nil
            if !decision.accepts(syllable.index, of: character.scalar, after: previous, before: next) {
                findings.append(
                    GlossFinding(
                        kind: decision.words.isEmpty ? .rareReading : .wrongReadingInWord, index: k,
                        character: character, found: syllable, expected: decision.expected,
                        word: word, readings: readings))
            } else if comparesTone && !decision.standsAlone && decision.tonesAreFull
                && decision.words.allSatisfy({ word in
                    word.readings(atRunPosition: position).allSatisfy { $0.index == syllable.index }
                })
                && !decision.tones.contains(syllable.tone)
            {
                findings.append(
                    GlossFinding(
                        kind: .wrongToneInWord, index: k, character: character, found: syllable,
                        expected: decision.expected, word: word, readings: readings))
            }
        }
        return findings
    }

    /// The findings for many glosses, in order.
    public static func check(_ glosses: [Gloss]) -> [GlossFinding] {
        glosses.flatMap { check($0) }
    }

    /// The readings of a character together with those of its simplified forms, so that a
    /// Traditional character is not held to fewer readings than the words it appears in
    /// (績 has only jī in Unihan, 绩 also jì).
    public static func readingsOf(_ scalar: UInt32) -> [PinyinSyllable] {
        var readings = PinyinReadings.readings(of: scalar)
        var forms = [PinyinHanNormalization.simplified(scalar)]
        if let other = PinyinHanNormalization.alternative(scalar) { forms.append(other) }
        for form in forms where form != scalar {
            for reading in PinyinReadings.readings(of: form) where !readings.contains(reading) {
                readings.append(reading)
            }
        }
        return readings
    }

    /// True when every syllable of the gloss is a reading of its character: the gloss is
    /// plausibly meant as pinyin. A rule can count these per document and report
    /// `notAReading` only where glossing is evidently the document's habit.
    public static func isConfirmed(_ gloss: Gloss) -> Bool {
        zip(gloss.syllables, gloss.base).allSatisfy { syllable, character in
            readingsOf(character.scalar).contains { $0.index == syllable.index }
        }
    }

    /// Share of running-text uses, in per mille, below which a reading of a character that
    /// stands alone is rare enough to report.
    /// (On the tune half of the polyphone benchmark, Benchmarks/glosses, 30-100 find nearly the
    /// same; the low end keeps 着 zháo, 4.9%, which 睡不着 and 用不着 need alone.)
    static let rareShare = 30

    /// Numerals and demonstratives, after which a character may be a measure word.
    static let numeralsAndDemonstratives: Set<UInt32> = Set(
        "〇零一二三四五六七八九十百千万亿两几数每这那哪此该某各半双".unicodeScalars.map(\.value))

    /// True when `scalar` is a numeral or demonstrative (a measure word may follow it).
    static func countsOrPoints(_ scalar: UInt32) -> Bool {
        numeralsAndDemonstratives.contains(scalar)
    }

    /// What the words around a character allow it to read.
    struct Decision {
        /// The reading to suggest: from the deciding word (first full-tone reading if any), or
        /// the character's usual reading when it stands alone.
        var expected: PinyinSyllable
        /// The words containing the character that a likeliest split of the text keeps.
        var words: [WordMatch]
        /// True when a likeliest split leaves the character alone (then its frequent readings
        /// are allowed too).
        var standsAlone: Bool
        /// Every tone the kept words give the character.
        var tones: Set<UInt8>
        /// True when no kept word gives the character a neutral tone.
        var tonesAreFull: Bool
        /// Positions of the deciding word in the context (the character itself when it stands
        /// alone).
        var word: Range<Int>
        /// Position of the character in the context.
        var position: Int

        /// True when a kept word reads the character with this toneless syllable, or the
        /// character may stand alone and takes the syllable often enough.
        ///
        /// Shares from dictionary words (characters without corpus counts) do not see measure
        /// words or names, so they judge only a character that follows another Han character
        /// which is no numeral or demonstrative (两幢 zhuàng is a measure word in no dictionary).
        ///
        /// A bound reading (什 shén, which the dictionary gives only before 么) is accepted
        /// next to its neighbour however the text is split.
        func accepts(_ index: UInt16, of scalar: UInt32, after previous: UInt32?, before next: UInt32?) -> Bool {
            for word in words where word.readings(atRunPosition: position).contains(where: { $0.index == index }) {
                return true
            }
            guard standsAlone else { return false }
            if let bound = PinyinFrequencies.boundNeighbour(of: scalar, syllable: index) {
                let neighbour = bound.before ? previous : next
                if let neighbour, PinyinHanNormalization.simplified(neighbour) == bound.scalar { return true }
            }
            if PinyinFrequencies.sharesFromWords(scalar) {
                guard let previous, !GlossChecker.countsOrPoints(previous) else { return true }
            }
            return (PinyinFrequencies.share(of: scalar, syllable: index) ?? 1000) >= rareShare
        }
    }

    /// The readings the context allows at `position`, or nil when it allows every reading.
    ///
    /// Collocations (们曾: céng) hold under any split and decide alone. Otherwise the split of
    /// the context into the fewest dictionary words and single characters is the likeliest;
    /// every split that ties with it counts (的确定: 的确|定 and 的|确定). The words that
    /// contain the character in such a split decide together with, when one of those splits
    /// leaves the character alone, its frequent readings: a reading is rejected only when
    /// every likeliest split rejects it (中国大陆: 中国|大陆 beats 中|国大|陆).
    static func decide(
        _ words: [WordMatch], all: [WordMatch], position: Int, scalar: UInt32, count: Int
    ) -> Decision? {
        let collocations = words.filter(\.reading.isCollocation)
        var kept: [WordMatch]
        var standsAlone = false
        if !collocations.isEmpty {
            kept = collocations
        } else {
            // Fewest units covering the prefix before i (forward) and the suffix from i (backward).
            let (forward, backward) = splitCosts(all, count: count)
            var best = forward[position] + 1 + backward[position + 1]
            for word in words {
                best = min(best, forward[word.range.lowerBound] + 1 + backward[word.range.upperBound])
            }
            kept = words.filter {
                forward[$0.range.lowerBound] + 1 + backward[$0.range.upperBound] == best
            }
            // Unconfirmed words (拖拽 yè) do not keep a character from its frequent readings.
            standsAlone = forward[position] + 1 + backward[position + 1] == best
                || kept.allSatisfy { $0.reading.isUnconfirmed(at: position - $0.range.lowerBound) }
        }
        if standsAlone, PinyinFrequencies.usual(scalar) == nil { return nil }
        var tones = Set<UInt8>()
        for word in kept {
            for reading in word.readings(atRunPosition: position) { tones.insert(reading.tone) }
        }
        let expected: PinyinSyllable
        let range: Range<Int>
        if let longest = kept.first, let first = longest.readings(atRunPosition: position).first {
            let readings = longest.readings(atRunPosition: position)
            expected = readings.first(where: \.hasFullTone) ?? first
            range = longest.range
        } else if let usual = PinyinFrequencies.usual(scalar) {
            let readings = readingsOf(scalar).filter { $0.index == usual }
            expected = readings.first(where: \.hasFullTone) ?? readings.first
                ?? PinyinSyllable(index: usual, tone: 0)
            range = position..<position + 1
        } else {
            return nil
        }
        return Decision(
            expected: expected, words: kept, standsAlone: standsAlone, tones: tones,
            tonesAreFull: tones.allSatisfy { $0 >= 1 && $0 <= 4 }, word: range, position: position)
    }

    /// For a context of `count` characters and its dictionary words, the fewest units (words
    /// or single characters) that cover each prefix `0..<i` and each suffix `i..<count`.
    static func splitCosts(_ all: [WordMatch], count: Int) -> (forward: [Int], backward: [Int]) {
        var forward = [Int](repeating: 0, count: count + 1)
        var backward = [Int](repeating: 0, count: count + 1)
        if count == 0 { return (forward, backward) }
        for i in 1...count {
            var cost = forward[i - 1] + 1
            for word in all where word.range.upperBound == i && !word.reading.isCollocation {
                cost = min(cost, forward[word.range.lowerBound] + 1)
            }
            forward[i] = cost
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            var cost = backward[i + 1] + 1
            for word in all where word.range.lowerBound == i && !word.reading.isCollocation {
                cost = min(cost, backward[word.range.upperBound] + 1)
            }
            backward[i] = cost
        }
        return (forward, backward)
    }
}
