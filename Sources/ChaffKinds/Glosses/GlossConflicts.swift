import ChaffData
import ChaffText

/// One inconsistency among the glosses of a document: a later gloss that reads a character
/// otherwise than an earlier gloss of the same thing.
package struct GlossConflict: Hashable, Sendable {
    /// What the two glosses share.
    package enum Kind: String, Hashable, Sendable {
        /// The same characters glossed twice in a row: `著(zhu)(zhe)`.
        case repeated
        /// The same character in the same dictionary word: `银行(hang)` … `银行(xing)`.
        case word
    }

    /// What the two glosses share.
    package let kind: Kind
    /// The later gloss, which is reported.
    package let gloss: Gloss
    /// The syllable of `gloss` that disagrees.
    package let index: Int
    /// The earlier gloss.
    package let first: Gloss
    /// The syllable of `first` it disagrees with.
    package let firstIndex: Int
    /// The word the character stands in, from the later gloss's context (empty for `repeated`).
    package let word: [GlossCharacter]

    /// Makes a conflict record.
    package init(kind: Kind, gloss: Gloss, index: Int, first: Gloss, firstIndex: Int, word: [GlossCharacter]) {
        self.kind = kind
        self.gloss = gloss
        self.index = index
        self.first = first
        self.firstIndex = firstIndex
        self.word = word
    }
}

