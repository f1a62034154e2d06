import ChaffData
import ChaffEngine
import ChaffText

/// `kind: mixed-han-script` — Traditional Chinese characters in Simplified text and the
/// reverse, one finding per character occurrence, with the form to use instead.
///
/// A unit's writing system is decided by majority over the characters that exist in only one
/// of the two systems (`HanVariants` says which; 的, 后, 台 count for neither). Options:
/// - `unit` (default `document`): `document` or `paragraph` (blank-line separated).
/// - `minimum` (default 4): with `direction: majority`, a unit with fewer decisive characters
///   (Simplified-only plus Traditional-only) is not judged.
/// - `direction` (default `majority`): `simplified` or `traditional` fixes the expected system
///   ("this site is Traditional"); then every character of the other one is reported, however
///   short the unit, and `minimum` does not apply.
///
/// A localization file whose locale expects one system (`zh-TW`: Traditional, see
/// `LocaleName.hanScript`) is judged as with that `direction`, unless the rule sets one; in a
/// file of several locales (`.xcstrings`), each translation by its pair's locale. A locale that
/// names Taiwan or Hong Kong also decides between their forms (`HanRegionalCheck`): a zh-TW file
/// is told of Hong Kong's 裏, 着, 説 (Taiwan writes 裡, 著, 說), and a zh-HK one is not told of
/// Hong Kong's own 温, 户 as Simplified.
///
/// Japanese and Korean are never judged: a paragraph with kana or Hangul is left out. In
/// `document` mode the rest of the document is still judged, unless the left-out paragraphs
/// are at least as long (in bytes) as the paragraphs that hold decisive characters; then the
/// document is Japanese or Korean, and its headings and list items without kana or Hangul
/// (`景福宮 觀覽`) are left alone too.
///
/// Message arguments: `found` (`Traditional` or `Simplified`), `majority` (the unit's system),
/// `suggestion` (quoted choices: `'国'`, or `'發' or '髮'`). A character with one
/// counterpart gets it as a fix; one with several (发 → 發, 髮) gets none: the word decides.
package struct MixedHanScriptRule: RuleKind {
    package static let kindName = "mixed-han-script"
    /// Starts early on a large document: costly on large files after the claim, pattern and gloss kinds.
    package static let startingPriority = 1
    package static let messageArguments = ["found", "characters", "majority", "suggestion"]
    package static let isFixable = true

    /// What a majority is counted over.
    package enum Unit: String, Sendable, CaseIterable {
        /// The whole document (its Chinese paragraphs).
        case document
        /// Each paragraph on its own.
        case paragraph
    }

    private let unit: Unit
    private let configuration: HanScriptMixConfiguration

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        let unitName = try options.optionalChoice("unit", Unit.allCases.map(\.rawValue))
        unit = unitName.flatMap(Unit.init(rawValue:)) ?? .document
        let minimum = try options.optionalInt("minimum", in: 1...1_000_000) ?? 4
        let directionName = try options.optionalChoice(
            "direction", HanScriptDirection.allCases.map(\.rawValue))
        configuration = HanScriptMixConfiguration(
            direction: directionName.flatMap(HanScriptDirection.init(rawValue:)) ?? .majority,
            minimumDecisiveCharacters: minimum, skipJapaneseAndKorean: true)
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        // A catalogue for zh-TW expects Traditional whatever its majority (a machine
        // translation through Simplified can leave most of it Simplified).
        var configuration = self.configuration
        var region: HanRegion?
        if configuration.direction == .majority, let locale = context.document.masked.localization?.locale,
            let direction = LocaleName.hanScript(of: locale)
        {
            configuration.direction = direction
            region = LocaleName.hanRegion(of: locale)
        }
        let bytes = context.bytes(for: context.scope)
        let linesAreRecords = context.document.format == .plainText
        // A catalogue of several locales (`.xcstrings`): each translation is judged by its own.
        if self.configuration.direction == .majority, let pairs = context.document.masked.localization?.pairs,
            pairs.contains(where: { $0.locale != nil })
        {
            for (direction, part) in Self.partsByLocale(bytes, pairs: pairs) {
                var judged = self.configuration
                judged.direction = direction
                // Regional forms are judged in files of one locale only.
                check(part, configuration: judged, region: nil, linesAreRecords: linesAreRecords, report: report)
            }
            return
        }
        check(bytes, configuration: configuration, region: region, linesAreRecords: linesAreRecords, report: report)
    }

    /// For each writing system the pairs' locales expect, `bytes` with only those pairs'
    /// translations kept (everything else blanked, offsets unchanged); the translations of
    /// locales that expect neither (`zh`, `fr`) are judged by majority, together.
    static func partsByLocale(_ bytes: [UInt8], pairs: [TranslationPair]) -> [(HanScriptDirection, [UInt8])] {
        var spans: [HanScriptDirection: [Range<Int>]] = [:]
        for pair in pairs {
            let direction = pair.locale.flatMap(LocaleName.hanScript(of:)) ?? .majority
            spans[direction, default: []].append(pair.translation.span)
        }
        return [HanScriptDirection.simplified, .traditional, .majority].compactMap { direction in
            guard let ranges = spans[direction] else { return nil }
            var part = [UInt8](repeating: 0x20, count: bytes.count)
            for (i, byte) in bytes.enumerated() where byte == 0x0A || byte == 0x0D { part[i] = byte }
            for range in ranges where range.upperBound <= bytes.count {
                for i in range { part[i] = bytes[i] }
            }
            return (direction, part)
        }
    }

    private func check(
        _ bytes: [UInt8], configuration: HanScriptMixConfiguration, region: HanRegion?, linesAreRecords: Bool,
        report: (Finding) -> Void
    ) {
        bytes.withUnsafeBufferPointer { text in
            // By majority, a unit without decisive characters has too few to be judged, and
            // nothing is reported in one that is not judged: a text with none, such as English
            // prose, is done after one read that steps over its ASCII. (A fixed direction
            // reports words of shared characters too, `基于` in a Traditional file.)
            if configuration.direction == .majority && !HanScriptCharacterClasses.holdsDecisive(text) { return }
            // By document, the decisive characters counted, when the text is small enough to
            // keep them all (see `DecisiveCharacterIndex.wholeTextLimit`).
            var index: DecisiveCharacterIndex?
            // `traditionalUnits`: units written in Traditional, where Simplified words of shared
            // characters are read.
            var (findings, traditionalUnits) =
                unit == .paragraph
                ? Self.paragraphFindings(text, configuration: configuration)
                : documentFindings(text, configuration: configuration, index: &index)
            for (index, range) in traditionalUnits.enumerated() {
                findings += HanScriptWords.simplifiedOnlyWords(in: text, unit: range, unitIndex: index)
            }
            findings.sort { $0.range.lowerBound < $1.range.lowerBound }
            var kept: [HanScriptMixFinding] = []
            var neighbourhood = NeighbourhoodMemo(tallies: index)
            for finding in findings {
                if finding.form == .traditionalOnly && HanScriptWords.isSimplifiedUsage(finding.range, scalar: finding.scalar, in: text) {
                    continue
                }
                if finding.form == .simplifiedOnly && HanWordForms.traditionalUsage.contains(finding.scalar) { continue }
                if Self.standsBesideItsCounterpart(finding, in: text) { continue }
                let expected: HanForm = finding.form == .traditionalOnly ? .simplifiedOnly : .traditionalOnly
                // A configured direction enforces one system everywhere; by majority, a passage
                // in the other system is a quotation (see HanScriptNeighbourhood).
                guard
                    configuration.direction != .majority
                        || HanScriptNeighbourhood.isSurroundedByMajority(
                            finding.range, minority: finding.form, in: text, unit: 0..<text.count, linesAreRecords: linesAreRecords,
                            memo: &neighbourhood),
                    !HanScriptQuotations.isQuotedOtherSystem(
                        finding.range, expected: expected, in: text, newlines: &neighbourhood.newlines)
                else { continue }
                kept.append(finding)
            }
            if region == .hongKong { kept = HanRegionalCheck.keepingHongKongForms(kept) }
            Self.report(kept, to: report)
            if region == .taiwan {
                let regional = HanRegionalCheck.taiwanFindings(
                    in: text, paragraphs: HanScriptParagraphs.ranges(in: text), reported: kept.map(\.range))
                for finding in regional { report(finding) }
            }
        }
    }

    /// Judges each paragraph on its own, a Japanese or Korean one that is mostly Chinese by its
    /// runs of lines (`HanScriptParagraphs.languageRuns`); also returns the units judged
    /// Traditional.
    private static func paragraphFindings(
        _ text: UnsafeBufferPointer<UInt8>, configuration: HanScriptMixConfiguration
    ) -> (findings: [HanScriptMixFinding], traditionalUnits: [Range<Int>]) {
        let judged = HanScriptMix.analyze(text, units: HanScriptParagraphs.ranges(in: text), configuration: configuration)
        let runs = judged.units.flatMap { unit in
            unit.verdict == .japanese || unit.verdict == .korean ? HanScriptParagraphs.languageRuns(of: unit.range, in: text) ?? [] : []
        }
        var findings = judged.findings
        var units = judged.units
        if !runs.isEmpty {
            let split = HanScriptMix.analyze(text, units: runs, configuration: configuration)
            findings += split.findings
            units += split.units
        }
        return (findings, units.filter { $0.verdict == .traditional }.map(\.range))
    }

    /// Reports `kept` a word at a time (see `words`).
    private static func report(_ kept: [HanScriptMixFinding], to report: (Finding) -> Void) {
        // Spun text repeats its few slipped characters (國, 這, 個): each one's message
        // arguments and fix are made once and shared, where a dictionary and its strings
        // per finding cost more than judging it. A character's suggestions may come from its
        // word (发 in 头发: 髮), so they are part of the key.
        var made = SharedFindings()
        for bounds in words(kept) {
            let run = kept[bounds]
            guard run.count == 1 else {
                report(finding(run))
                continue
            }
            let single = run[run.startIndex]
            var shared = made.finding(for: single) { finding(single) }
            shared.range = single.range
            report(shared)
        }
    }

    /// A word shown beside its other-system spelling (汉字漢字, 发展/發展): the two systems side by
    /// side on purpose, as in a table of forms or an encoding sample. The finding lies in one of
    /// two adjacent words of one to three characters (a `/`, `、` or space may stand between, and
    /// must between single characters) that differ only where one character is the other's
    /// variant.
    static func standsBesideItsCounterpart(_ finding: HanScriptMixFinding, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Up to seven characters on each side of the finding, as scalars, in a buffer on the
        // stack: three arrays per finding were most of this test's cost on spun text.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 15) { characters in
            var before = 0
            var index = finding.range.lowerBound
            while before < 7, index > 0, let scalar = ScalarClass.scalar(before: index, in: text),
                scalar >= 0x80 || scalar == 0x2F || scalar == 0x20
            {
                characters[6 - before] = scalar
                before += 1
                index -= scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
            }
            characters[7] = finding.scalar
            var count = 8
            index = finding.range.upperBound
            while count < 15, index < text.count {
                let (scalar, length) = UTF8Decoding.decode(text, at: index)
                guard let scalar, scalar >= 0x80 || scalar == 0x2F || scalar == 0x20 else { break }
                characters[count] = scalar
                count += 1
                index += max(length, 1)
            }
            let window = UnsafeBufferPointer(rebasing: characters[(7 - before)..<count])
            return standsBesideItsCounterpart(window, at: before)
        }
    }

    /// Whether the character at `at` of `characters` lies in one of two adjacent words that
    /// differ only where one character is the other's variant (see above).
    static func standsBesideItsCounterpart(_ characters: UnsafeBufferPointer<UInt32>, at: Int) -> Bool {
        mayStandBesideItsCounterpart(characters, at: at) && wordsBesideTheirCounterparts(characters, at: at)
    }

    /// False when no character two to four places from `at` is the character at `at` or its
    /// variant (as the other word's character at the same place must be: words of one to
    /// three characters, a separator between or not); most findings stop here, after at most
    /// six variant tests instead of the twenty or so of the words' comparison.
    static func mayStandBesideItsCounterpart(_ characters: UnsafeBufferPointer<UInt32>, at: Int) -> Bool {
        let character = characters[at]
        for distance in 2...4 {
            // The finding in the first word, its counterpart in the second, and the reverse.
            if at + distance < characters.count {
                let other = characters[at + distance]
                if other == character || HanVariants.isVariant(other, of: character) { return true }
            }
            if at - distance >= 0 {
                let other = characters[at - distance]
                if other == character || HanVariants.isVariant(character, of: other) { return true }
            }
        }
        return false
    }

    /// `standsBesideItsCounterpart` by comparing every pair of adjacent words around `at`.
    static func wordsBesideTheirCounterparts(_ characters: UnsafeBufferPointer<UInt32>, at: Int) -> Bool {
        func variants(_ a: UInt32, _ b: UInt32) -> Bool {
            a != b && HanVariants.isVariant(b, of: a)
        }
        func isSeparator(_ c: UInt32) -> Bool { c == 0x2F || c == 0x3001 || c == 0x20 || c == 0xFF0F }
        for n in 1...3 {
            for first in max(0, at - 2 * n - 1)...at {
                for gap in 0...1 {
                    let second = first + n + gap
                    guard second + n <= characters.count, (first..<(second + n)).contains(at) else { continue }
                    if gap == 1 && !isSeparator(characters[first + n]) { continue }
                    // One character beside its variant with nothing between (美國国务卿) is a slip.
                    if gap == 0 && n == 1 { continue }
                    if at >= first + n && at < second { continue }  // the finding is the separator
                    var differs = false
                    var same = true
                    for j in 0..<n {
                        let a = characters[first + j], b = characters[second + j]
                        if a == b { continue }
                        if variants(a, b) { differs = true } else { same = false }
                    }
                    if same && differs { return true }
                }
            }
        }
        return false
    }

    /// Counting never reaches this minimum, so the first pass judges and reports nothing.
    private static let countOnly = HanScriptMixConfiguration(
        direction: .majority, minimumDecisiveCharacters: .max, skipJapaneseAndKorean: true)

    /// Counts every paragraph, judges the Chinese ones together, and reads again only the
    /// paragraphs that hold minority characters; also returns the Chinese paragraphs when the
    /// document is Traditional.
    ///
    /// Paragraphs are read and counted a batch at a time, and only a byte of each is kept (see
    /// `ChineseParagraphForms`): a result per paragraph of a 100 MB file was over a hundred
    /// megabytes, and its ranges alone twenty.
    private func documentFindings(
        _ text: UnsafeBufferPointer<UInt8>, configuration: HanScriptMixConfiguration, index: inout DecisiveCharacterIndex?
    ) -> (findings: [HanScriptMixFinding], traditionalUnits: [Range<Int>]) {
        var tally = DocumentTally()
        var recorded =
            text.count <= DecisiveCharacterIndex.wholeTextLimit ? DecisiveCharacterIndex(recordingWholeTextOf: text.count) : nil
        var reader = HanScriptParagraphs.Reader(text)
        var batch: [Range<Int>] = []
        batch.reserveCapacity(Self.countingBatch)
        while true {
            batch.removeAll(keepingCapacity: true)
            while batch.count < Self.countingBatch, let paragraph = reader.next() { batch.append(paragraph) }
            if batch.isEmpty { break }
            let counted =
                recorded == nil
                ? HanScriptMix.analyze(text, units: batch, configuration: Self.countOnly)
                : HanScriptMix.analyze(text, units: batch, configuration: Self.countOnly, recording: &recorded!)
            for unit in counted.units {
                // A Japanese or Korean paragraph that is mostly Chinese is judged by its runs of
                // lines (see `HanScriptParagraphs.languageRuns`).
                if unit.verdict == .japanese || unit.verdict == .korean,
                    let runs = HanScriptParagraphs.languageRuns(of: unit.range, in: text)
                {
                    var counted: [(range: Range<Int>, forms: UInt8?)] = []
                    for run in HanScriptMix.analyze(text, units: runs, configuration: Self.countOnly).units {
                        counted.append((run.range, tally.count(run)))
                    }
                    tally.paragraphs.addSplit(counted)
                } else {
                    let forms = tally.count(unit)
                    tally.paragraphs.add(forms: forms)
                }
            }
        }
        if tally.japaneseOrKoreanBytes > 0 && tally.japaneseOrKoreanBytes >= tally.chineseBytes { return ([], []) }
        let expected: HanScriptDirection
        switch HanScriptMix.verdict(
            simplifiedCount: tally.simplified, traditionalCount: tally.traditional,
            configuration: configuration)
        {
        case .simplified: expected = .simplified
        case .traditional: expected = .traditional
        default: return ([], [])
        }
        let minority: UInt8 = expected == .simplified ? 2 : 1
        let withMinority = tally.paragraphs.ranges(in: text) { $0 & minority != 0 }
        // Counted already: only the minority's characters are read out of them.
        let minorityForm: HanForm = expected == .simplified ? .traditionalOnly : .simplifiedOnly
        index = recorded
        let findings =
            recorded.map { HanScriptMix.findings(of: minorityForm, in: text, units: withMinority, index: $0) }
            ?? HanScriptMix.findings(of: minorityForm, in: text, units: withMinority)
        return (findings, expected == .traditional ? tally.paragraphs.ranges(in: text) { _ in true } : [])
    }

    /// What the judgement of a whole document needs of its counted paragraphs.
    private struct DocumentTally {
        var simplified = 0
        var traditional = 0
        // Bytes, not characters: Korean uses few hanja, so its paragraphs are long and light in
        // decisive characters, while a hanja-only heading is short and full of them.
        var japaneseOrKoreanBytes = 0
        var chineseBytes = 0
        var paragraphs = ChineseParagraphForms()

        /// Counts `unit`; returns its forms (1 Simplified-only characters, 2 Traditional-only)
        /// when it is Chinese, nil otherwise.
        mutating func count(_ unit: HanScriptUnitResult) -> UInt8? {
            switch unit.verdict {
            case .japanese, .korean:
                japaneseOrKoreanBytes += unit.range.count
                return nil
            case .latinProse:
                return nil
            default:
                simplified += unit.simplifiedCount
                traditional += unit.traditionalCount
                if unit.simplifiedCount + unit.traditionalCount > 0 { chineseBytes += unit.range.count }
                return (unit.simplifiedCount > 0 ? 1 : 0) | (unit.traditionalCount > 0 ? 2 : 0)
            }
        }
    }

    /// The one-character findings made so far in a document, by what their message and fix
    /// are made from (the character, its form and its suggestions), up to `limit` of them.
    /// An open-addressed table under a plain hash: a dictionary keyed by those three hashed
    /// them with the standard library's keyed hash, half of the cost of reporting a finding.
    private struct SharedFindings {
        private static let limit = 4096
        /// Grows with the findings: most documents make a few.
        private var slots = HashSlots(capacity: 16)
        private var hashes: [UInt64] = []
        private var keys: [HanScriptMixFinding] = []
        private var made: [Finding] = []

        /// The finding made for a character like `found` before, or the one `make` makes now
        /// (kept while there is room).
        mutating func finding(for found: HanScriptMixFinding, make: () -> Finding) -> Finding {
            var hash = (UInt64(found.scalar) << 2 | UInt64(found.form.rawValue & 3)) &* 0x9E37_79B9_7F4A_7C15
            for suggestion in found.suggestions { hash = (hash ^ UInt64(suggestion)) &* 0x100_0000_01B3 }
            let known = slots.find(hash) { k in
                hashes[k] == hash && keys[k].scalar == found.scalar && keys[k].form == found.form
                    && keys[k].suggestions == found.suggestions
            }
            if let k = known.entry { return made[k] }
            let finding = make()
            if made.count < Self.limit {
                hashes.append(hash)
                keys.append(found)
                made.append(finding)
                slots.insert(made.count - 1, at: known.slot, hashes: hashes)
            }
            return finding
        }
    }

    /// How many paragraphs are counted at a time.
    private static let countingBatch = 4096

    /// The findings grouped into runs of adjacent characters of the same form that each have
    /// one certain counterpart (觀點 → 观点): one finding and one fix per word, as an editor reads
    /// it. A character with several counterparts stays alone, so its choices stay readable.
    /// Returned as ranges of `findings`' indices: an array per run was an allocation per finding.
    private static func words(_ findings: [HanScriptMixFinding]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for n in findings.indices.dropFirst() {
            let last = findings[n - 1], finding = findings[n]
            if last.range.upperBound == finding.range.lowerBound, last.form == finding.form, !last.isAmbiguous,
                !finding.isAmbiguous
            {
                continue
            }
            runs.append(start..<n)
            start = n
        }
        if !findings.isEmpty { runs.append(start..<findings.count) }
        return runs
    }

    private static func finding(_ run: ArraySlice<HanScriptMixFinding>) -> Finding {
        guard let first = run.first, let last = run.last, run.count > 1 else { return finding(run[run.startIndex]) }
        let isTraditional = first.form == .traditionalOnly
        let replacement = String(String.UnicodeScalarView(run.map { Unicode.Scalar($0.suggestions[0])! }))
        // Each counterpart is certain and never of the minority's form (see below).
        return Finding(
            range: first.range.lowerBound..<last.range.upperBound,
            arguments: [
                "found": isTraditional ? "Traditional" : "Simplified", "characters": "characters",
                "majority": isTraditional ? "Simplified" : "Traditional", "suggestion": "'\(replacement)'",
            ],
            fix: replacement)
    }

    private static func finding(_ found: HanScriptMixFinding) -> Finding {
        let isTraditional = found.form == .traditionalOnly
        let majority = isTraditional ? "Simplified" : "Traditional"
        let choices = found.suggestions.map { "'" + String(Character(Unicode.Scalar($0)!)) + "'" }
        let suggestion: String
        switch choices.count {
        case 0: suggestion = "its \(majority) form"
        case 1: suggestion = choices[0]
        // `StringList` over an array, not the generic `joined(separator:)`: its first call in a
        // process looked its associated types up at run time (240,000 instructions).
        default: suggestion = StringList.joined(Array(choices.dropLast()), separator: ", ") + " or " + choices.last!
        }
        // Only a single counterpart is certain; it is never of the minority's form (checked
        // over all of Unihan in the tests), so a fix cannot create another finding.
        var fix: String?
        if found.suggestions.count == 1, HanScriptCharacterClasses.form(of: found.suggestions[0]) != found.form {
            fix = String(Character(Unicode.Scalar(found.suggestions[0])!))
        }
        return Finding(
            range: found.range,
            arguments: [
                "found": isTraditional ? "Traditional" : "Simplified", "characters": "character", "majority": majority,
                "suggestion": suggestion,
            ],
            fix: fix)
    }
}
