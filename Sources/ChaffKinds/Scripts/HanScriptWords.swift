import ChaffData
import ChaffText

/// The word-level half of `mixed-han-script`: words whose system the characters alone do not
/// show (see `HanWordForms`).
///
/// - In Traditional text, a Simplified word spelled with characters both systems use (基于, 用于,
///   并且) is reported at each character its Traditional spelling changes (于 → 於), unless a
///   Traditional word keeps that character there (若干缺點 holds 干缺, but 若干 keeps 干).
/// - In Simplified text, a character the variant tables call Traditional-only is not reported
///   inside a word Simplified text writes with it (哪吒, 大阪's 阪).
///
/// Only characters that can start such a decision are looked at: a table read per character in
/// a Traditional unit, and nothing at all in Simplified text until a finding needs checking.
enum HanScriptWords {
    /// Whether `scalar` differs between the spellings of some Simplified-only word (BMP only:
    /// every such character is there).
    private static let triggers: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for scalar in HanWordForms.simplifiedOnlyByTrigger.keys where scalar < 0x10000 { table[Int(scalar)] = true }
        return table
    }()

    /// Findings for the Simplified-only words in `unit`, a unit written in Traditional.
    static func simplifiedOnlyWords(in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>, unitIndex: Int) -> [HanScriptMixFinding] {
        var findings: [HanScriptMixFinding] = []
        var reported = -1
        var index = unit.lowerBound
        let triggers = Self.triggers
        while index < unit.upperBound {
            index = ASCIISkip.nextNonASCII(text, from: index, end: unit.upperBound)
            guard index < unit.upperBound else { break }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: unit.upperBound)
            defer { index += length }
            guard scalar < 0x10000, triggers[Int(scalar)], index > reported,
                let candidates = HanWordForms.simplifiedOnlyByTrigger[scalar]
            else { continue }
            // A Traditional word that keeps the character covers it (若干缺點, not 干缺).
            if let keeping = HanWordForms.traditionalKeepingByCharacter[scalar],
                keeping.contains(where: { wordStart($0.word, triggerAt: index, position: $0.index, in: text, unit: unit) != nil })
            {
                continue
            }
            for (word, position) in candidates {
                guard let start = wordStart(word.simplified, triggerAt: index, position: position, in: text, unit: unit) else { continue }
                // Every character the Traditional spelling changes, once.
                var offset = start
                for k in 0..<word.simplified.count {
                    let (_, characterLength) = UTF8ScalarDecoding.scalar(in: text, at: offset, end: unit.upperBound)
                    if word.simplified[k] != word.traditional[k] && offset > reported {
                        findings.append(
                            HanScriptMixFinding(
                                range: offset..<(offset + characterLength), scalar: word.simplified[k], form: .simplifiedOnly,
                                suggestions: [word.traditional[k]], unitIndex: unitIndex))
                        reported = offset
                    }
                    offset += characterLength
                }
                break
            }
        }
        return findings
    }

    /// Whether the Traditional-only character at `range` stands in a word that Simplified text
    /// writes with it (哪吒), or is one Simplified text writes alone (阪).
    static func isSimplifiedUsage(_ range: Range<Int>, scalar: UInt32, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let words = HanWordForms.simplifiedUsageByCharacter[scalar] else { return false }
        let whole = 0..<text.count
        return words.contains { wordStart($0.word, triggerAt: range.lowerBound, position: $0.index, in: text, unit: whole) != nil }
    }

    /// Where `word` starts if it occurs in `text` with its character `position` at the byte
    /// offset `trigger`, within `unit`.
    private static func wordStart(
        _ word: [UInt32], triggerAt trigger: Int, position: Int, in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>
    ) -> Int? {
        var start = trigger
        for _ in 0..<position {
            guard start > unit.lowerBound else { return nil }
            start -= 1
            while start > unit.lowerBound && text[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var offset = start
        for expected in word {
            guard offset < unit.upperBound else { return nil }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: offset, end: unit.upperBound)
            guard scalar == expected else { return nil }
            offset += length
        }
        return start
    }
}
