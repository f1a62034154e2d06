import ChaffData
import ChaffText

/// Finds Traditional Chinese characters mixed into Simplified text and the reverse.
///
/// Each unit (a paragraph, a whole document) is judged on its own: count its Simplified-only
/// and Traditional-only characters (see `HanVariants` for which are which), choose the unit's
/// writing system, and report every occurrence of a character of the other one with its
/// variants in the chosen system. Shared characters (的, 后, 台) never count.
///
/// One pass over the bytes counts and remembers where the first few thousand characters of
/// each kind are; a second pass is needed only for a unit whose minority is larger than that.
/// ASCII bytes cost a comparison; every other scalar a table read.
package enum HanScriptMix {
    /// Analyses `units` of UTF-8 `text`; ranges are clamped to the text.
    ///
    /// Units should be whole paragraphs or larger and may not split a UTF-8 sequence (a split
    /// sequence reads as U+FFFD, which is not Han, so it is merely ignored).
    package static func analyze(
        _ text: UnsafeBufferPointer<UInt8>,
        units: [Range<Int>],
        configuration: HanScriptMixConfiguration = HanScriptMixConfiguration()
    ) -> HanScriptMixReport {
        analyze(text, units: units, configuration: configuration) { _, _ in }
    }

    /// `analyze`, recording every decisive character of `units` in `index` as they are
    /// counted. The units must follow each other in text order and follow those recorded
    /// before (the paragraphs of a text, for `DecisiveCharacterIndex(recordingWholeTextOf:)`).
    static func analyze(
        _ text: UnsafeBufferPointer<UInt8>, units: [Range<Int>], configuration: HanScriptMixConfiguration,
        recording index: inout DecisiveCharacterIndex
    ) -> HanScriptMixReport {
        analyze(text, units: units, configuration: configuration) { counts, unit in record(counts, unit, text, into: &index) }
    }

    /// Adds a counted unit's decisive characters to `index`: the offsets `count` remembered,
    /// or read again when there were more.
    private static func record(
        _ counts: Counts, _ unit: Range<Int>, _ text: UnsafeBufferPointer<UInt8>, into index: inout DecisiveCharacterIndex
    ) {
        guard counts.simplified <= counts.remembered && counts.traditional <= counts.remembered else {
            HanScriptCharacterClasses.forEachDecisive(in: unit, of: text) { start, _, form in
                index.record(start, simplified: form == HanForm.simplifiedOnly.rawValue)
            }
            return
        }
        index.record(
            simplified: counts.simplifiedStarts[..<counts.simplified], traditional: counts.traditionalStarts[..<counts.traditional])
    }

    private static func analyze(
        _ text: UnsafeBufferPointer<UInt8>, units: [Range<Int>], configuration: HanScriptMixConfiguration,
        counted: (Counts, Range<Int>) -> Void
    ) -> HanScriptMixReport {
        var report = HanScriptMixReport(units: [], findings: [])
        report.units.reserveCapacity(units.count)
        var counts = Counts(textCount: text.count)
        defer { counts.deallocate() }
        for (unitIndex, requested) in units.enumerated() {
            let unit = requested.clamped(to: 0..<text.count)
            count(text, unit, into: &counts)
            counted(counts, unit)
            let verdict = judge(counts, configuration, text, unit)
            report.units.append(
                HanScriptUnitResult(
                    range: unit, simplifiedCount: counts.simplified,
                    traditionalCount: counts.traditional, verdict: verdict))
            switch verdict {
            case .simplified where counts.traditional > 0:
                if counts.traditional <= counts.remembered {
                    reportRemembered(
                        .traditionalOnly, at: counts.traditionalStarts[..<counts.traditional],
                        text, unit, unitIndex,
                        into: &report.findings)
                } else {
                    collect(.traditionalOnly, text, unit, unitIndex, into: &report.findings)
                }
            case .traditional where counts.simplified > 0:
                if counts.simplified <= counts.remembered {
                    reportRemembered(
                        .simplifiedOnly, at: counts.simplifiedStarts[..<counts.simplified],
                        text, unit, unitIndex,
                        into: &report.findings)
                } else {
                    collect(.simplifiedOnly, text, unit, unitIndex, into: &report.findings)
                }
            default:
                break
            }
        }
        return report
    }

    /// Analyses UTF-8 `text`; `units` defaults to the whole text as one unit.
    package static func analyze(
        _ text: [UInt8],
        units: [Range<Int>]? = nil,
        configuration: HanScriptMixConfiguration = HanScriptMixConfiguration()
    ) -> HanScriptMixReport {
        text.withUnsafeBufferPointer { buffer in
            analyze(buffer, units: units ?? [0..<buffer.count], configuration: configuration)
        }
    }

    /// One unit's tallies, reused across units. The offset buffers are plain memory because
    /// the counting loop stores into them for every non-ASCII character.
    private struct Counts {
        /// How many offsets of each kind are remembered; past that, findings need a second pass.
        /// No more than the text can hold (a non-ASCII character is at least two bytes): two
        /// 32 KB buffers for every short document cost more than counting it.
        let remembered: Int

        var simplified = 0
        var traditional = 0
        var hasKana = false
        var hasHangul = false
        /// Non-ASCII characters and their bytes: the rest of the unit is ASCII.
        var nonASCII = 0
        var nonASCIIBytes = 0
        // One slot more than remembered: the counting loop writes every character's offset to
        // the next free slot and keeps it only by counting it, so once the buffer is full the
        // writes land in the extra slot.
        let simplifiedStarts: UnsafeMutableBufferPointer<Int>
        let traditionalStarts: UnsafeMutableBufferPointer<Int>

        init(textCount: Int) {
            remembered = min(4096, textCount / 2)
            simplifiedStarts = .allocate(capacity: remembered + 1)
            traditionalStarts = .allocate(capacity: remembered + 1)
        }

        func deallocate() {
            simplifiedStarts.deallocate()
            traditionalStarts.deallocate()
        }
    }

    /// Counts a unit without branching on the characters' classes: which of shared,
    /// Simplified-only, Traditional-only and other follows which is unpredictable in Chinese
    /// text, and a mispredicted branch per character cost more than the table read.
    private static func count(
        _ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>, into counts: inout Counts
    ) {
        let classes = HanScriptCharacterClasses.table
        let simplifiedStarts = counts.simplifiedStarts
        let traditionalStarts = counts.traditionalStarts
        let remembered = counts.remembered
        var simplified = 0
        var traditional = 0
        var seen: UInt32 = 0
        var nonASCII = 0
        var nonASCIIBytes = 0
        var index = unit.lowerBound
        let end = unit.upperBound
        // Counts the character of `characterClass` at `start`, keeping its offset while there
        // is room.
        @inline(__always) func note(_ characterClass: UInt8, at start: Int) {
            simplifiedStarts[min(simplified, remembered)] = start
            simplified &+= characterClass == HanForm.simplifiedOnly.rawValue ? 1 : 0
            traditionalStarts[min(traditional, remembered)] = start
            traditional &+= characterClass == HanForm.traditionalOnly.rawValue ? 1 : 0
            seen |= 1 << UInt32(characterClass)
        }
        while true {
            // English text, markup and digits count for nothing.
            index = ASCIISkip.nextNonASCII(text, from: index, end: end)
            guard index < end else { break }
            // Chinese prose is runs of three-byte characters: decoded in place here, with the
            // run's length and bytes counted once at its end (the general step below kept too
            // many values live for the registers, and spilled them for every character).
            let runStart = index
            while index + 2 < end {
                let lead = text[index]
                let second = text[index + 1] ^ 0x80
                let third = text[index + 2] ^ 0x80
                guard lead & 0xF0 == 0xE0 && second | third < 0x40 else { break }
                let scalar = UInt32(lead & 0x0F) << 12 | UInt32(second) << 6 | UInt32(third)
                note(HanScriptCharacterClasses.bmpClass(classes, scalar), at: index)
                index += 3
            }
            nonASCII &+= (index - runStart) / 3
            nonASCIIBytes &+= index - runStart
            guard index < end else { break }
            if text[index] < 0x80 { continue }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            note(HanScriptCharacterClasses.characterClass(classes, scalar), at: index)
            nonASCII &+= 1
            nonASCIIBytes &+= length
            index += length
        }
        counts.nonASCII = nonASCII
        counts.nonASCIIBytes = nonASCIIBytes
        counts.simplified = simplified
        counts.traditional = traditional
        counts.hasKana = seen & (1 << UInt32(HanScriptCharacterClasses.kana)) != 0
        counts.hasHangul = seen & (1 << UInt32(HanScriptCharacterClasses.hangul)) != 0
    }

    /// ASCII letters per non-ASCII character from which a unit is Latin-script prose. Chinese
    /// text with English terms stays well below: `在 config.yaml 中设置 enable_cache` has about
    /// two letters per Han character; `Simplified-only (国, 这, 发)` has five.
    package static let lettersPerMentionedCharacter = 4

    private static func judge(
        _ counts: Counts, _ configuration: HanScriptMixConfiguration, _ text: UnsafeBufferPointer<UInt8>,
        _ unit: Range<Int>
    ) -> HanScriptUnitVerdict {
        if configuration.skipJapaneseAndKorean {
            if counts.hasKana { return .japanese }
            if counts.hasHangul { return .korean }
            // Letters are counted only when the ASCII bytes alone could reach the threshold.
            let perCharacter = lettersPerMentionedCharacter
            if counts.simplified + counts.traditional > 0,
                unit.count - counts.nonASCIIBytes >= perCharacter * counts.nonASCII,
                asciiLetters(text, unit) >= perCharacter * counts.nonASCII
            {
                return .latinProse
            }
        }
        return verdict(
            simplifiedCount: counts.simplified, traditionalCount: counts.traditional,
            configuration: configuration)
    }

    private static func asciiLetters(_ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>) -> Int {
        var letters = 0
        for index in unit where (text[index] | 0x20) >= 0x61 && (text[index] | 0x20) <= 0x7A { letters += 1 }
        return letters
    }

    /// The verdict on a Chinese unit with these counts: the configured direction, or by
    /// majority `.tooFewDecisiveCharacters`, `.tie`, `.simplified` or `.traditional`. Lets a
    /// caller judge a unit it assembled from the counts of several (see `mixed-han-script`).
    package static func verdict(
        simplifiedCount: Int, traditionalCount: Int, configuration: HanScriptMixConfiguration
    ) -> HanScriptUnitVerdict {
        switch configuration.direction {
        case .simplified:
            return .simplified
        case .traditional:
            return .traditional
        case .majority:
            if simplifiedCount + traditionalCount < configuration.minimumDecisiveCharacters {
                return .tooFewDecisiveCharacters
            }
            if simplifiedCount == traditionalCount { return .tie }
            return simplifiedCount > traditionalCount ? .simplified : .traditional
        }
    }

    /// Reports the characters at remembered offsets.
    private static func reportRemembered(
        _ minority: HanForm, at starts: Slice<UnsafeMutableBufferPointer<Int>>,
        _ text: UnsafeBufferPointer<UInt8>,
        _ unit: Range<Int>, _ unitIndex: Int, into findings: inout [HanScriptMixFinding]
    ) {
        for start in starts {
            let (scalar, length) = UTF8ScalarDecoding.scalar(
                in: text, at: start, end: unit.upperBound)
            findings.append(finding(minority, scalar, start..<(start + length), unitIndex))
        }
    }

    /// The characters of `minority`'s form in each of `units` of UTF-8 `text`, in order: what
    /// `analyze` reports for units judged in the other system, without counting them first
    /// (`mixed-han-script` has counted them already to judge the document).
    package static func findings(
        of minority: HanForm, in text: UnsafeBufferPointer<UInt8>, units: [Range<Int>]
    ) -> [HanScriptMixFinding] {
        var findings: [HanScriptMixFinding] = []
        for (unitIndex, requested) in units.enumerated() {
            collect(minority, text, requested.clamped(to: 0..<text.count), unitIndex, into: &findings)
        }
        return findings
    }

    /// `findings(of:in:units:)` read from `index`, which holds every decisive character of
    /// the units.
    static func findings(
        of minority: HanForm, in text: UnsafeBufferPointer<UInt8>, units: [Range<Int>], index: DecisiveCharacterIndex
    ) -> [HanScriptMixFinding] {
        var findings: [HanScriptMixFinding] = []
        // Spun text repeats its few slipped characters: each one's counterparts are looked up
        // once, and its findings share them.
        var suggestions: [UInt32: [UInt32]] = [:]
        for (unitIndex, requested) in units.enumerated() {
            let unit = requested.clamped(to: 0..<text.count)
            index.forEach(minority, in: unit, of: text) { range in
                let (scalar, _) = UTF8ScalarDecoding.scalar(in: text, at: range.lowerBound, end: range.upperBound)
                // Stored only when looked up: storing every time hashed each finding twice.
                let counterparts: [UInt32]
                if let known = suggestions[scalar] {
                    counterparts = known
                } else {
                    counterparts = Self.suggestions(minority, scalar)
                    if suggestions.count < 4096 { suggestions[scalar] = counterparts }
                }
                findings.append(
                    HanScriptMixFinding(range: range, scalar: scalar, form: minority, suggestions: counterparts, unitIndex: unitIndex))
            }
        }
        return findings
    }

    /// Reports every minority character of a unit by scanning it again.
    private static func collect(
        _ minority: HanForm, _ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>,
        _ unitIndex: Int, into findings: inout [HanScriptMixFinding]
    ) {
        // The class of a Han character is its form's raw value.
        let classes = HanScriptCharacterClasses.table
        var index = unit.lowerBound
        let end = unit.upperBound
        while index < end {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            let characterClass = HanScriptCharacterClasses.characterClass(classes, scalar)
            if characterClass == minority.rawValue {
                findings.append(finding(minority, scalar, index..<(index + length), unitIndex))
            }
            index += length
        }
    }

    private static func finding(
        _ minority: HanForm, _ scalar: UInt32, _ range: Range<Int>, _ unitIndex: Int
    ) -> HanScriptMixFinding {
        HanScriptMixFinding(
            range: range, scalar: scalar, form: minority, suggestions: suggestions(minority, scalar), unitIndex: unitIndex)
    }

    /// The counterparts to suggest for `scalar`, a character of `minority`'s form.
    private static func suggestions(_ minority: HanForm, _ scalar: UInt32) -> [UInt32] {
        minority == .traditionalOnly ? HanVariants.simplifiedSuggestions(for: scalar) : HanVariants.traditionalSuggestions(for: scalar)
    }
}
