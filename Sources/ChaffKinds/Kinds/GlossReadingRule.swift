import ChaffData
import ChaffEngine
import ChaffText

/// `kind: gloss-reading` — pinyin glosses that do not fit the character they annotate:
/// `角(jiao)色` (角色 reads jué), `模型(xin)` (型 is never read xin), `好(hǎo)奇` (tone).
///
/// Glosses are found by `DocumentGlosses` (parentheses in the rule's scope, ruby in the raw
/// source) and judged syllable by syllable by `GlossChecker`, which stays silent whenever the
/// dictionary words around a character disagree (漫長(chang), 調(tiao)優, 為什麽(me)).
///
/// Options:
/// - `report` (default `syllable`): which mismatches to report. `syllable`: a syllable that is
///   no reading of its character at all, or that contradicts the one reading every dictionary
///   word around the character agrees on. `tone`: the right syllable with a tone the character
///   never takes, or that the deciding word does not give it (only for toned glosses; 一 and 不
///   are exempt because of tone sandhi).
/// - `minimumConfirmedGlosses` (default `3`): a syllable that is no reading at all is reported
///   only when the document has at least this many glosses whose every syllable is a reading
///   of its character. Lowercase words in parentheses that happen to spell one syllable
///   (`时间(min)`, `他(he)`) are then left alone in documents that do not gloss as a habit.
///
/// Findings cover the whole gloss, `(jiao)` with its parentheses or the `<rt>…</rt>` element,
/// one finding per wrong syllable. A single-syllable gloss contradicting its word gets a fix
/// that writes the expected reading in the gloss's own style (`jue`, `jué` or `jue2`).
package struct GlossReadingRule: RuleKind {
    package static let kindName = "gloss-reading"
    /// Reads the document's glosses and their judgements, which the other gloss kinds share.
    package static let derivedFamily: String? = DocumentGlosses.family
    /// Starts early on a large document: second costliest on glossed pages.
    package static let startingPriority = 2
    package static let messageArguments = [
        "problem", "gloss", "character", "word", "reading", "expected", "readings",
    ]
    package static let isFixable = true

    /// Which mismatches a rule reports.
    package enum Report: String, Sendable {
        /// Wrong syllables.
        case syllable
        /// Right syllables with a wrong tone.
        case tone
    }

    private let report: Report
    private let minimumConfirmedGlosses: Int

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        let name = try options.optionalChoice("report", ["syllable", "tone"]) ?? "syllable"
        report = Report(rawValue: name)!
        minimumConfirmedGlosses = try options.optionalInt("minimumConfirmedGlosses", in: 0...1_000_000) ?? 3
    }

    package func check(_ context: CheckContext, report emit: (Finding) -> Void) {
        let glosses = DocumentGlosses.glosses(in: context)
        if glosses.isEmpty { return }
        let source = context.document.source
        var confirmed: Int? = nil
        // Judged once per document: the syllable and tone rules each report a part.
        let judged = DocumentGlosses.findings(in: context)
        // By index, the findings first: most glosses have none, and a zip of the two lists
        // copied every gloss and list to look.
        for n in judged.indices where !judged[n].isEmpty {
            let gloss = glosses[n]
            let spelling = GlossSpelling(of: gloss, in: source)
            for finding in judged[n] {
                switch (finding.kind, report) {
                case (.notAReading, .syllable):
                    if confirmed == nil { confirmed = glosses.count { GlossChecker.isConfirmed($0) } }
                    guard confirmed! >= minimumConfirmedGlosses else { continue }
                case (.wrongReadingInWord, .syllable), (.rareReading, .syllable), (.wrongReadingInContext, .syllable), (.wrongTone, .tone),
                    (.wrongToneInWord, .tone):
                    break
                default:
                    continue
                }
                emit(Self.finding(finding, gloss: gloss, spelling: spelling, source: source))
            }
        }
    }

    /// The finding for one checker result, with its message arguments and, where the word
    /// decides a single-syllable gloss, a fix.
    static func finding(_ finding: GlossFinding, gloss: Gloss, spelling: GlossSpelling, source: [UInt8]) -> Finding {
        let character = GlossText.string([finding.character])
        let word = GlossText.string(finding.word)
        let written = GlossText.written(gloss, finding.index, in: source)
        let expected = finding.expected.map(spelling.spell)
        let sameSyllable = finding.readings.filter { $0.index == finding.found.index }
        let problem: String
        var fix: String? = nil
        switch finding.kind {
        case .notAReading:
            if let expected, let reading = finding.expected, finding.word.count > 1 {
                problem = "is not a reading of \(character); expected '\(expected)' as in \(word) (\(reading.marked))"
            } else {
                let list = StringList.joined(finding.readings.map(\.marked), separator: ", ")
                problem = "is not a reading of \(character) (\(list))"
            }
        case .wrongReadingInWord, .wrongToneInWord:
            let what = finding.kind == .wrongReadingInWord ? "does not fit" : "has the wrong tone for"
            problem = "\(what) \(word) (\(finding.expected?.marked ?? "")); expected '\(expected ?? "")'"
            fix = singleSyllableFix(gloss, expected, source: source)
        case .rareReading:
            problem = rareReadingProblem(finding, gloss: gloss, character: character, expected: expected)
            fix = singleSyllableFix(gloss, expected, source: source)
        case .wrongReadingInContext:
            problem = "does not fit \(word): \(finding.why); expected '\(expected ?? "")'"
            fix = singleSyllableFix(gloss, expected, source: source)
        case .wrongTone:
            let list = StringList.joined(sameSyllable.map(\.marked), separator: ", ")
            problem = "has a tone \(character) never takes (\(list))"
        case .repeatedGloss:
            problem = "repeats a gloss with another reading"
        }
        var arguments = [
            "problem": problem, "gloss": written, "character": character, "word": word,
            "reading": finding.expected?.marked ?? "", "expected": expected ?? "",
            "readings": StringList.joined(finding.readings.map(\.marked), separator: ", "),
        ]
        if expected == nil, finding.kind == .wrongTone, sameSyllable.count == 1 {
            arguments["expected"] = spelling.spell(sameSyllable[0])
        }
        return Finding(range: gloss.glossRange, arguments: arguments, fix: fix)
    }

    /// The message of a rare reading: what context decides it (a measure word after a number,
    /// a bound neighbour, a reading of the character alone) and how rare it is.
    private static func rareReadingProblem(_ finding: GlossFinding, gloss: Gloss, character: String, expected: String?) -> String {
        let share = PinyinFrequencies.share(of: finding.character.scalar, syllable: finding.found.index) ?? 0
        let at = gloss.basePosition + finding.index
        if let numeral = numeralBefore(at, in: gloss), GlossChecker.measureReadings[finding.character.scalar] != nil {
            return "does not fit after \(numeral), where \(character) is a measure word and reads "
                + "\(finding.expected?.marked ?? ""); expected '\(expected ?? "")'"
        } else if let context = GlossChecker.aloneContexts[finding.character.scalar],
            context.syllable == finding.found.index
        {
            return "is how \(character) reads \(context.why), expected '\(expected ?? "")'"
        } else if let bound = PinyinFrequencies.boundNeighbour(of: finding.character.scalar, syllable: finding.found.index) {
            let neighbour = GlossText.string(scalars: [bound.scalar])
            let pair = bound.before ? neighbour + character : character + neighbour
            return "is how \(character) reads in \(pair) and words with it, and no \(neighbour) "
                + "\(bound.before ? "comes before" : "follows") it here; alone \(character) reads "
                + "\(finding.expected?.marked ?? ""), expected '\(expected ?? "")'"
        } else if PinyinFrequencies.shareIsFromWords(of: finding.character.scalar, syllable: finding.found.index) {
            let often =
                share == 0
                ? "none of the dictionary words with \(character) reads it so"
                : "\(share) in 1,000 of the dictionary words with \(character) read it so"
            return "is rare for \(character) (\(often)) and no word around it does; "
                + "\(character) reads \(finding.expected?.marked ?? ""), expected '\(expected ?? "")'"
        } else {
            let often = share == 0 ? "under 1 in 1,000 uses" : "\(share) in 1,000 uses"
            return "is rare for \(character) (\(often)) and no word around it reads it so; "
                + "alone \(character) reads \(finding.expected?.marked ?? ""), expected '\(expected ?? "")'"
        }
    }

    /// The numeral a measure word at context position `at` follows, as the message names it: the
    /// Han numeral (三), with a word of size after it (一大), or "a number" for digits before the
    /// context (`150幢`); nil when none (see `GlossChecker.SyllableInContext.followsNumeral`).
    private static func numeralBefore(_ at: Int, in gloss: Gloss) -> String? {
        let context = gloss.context.map(\.scalar)
        func isNumeral(_ i: Int) -> Bool { i >= 0 ? GlossChecker.countsOrPoints(context[i]) : gloss.digitBefore }
        func name(_ range: Range<Int>) -> String {
            guard range.lowerBound < 0 else { return GlossText.string(scalars: Array(context[range])) }
            let size = range.count > 1 ? " and " + GlossText.string(scalars: [context[range.upperBound - 1]]) : ""
            return "a number" + size
        }
        if isNumeral(at - 1) { return name((at - 1)..<at) }
        if at > 0, GlossChecker.sizeWords.contains(context[at - 1]), isNumeral(at - 2) { return name((at - 2)..<at) }
        return nil
    }

    /// The gloss with its one syllable replaced by `expected`, when the gloss has one syllable.
    private static func singleSyllableFix(_ gloss: Gloss, _ expected: String?, source: [UInt8]) -> String? {
        guard gloss.syllables.count == 1, let expected else { return nil }
        let before = source[gloss.glossRange.lowerBound..<gloss.textRange.lowerBound]
        let after = source[gloss.textRange.upperBound..<gloss.glossRange.upperBound]
        return String(decoding: before, as: UTF8.self) + expected + String(decoding: after, as: UTF8.self)
    }
}
