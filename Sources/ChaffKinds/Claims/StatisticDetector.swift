import ChaffEngine
import ChaffText

/// Finds figures stated without a source, for the `uncited-statistic` rule.
///
/// A sentence with a figure (`StatisticScanner`: 30%, 百分之三十, 三成, 3倍, 近4000, 至少30,
/// 3000万, "X% of", "three times more", "millions of", "one in five") is reported unless its
/// sentence or any sentence of its paragraph names a source: a citation mark, a named
/// attribution (据新华社报道, according to the WHO), a lexicon phrase with a named subject
/// (国家统计局数据显示), or a reporting verb with a named subject (苹果公司称, Gallup found). The
/// paragraph counts because a source is often given once for several figures.
///
/// A sentence that also holds an unsourced-claim phrase (据不完全统计，…至少30个) is reported by
/// both rules; the engine may keep one.
package struct StatisticDetector: Sendable {
    /// The lexicon whose `unlessNamed` phrases and cue words also serve here.
    package let lexicon: ClaimLexicon
    private let splitter = SentenceSplitter()

    /// A detector sharing `lexicon` with the claim detector.
    package init(lexicon: ClaimLexicon) { self.lexicon = lexicon }

    /// Findings in `bytes`, split into sentences here; `marks` are the masker's, when `bytes` is
    /// a masked scope (see `ClaimDetector`).
    package func findings(in bytes: [UInt8], marks: MarkupMarks = MarkupMarks()) -> [StatisticFinding] {
        bytes.withUnsafeBufferPointer { findings(in: $0, paragraphs: splitter.segment($0), marks: marks) }
    }

    /// Findings in `text`, whose paragraphs and sentences are already known.
    package func findings(
        in text: UnsafeBufferPointer<UInt8>, paragraphs: [SentenceSplitter.Paragraph], marks: MarkupMarks = MarkupMarks()
    ) -> [StatisticFinding] {
        let citations = CitationView(text: text, marks: marks)
        let claims = ClaimDetector(lexicon: lexicon)
        var out: [StatisticFinding] = []
        for paragraph in paragraphs {
            var evidence = ParagraphEvidence(sentences: paragraph.sentences, range: paragraph.range)
            var paragraphNamed: Bool?
            for (s, sentence) in paragraph.sentences.enumerated() {
                let figures = StatisticScanner.figures(in: text, sentence)
                if figures.isEmpty { continue }
                if evidence.names(s, text: text, citations: citations, cues: lexicon.cues) { continue }
                if claims.hasNamedSubject(in: text, sentence: sentence) { continue }
                if paragraphNamed == nil {
                    paragraphNamed = paragraph.sentences.indices.contains { i in
                        i != s
                            && (evidence.names(i, text: text, citations: citations, cues: lexicon.cues)
                                || claims.hasNamedSubject(in: text, sentence: paragraph.sentences[i]))
                    }
                }
                if paragraphNamed == true { continue }
                for figure in figures {
                    out.append(
                        StatisticFinding(
                            sentence: sentence, paragraph: paragraph.range, figure: figure.range,
                            text: String(decoding: UnsafeBufferPointer(rebasing: text[figure.range]), as: UTF8.self),
                            kind: figure.kind))
                }
            }
        }
        return out
    }
}

extension ClaimDetector {
    /// Whether an `unlessNamed` phrase in `sentence` has a named subject (国家统计局数据显示).
    func hasNamedSubject(in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> Bool {
        for match in ClaimMatcher.matches(of: lexicon, in: UnsafeBufferPointer(rebasing: text[sentence]))
        where lexicon.phrases[match.phrase].mode == .unlessNamed {
            let shift = { (r: Range<Int>) in (sentence.lowerBound + r.lowerBound)..<(sentence.lowerBound + r.upperBound) }
            let absolute = ClaimMatcher.Match(phrase: match.phrase, range: shift(match.range), frameSource: match.frameSource.map(shift))
            if verdict(of: absolute, in: text, sentence: sentence) == .named { return true }
        }
        return false
    }
}
