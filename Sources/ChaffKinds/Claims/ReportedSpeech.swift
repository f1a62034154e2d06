import ChaffText

/// Claims that are someone's reported words: after 说：, 表示：, 指出：… in the same paragraph,
/// a news report goes on in the speaker's words (彭珮云…说：目前…。据推算，…), and after 说， to
/// the end of the sentence (奥贝德说，…据估计已达…); the speaker is the source.
extension ClaimDetector {
    /// Verbs that open reported words when a full-width colon follows them.
    private static let speechVerbs: [[UInt8]] = SourceCues.tableWords(
        "说 說 説 表示 指出 强调 強調 介绍 介紹 称 稱 宣布 透露 认为 認為 認爲 谈到 談到 写道 寫道 回答 答 问 問 讲 講")

    /// Whether `phrase` stands in words reported after a speech verb and a colon earlier in its
    /// paragraph line (or a comma earlier in its sentence), spoken by someone the text names: the words before that colon, back to the start
    /// of their sentence, name the speaker (`namesSpeaker`: 彭珮云说：, not 他说： or 专家说：) and
    /// hold no vague phrase of their own. A quotation opened right after the colon ends the
    /// reported words at its closing mark.
    func continuesSpeech(_ phrase: Range<Int>, paragraph: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // A line break ends reported words: news files put one paragraph on each line, with no
        // blank line between them.
        let floor = max(paragraph.lowerBound, LineBounds.start(of: phrase.lowerBound, in: text))
        guard floor < phrase.lowerBound else { return false }
        // Words after a colon run on to the end of the line; after a comma (奥贝德说，…据估计),
        // to the end of their sentence.
        let colon: [UInt8] = [0xEF, 0xBC, 0x9A]  // ：
        let comma: [UInt8] = [0xEF, 0xBC, 0x8C]  // ，
        let sentence = Self.sentenceStart(before: phrase.lowerBound, floor: floor, in: text)
        var found = false
        for (mark, start) in [(colon, floor), (comma, sentence)] {
            var from = start
            while let c = ByteSearch.next(mark, in: UnsafeBufferPointer(rebasing: text[..<phrase.lowerBound]), from: from) {
                from = c + mark.count
                guard Self.speechVerbs.contains(where: { c >= floor + $0.count && text[(c - $0.count)..<c].elementsEqual($0) }) else {
                    continue
                }
                if let close = Self.quotationEnd(after: from, in: text, limit: phrase.lowerBound), close <= phrase.lowerBound { continue }
                // …表示，他希望…，但是据报道…: a turn of the sentence hands it back to the reporter.
                if mark == comma, Self.turns.contains(where: { ByteSearch.contains($0, in: text, from..<phrase.lowerBound) }) { continue }
                let speaker = Self.sentenceStart(before: c, floor: floor, in: text)..<c
                if lexicon.cues.namesSpeaker(text, speaker)
                    && ClaimMatcher.matches(of: lexicon, in: UnsafeBufferPointer(rebasing: text[speaker])).isEmpty
                {
                    found = true
                } else if mark == colon {
                    found = false
                }
            }
        }
        return found
    }

    /// A comma and a word that turns the sentence against what came before.
    private static let turns: [[UInt8]] = ["，但", "，然而", "，不过", "，可是", "，却", "，而"].map { Array($0.utf8) }

    /// Where a quotation opened at `offset` closes (the offset after its closing mark), if it
    /// opens there and closes before `limit`.
    private static func quotationEnd(after offset: Int, in text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        guard offset < limit else { return nil }
        let (open, length) = UTF8Decoding.decode(text, at: offset)
        let close: [UInt8]
        switch open {
        case 0x201C: close = [0xE2, 0x80, 0x9D]  // “ ”
        case 0x300C: close = [0xE3, 0x80, 0x8D]  // 「 」
        default: return nil
        }
        guard let end = ByteSearch.next(close, in: UnsafeBufferPointer(rebasing: text[..<limit]), from: offset + length) else { return nil }
        return end + close.count
    }

    /// The start of the sentence holding `offset`: after the last 。！？ or line break before it.
    private static func sentenceStart(before offset: Int, floor: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k > floor {
            guard let start = TextScalar.start(before: k, in: text), start >= floor else { break }
            let (scalar, _) = UTF8Decoding.decode(text, at: start)
            if let scalar, [0x3002, 0xFF01, 0xFF1F, 0x0A].contains(scalar) { break }
            k = start
        }
        return k
    }
}
