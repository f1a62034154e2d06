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
            if !words.isEmpty {
                if allWords == nil { allWords = PinyinWords.matches(in: scalars) }
                decision = decide(words, all: allWords!, position: position)
            }
            let word = decision.map { Array(gloss.context[$0.word]) } ?? []
            let sameSyllable = readings.filter { $0.index == syllable.index }
            if sameSyllable.isEmpty {
                findings.append(
                    GlossFinding(
                        kind: .notAReading, index: k, character: character, found: syllable,
                        expected: decision?.expected, word: word, readings: readings))
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
            if decision.expected.index != syllable.index {
                findings.append(
                    GlossFinding(
                        kind: .wrongReadingInWord, index: k, character: character, found: syllable,
                        expected: decision.expected, word: word, readings: readings))
            } else if comparesTone && decision.tonesAreFull
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

    /// What the dictionary words around a character say about its reading.
    struct Decision {
        /// The reading (from the longest word; first full-tone reading if any).
        var expected: PinyinSyllable
        /// Every tone the words give the character.
        var tones: Set<UInt8>
        /// True when no word gives the character a neutral tone.
        var tonesAreFull: Bool
        /// Positions of the deciding (longest) word in the context.
        var word: Range<Int>
    }

    /// The reading the words containing `position` agree on, or nil when they disagree or a
    /// word is contested by an overlapping word that leaves the character out.
    static func decide(_ words: [WordMatch], all: [WordMatch], position: Int) -> Decision? {
        // A word that overlaps a word containing the character, leaves the character out and
        // is not part of the longest word offers a reading of the text where the character
        // stands outside those words.
        // Collocations hold under any split, so they neither contest nor get contested.
        let dictionaryWords = words.filter { !$0.reading.isCollocation }
        if let longestRange = dictionaryWords.first?.range {
            for other in all where !other.range.contains(position) && !other.reading.isCollocation {
                let insideLongest = other.range.lowerBound >= longestRange.lowerBound
                    && other.range.upperBound <= longestRange.upperBound
                if !insideLongest
                    && dictionaryWords.contains(where: { $0.range.overlaps(other.range) })
                {
                    return nil
                }
            }
        }
        var syllable: UInt16? = nil
        var tones = Set<UInt8>()
        for word in words {
            for reading in word.readings(atRunPosition: position) {
                if let syllable, syllable != reading.index { return nil }
                syllable = reading.index
                tones.insert(reading.tone)
            }
        }
        let longest = words[0]
        let readings = longest.readings(atRunPosition: position)
        guard let first = readings.first else { return nil }
        let expected = readings.first(where: \.hasFullTone) ?? first
        return Decision(
            expected: expected, tones: tones, tonesAreFull: tones.allSatisfy { $0 >= 1 && $0 <= 4 },
            word: longest.range)
    }
}
