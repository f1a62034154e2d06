import ChaffData

/// A Han character in the source, with its byte range.
///
/// Eight bytes: a glossed page kept some fifteen of these per gloss (its base and context)
/// before neighbouring glosses shared their contexts, and their arrays held near a third of
/// its heap, whose first touch of each page was a tenth of the run. The code point takes 21 bits, the sequence's length 3 and its start the other
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
/// Offsets into its document's `GlossStore`: every gloss rule reads the document's list,
/// and a gloss with arrays of its own (four a gloss, in an object) was a tenth of a glossed
/// page's run in allocation and teardown. A copy retains the store alone.
package struct Gloss: Hashable, Sendable {
    /// How the gloss is written.
    package enum Form: String, Hashable, Sendable {
        /// `BASE(gloss)` or `BASE（gloss）`.
        case parenthesized
        /// `<ruby>BASE<rt>gloss</rt></ruby>`.
        case ruby
    }

    private let store: GlossStore
    // Offsets into the store as Int (a store of a file of several hundred megabytes passes
    // 2^31 entries), counts as Int32.
    private let contextStart: Int
    private let baseStart: Int
    private let syllableStart: Int
    /// -1 for a gloss that repeats none.
    private let repeatedStart: Int
    private let contextCount: Int32
    private let baseCount: Int32
    private let repeatedCount: Int32

    /// How the gloss is written.
    package let form: Form
    /// The whole gloss: `(jiao)` with its parentheses, or the `<rt>…</rt>` element.
    package let glossRange: Range<Int>
    /// The gloss text alone: inside the parentheses or inside `<rt>`.
    package let textRange: Range<Int>
    /// True when the gloss text carries tones (marks or digits); then unmarked syllables in it
    /// are neutral.
    package let hasTones: Bool
    /// True when a digit (ASCII or fullwidth) comes right before `context` (`150幢`): the
    /// character after it may be a measure word although the Han run holds no numeral.
    package let digitBefore: Bool
    /// Index of `base[0]` in `context`.
    package let basePosition: Int

    /// The glossed characters, one per syllable, in text order.
    package var base: GlossElements<GlossCharacter> {
        GlossElements(store.characters, offset: baseStart, count: Int(baseCount))
    }
    /// The gloss syllables, one per base character.
    package var syllables: GlossElements<PinyinSyllable> {
        GlossElements(store.syllables, offset: syllableStart, count: Int(baseCount))
    }
    /// For a second gloss on the same characters (`著(zhu)(zhe)`), the syllables of the first.
    package var repeatedSyllables: GlossElements<PinyinSyllable>? {
        repeatedStart < 0 ? nil : GlossElements(store.syllables, offset: repeatedStart, count: Int(repeatedCount))
    }
    /// The Han characters around the base as a reader sees them: the glossed run with every
    /// adjacent gloss removed (`角(jiao)色` reads 角色), at most `GlossParser.contextRadius`
    /// characters on either side of the base.
    package var context: GlossElements<GlossCharacter> {
        GlossElements(store.characters, offset: contextStart, count: Int(contextCount))
    }

    /// The number of glossed characters (and of syllables).
    var syllableCount: Int { Int(baseCount) }

    /// Syllable `k` (as `syllables[k]`), read from the store without a view of the gloss's
    /// syllables: loops over every gloss of a page read these.
    func syllable(_ k: Int) -> PinyinSyllable {
        precondition(k >= 0 && k < Int(baseCount), "gloss syllable out of range")
        return store.syllables[syllableStart + k]
    }

    /// The code point of base character `k` (as `base[k].scalar`), read in place.
    func baseScalar(_ k: Int) -> UInt32 {
        precondition(k >= 0 && k < Int(baseCount), "gloss base character out of range")
        return store.characters[baseStart + k].scalar
    }

    /// Whether this is a second gloss on the same characters (`repeatedSyllables != nil`).
    var repeatsAGloss: Bool { repeatedStart >= 0 }

    /// Where a gloss's pieces lie in its store.
    struct Placement {
        /// `context` in the store's characters; `base` lies inside, at `basePosition`.
        var context: Range<Int>
        var basePosition: Int
        var baseCount: Int
        /// The first syllable in the store's syllables.
        var syllableStart: Int
        /// The repeated gloss's syllables in the store, if any.
        var repeated: Range<Int>?
        /// `Gloss.digitBefore`.
        var digitBefore: Bool
    }

    /// A gloss whose characters and syllables lie in `store` as `placement` says.
    init(
        store: GlossStore, placement: Placement, form: Form, glossRange: Range<Int>, textRange: Range<Int>,
        hasTones: Bool
    ) {
        self.store = store
        contextStart = placement.context.lowerBound
        contextCount = Int32(placement.context.count)
        baseStart = placement.context.lowerBound + placement.basePosition
        baseCount = Int32(placement.baseCount)
        basePosition = placement.basePosition
        syllableStart = placement.syllableStart
        repeatedStart = placement.repeated?.lowerBound ?? -1
        repeatedCount = Int32(placement.repeated?.count ?? 0)
        self.form = form
        self.glossRange = glossRange
        self.textRange = textRange
        self.hasTones = hasTones
        digitBefore = placement.digitBefore
    }

    /// Makes a gloss record with a store of its own (ruby glosses, tests); `base` need not
    /// lie in `context`.
    package init(
        form: Form, base: [GlossCharacter], syllables: [PinyinSyllable], glossRange: Range<Int>,
        textRange: Range<Int>, hasTones: Bool, repeatedSyllables: [PinyinSyllable]?,
        context: [GlossCharacter], basePosition: Int, digitBefore: Bool = false
    ) {
        precondition(base.count == syllables.count, "a gloss has one syllable per base character")
        store = GlossStore(characters: context + base, syllables: syllables + (repeatedSyllables ?? []))
        contextStart = 0
        contextCount = Int32(context.count)
        baseStart = context.count
        baseCount = Int32(base.count)
        self.basePosition = basePosition
        syllableStart = 0
        repeatedStart = repeatedSyllables == nil ? -1 : syllables.count
        repeatedCount = Int32(repeatedSyllables?.count ?? 0)
        self.form = form
        self.glossRange = glossRange
        self.textRange = textRange
        self.hasTones = hasTones
        self.digitBefore = digitBefore
    }

    package static func == (a: Gloss, b: Gloss) -> Bool {
        a.form == b.form && a.glossRange == b.glossRange && a.textRange == b.textRange && a.hasTones == b.hasTones
            && a.basePosition == b.basePosition && a.digitBefore == b.digitBefore && a.base == b.base
            && a.syllables == b.syllables && a.repeatedSyllables == b.repeatedSyllables && a.context == b.context
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
            // By index: a zip of the split and a slice of the run cost more than the readings
            // it asked for (every gloss of a page is chosen here), and its generic type's first
            // use a tenth of a millisecond.
            let first = run.endIndex - count
            var score = 0
            for k in 0..<count where GlossChecker.hasReading(run[first + k].scalar, index: split[k].index) {
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
