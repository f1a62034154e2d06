import ChaffData

/// A Han character in the source, with its byte range.
///
/// Eight bytes: a glossed page keeps some fifteen of these per gloss (its base and context),
/// and their arrays held near a third of its heap, whose first touch of each page was a tenth
/// of the run. The code point takes 21 bits, the sequence's length 3 and its start the other
/// 40 (offsets below a terabyte).
package struct GlossCharacter: Hashable, Sendable {
    private let packed: UInt64

    /// The character's code point.
    package var scalar: UInt32 { UInt32(truncatingIfNeeded: packed & 0x1F_FFFF) }

    /// Byte offsets of its UTF-8 sequence in the source.
    package var range: Range<Int> {
        let start = Int(truncatingIfNeeded: packed >> 24)
        return start..<(start + Int(truncatingIfNeeded: (packed >> 21) & 7))
    }

    /// Makes a character record; `range` is at most four bytes long.
    package init(scalar: UInt32, range: Range<Int>) {
        packed = UInt64(scalar & 0x1F_FFFF) | UInt64(range.count & 7) << 21 | UInt64(range.lowerBound) << 24
    }
}

/// One pinyin gloss found in a document: `角(jiao)`, `银行（yín háng）` or a `<ruby>` `<rt>`.
///
/// A class whose properties are all constants, so it behaves as a value: every gloss rule
/// reads the document's list, and as a struct each read of a gloss copied its four arrays (a
/// retain of each, touching four objects), which on a glossed page took a tenth of the run.
package final class Gloss: Hashable, Sendable {
    /// How the gloss is written.
    package enum Form: String, Hashable, Sendable {
        /// `BASE(gloss)` or `BASE（gloss）`.
        case parenthesized
        /// `<ruby>BASE<rt>gloss</rt></ruby>`.
        case ruby
    }

    /// How the gloss is written.
    package let form: Form
    /// The glossed characters, one per syllable, in text order.
    package let base: [GlossCharacter]
    /// The gloss syllables, one per base character.
    package let syllables: [PinyinSyllable]
    /// The whole gloss: `(jiao)` with its parentheses, or the `<rt>…</rt>` element.
    package let glossRange: Range<Int>
    /// The gloss text alone: inside the parentheses or inside `<rt>`.
    package let textRange: Range<Int>
    /// True when the gloss text carries tones (marks or digits); then unmarked syllables in it
    /// are neutral.
    package let hasTones: Bool
    /// For a second gloss on the same characters (`著(zhu)(zhe)`), the syllables of the first.
    package let repeatedSyllables: [PinyinSyllable]?
    /// The Han characters around the base as a reader sees them: the glossed run with every
    /// adjacent gloss removed (`角(jiao)色` reads 角色), at most `GlossParser.contextRadius`
    /// characters on either side of the base.
    package let context: [GlossCharacter]
    /// Index of `base[0]` in `context`.
    package let basePosition: Int
    /// True when a digit (ASCII or fullwidth) comes right before `context` (`150幢`): the
    /// character after it may be a measure word although the Han run holds no numeral.
    package let digitBefore: Bool

    /// Makes a gloss record.
    package init(
        form: Form, base: [GlossCharacter], syllables: [PinyinSyllable], glossRange: Range<Int>,
        textRange: Range<Int>, hasTones: Bool, repeatedSyllables: [PinyinSyllable]?,
        context: [GlossCharacter], basePosition: Int, digitBefore: Bool = false
    ) {
        self.digitBefore = digitBefore
        self.form = form
        self.base = base
        self.syllables = syllables
        self.glossRange = glossRange
        self.textRange = textRange
        self.hasTones = hasTones
        self.repeatedSyllables = repeatedSyllables
        self.context = context
        self.basePosition = basePosition
    }

    package static func == (a: Gloss, b: Gloss) -> Bool {
        a === b
            || (a.form == b.form && a.base == b.base && a.syllables == b.syllables && a.glossRange == b.glossRange
                && a.textRange == b.textRange && a.hasTones == b.hasTones && a.repeatedSyllables == b.repeatedSyllables
                && a.context == b.context && a.basePosition == b.basePosition && a.digitBefore == b.digitBefore)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(form)
        hasher.combine(base)
        hasher.combine(syllables)
        hasher.combine(glossRange)
        hasher.combine(textRange)
        hasher.combine(hasTones)
        hasher.combine(repeatedSyllables)
        hasher.combine(context)
        hasher.combine(basePosition)
        hasher.combine(digitBefore)
    }
}

/// Choosing among the splits of a gloss text the one that fits the characters it annotates.
enum GlossSegmentationChoice {
    /// The split to use for a run of Han characters (`run` ends where the gloss begins), or nil
    /// when no split fits. With `exactCount` the split must cover exactly the run (ruby);
    /// otherwise it annotates the last n characters, n ≤ run length.
    ///
    /// Preference: the first split (greedy order) whose every syllable is a reading of its
    /// character; else the split with most such syllables. A split of two or more syllables of
    /// which none is a reading is rejected: that is an English word or a name, not a gloss.
    static func choose<Run: RandomAccessCollection<GlossCharacter>>(
        _ splits: [[PinyinSyllable]], run: Run, exactCount: Bool
    ) -> [PinyinSyllable]? where Run.Index == Int {
        var best: [PinyinSyllable]? = nil
        var bestScore = -1
        for split in splits {
            let count = split.count
            guard count >= 1, exactCount ? count == run.count : count <= run.count else {
                continue
            }
            let chars = run[(run.endIndex - count)...]
            var score = 0
            for (syllable, char) in zip(split, chars)
            where GlossChecker.hasReading(char.scalar, index: syllable.index) {
                score += 1
            }
            if score == count { return split }
            if count >= 2 && score == 0 { continue }
            if score > bestScore {
                best = split
                bestScore = score
            }
        }
        return best
    }
}
