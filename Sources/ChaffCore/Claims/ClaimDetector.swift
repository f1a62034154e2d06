/// Finds sentences that lean on an authority they never name.
///
/// For each sentence:
/// 1. Lexicon phrases are matched in one pass over the whole text (leftmost-longest, white space
///    folded, whole words for ASCII edges); a phrase overlapped by an exception is dropped, and a
///    phrase that crosses a sentence boundary is ignored.
/// 2. A sentence with a citation mark (`CitationScanner`: web address, footnote, link, source
///    label, author–year) has no findings.
/// 3. A sentence with a named attribution (`AttributionScanner`: 据新华社报道, according to the
///    WHO's 2021 report) has no findings.
/// 4. An `unlessNamed` phrase whose subject names a source (国家统计局数据显示, A 2019 Lancet study
///    shows), or a frame whose inner words name one, makes the whole sentence sourced: it has no
///    findings.
/// 5. An `unlessNamed` phrase whose subject points back (该研究发现, The study found) is fine
///    when an earlier sentence of the paragraph names a source (any of 2–4, or a reporting verb
///    with a named subject: 哈佛大学公布了…, Gallup found…).
/// 6. Every other phrase is a finding.
///
/// Pass the unmasked source as `raw` when `text` is a masked scope: citation marks (link targets,
/// footnotes, `<a href>`) are looked up there, at the same offsets.
public struct ClaimDetector: Sendable {
    /// The phrases.
    public let lexicon: ClaimLexicon
    private let splitter = SentenceSplitter()

    /// A detector for `lexicon`.
    public init(lexicon: ClaimLexicon) { self.lexicon = lexicon }

    /// Findings in `bytes`, split into sentences here.
    public func findings(in bytes: [UInt8], raw: [UInt8]? = nil) -> [ClaimFinding] {
        bytes.withUnsafeBufferPointer { text in
            guard let raw, raw.count == bytes.count else { return findings(in: text) }
            return raw.withUnsafeBufferPointer { findings(in: text, raw: $0) }
        }
    }

    /// Findings in `text`, split into sentences here.
    public func findings(in text: UnsafeBufferPointer<UInt8>, raw: UnsafeBufferPointer<UInt8>? = nil) -> [ClaimFinding] {
        let matches = ClaimMatcher.matches(of: lexicon, in: text)
        if matches.isEmpty { return [] }
        // Sentences matter only around a match, and most paragraphs hold none: split only those
        // that do (judging reads nothing outside a match's own paragraph).
        var paragraphs: [SentenceSplitter.Paragraph] = []
        var m = 0
        for range in splitter.paragraphs(in: text) {
            while m < matches.count && matches[m].range.lowerBound < range.lowerBound { m += 1 }
            guard m < matches.count, matches[m].range.lowerBound < range.upperBound else { continue }
            paragraphs.append(SentenceSplitter.Paragraph(range: range, sentences: splitter.sentences(in: text, within: range)))
        }
        return findings(in: text, matches: matches, paragraphs: paragraphs, raw: raw)
    }

    /// Findings in `text`, whose paragraphs and sentences are already known.
    public func findings(in text: UnsafeBufferPointer<UInt8>, paragraphs: [SentenceSplitter.Paragraph],
                         raw: UnsafeBufferPointer<UInt8>? = nil) -> [ClaimFinding] {
        let matches = ClaimMatcher.matches(of: lexicon, in: text)
        if matches.isEmpty { return [] }
        return findings(in: text, matches: matches, paragraphs: paragraphs, raw: raw)
    }

    private func findings(in text: UnsafeBufferPointer<UInt8>, matches: [ClaimMatcher.Match], paragraphs: [SentenceSplitter.Paragraph],
                          raw: UnsafeBufferPointer<UInt8>?) -> [ClaimFinding] {
        let citations = raw.flatMap { $0.count == text.count ? $0 : nil } ?? text
        var out: [ClaimFinding] = []
        var m = 0
        for paragraph in paragraphs {
            var evidence = ParagraphEvidence(sentences: paragraph.sentences)
            for (s, sentence) in paragraph.sentences.enumerated() {
                while m < matches.count && matches[m].range.lowerBound < sentence.lowerBound { m += 1 }
                var here: [ClaimMatcher.Match] = []
                var k = m
                while k < matches.count && matches[k].range.lowerBound < sentence.upperBound {
                    if matches[k].range.upperBound <= sentence.upperBound { here.append(matches[k]) }
                    k += 1
                }
                m = k
                if here.isEmpty { continue }
                out += judge(here, sentence: sentence, index: s, in: text, citations: citations, evidence: &evidence)
            }
        }
        return out
    }

