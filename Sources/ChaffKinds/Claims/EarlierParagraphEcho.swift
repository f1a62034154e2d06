import ChaffText

/// A bare 据调查 or 研究表明 that goes on about a study or survey the paragraphs just before named
/// (《朝日新闻》的这项调查…。¶ 据调查，…): a news report names its source once and then refers
/// back to it.
extension ParagraphEvidence {
    /// How far back, in bytes, the paragraphs before are read (about 300 Han characters: the
    /// paragraph or two before).
    static let echoReach = 900

    /// Whether `phrase` holds a noun of `echoNouns` (调查, 研究, 专家…) that a sentence of the text
    /// just before its paragraph (or its line) also holds, in a clause that names a source or
    /// attributes with 据 (whose finding, if vague, is reported there once).
    func echoesEarlierParagraph(
        _ phrase: Range<Int>, text: UnsafeBufferPointer<UInt8>, citations: CitationView,
        cues: SourceCues
    ) -> Bool {
        // The paragraph ends at the phrase's line at the latest: news files put one paragraph on
        // each line, with no blank line between them.
        let start = max(range.lowerBound, LineBounds.start(of: phrase.lowerBound, in: text))
        let window = max(0, start - Self.echoReach)..<start
        guard !window.isEmpty else { return false }
        for noun in Self.echoNouns where ByteSearch.contains(noun, in: text, phrase) {
            var from = window.lowerBound
            while let hit = ByteSearch.next(noun, in: UnsafeBufferPointer(rebasing: text[..<window.upperBound]), from: from) {
                from = hit + noun.count
                // 研究所, 调查员: the noun inside an institution's or a person's name is not the study.
                if Self.continuesAsName(at: from, in: text) { continue }
                let sentence = Self.clause(around: hit..<from, within: window, in: text)
                // 据当地新闻媒体调查… ¶ 据调查: the source of that survey, named or not, was judged
                // where it was given; the echo adds no authority of its own.
                if ByteSearch.contains(Self.ju, in: text, sentence.lowerBound..<hit)
                    || ByteSearch.contains(Self.juTraditional, in: text, sentence.lowerBound..<hit)
                {
                    return true
                }
                if cues.citation(in: citations, sentence) != nil || cues.namedAttribution(in: text, sentence, vaguePhrases: []) != nil
                    || cues.judgeChinese(text, sentence, bareSubjects: .none).0 == .named
                {
                    return true
                }
            }
        }
        return false
    }

    private static let ju = Array("据".utf8)
    private static let juTraditional = Array("據".utf8)

    /// Characters that make an echo noun part of a longer name (研究所, 研究院, 研究中心, 研究会,
    /// 研究员, 研究生, 研究室, 调查员, 专家学者 is still experts).
    private static let nameContinuations: Set<UInt32> = [0x6240, 0x9662, 0x4E2D, 0x4F1A, 0x6703, 0x5458, 0x54E1, 0x751F, 0x5BA4]

    private static func continuesAsName(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < text.count, let next = UTF8Decoding.decode(text, at: offset).scalar else { return false }
        return nameContinuations.contains(next)
    }

    /// The clause of `window` around `span`: back and forward to clause punctuation or a line break.
    private static func clause(around span: Range<Int>, within window: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isStop(_ scalar: UInt32?) -> Bool {
            scalar.map { [0x3002, 0xFF01, 0xFF1F, 0xFF0C, 0xFF1B, 0xFF1A, 0x0A, 0x0D].contains($0) } ?? true
        }
        var start = span.lowerBound
        while start > window.lowerBound, let previous = TextScalar.start(before: start, in: text), previous >= window.lowerBound,
            !isStop(UTF8Decoding.decode(text, at: previous).scalar)
        {
            start = previous
        }
        var end = span.upperBound
        while end < window.upperBound {
            let (scalar, length) = UTF8Decoding.decode(text, at: end)
            if isStop(scalar) { break }
            end += max(length, 1)
        }
        return start..<min(end, window.upperBound)
    }
}
