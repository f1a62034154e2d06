import ChaffEngine
import ChaffText

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
/// Pass the masker's `MarkupMarks` when `text` is a masked scope: the links, addresses and
/// note elements that masking blanked count as citation marks, and HTML block tags split
/// paragraphs that a masked line would join.
package struct ClaimDetector: Sendable {
    /// The phrases.
    package let lexicon: ClaimLexicon
    private let splitter = SentenceSplitter()

    /// A detector for `lexicon`.
    package init(lexicon: ClaimLexicon) { self.lexicon = lexicon }

    /// Findings in `bytes`, split into sentences here; the phrases of a long text are matched
    /// on up to `workers` threads.
    package func findings(in bytes: [UInt8], marks: MarkupMarks = MarkupMarks(), workers: Int = 1) -> [ClaimFinding] {
        bytes.withUnsafeBufferPointer { findings(in: $0, marks: marks, workers: workers) }
    }

    /// Findings in `text`, split into sentences here; the phrases of a long text are matched on
    /// up to `workers` threads.
    package func findings(
        in text: UnsafeBufferPointer<UInt8>, marks: MarkupMarks = MarkupMarks(), workers: Int = 1
    ) -> [ClaimFinding] {
        let matches = ClaimMatcher.matches(of: lexicon, in: text, workers: workers)
        if matches.isEmpty { return [] }
        return findings(in: CitationView(text: text, marks: marks), matches: matches)
    }

    private func findings(in citations: CitationView, matches: [ClaimMatcher.Match]) -> [ClaimFinding] {
        let text = citations.text
        // Sentences matter only around a match, and most paragraphs hold none: split only those
        // that do (judging reads nothing outside a match's own paragraph). They are found from
        // the matches, in order (`paragraph(containing:)`): the paragraphs of `paragraphs(in:)`
        // where a match starts, without reading the others.
        var paragraphs: [SentenceSplitter.Paragraph] = []
        var m = 0
        while m < matches.count {
            let start = matches[m].range.lowerBound
            guard let paragraph = splitter.paragraph(containing: start, in: text), paragraph.contains(start) else {
                m += 1
                continue
            }
            defer { while m < matches.count && matches[m].range.lowerBound < paragraph.upperBound { m += 1 } }
            // HTML blocks on one line (`<dt>…¶</a></dt><dd><p>Studies show…`) are paragraphs of
            // their own: a link in one must not source a claim in the next.
            let pieces = HTMLBlockBoundaries.split(paragraph, at: citations.marks)
            for (p, range) in pieces.enumerated() {
                while m < matches.count && matches[m].range.lowerBound < range.lowerBound { m += 1 }
                guard m < matches.count, matches[m].range.lowerBound < range.upperBound else { continue }
                // A block that holds only a web address, right after (`…widely used.</p><div
                // class="url">→ https://…</div>`), is the reference of this one.
                if p + 1 < pieces.count, Self.isAddressOnly(pieces[p + 1], in: citations) {
                    continue
                }
                paragraphs.append(SentenceSplitter.Paragraph(range: range, sentences: splitter.sentences(in: text, within: range)))
            }
        }
        return findings(in: citations, matches: matches, paragraphs: paragraphs)
    }

    /// Findings in `text`, whose paragraphs and sentences are already known.
    package func findings(
        in text: UnsafeBufferPointer<UInt8>, paragraphs: [SentenceSplitter.Paragraph], marks: MarkupMarks = MarkupMarks()
    ) -> [ClaimFinding] {
        let matches = ClaimMatcher.matches(of: lexicon, in: text)
        if matches.isEmpty { return [] }
        return findings(in: CitationView(text: text, marks: marks), matches: matches, paragraphs: paragraphs)
    }

    private func findings(
        in citations: CitationView, matches: [ClaimMatcher.Match], paragraphs: [SentenceSplitter.Paragraph]
    ) -> [ClaimFinding] {
        let text = citations.text
        var out: [ClaimFinding] = []
        var m = 0
        for paragraph in paragraphs {
            var evidence = ParagraphEvidence(sentences: paragraph.sentences, range: paragraph.range)
            for (s, sentence) in paragraph.sentences.enumerated() {
                while m < matches.count && matches[m].range.lowerBound < sentence.lowerBound { m += 1 }
                var here: [ClaimMatcher.Match] = []
                var k = m
                while k < matches.count && matches[k].range.lowerBound < sentence.upperBound {
                    if matches[k].range.upperBound <= sentence.upperBound, !Self.isQuotedMention(matches[k].range, in: text) {
                        here.append(matches[k])
                    }
                    k += 1
                }
                m = k
                if here.isEmpty { continue }
                out += judge(here, sentence: sentence, index: s, in: text, citations: citations, evidence: &evidence)
            }
        }
        return out
    }

    private func judge(
        _ matches: [ClaimMatcher.Match], sentence: Range<Int>, index: Int, in text: UnsafeBufferPointer<UInt8>,
        citations: CitationView, evidence: inout ParagraphEvidence
    ) -> [ClaimFinding] {
        let cues = lexicon.cues
        if cues.citation(in: citations, sentence) != nil { return [] }
        let always = matches.filter { lexicon.phrases[$0.phrase].mode == .always }.map(\.range)
        if cues.namedAttribution(in: text, sentence, vaguePhrases: always) != nil { return [] }
        var vague: [ClaimMatcher.Match] = []
        for match in matches {
            let phrase = lexicon.phrases[match.phrase]
            if Self.isCountedGroup(match.range, in: text) { continue }
            if !phrase.isFrame, Self.isNaming(after: match.range, in: text, sentence: sentence) { continue }
            if !phrase.isFrame, Self.isNounMention(match.range, in: text, sentence: sentence) { continue }
            if !phrase.isFrame, Self.isActor(match.range, in: text) { continue }
            if phrase.mode == .always {
                if !explainedByContext(match, phrase: phrase, index: index, text: text, citations: citations, evidence: &evidence) {
                    vague.append(match)
                }
                continue
            }
            if !phrase.isFrame, isObject(match.range, in: text, sentence: sentence) { continue }
            // 据客服说…导出数据: the frame's words report someone's words (据X说), so its closing
            // word belongs to another clause.
            if phrase.isFrame, let source = match.frameSource, Self.containsSpeechVerb(source, in: text) { continue }
            switch verdict(of: match, in: text, sentence: sentence) {
            case .named:
                return []
            case .anaphoric:
                if evidence.hasSource(before: index, text: text, citations: citations, cues: cues) { continue }
                // 他们经过分析研究发现: they are whoever the sentence before names (a company).
                if index > 0, Self.opensWithPronoun(match.range, in: text, sentence: sentence),
                    cues.judgeChinese(text, evidence.sentences[index - 1], bareSubjects: .none).0 == .named
                {
                    continue
                }
                vague.append(match)
            case .vague:
                if explainedByContext(match, phrase: phrase, index: index, text: text, citations: citations, evidence: &evidence) {
                    continue
                }
                vague.append(match)
            }
        }
        if vague.isEmpty { return [] }
        return findings(vague, matches: matches, sentence: sentence, in: text)
    }

    /// The findings of the `vague` matches of a sentence, with the tier its signature (a figure,
    /// a sweeping claim) gives them; a group that is silent without a signature gives none.
    private func findings(
        _ vague: [ClaimMatcher.Match], matches: [ClaimMatcher.Match], sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>
    ) -> [ClaimFinding] {
        // The signature is looked for outside the claim phrases themselves (大家都知道 is no
        // sweeping claim, 一位专家 no figure).
        let signatures = ClaimSignatureScanner.standard.signatures(in: text, sentence, excluded: matches.map(\.range))
        return vague.compactMap { match in
            let phrase = lexicon.phrases[match.phrase]
            let group = lexicon.groups[phrase.group]
            let signature = ClaimSignature.allCases.first { signatures.contains($0) && group.signatures.contains($0) }
            let tier = signature != nil ? ClaimTier.warning : group.bare
            if tier == .none { return nil }
            var finding = ClaimFinding(
                sentence: sentence, phrase: match.range,
                text: String(decoding: UnsafeBufferPointer(rebasing: text[match.range]), as: UTF8.self),
                category: group.category, mode: phrase.mode, missing: group.missing)
            finding.tier = tier
            finding.signature = signature
            return finding
        }
    }

    /// Whether the block that starts `range` holds a link to a web address and nothing else:
    /// masking has left only white space and an arrow or bullet in the text (a link's address
    /// is blanked in prose, and trimmed off the paragraph's end), and a link between there and
    /// the next block tag (at most 600 bytes on) points to a web address.
    static func isAddressOnly(_ range: Range<Int>, in citations: CitationView) -> Bool {
        let text = citations.text
        var i = range.lowerBound
        while i < range.upperBound {
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar, [0x20, 0x09, 0x0A, 0x0D, 0x2192, 0x2022].contains(scalar) else { return false }
            i += max(length, 1)
        }
        let limit = range.lowerBound + 600
        let end = citations.marks.blockTags(startingIn: range.lowerBound..<limit).first?.range.lowerBound ?? limit
        return citations.marks.references(startingIn: range.lowerBound..<end).contains { $0.kind == .link && $0.isWebAddress }
    }

    /// Whether the text around a vague phrase tells whose claim it is: the official whose report
    /// the sentence before gives (局长邹玉川介绍，…。据统计), the experts or the study that a
    /// sentence just before names (国家环保局派出调查组…。据调查), or an identified speaker whose
    /// words it continues (彭珮云…说：…。据推算).
    private func explainedByContext(
        _ match: ClaimMatcher.Match, phrase: ClaimLexicon.Phrase, index: Int, text: UnsafeBufferPointer<UInt8>,
        citations: CitationView, evidence: inout ParagraphEvidence
    ) -> Bool {
        let cues = lexicon.cues
        // 据统计 right after a named body's or official's report (国家土地管理局局长邹玉川介绍，…。
        // 据不完全统计，…) gives that source's figures; a bare name (可以说, a byline) is not enough.
        if lexicon.groups[phrase.group].category == "unnamed-counting", index > 0 {
            let previous = evidence.sentences[index - 1]
            if cues.namedReporter(in: text, previous, excluded: [], bareSubjects: .none) != nil { return true }
            // “…。”这是公安部副部长李纪周…所说的: the speaker named further from the verb than a
            // subject reaches.
            if Self.hasDistantNamedSpeaker(previous, in: text, cues: cues) { return true }
        }
        // A frame has words of its own between 据 and 统计 (据当地统计): those decide, not an echo.
        if !phrase.isFrame {
            if evidence.echoesNamedSource(match.range, before: index, text: text, citations: citations, cues: cues) { return true }
            if evidence.echoesEarlierParagraph(match.range, text: text, citations: citations, cues: cues) { return true }
            if isHeadlineOfNamedReport(match.range, in: text) { return true }
        }
        return continuesSpeech(match.range, paragraph: evidence.range, in: text)
    }

    /// Whether `range` is a phrase talked about rather than used: it stands alone in quotation
    /// marks ("studies show", “据不完全统计”, 「专家指出」), with at most a comma or colon of its own
    /// inside them.
    static func isQuotedMention(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let before = TextScalar.scalar(before: range.lowerBound, in: text) else { return false }
        let close: [UInt32]
        switch before {
        case 0x22: close = [0x22]
        case 0x27: close = [0x27]
        case 0x201C: close = [0x201D]
        case 0x2018: close = [0x2019]
        case 0x300C: close = [0x300D]
        case 0x300E: close = [0x300F]
        default: return false
        }
        var i = range.upperBound
        guard i < text.count else { return false }
        var (scalar, length) = UTF8Decoding.decode(text, at: i)
        if let s = scalar, [0x2C, 0x3A, 0xFF0C, 0xFF1A, 0x3001].contains(s), i + length < text.count {
            i += length
            (scalar, length) = UTF8Decoding.decode(text, at: i)
        }
        return scalar.map(close.contains) ?? false
    }

    /// 称 naming something (有人称豆浆为“植物牛奶”, 被科学家称为“自然之肾”, 被专家称为第二个“巴库”):
    /// a phrase ending in 称 followed, within a few words of its clause, by 为 or 作 and, within
    /// four more characters, a quotation mark. A nickname attributes no claim.
    static func isNaming(after phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> Bool {
        let chen = Array("称".utf8), chenT = Array("稱".utf8)
        let tail = Array(UnsafeBufferPointer(rebasing: text[max(phrase.lowerBound, phrase.upperBound - 3)..<phrase.upperBound]))
        guard tail == chen || tail == chenT else { return false }
        var i = phrase.upperBound
        var characters = 0
        while i < sentence.upperBound && characters <= 10 {
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar else { return false }
            if scalar == 0x4E3A || scalar == 0x70BA || scalar == 0x4F5C {  // 为 為 作
                // The name in quotation marks, right after 为 or after a few words of its own
                // (称为第二个“巴库”).
                var next = i + length
                var between = 0
                while next < sentence.upperBound && between <= 4 {
                    let (quote, quoteLength) = UTF8Decoding.decode(text, at: next)
                    guard let quote else { return false }
                    if [0x201C, 0x300C, 0x300E, 0x0022].contains(quote) { return true }
                    if [0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x2C].contains(quote) { return false }
                    between += 1
                    next += quoteLength
                }
                return false
            }
            if [0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x2C].contains(scalar) { return false }
            characters += 1
            i += length
        }
        return false
    }

    /// 多位专家 after a number (１６０多位专家) counts a known group ("more than 160 experts"), the
    /// object of thanks or a list, not "several experts" as a source.
    static func isCountedGroup(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (first, _) = UTF8Decoding.decode(text, at: phrase.lowerBound)
        guard first == 0x591A, let before = ScalarClass.scalar(before: phrase.lowerBound, in: text) else { return false }  // 多
        return (0x30...0x39).contains(before) || (0xFF10...0xFF19).contains(before)
            || [0x5341, 0x767E, 0x5343, 0x4E07, 0x62FE, 0x4F70, 0x4EDF].contains(before)  // 十 百 千 万 拾 佰 仟
    }

    /// Nouns that can end a claim phrase (外电报道, 有消息): read as a noun, they report nothing.
    private static let reportNouns: [[UInt8]] = ["报道", "報道", "报导", "報導", "消息", "訊息"].map { Array($0.utf8) }

    /// A phrase that ends in a noun and is used as one (不够权威准确的外电报道。): 的 right before it
    /// and clause punctuation right after, so nothing is reported. Verbs keep their claims
    /// (有的学者认为，…).
    static func isNounMention(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> Bool {
        let de = Array("的".utf8)
        guard phrase.count >= 6,
            reportNouns.contains(where: { Array(UnsafeBufferPointer(rebasing: text[(phrase.upperBound - 6)..<phrase.upperBound])) == $0 }),
            phrase.lowerBound - 3 >= sentence.lowerBound,
            Array(UnsafeBufferPointer(rebasing: text[(phrase.lowerBound - 3)..<phrase.lowerBound])) == de,
            phrase.upperBound < text.count
        else { return false }
        let (after, _) = UTF8Decoding.decode(text, at: phrase.upperBound)
        return after.map { [0x3002, 0xFF0C, 0xFF1B, 0x3001, 0x201D, 0xFF09].contains($0) } ?? false
    }

    private static let pronouns: [[UInt8]] = SourceCues.tableWords("他们 他們 她们 她們")

    /// Whether the clause of `phrase` opens with a personal pronoun (他们经过认真分析 | 研究发现).
    static func opensWithPronoun(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> Bool {
        let start = ClauseBounds.chineseSubjectStart(before: phrase.lowerBound, floor: sentence.lowerBound, in: text)
        return pronouns.contains { start + $0.count <= phrase.lowerBound && text[start..<(start + $0.count)].elementsEqual($0) }
    }

    /// Verbs of going somewhere or taking part: after 有专家, 官员… they make the people actors in
    /// the story (一听说有专家到老刘家去), not a source.
    private static let actorVerbs: [[UInt8]] = SourceCues.tableWords("到 來 来 去 前往 赶 趕 参加 參加 出席 走 陪同 深入 下乡 下鄉")
    private static let personEnds: Set<UInt32> = [0x5BB6, 0x58EB, 0x5458, 0x54E1, 0x8005]  // 家 士 员 員 者

    static func isActor(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = TextScalar.scalar(before: phrase.upperBound, in: text), personEnds.contains(last) else { return false }
        return actorVerbs.contains { verb in
            phrase.upperBound + verb.count <= text.count && text[phrase.upperBound..<(phrase.upperBound + verb.count)].elementsEqual(verb)
        }
    }

    /// Speech verbs that make 据… a quotation of someone's words.
    private static let speechVerbs: [[UInt8]] = ["说", "說", "説", "称", "稱", "表示", "讲", "講"].map { Array($0.utf8) }

    /// Verbs of an account that the next sentence's figures can belong to.
    private static let accountVerbs: [[UInt8]] = ["说", "說", "介绍", "介紹", "指出", "透露"].map { Array($0.utf8) }
    /// Words that end in 说 without reporting anyone's words (来说, 可以说, 就是说).
    private static let notSpeech: [[UInt8]] = ["来说", "來說", "以说", "以說", "是说", "是說", "如说", "如說", "话说", "話說"].map { Array($0.utf8) }

    /// Whether `sentence` has an account verb whose words before it, from the start of the
    /// sentence, name a source however far back (这是公安部副部长李纪周在…时所说的).
    static func hasDistantNamedSpeaker(_ sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>, cues: SourceCues) -> Bool {
        for verb in accountVerbs {
            var from = sentence.lowerBound
            let slice = UnsafeBufferPointer(rebasing: text[..<sentence.upperBound])
            while let at = ByteSearch.next(verb, in: slice, from: from) {
                from = at + verb.count
                if notSpeech.contains(where: {
                    at + verb.count >= sentence.lowerBound + $0.count
                        && text[(at + verb.count - $0.count)..<(at + verb.count)].elementsEqual($0)
                }) {
                    continue
                }
                if cues.judgeChinese(text, sentence.lowerBound..<at, bareSubjects: .none).0 == .named { return true }
            }
        }
        return false
    }

    static func containsSpeechVerb(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        speechVerbs.contains { ByteSearch.contains($0, in: text, range) }
    }

    /// Words that make the noun of a Chinese claim phrase the object of a verb or preposition
    /// (向外国专家介绍, 请专家指出, 为专家表示…): the phrase attributes nothing.
    private static let objectMarkers: [[UInt8]] = SourceCues.tableWords(
        "向 給 给 请 請 邀请 邀請 聘请 聘請 陪同 会见 會見 接见 接見 为 為 同 跟 让 讓 听取 聽取 组织 組織 带领 帶領 慰问 慰問 "
            + "受到 得到 获得 獲得 赢得 贏得 深受")

    /// Whether a listed object marker stands in the few characters before `phrase` (within its
    /// clause), and so makes the phrase's noun an object.
    func isObject(_ phrase: Range<Int>, in text: UnsafeBufferPointer<UInt8>, sentence: Range<Int>) -> Bool {
        guard text[phrase.lowerBound] >= 0x80 else { return false }
        let start = ClauseBounds.chineseSubjectStart(before: phrase.lowerBound, floor: sentence.lowerBound, in: text)
        let from = max(start, phrase.lowerBound - 18)
        guard from < phrase.lowerBound else { return false }
        let stretch = Array(UnsafeBufferPointer(rebasing: text[from..<phrase.lowerBound]))
        for marker in Self.objectMarkers where stretch.count >= marker.count {
            for k in 0...(stretch.count - marker.count) where stretch[k..<(k + marker.count)].elementsEqual(marker) {
                // Only at a character boundary (UTF-8 lead bytes line up with the marker's).
                if stretch[k] & 0xC0 != 0x80 { return true }
            }
        }
        return false
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
        let verdict = cues.judgeChinese(text, start..<phrase.lowerBound, bareSubjects: .beforeVagueWords).0
        if verdict != .vague { return verdict }
        // 国家统计局城调队对１９９１年…消费结构的抽样 | 调查显示: a phrase that heads a long noun
        // phrase (…的 right before it) belongs to whoever opens the clause, beyond the usual reach.
        guard
            let opening = ClauseBounds.chineseNounPhraseOpening(
                before: phrase.lowerBound, from: start, floor: sentence.lowerBound, in: text)
        else { return verdict }
        return cues.judgeChinese(text, opening, bareSubjects: .adjacent).0
    }
}

/// Which sentences of a paragraph name a source, worked out only when a later sentence points
/// back to one.
struct ParagraphEvidence {
    let sentences: [Range<Int>]
    /// The paragraph itself.
    let range: Range<Int>
    private var known: [Bool?]

    init(sentences: [Range<Int>], range: Range<Int>) {
        self.sentences = sentences
        self.range = range
        self.known = Array(repeating: nil, count: sentences.count)
    }

    /// Whether a sentence before `index` names a source.
    mutating func hasSource(
        before index: Int, text: UnsafeBufferPointer<UInt8>, citations: CitationView,
        cues: SourceCues
    ) -> Bool {
        for i in stride(from: index - 1, through: 0, by: -1) where names(i, text: text, citations: citations, cues: cues) { return true }
        return false
    }

    /// The nouns of a claim phrase that can refer back to a group or a piece of work the
    /// sentence before described (专家, 研究): Simplified, then Traditional.
    static let echoNouns: [[UInt8]] = [
        "专家", "專家", "学者", "學者", "科学家", "科學家", "研究", "调查", "調查", "试验", "試驗", "实验", "實驗",
        "观察家", "觀察家", "分析家", "experts", "researchers", "scientists", "study", "survey", "research",
    ].map { Array($0.utf8) }

    /// Whether `phrase` (in sentence `index`) holds a noun that the sentence right before also
    /// holds, and that sentence names a source: the phrase means the same experts or study.
    mutating func echoesNamedSource(
        _ phrase: Range<Int>, before index: Int, text: UnsafeBufferPointer<UInt8>,
        citations: CitationView, cues: SourceCues
    ) -> Bool {
        guard index > 0 else { return false }
        let previous = sentences[index - 1]
        for noun in Self.echoNouns where ByteSearch.contains(noun, in: text, phrase) && ByteSearch.contains(noun, in: text, previous) {
            // Named as a source there, or as the body those experts or that study belong to
            // (国家环保局组织审核专家…); if not, they may still be a named meeting's (below).
            if names(index - 1, text: text, citations: citations, cues: cues)
                || cues.judgeChinese(text, previous, bareSubjects: .none).0 == .named
            {
                return true
            }
            break
        }
        // A trial right after a named body made the thing it tests (美国遗传技术研究公司研制成功
        // 一种新药。初步试验表明…) is that body's.
        if Self.trialNouns.contains(where: { ByteSearch.contains($0, in: text, phrase) }),
            Self.makingVerbs.contains(where: { ByteSearch.contains($0, in: text, previous) }),
            cues.judgeChinese(text, previous, bareSubjects: .none).0 == .named
        {
            return true
        }
        // Experts or scholars right after a sentence about a named body's meeting are its
        // participants (某研究会举办了研讨会。专家指出…), as they are two sentences after a meeting
        // with a title of its own (『…』理论研讨会召开。与会者…。专家们认为…).
        guard Self.participantNouns.contains(where: { ByteSearch.contains($0, in: text, phrase) }) else { return false }
        for back in [index - 1, index - 2] where back >= 0 && Self.hasTitledMeeting(sentences[back], in: text) { return true }
        if Self.meetingNouns.contains(where: { ByteSearch.contains($0, in: text, previous) }) {
            // The meeting's host is named as an organisation anywhere in that sentence, or that
            // sentence points back (该刊在京举行座谈会) to one an earlier sentence names.
            switch cues.judgeChinese(text, previous, bareSubjects: .none).0 {
            case .named: return true
            case .anaphoric:
                return sentences[..<(index - 1)].contains { cues.judgeChinese(text, $0, bareSubjects: .none).0 == .named }
            case .vague: return false
            }
        }
        return false
    }

    private static let trialNouns: [[UInt8]] = SourceCues.tableWords("试验 試驗 实验 實驗 临床 臨床 測試 测试")
    private static let makingVerbs: [[UInt8]] = SourceCues.tableWords("研制 研製 研发 研發 开发 開發 发明 發明 推出 研究出")

    /// Whether `sentence` names a meeting by a title in quotation or title marks that closes at
    /// most two characters before the meeting's noun (『…』理论研讨会, “…”座谈会, 《…》论坛).
    static func hasTitledMeeting(_ sentence: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let closers: [[UInt8]] = ["』", "”", "》", "」"].map { Array($0.utf8) }
        for noun in meetingNouns {
            var from = sentence.lowerBound
            let slice = UnsafeBufferPointer(rebasing: text[..<sentence.upperBound])
            while let at = ByteSearch.next(noun, in: slice, from: from) {
                from = at + noun.count
                let window = max(sentence.lowerBound, at - 9)..<at
                if closers.contains(where: { ByteSearch.contains($0, in: text, window) }) { return true }
            }
        }
        return false
    }

    private static let participantNouns: [[UInt8]] = ["专家", "專家", "学者", "學者"].map { Array($0.utf8) }
    private static let meetingNouns: [[UInt8]] = [
        "研讨会", "研討會", "座谈会", "座談會", "论坛", "論壇", "年会", "年會", "峰会", "峰會", "学术会议", "學術會議",
        "评审会", "評審會", "论证会", "論證會", "鉴定会", "鑑定會", "鑒定會",
    ].map { Array($0.utf8) }

    /// Whether sentence `i` names a source.
    mutating func names(_ i: Int, text: UnsafeBufferPointer<UInt8>, citations: CitationView, cues: SourceCues) -> Bool {
        if let value = known[i] { return value }
        let sentence = sentences[i]
        let value =
            cues.citation(in: citations, sentence) != nil
            || cues.namedAttribution(in: text, sentence, vaguePhrases: []) != nil
            || cues.namedReporter(in: text, sentence, excluded: []) != nil
        known[i] = value
        return value
    }
}
