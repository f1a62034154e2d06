import ChaffData
import ChaffEngine
import ChaffText

/// The part of `mixed-han-script` that knows Taiwan's forms from Hong Kong's, used when a file's
/// locale names the region (see `LocaleName.hanRegion(of:)` and `HanRegionalForms`).
///
/// Both regions write Traditional, so the Simplified/Traditional tables cannot tell them apart:
/// a zh-TW catalogue that came through a Hong Kong or OpenCC-standard conversion holds 裏, 着,
/// 説 where Taiwan writes 裡, 著, 說, and a zh-HK one holds Hong Kong's standard forms 温, 户,
/// which those tables call Simplified.
enum HanRegionalCheck {
    /// The findings without those a Hong Kong text writes by its own standard (温, 户, 説).
    static func keepingHongKongForms(_ findings: [HanScriptMixFinding]) -> [HanScriptMixFinding] {
        findings.filter { !($0.form == .simplifiedOnly && HanRegionalForms.hongKongForms.contains($0.scalar)) }
    }

    /// One finding per character of `text` that Taiwan writes otherwise, outside Japanese and
    /// Korean paragraphs and outside `reported` (ranges the Simplified/Traditional check
    /// reports already: 温 is Simplified too).
    static func taiwanFindings(
        in text: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], reported: [Range<Int>]
    ) -> [Finding] {
        let alreadyReported = Set(reported.map(\.lowerBound))
        var findings: [Finding] = []
        for paragraph in paragraphs where !HanScriptParagraphs.hasKanaOrHangul(text, paragraph.lowerBound, paragraph.upperBound) {
            var index = paragraph.lowerBound
            while index < paragraph.upperBound {
                // Every replaced character is a three-byte BMP ideograph.
                guard text[index] >= 0xE3, text[index] <= 0xE9, index + 2 < paragraph.upperBound else {
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(text, at: index)
                defer { index += max(length, 1) }
                guard let scalar, let replacement = HanRegionalForms.taiwanReplacements[scalar],
                    !alreadyReported.contains(index)
                else { continue }
                findings.append(finding(scalar, replacement, at: index..<(index + length)))
            }
        }
        return findings
    }

    private static func finding(_ scalar: UInt32, _ replacement: HanRegionalForms.TaiwanReplacement, at range: Range<Int>) -> Finding {
        let choices = replacement.taiwanForms.map { "'" + String(Character(Unicode.Scalar($0)!)) + "'" }
        let suggestion = choices.count == 1 ? choices[0] : choices.dropLast().joined(separator: ", ") + " or " + choices.last!
        return Finding(
            range: range,
            arguments: [
                "found": replacement.isHongKongForm ? "Hong Kong" : "Variant", "characters": "character",
                "majority": HanRegion.taiwan.rawValue, "suggestion": suggestion,
            ],
            fix: replacement.taiwanForms.count == 1 ? String(Character(Unicode.Scalar(replacement.taiwanForms[0])!)) : nil)
    }
}
