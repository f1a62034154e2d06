import ChaffData
import ChaffEngine

/// Selections from the dictionary words of one gloss context (`PinyinWords.matches(in:)`,
/// ordered by start, then longest first), so that a context is looked up once and every
/// syllable of its gloss, and every gloss rule, reads the same list.
enum WordMatches {
    /// `PinyinWords.matches(in: run, containing: position)` taken from `all`, the words of
    /// `run`: the words that contain `position`, longest first, then leftmost.
    static func containing(_ position: Int, in all: UnsafeBufferPointer<WordMatch>) -> [WordMatch] {
        [WordMatch](unsafeUninitializedCapacity: all.count) { found, count in
            count = containing(position, in: all, into: found)
        }
    }

    /// `containing(position, in: all)` written into `found` (room for `all.count`); returns
    /// the count. The checker judges every glossed syllable with these, and an array of them
    /// per syllable was an allocation and a free each.
    static func containing(
        _ position: Int, in all: UnsafeBufferPointer<WordMatch>, into found: UnsafeMutableBufferPointer<WordMatch>
    ) -> Int {
        var count = 0
        for length in stride(from: PinyinWords.maximumLength, through: 2, by: -1) {
            for word in all where word.range.count == length && word.range.contains(position) {
                found.initializeElement(at: count, to: word)
                count += 1
            }
        }
        return count
    }
}

/// For each gloss of a document, the dictionary words of its context: one array for all of
/// them (an array per gloss was an allocation a gloss, and a free when the document was done).
struct ContextWordLists {
    private var words: [WordMatch] = []
    /// `ends[n]`: where the words of gloss `n` end in `words`.
    private var ends: [Int] = []

    /// The lists of `glosses`, empty where `mayFind` is false; neighbouring glosses share one
    /// memo of word lookups, and a gloss takes from the list before it the words of each start
    /// that both contexts read in full.
    init(_ glosses: [Gloss], mayFind: [Bool]) {
        let memo = WordMatchMemo()
        var all: [WordMatch] = []
        // Glossed text has three or four words a judged context (the sample page: 1,928 for
        // 499): room for four from the start spares the last doubling, whose two copies were
        // the top of a glossed page's heap, and the unused half it left.
        let judged = mayFind.reduce(0) { $0 + ($1 ? 1 : 0) }
        all.reserveCapacity(4 * judged)
        PinyinWords.prepareForLookups(judgedGlosses: judged)
        ends.reserveCapacity(glosses.count)
        // The last gloss whose list was made, and where its words lie in `all`.
        var previous: (gloss: Int, words: Range<Int>)? = nil
        for n in glosses.indices {
            guard mayFind[n] else {
                ends.append(all.count)
                continue
            }
            let first = all.count
            glosses[n].context.withUnsafeBufferPointer { characters in
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: characters.count) { scalars in
                    for k in characters.indices { scalars.initializeElement(at: k, to: characters[k].scalar) }
                    let run = UnsafeBufferPointer(scalars)
                    guard let previous else { return memo.appendMatches(in: run, to: &all) }
                    glosses[previous.gloss].context.withUnsafeBufferPointer { before in
                        Self.appendMatches(
                            of: characters, run: run, reusing: before, words: previous.words, memo: memo, to: &all)
                    }
                }
            }
            ends.append(all.count)
            previous = (n, first..<all.count)
        }
        words = all
    }

    /// Appends the words of `run`, the scalars of `characters`, to `all`. Neighbouring glosses
    /// read mostly the same characters (a glossed page has a gloss every few characters, and a
    /// context reaches six on either side): where `characters` continue `before`, the context
    /// whose words are `all[words]`, the words of a start that both read as far (up to the
    /// longest word) are those `before` found there, moved; only the others are looked up.
    private static func appendMatches(
        of characters: UnsafeBufferPointer<GlossCharacter>, run: UnsafeBufferPointer<UInt32>,
        reusing before: UnsafeBufferPointer<GlossCharacter>, words: Range<Int>, memo: WordMatchMemo, to all: inout [WordMatch]
    ) {
        guard let shift = overlap(of: characters, after: before) else { return memo.appendMatches(in: run, to: &all) }
        let longest = PinyinWords.maximumLength
        var cursor = words.lowerBound
        for start in run.indices {
            let other = start + shift
            guard other < before.count, min(longest, before.count - other) == min(longest, run.count - start) else {
                memo.appendMatches(startingAt: start, in: run, to: &all)
                continue
            }
            while cursor < words.upperBound && all[cursor].range.lowerBound < other { cursor += 1 }
            while cursor < words.upperBound && all[cursor].range.lowerBound == other {
                let word = all[cursor]
                all.append(WordMatch(range: (word.range.lowerBound - shift)..<(word.range.upperBound - shift), reading: word.reading))
                cursor += 1
            }
        }
    }

    /// Where `characters` start in `before` when they continue it: its characters from there
    /// on are the first of `characters` (same code points at the same offsets); nil otherwise.
    private static func overlap(
        of characters: UnsafeBufferPointer<GlossCharacter>, after before: UnsafeBufferPointer<GlossCharacter>
    ) -> Int? {
        guard let first = characters.first, let shift = before.firstIndex(of: first) else { return nil }
        for k in 0..<min(characters.count, before.count - shift) where before[shift + k] != characters[k] { return nil }
        return shift
    }

    /// The number of lists.
    var count: Int { ends.count }

    /// The words of gloss `n`'s context.
    subscript(n: Int) -> GlossElements<WordMatch> {
        let start = n == 0 ? 0 : ends[n - 1]
        return GlossElements(words, offset: start, count: ends[n] - start)
    }
}

