import ChaffText

/// A news headline that sums up its report (专家分析指出震区更强地震可能性不大): a short line with
/// no closing punctuation, whose report right below names the source (记者从国家地震局获悉：…地震专家
/// 分析指出…). The headline leans on the report, as a title leans on its text.
extension ClaimDetector {
    /// The longest line, in bytes, read as a headline (about 40 Han characters).
    static let headlineLength = 120

    /// Whether `phrase` stands in a headline line whose next non-blank line, within its first
    /// sentences, names a source in a sentence that holds the same noun as the phrase (专家,
    /// 研究, 调查…).
    func isHeadlineOfNamedReport(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = LineBounds.start(of: phrase.lowerBound, in: text)
        let end = LineBounds.end(of: phrase.upperBound, in: text)
        guard end - start <= Self.headlineLength, !Self.hasClosingPunctuation(start..<end, in: text) else { return false }
        var next = end
        while next < text.count, [0x0A, 0x0D, 0x20, 0x09].contains(text[next]) { next += 1 }
        guard next < text.count else { return false }
        let body = next..<min(LineBounds.end(of: next, in: text), next + 3 * Self.headlineLength)
        let cues = lexicon.cues
        for noun in ParagraphEvidence.echoNouns
        where ByteSearch.contains(noun, in: text, phrase) && ByteSearch.contains(noun, in: text, body) {
            return cues.namedReporter(in: text, body, excluded: []) != nil || cues.namedAttribution(in: text, body, vaguePhrases: []) != nil
        }
        return false
    }

    /// Whether `line` holds a sentence-closing mark (。！？.!?), which a headline has none of.
    private static func hasClosingPunctuation(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let marks: [[UInt8]] = ["。", "！", "？", ".", "!", "?"].map { Array($0.utf8) }
        return marks.contains { ByteSearch.contains($0, in: text, line) }
    }
}