/// Finds glosses that contradict each other within one document.
///
/// - A gloss right after another on the same characters (`著(zhu)(zhe)`) conflicts when any
///   syllable differs; the same gloss twice (`着(zhe)(zhe)`) is redundant, not inconsistent.
/// - Otherwise each glossed character is keyed by the dictionary word it stands in (the
///   longest word around it in `Gloss.context`, provided no overlapping word competes for its
///   characters, as in 的确定) and its place in that word; a character in no word is keyed by
///   a multi-character base (`肖仰华(xiao yang hua)`), and a lone character in no word is not
///   keyed at all: 长(zhang) and 长(chang) standing alone are both right. Keys use simplified
///   forms, so 銀行 and 银行 are one word. The first gloss of each key is remembered; a later
///   one that disagrees is a conflict (one per gloss, at its first disagreeing syllable).
///
/// Two readings that the word itself lists for the character (流血: xuè and xiě) are variants,
/// not a conflict.
///
/// Syllables disagree when they differ, or when both carry full tones (1-4) that differ
/// (好(hǎo)奇 … 好(hào)奇), except for 一 and 不 (tone sandhi); a toneless or neutral gloss
/// agrees with any tone of its syllable. A pair where `GlossChecker` already finds either
/// gloss wrong is left to the gloss-reading rules, so that one mistake is reported once; for
/// the same reason characters with a single reading (`GlossChecker.hasSingleReading`) are not
/// keyed: any disagreement about them is a wrong reading or tone.
package enum GlossConflicts {
    /// The conflicts among `glosses` (in source order), in source order of the later gloss.
    package static func conflicts(in glosses: [Gloss]) -> [GlossConflict] {
        // Neighbouring glosses share most of their context: each word window is looked up
        // once per document.
        let words = ContextWordLists(glosses, mayFind: glosses.map(GlossChecker.mayFind))
        return conflicts(in: glosses, words: words) { n, k in
            GlossChecker.mayFind(glosses[n]) && isFlagged(GlossChecker.check(glosses[n]), k)
        }
    }

    /// `conflicts(in: glosses)` given what a document computes once for its gloss rules: the
    /// words of each gloss's context (`DocumentGlosses.contextWords`; empty where
    /// `GlossChecker.mayFind` is false), and `flagged(n, k)`, true when `GlossChecker.mayFind`
    /// passes gloss `n` and `GlossChecker` finds its syllable `k` wrong.
    static func conflicts(
        in glosses: [Gloss], words: ContextWordLists, flagged isFlagged: (Int, Int) -> Bool
    ) -> [GlossConflict] {
        var result: [GlossConflict] = []
        var firstByKey = FirstGlosses()
        var singleReading = SingleReadingMemo()
        // Read in place: a copy of each gloss retained and released its store.
        glosses.withUnsafeBufferPointer { buffer in
            for n in buffer.indices {
                let found = conflict(
                    of: buffer[n], n, in: glosses, words: words, flagged: isFlagged, firstByKey: &firstByKey,
                    singleReading: &singleReading)
                if let found { result.append(found) }
            }
        }
        return result
    }

    /// The conflict of `gloss`, gloss `n` of `glosses`, with an earlier one, if any; records
    /// its keys in `firstByKey` (see `conflicts(in:words:flagged:)`).
    private static func conflict(
        of gloss: Gloss, _ n: Int, in glosses: [Gloss], words: ContextWordLists, flagged isFlagged: (Int, Int) -> Bool,
        firstByKey: inout FirstGlosses, singleReading: inout SingleReadingMemo
    ) -> GlossConflict? {
        if gloss.repeatsAGloss { return repeatedConflict(glosses, n) }
        for k in 0..<gloss.syllableCount where !singleReading.hasSingleReading(gloss.baseScalar(k)) {
            guard let (key, word) = wordKey(gloss, k, words: words[n]) else { continue }
            guard let earlier = firstByKey.first(of: key, else: (n, k)) else { continue }
            let firstSyllable = glosses[earlier.gloss].syllable(earlier.index)
            guard disagree(firstSyllable, gloss.syllable(k), gloss.baseScalar(k)),
                !isFlagged(n, k), !isFlagged(earlier.gloss, earlier.index),
                !bothValid(firstSyllable, gloss.syllable(k), gloss, k, word: word, words: words[n])
            else { continue }
            return GlossConflict(
                kind: .word, gloss: gloss, index: k, first: glosses[earlier.gloss], firstIndex: earlier.index,
                word: gloss.context.elements(word))
        }
        return nil
    }

    /// The conflict of gloss `n`, a second gloss on the same characters (`著(zhu)(zhe)`), with
    /// the gloss before it; nil when they agree.
    static func repeatedConflict(_ glosses: [Gloss], _ n: Int) -> GlossConflict? {
        let gloss = glosses[n]
        guard let repeated = gloss.repeatedSyllables else { return nil }
        let baseRanges = gloss.base.map(\.range)
        guard let m = glosses[..<n].lastIndex(where: { $0.base.map(\.range) == baseRanges }),
            repeated.count == gloss.syllables.count,
            let k = gloss.syllables.indices.first(where: {
                disagree(repeated[$0], gloss.syllables[$0], gloss.base[$0].scalar)
            })
        else { return nil }
        return GlossConflict(kind: .repeated, gloss: gloss, index: k, first: glosses[m], firstIndex: k, word: [])
    }

    /// True when the two readings of one character contradict each other.
    static func disagree(_ a: PinyinSyllable, _ b: PinyinSyllable, _ scalar: UInt32) -> Bool {
        if a.index != b.index { return true }
        return a.hasFullTone && b.hasFullTone && a.tone != b.tone
            && !GlossChecker.sandhiCharacters.contains(scalar)
    }

    /// True when the word the character stands in reads it both ways (流血: xuè and xiě, 露出:
    /// lù and lòu): two glosses that each give a reading the dictionary lists for the word
    /// are variants, not a contradiction.
    static func bothValid(
        _ a: PinyinSyllable, _ b: PinyinSyllable, _ gloss: Gloss, _ k: Int, word: Range<Int>, words all: GlossElements<WordMatch>
    ) -> Bool {
        let position = gloss.basePosition + k
        let containing = all.withUnsafeBufferPointer { WordMatches.containing(position, in: $0) }
        for match in containing
        where match.range == word && !match.reading.isCollocation {
            let readings = match.readings(atRunPosition: position)
            func lists(_ s: PinyinSyllable) -> Bool {
                readings.contains { $0.index == s.index && (!s.hasFullTone || !$0.hasFullTone || $0.tone == s.tone) }
            }
            if lists(a) && lists(b) { return true }
        }
        return false
    }

    /// True when `findings` (of one gloss) find syllable `k` wrong.
    static func isFlagged(_ findings: [GlossFinding], _ k: Int) -> Bool {
        findings.contains { $0.index == k && $0.kind != .repeatedGloss }
    }

    /// The key of syllable `k` of `gloss` (simplified word, then the position in it) and the
    /// word's positions in the gloss's context; nil when the character is not keyed.
    /// `words` are those of the gloss's context (`PinyinWords.matches`).
    static func wordKey(_ gloss: Gloss, _ k: Int, words: GlossElements<WordMatch>) -> (WordKey, Range<Int>)? {
        words.withUnsafeBufferPointer { wordKey(gloss, k, words: $0) }
    }

    private static func wordKey(_ gloss: Gloss, _ k: Int, words all: UnsafeBufferPointer<WordMatch>) -> (WordKey, Range<Int>)? {
        let position = gloss.basePosition + k
        // The words holding the character are read from `all` in place (no list of them is
        // built per syllable): the longest, the leftmost of the longest as
        // `WordMatches.containing` orders them.
        func holds(_ word: WordMatch) -> Bool { !word.reading.isCollocation && word.range.contains(position) }
        var longest: Range<Int>? = nil
        for word in all where holds(word) && word.range.count > (longest?.count ?? 0) { longest = word.range }
        let range: Range<Int>
        if let longest {
            for other in all
            where !other.reading.isCollocation && !other.range.contains(position) {
                let inside = other.range.lowerBound >= longest.lowerBound && other.range.upperBound <= longest.upperBound
                if !inside && all.contains(where: { holds($0) && $0.range.overlaps(other.range) }) { return nil }
            }
            range = longest
        } else if gloss.syllableCount >= 2 {
            range = gloss.basePosition..<(gloss.basePosition + gloss.syllableCount)
        } else {
            return nil
        }
        return (WordKey(simplifiedOf: gloss.context, range, position: position - range.lowerBound), range)
    }
}

