import ChaffData
import ChaffEngine

/// Selections from the dictionary words of one gloss context (`PinyinWords.matches(in:)`,
/// ordered by start, then longest first), so that a context is looked up once and every
/// syllable of its gloss, and every gloss rule, reads the same list.
enum WordMatches {
    /// `PinyinWords.matches(in: run, containing: position)` taken from `all`, the words of
    /// `run`: the words that contain `position`, longest first, then leftmost.
    static func containing(_ position: Int, in all: [WordMatch]) -> [WordMatch] {
        var count = 0
        for word in all where word.range.contains(position) { count += 1 }
        guard count > 0 else { return [] }
        var found: [WordMatch] = []
        found.reserveCapacity(count)
        for length in stride(from: PinyinWords.maximumLength, through: 2, by: -1) {
            for word in all where word.range.count == length && word.range.contains(position) {
                found.append(word)
            }
        }
        return found
    }
}

extension DocumentGlosses {
    /// For each gloss of `glosses(in:)`, every dictionary word of its context, found once per
    /// document and scope (neighbouring glosses share one memo of word lookups) and read by
    /// both gloss-reading and gloss-consistency. Empty for a gloss that `GlossChecker.mayFind`
    /// rules out: neither rule judges it, and gloss-consistency keys none of its characters
    /// (each has a single reading).
    static func contextWords(in context: CheckContext) -> [[WordMatch]] {
        let scope = context.scope
        return context.derived(DerivedKey<[[WordMatch]]>("glosses.words.\(scope.rawValue)")) {
            let memo = WordMatchMemo()
            let glosses = glosses(in: context)
            let mayFind = mayFind(in: context)
            return glosses.indices.map { n in
                guard mayFind[n] else { return [] }
                let characters = glosses[n].context
                return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: characters.count) { scalars in
                    for k in characters.indices { scalars.initializeElement(at: k, to: characters[k].scalar) }
                    return memo.matches(in: UnsafeBufferPointer(scalars))
                }
            }
        }
    }

    /// `GlossChecker.mayFind` of each gloss of `glosses(in:)`, once per document and scope.
    static func mayFind(in context: CheckContext) -> [Bool] {
        let scope = context.scope
        return context.derived(DerivedKey<[Bool]>("glosses.mayFind.\(scope.rawValue)")) {
            glosses(in: context).map(GlossChecker.mayFind)
        }
    }

    /// For each gloss of `glosses(in:)`, `GlossChecker.check`'s findings (empty where
    /// `GlossChecker.mayFind` rules any out), found once per document and scope: each
    /// gloss-reading rule reports a part of them, and gloss-consistency leaves a pair that has
    /// one to them.
    static func findings(in context: CheckContext) -> [[GlossFinding]] {
        let scope = context.scope
        return context.derived(DerivedKey<[[GlossFinding]]>("glosses.findings.\(scope.rawValue)")) {
            let words = contextWords(in: context)
            let mayFind = mayFind(in: context)
            // Only a document with a gloss to judge sets the memo's tables up.
            let readings = mayFind.contains(true) ? ReadingsMemo() : nil
            return glosses(in: context).enumerated().map { n, gloss in
                mayFind[n] ? GlossChecker.check(gloss, words: words[n], readings: readings) : []
            }
        }
    }
}
