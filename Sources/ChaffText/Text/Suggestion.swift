/// "Did you mean" suggestions for misspelt names: option names, commands, rule ids, config and
/// rule-file keys, suppression directives. One helper, so every message suggests by the same
/// rule.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo: at most one
    /// edit for a word of up to five characters, a third of the word's length beyond that.
    /// Letter case is ignored and an adjacent transposition (`chekc`) counts as one edit. Ties
    /// go to the candidate that sorts first, so the suggestion never depends on input order.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let typed = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(typed, Array(candidate.lowercased()))
            if let current = best, d > current.distance || (d == current.distance && candidate >= current.candidate) { continue }
            best = (candidate, d)
        }
        guard let best, best.distance <= maximumDistance(for: word) else { return nil }
        return best.candidate
    }

    /// The number of edits allowed for `word` to count as a typo of something.
    public static func maximumDistance(for word: String) -> Int { max(1, word.count / 3) }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// two adjacent characters each cost one.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], before[j - 2] + 1)
                }
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }

    /// Every rule id and every family prefix of one (`placeholder` for `placeholder-spintax`):
    /// the names a rule pattern may be a misspelling of.
    public static func ruleNames(_ ids: some Sequence<String>) -> Set<String> {
        var names = Set<String>()
        for id in ids {
            var prefix = ""
            for part in id.split(separator: "-") {
                prefix += prefix.isEmpty ? String(part) : "-" + part
                names.insert(prefix)
            }
        }
        return names
    }

    /// `"; did you mean 'X'?"` for the closest candidate, or `nil`.
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" }
    }
}