/// The first glossed syllable of each `WordKey` in a document, as (gloss, syllable): every
/// keyed syllable of a glossed page asks, and the standard dictionary's keyed hash of the key
/// cost more than the rest of the lookup. Slots of a plain hash (`HashSlots`) over arrays.
private struct FirstGlosses {
    private var keys: [WordKey] = []
    private var hashes: [UInt64] = []
    private var firsts: [(gloss: Int, index: Int)] = []
    private var slots = HashSlots(capacity: 256)

    /// The first syllable recorded with `key`; nil, and `syllable` recorded, when there is none.
    mutating func first(of key: WordKey, else syllable: (gloss: Int, index: Int)) -> (gloss: Int, index: Int)? {
        let hash = key.plainHash
        let (entry, slot) = slots.find(hash) { hashes[$0] == hash && keys[$0] == key }
        if let entry { return firsts[entry] }
        keys.append(key)
        hashes.append(hash)
        firsts.append(syllable)
        slots.insert(keys.count - 1, at: slot, hashes: hashes)
        return nil
    }
}

/// `GlossChecker.hasSingleReading`, remembered for one document: every glossed syllable asks
/// it, and the answer builds the character's list of readings. The common ideograph blocks
/// are remembered by code point (a hashed lookup cost more than the list), others hashed.
private struct SingleReadingMemo {
    private static let flatStart: UInt32 = 0x3400
    private static let flatEnd: UInt32 = 0xA000
    /// For `flatStart..<flatEnd`: 0 not yet asked, 1 a single reading, 2 several.
    private var flat: [UInt8] = []
    private var others: [UInt32: Bool] = [:]

    mutating func hasSingleReading(_ scalar: UInt32) -> Bool {
        guard scalar >= Self.flatStart && scalar < Self.flatEnd else {
            if let known = others[scalar] { return known }
            let single = GlossChecker.hasSingleReading(scalar)
            others[scalar] = single
            return single
        }
        if flat.isEmpty { flat = [UInt8](repeating: 0, count: Int(Self.flatEnd - Self.flatStart)) }
        let index = Int(scalar - Self.flatStart)
        let known = flat[index]
        if known != 0 { return known == 1 }
        let single = GlossChecker.hasSingleReading(scalar)
        flat[index] = single ? 1 : 2
        return single
    }
}

/// A glossed syllable's key in `GlossConflicts`: the simplified characters of its word and its
/// place in the word. A word of up to four characters (every dictionary word) is packed into
/// two integers: a list per syllable, hashed element by element, cost most of keying it.
struct WordKey: Hashable {
    /// The first three code points, 21 bits each.
    private let low: UInt64
    /// The fourth code point, the count and the place.
    private let high: UInt64
    /// The code points and the place, for a longer run (a base of five or more characters).
    private let long: [UInt32]?

    /// A hash of the key for `HashSlots`, whose slot is taken from its high bits: equal keys
    /// hash equally.
    var plainHash: UInt64 {
        var hash = (low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 29) ^ high) &* 0x94D0_49BB_1331_11EB
        for scalar in long ?? [] { hash = (hash ^ UInt64(scalar)) &* 0x94D0_49BB_1331_11EB }
        return hash ^ (hash >> 31)
    }

    /// The key of the character at `position` in the word `context[range]`, its characters in
    /// their simplified forms, read onto the stack (no collection of them is built per syllable).
    init(simplifiedOf context: GlossElements<GlossCharacter>, _ range: Range<Int>, position: Int) {
        self = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: range.count) { scalars in
            for (n, k) in range.enumerated() {
                scalars.initializeElement(at: n, to: PinyinHanNormalization.simplified(context[k].scalar))
            }
            return WordKey(UnsafeBufferPointer(scalars), position: position)
        }
    }

    /// The key of the character at `position` in the word of `characters`.
    init<C: Collection<UInt32>>(_ characters: C, position: Int) {
        self = Array(characters).withUnsafeBufferPointer { WordKey($0, position: position) }
    }

    /// The key of the character at `position` in the word of `characters`.
    init(_ characters: UnsafeBufferPointer<UInt32>, position: Int) {
        let count = characters.count
        guard count <= 4 else {
            low = 0
            high = 0
            long = Array(characters) + [UInt32(position)]
            return
        }
        var low: UInt64 = 0
        var fourth: UInt64 = 0
        for (n, scalar) in characters.enumerated() {
            if n < 3 { low |= UInt64(scalar & 0x1F_FFFF) << UInt64(42 - 21 * n) } else { fourth = UInt64(scalar & 0x1F_FFFF) }
        }
        self.low = low
        high = fourth << 8 | UInt64(count) << 4 | UInt64(position)
        long = nil
    }
}