extension DocumentGlosses {
    /// For each gloss of `glosses(in:)`, every dictionary word of its context, found once per
    /// document and scope (neighbouring glosses share one memo of word lookups) and read by
    /// both gloss-reading and gloss-consistency. Empty for a gloss that `GlossChecker.mayFind`
    /// rules out: neither rule judges it, and gloss-consistency keys none of its characters
    /// (each has a single reading).
    static func contextWords(in context: CheckContext) -> ContextWordLists {
        let scope = context.scope
        return context.derived(DerivedKey<ContextWordLists>("glosses.words.\(scope.rawValue)", family: family)) {
            let glosses = glosses(in: context)
            return ContextWordLists(glosses, mayFind: mayFind(in: context))
        }
    }

    /// `GlossChecker.mayFind` of each gloss of `glosses(in:)`, once per document and scope.
    static func mayFind(in context: CheckContext) -> [Bool] {
        let scope = context.scope
        return context.derived(DerivedKey<[Bool]>("glosses.mayFind.\(scope.rawValue)", family: family)) {
            let glosses = glosses(in: context)
            return GlossChecker.mayFind(glosses)
        }
    }

    /// For each gloss of `glosses(in:)`, `GlossChecker.check`'s findings (empty where
    /// `GlossChecker.mayFind` rules any out), found once per document and scope: each
    /// gloss-reading rule reports a part of them, and gloss-consistency leaves a pair that has
    /// one to them.
    static func findings(in context: CheckContext) -> [[GlossFinding]] {
        let scope = context.scope
        return context.derived(DerivedKey<[[GlossFinding]]>("glosses.findings.\(scope.rawValue)", family: family)) {
            let words = contextWords(in: context)
            let mayFind = mayFind(in: context)
            // Only a document with a gloss to judge sets the memo's tables up.
            let readings = mayFind.contains(true) ? ReadingsMemo() : nil
            let glosses = glosses(in: context)
            return glosses.indices.map { n in
                mayFind[n] ? GlossChecker.check(glosses[n], words: words[n], readings: readings) : []
            }
        }
    }
}