    private func judge(_ matches: [ClaimMatcher.Match], sentence: Range<Int>, index: Int, in text: UnsafeBufferPointer<UInt8>,
                       citations: UnsafeBufferPointer<UInt8>, evidence: inout ParagraphEvidence) -> [ClaimFinding] {
        let cues = lexicon.cues
        if cues.citation(in: citations, sentence) != nil { return [] }
        let always = matches.filter { lexicon.phrases[$0.phrase].mode == .always }.map(\.range)
        if cues.namedAttribution(in: text, sentence, vaguePhrases: always) != nil { return [] }
        var vague: [ClaimMatcher.Match] = []
        for match in matches {
            let phrase = lexicon.phrases[match.phrase]
            if phrase.mode == .always {
                vague.append(match)
                continue
            }
            switch verdict(of: match, in: text, sentence: sentence) {
            case .named:
                return []
            case .anaphoric:
                if !evidence.hasSource(before: index, text: text, citations: citations, cues: cues) { vague.append(match) }
            case .vague:
                vague.append(match)
            }
        }
        return vague.map { match in
            let phrase = lexicon.phrases[match.phrase]
            let group = lexicon.groups[phrase.group]
            return ClaimFinding(sentence: sentence, phrase: match.range, text: String(decoding: UnsafeBufferPointer(rebasing: text[match.range]), as: UTF8.self),
                                category: group.category, mode: phrase.mode, missing: group.missing)
        }
    }

    /// What a match says about its source: for a phrase, the words right before it; for a frame,
    /// the words after its opening word.
    func verdict(of match: ClaimMatcher.Match, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> SourceVerdict {
        guard let source = match.frameSource else { return subjectVerdict(of: match.range, in: text, sentence: sentence) }
        let clipped = source.lowerBound..<min(source.upperBound, sentence.upperBound)
        if TextScalar.isASCIILetter(text[match.range.lowerBound]) { return lexicon.cues.judgeEnglish(text, clipped).0 }
        return lexicon.cues.judgeChinese(text, clipped, bareSubjects: .beforeVagueWords).0
    }

    /// What the words right before `phrase` say about its source.
    func subjectVerdict(of phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> SourceVerdict {
        let cues = lexicon.cues
        if TextScalar.isASCIILetter(text[phrase.lowerBound]) {
            let start = ClauseBounds.englishSubjectStart(before: phrase.lowerBound, floor: sentence.lowerBound, in: text)
            return cues.judgeEnglish(text, start..<phrase.lowerBound).0
        }
        let start = ClauseBounds.chineseSubjectStart(before: phrase.lowerBound, floor: sentence.lowerBound, in: text)
        return cues.judgeChinese(text, start..<phrase.lowerBound, bareSubjects: .beforeVagueWords).0
    }
}

/// Which sentences of a paragraph name a source, worked out only when a later sentence points
/// back to one.
struct ParagraphEvidence {
    let sentences: [Range<Int>]
    private var known: [Bool?]

    init(sentences: [Range<Int>]) {
        self.sentences = sentences
        self.known = Array(repeating: nil, count: sentences.count)
    }

    /// Whether a sentence before `index` names a source.
    mutating func hasSource(before index: Int, text: UnsafeBufferPointer<UInt8>, citations: UnsafeBufferPointer<UInt8>,
                            cues: SourceCues) -> Bool {
        for i in stride(from: index - 1, through: 0, by: -1) where names(i, text: text, citations: citations, cues: cues) { return true }
        return false
    }

    /// Whether sentence `i` names a source.
    mutating func names(_ i: Int, text: UnsafeBufferPointer<UInt8>, citations: UnsafeBufferPointer<UInt8>, cues: SourceCues) -> Bool {
        if let value = known[i] { return value }
        let sentence = sentences[i]
        let value = cues.citation(in: citations, sentence) != nil
            || cues.namedAttribution(in: text, sentence, vaguePhrases: []) != nil
            || cues.namedReporter(in: text, sentence, excluded: []) != nil
        known[i] = value
        return value
    }
}
