/// Decides whether Latin words plausibly expand an acronym, by its letters: `AGI` and
/// `Artificial General Intelligence`, `HTTP` and `Hypertext Transfer Protocol`, `P2P` and
/// `Peer to Peer`, `NASA` and `National Aeronautics and Space Administration`.
///
/// The acronym's characters are matched in order:
/// - every word that is not a short function word (`of`, `and`, `the`, `for` …, see
///   `functionWords`) gives the acronym at least its initial; function words give their
///   initial or nothing (`TOEFL`: Test of English as a Foreign Language);
/// - after its initial a word may give further letters at inner capitals (`JSON`: JavaScript
///   Object Notation), and the whole expansion may take one more letter from inside a word
///   (`HTTP`: Hypertext), but not the acronym's last letter (`AGI` is not Advanced Graphics);
/// - a digit matches the same digit, its English name, or `to`/`for` for 2/4 (`B2B`);
/// - at least two words must contribute: one word is a definition, not an expansion.
package enum AcronymInitials {
    /// Words that an expansion may leave out of its acronym (lowercase).
    package static let functionWords: Set<[UInt8]> = Set(
        [
            "a", "an", "and", "as", "at", "by", "de", "del", "der", "des", "di", "du", "en", "et",
            "for", "from", "in", "la", "le", "of", "on", "or", "the", "to", "und", "van", "von",
            "with", "y", "&",
        ].map { Array($0.utf8) })

    private static let digitNames: [[String]] = [
        ["zero"], ["one"], ["two", "to"], ["three"], ["four", "for"], ["five"], ["six"], ["seven"],
        ["eight"], ["nine"],
    ]

    /// True when `words` (as written) plausibly expand `acronym` (uppercase ASCII letters and
    /// digits).
    package static func matches(_ acronym: [UInt8], words: [[UInt8]]) -> Bool {
        guard !acronym.isEmpty, words.count >= 2, words.count <= 2 * acronym.count + 4 else {
            return false
        }
        let lower = words.map { $0.map(lowercase) }
        let target = acronym.map(lowercase)
        var budget = 10_000  // the search is tiny for real expansions; stop a pathological one

        func isInnerCapital(_ word: [UInt8], _ q: Int) -> Bool {
            q > 0 && isUpper(word[q]) && !isUpper(word[q - 1])
        }

        func match(_ i: Int, _ j: Int, _ extraUsed: Bool, _ contributing: Int) -> Bool {
            budget -= 1
            if budget < 0 { return false }
            if j == words.count { return i == target.count && contributing >= 2 }
            let word = lower[j]
            if functionWords.contains(word) && match(i, j + 1, extraUsed, contributing) {
                return true
            }
            guard i < target.count, let first = word.first else { return false }
            let c = target[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                let names = digitNames[Int(c - UInt8(ascii: "0"))].map { Array($0.utf8) }
                guard word == [c] || names.contains(word) else { return false }
                return match(i + 1, j + 1, extraUsed, contributing + 1)
            }
            guard first == c else { return false }
            // The word gives its initial, then possibly more letters further inside it.
            func more(_ k: Int, _ position: Int, _ extra: Bool) -> Bool {
                if match(k, j + 1, extra, contributing + 1) { return true }
                guard k < target.count, position + 1 < word.count else { return false }
                for q in (position + 1)..<word.count where word[q] == target[k] {
                    if isInnerCapital(words[j], q) {
                        if more(k + 1, q, extra) { return true }
                    } else if !extra && k + 1 < target.count {
                        if more(k + 1, q, true) { return true }
                    }
                }
                return false
            }
            return more(i + 1, 0, extraUsed)
        }
        return match(0, 0, false, 0)
    }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 32 : byte }
}
