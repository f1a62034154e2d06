import ChaffData

/// Finds Traditional Chinese characters mixed into Simplified text and the reverse.
///
/// Each unit (a paragraph, a whole document) is judged on its own: count its Simplified-only
/// and Traditional-only characters (see `HanVariants` for which are which), choose the unit's
/// writing system, and report every occurrence of a character of the other one with its
/// variants in the chosen system. Shared characters (的, 后, 台) never count.
///
/// One pass over the bytes counts; a second pass over a unit runs only when it has findings.
/// ASCII bytes cost a comparison; every other scalar a table read.
public enum HanScriptMix {
    /// Analyses `units` of UTF-8 `text`; ranges are clamped to the text.
    ///
    /// Units should be whole paragraphs or larger and may not split a UTF-8 sequence (a split
    /// sequence reads as U+FFFD, which is not Han, so it is merely ignored).
    public static func analyze(
        _ text: UnsafeBufferPointer<UInt8>,
        units: [Range<Int>],
        configuration: HanScriptMixConfiguration = HanScriptMixConfiguration()
    ) -> HanScriptMixReport {
        var report = HanScriptMixReport(units: [], findings: [])
        report.units.reserveCapacity(units.count)
        for (unitIndex, requested) in units.enumerated() {
            let unit = requested.clamped(to: 0..<text.count)
            let counts = count(text, unit)
            let verdict = judge(counts, configuration)
            report.units.append(HanScriptUnitResult(
                range: unit, simplifiedCount: counts.simplified,
                traditionalCount: counts.traditional, verdict: verdict))
            switch verdict {
            case .simplified where counts.traditional > 0:
                collect(.traditionalOnly, text, unit, unitIndex, into: &report.findings)
            case .traditional where counts.simplified > 0:
                collect(.simplifiedOnly, text, unit, unitIndex, into: &report.findings)
            default:
                break
            }
        }
        return report
    }

    /// Analyses UTF-8 `text`; `units` defaults to the whole text as one unit.
    public static func analyze(
        _ text: [UInt8],
        units: [Range<Int>]? = nil,
        configuration: HanScriptMixConfiguration = HanScriptMixConfiguration()
    ) -> HanScriptMixReport {
        text.withUnsafeBufferPointer { buffer in
            analyze(buffer, units: units ?? [0..<buffer.count], configuration: configuration)
        }
    }

    private struct Counts {
        var simplified = 0
        var traditional = 0
        var hasKana = false
        var hasHangul = false
    }

    private static func count(_ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>) -> Counts {
        var counts = Counts()
        var index = unit.lowerBound
        let end = unit.upperBound
        while index < end {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            index += length
            switch HanVariants.form(of: scalar) {
            case .simplifiedOnly: counts.simplified += 1
            case .traditionalOnly: counts.traditional += 1
            case .shared: break
            case .notHan:
                // Hangul Jamo (U+1100) is the lowest kana or Hangul code point.
                guard scalar >= 0x1100 else { break }
                let script = ScriptTable.script(of: scalar)
                if script == .hiragana || script == .katakana {
                    counts.hasKana = true
                } else if script == .hangul {
                    counts.hasHangul = true
                }
            }
        }
        return counts
    }

    private static func judge(
        _ counts: Counts, _ configuration: HanScriptMixConfiguration
    ) -> HanScriptUnitVerdict {
        if configuration.skipJapaneseAndKorean {
            if counts.hasKana { return .japanese }
            if counts.hasHangul { return .korean }
        }
        switch configuration.direction {
        case .simplified:
            return .simplified
        case .traditional:
            return .traditional
        case .majority:
            if counts.simplified + counts.traditional < configuration.minimumDecisiveCharacters {
                return .tooFewDecisiveCharacters
            }
            if counts.simplified == counts.traditional { return .tie }
            return counts.simplified > counts.traditional ? .simplified : .traditional
        }
    }

    private static func collect(
        _ minority: HanForm, _ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>,
        _ unitIndex: Int, into findings: inout [HanScriptMixFinding]
    ) {
        var index = unit.lowerBound
        let end = unit.upperBound
        while index < end {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            if HanVariants.form(of: scalar) == minority {
                let variants = minority == .traditionalOnly
                    ? HanVariants.simplified(of: scalar) : HanVariants.traditional(of: scalar)
                findings.append(HanScriptMixFinding(
                    range: index..<(index + length), scalar: scalar, form: minority,
                    suggestions: variants.filter { $0 != scalar }, unitIndex: unitIndex))
            }
            index += length
        }
    }
}
