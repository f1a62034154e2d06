/// What the words before a claim phrase, or after "according to", say about its source.
public enum SourceVerdict: Sendable, Equatable {
    /// A specific source is named: an organisation, a person, a publication, the author.
    case named
    /// The words point back (该研究, the study): the source may be named earlier.
    case anaphoric
    /// Nobody is named.
    case vague
}

/// The cue tables compiled for matching: one automaton over the Chinese cue words and sets of
/// English words. Built once per lexicon (a rule may add words through its options).
struct SourceCues: Sendable {
    enum ChineseKind: UInt8, Sendable {
        case vague, place, suffix, specific, firstPerson, anaphoric, function
    }

    let chinese: AhoCorasick
    let chineseKinds: [ChineseKind]
    let chineseMarkers: AhoCorasick
    let chineseJuWordStarts: Set<UInt32>
    let chineseReportingVerbs: AhoCorasick
    let chineseSourceLabels: AhoCorasick
    let vagueSourceValues: AhoCorasick
    let englishNotNames: Set<[UInt8]>
    let englishGenericAcronyms: Set<[UInt8]>
    let englishAnaphoric: Set<[UInt8]>
    let englishFirstPerson: Set<[UInt8]>
    let englishMarkers: AhoCorasick
    let englishReportingVerbs: Set<[UInt8]>

    /// The built-in tables.
    static let standard = SourceCues(extraVague: [], extraSuffixes: [])

    /// The built-in tables plus `extraVague` words (Chinese words join the vague list, ASCII words
    /// the English non-names) and `extraSuffixes` (Chinese organisation heads).
    init(extraVague: [String], extraSuffixes: [String]) {
        func words(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }
        func lowerBytes(_ word: String) -> [UInt8] { Array(word.lowercased().utf8) }
        var entries: [(String, ChineseKind)] = []
        var seen: Set<String> = []
        // Earlier lists win when a word is listed twice: a specific body beats a suffix.
        let lists: [(String, ChineseKind)] = [
            (SourceCueTables.chineseSpecificBodies, .specific), (SourceCueTables.chineseFirstPerson, .firstPerson),
            (SourceCueTables.chineseOrganisationSuffixes + " " + extraSuffixes.joined(separator: " "), .suffix),
            (SourceCueTables.chineseAnaphoric, .anaphoric), (SourceCueTables.chinesePlaces, .place),
            (SourceCueTables.chineseFunction, .function),
            (SourceCueTables.chineseVague + " " + extraVague.filter { $0.utf8.contains { $0 >= 0x80 } }.joined(separator: " "), .vague),
        ]
        for (list, kind) in lists {
            for word in words(list) where seen.insert(word).inserted { entries.append((word, kind)) }
        }
        chinese = AhoCorasick(patterns: entries.map { Array($0.0.utf8) }, caseInsensitiveASCII: false)
        chineseKinds = entries.map(\.1)
        chineseMarkers = AhoCorasick(patterns: words(SourceCueTables.chineseAttributionMarkers).map { Array($0.utf8) }, caseInsensitiveASCII: false)
        chineseJuWordStarts = Set(words(SourceCueTables.chineseJuWordStarts).compactMap { $0.unicodeScalars.first?.value })
        chineseReportingVerbs = AhoCorasick(patterns: words(SourceCueTables.chineseReportingVerbs).map { Array($0.utf8) }, caseInsensitiveASCII: false)
        chineseSourceLabels = AhoCorasick(patterns: words(SourceCueTables.chineseSourceLabels).map { Array($0.utf8) }, caseInsensitiveASCII: false)
        let vagueValues = words(SourceCueTables.chineseVagueSourceValues)
            + SourceCueTables.englishVagueSourceValues.split(separator: ",").map { $0.trimmingSpaces() }
        vagueSourceValues = AhoCorasick(patterns: vagueValues.map { Array($0.utf8) }, caseInsensitiveASCII: true)
        englishNotNames = Set(words(SourceCueTables.englishNotNames).map(lowerBytes) + extraVague.filter { !$0.utf8.contains { $0 >= 0x80 } }.map(lowerBytes))
        englishGenericAcronyms = Set(words(SourceCueTables.englishGenericAcronyms).map(lowerBytes))
        englishAnaphoric = Set(words(SourceCueTables.englishAnaphoric).map(lowerBytes))
        englishFirstPerson = Set(words(SourceCueTables.englishFirstPerson).map(lowerBytes))
        let markers = SourceCueTables.englishAttributionMarkers.split(separator: ",").map { $0.trimmingSpaces() }
        englishMarkers = AhoCorasick(patterns: markers.filter { !$0.isEmpty }.map { Array($0.utf8) }, caseInsensitiveASCII: true)
        englishReportingVerbs = Set(words(SourceCueTables.englishReportingVerbs).map(lowerBytes))
    }
}

extension Substring {
    /// The text with runs of spaces and line breaks made single spaces and the ends trimmed.
    func trimmingSpaces() -> String { split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
}
