import ChaffText

/// What the words before a claim phrase, or after "according to", say about its source.
package enum SourceVerdict: Sendable, Equatable {
    /// A specific source is named: an organisation, a person, a publication, the author.
    case named
    /// The words point back (该研究, the study): the source may be named earlier.
    case anaphoric
    /// Nobody is named.
    case vague
}

/// The cue tables compiled for matching: one automaton over the Chinese cue words and sets of
/// English words. Built once per lexicon (a rule may add words through its options). A class:
/// judging a claim passes the tables on a few times, and a copy of a struct of six automata
/// retained every array of each, a few thousand instructions a copy.
final class SourceCues: Sendable {
    enum ChineseKind: UInt8, Sendable {
        case vague, place, suffix, specific, firstPerson, anaphoric, function, title
    }

    let chinese: AhoCorasick
    let chineseKinds: [ChineseKind]
    let chineseMarkers: AhoCorasick
    let chineseReportingVerbs: AhoCorasick
    let chineseSourceLabels: AhoCorasick
    let vagueSourceValues: AhoCorasick
    let englishNotNames: Set<[UInt8]>
    let englishGenericAcronyms: Set<[UInt8]>
    let englishAnaphoric: Set<[UInt8]>
    let englishFirstPerson: Set<[UInt8]>
    let englishMarkers: AhoCorasick
    let englishReportingVerbs: Set<[UInt8]>

    /// The built-in tables: compiled into the binary (`BuiltinSourceCues`) while they are
    /// current, compiled here otherwise.
    static let standard = BuiltinSourceCues.cues() ?? SourceCues(extraVague: [], extraSuffixes: [])

    /// Characters that make 据 part of a word before it (数据, 证据): a phrase starting with 据
    /// right after one is not a claim. Kept apart from the cue tables, which only judging
    /// needs: matching, which every document needs, reads this alone.
    static let chineseJuWordStarts: Set<UInt32> = Set(
        tableWords(SourceCueTables.chineseJuWordStarts).compactMap { String(decoding: $0, as: UTF8.self).unicodeScalars.first?.value })

    /// The built-in tables plus `extraVague` words (Chinese words join the vague list, ASCII words
    /// the English non-names) and `extraSuffixes` (Chinese organisation heads).
    init(extraVague: [String], extraSuffixes: [String]) {
        // Built at start-up for every run that checks claims: the tables are split and
        // deduplicated as bytes, not as Strings (Character splitting and String hashing, which
        // normalises, cost more than the rest of a small file's check).
        let words = Self.tableWords, lowerBytes = Self.lowerBytes
        var entries: [([UInt8], ChineseKind)] = []
        var seen: Set<ByteKey> = []
        seen.reserveCapacity(2048)
        // Earlier lists win when a word is listed twice: a specific body beats a suffix.
        let lists: [(String, ChineseKind)] = [
            (SourceCueTables.chineseSpecificBodies, .specific), (SourceCueTables.chineseFirstPerson, .firstPerson),
            (SourceCueTables.chineseOrganisationSuffixes + " " + extraSuffixes.joined(separator: " "), .suffix),
            (SourceCueTables.chineseAnaphoric, .anaphoric), (SourceCueTables.chinesePlaces, .place),
            (SourceCueTables.chineseTitles, .title),
            (SourceCueTables.chineseFunction, .function),
            (SourceCueTables.chineseVague + " " + extraVague.filter { $0.utf8.contains { $0 >= 0x80 } }.joined(separator: " "), .vague),
        ]
        for (list, kind) in lists {
            for word in words(list) where seen.insert(ByteKey(word)).inserted { entries.append((word, kind)) }
        }
        chinese = AhoCorasick(patterns: entries.map(\.0), caseInsensitiveASCII: false)
        chineseKinds = entries.map(\.1)
        chineseMarkers = AhoCorasick(patterns: words(SourceCueTables.chineseAttributionMarkers), caseInsensitiveASCII: false)
        chineseReportingVerbs = AhoCorasick(patterns: words(SourceCueTables.chineseReportingVerbs), caseInsensitiveASCII: false)
        chineseSourceLabels = AhoCorasick(patterns: words(SourceCueTables.chineseSourceLabels), caseInsensitiveASCII: false)
        let vagueValues = words(SourceCueTables.chineseVagueSourceValues) + Self.commaList(SourceCueTables.englishVagueSourceValues)
        vagueSourceValues = AhoCorasick(patterns: vagueValues, caseInsensitiveASCII: true)
        englishNotNames = Set(
            words(SourceCueTables.englishNotNames).map(lowerBytes)
                + extraVague.filter { !$0.utf8.contains { $0 >= 0x80 } }.map { lowerBytes(Array($0.utf8)) })
        englishGenericAcronyms = Set(words(SourceCueTables.englishGenericAcronyms).map(lowerBytes))
        englishAnaphoric = Set(words(SourceCueTables.englishAnaphoric).map(lowerBytes))
        englishFirstPerson = Set(words(SourceCueTables.englishFirstPerson).map(lowerBytes))
        englishMarkers = AhoCorasick(patterns: Self.commaList(SourceCueTables.englishAttributionMarkers), caseInsensitiveASCII: true)
        englishReportingVerbs = Set(words(SourceCueTables.englishReportingVerbs).map(lowerBytes))
    }

    /// Every table as given (`fromSnapshot(_:)`).
    init(
        chinese: AhoCorasick, chineseKinds: [ChineseKind], chineseMarkers: AhoCorasick, chineseReportingVerbs: AhoCorasick,
        chineseSourceLabels: AhoCorasick, vagueSourceValues: AhoCorasick, englishNotNames: Set<[UInt8]>,
        englishGenericAcronyms: Set<[UInt8]>, englishAnaphoric: Set<[UInt8]>, englishFirstPerson: Set<[UInt8]>,
        englishMarkers: AhoCorasick, englishReportingVerbs: Set<[UInt8]>
    ) {
        self.chinese = chinese
        self.chineseKinds = chineseKinds
        self.chineseMarkers = chineseMarkers
        self.chineseReportingVerbs = chineseReportingVerbs
        self.chineseSourceLabels = chineseSourceLabels
        self.vagueSourceValues = vagueSourceValues
        self.englishNotNames = englishNotNames
        self.englishGenericAcronyms = englishGenericAcronyms
        self.englishAnaphoric = englishAnaphoric
        self.englishFirstPerson = englishFirstPerson
        self.englishMarkers = englishMarkers
        self.englishReportingVerbs = englishReportingVerbs
    }

    /// The words of a table: runs of bytes between spaces and line breaks, each copied out of
    /// the table's bytes at once (appended byte by byte, they cost most of building the cues).
    static func tableWords(_ table: String) -> [[UInt8]] {
        var table = table
        return table.withUTF8 { bytes in
            var out: [[UInt8]] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x0A {
                if i > start { out.append(Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                start = i + 1
            }
            return out
        }
    }

    /// The entries of a comma-separated table, each with its runs of spaces and line breaks made
    /// single spaces and its ends trimmed; empty entries are dropped.
    static func commaList(_ table: String) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var entry: [UInt8] = []
        var pendingSpace = false
        for b in table.utf8 {
            if b == UInt8(ascii: ",") {
                if !entry.isEmpty { out.append(entry) }
                entry.removeAll(keepingCapacity: true)
                pendingSpace = false
            } else if b == 0x20 || b == 0x0A {
                pendingSpace = !entry.isEmpty
            } else {
                if pendingSpace {
                    entry.append(0x20)
                    pendingSpace = false
                }
                entry.append(b)
            }
        }
        if !entry.isEmpty { out.append(entry) }
        return out
    }

    /// A word lowercased: ASCII byte by byte, anything else through `String.lowercased()`.
    static func lowerBytes(_ word: [UInt8]) -> [UInt8] {
        if word.allSatisfy({ $0 < 0x80 }) { return word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } }
        return Array(String(decoding: word, as: UTF8.self).lowercased().utf8)
    }
}
