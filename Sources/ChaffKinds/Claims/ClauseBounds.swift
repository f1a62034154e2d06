import ChaffText

/// Where the words that belong to a phrase start and end: the subject before a claim phrase
/// (哈佛大学的 | 研究表明) and the source after an attribution marker (据 | 新华社报道).
///
/// Clauses end at punctuation; a subject is also cut at conjunctions that open a new clause
/// (`that`, `because`, …) and kept short, since a subject is rarely longer than a few words.
enum ClauseBounds {
    /// How far back a Chinese subject may reach, in bytes (about 20 characters).
    static let chineseReach = 60
    /// How far forward a Chinese source may reach after its marker, in bytes (about 16 characters).
    static let chineseSourceReach = 48
    /// How many English words a subject or a source may have.
    static let englishWords = 8

    private static let englishClauseWords: Set<[UInt8]> = Set(
        "that which who whom whose because but while although though whereas if when as since so where unless until"
            .split(separator: " ").map { Array($0.utf8) })

    private static let englishSourceStops: Set<[UInt8]> = Set(
        """
        that which who whom whose shows show showed shown found finds find says said say suggests suggest suggested
        indicates indicate estimated estimates reported reports notes noted but revealed reveals concluded concludes
        published warned warns claims claimed predicted predicts
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) })

    /// Whether the scalar ending at `offset` ends a clause, for Chinese text.
    static func isChineseDelimiter(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (Bool, Int) {
        guard let start = TextScalar.start(before: offset, in: text) else { return (true, 0) }
        let length = offset - start
        let b = text[start]
        if length == 1 {
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                UInt8(ascii: "\""), 0x0A, 0x0D:
                return (true, length)
            case UInt8(ascii: "."):
                // 3.5 is a number, not a stop.
                let digitBefore = start > 0 && TextScalar.isASCIIDigit(text[start - 1])
                let digitAfter = offset < text.count && TextScalar.isASCIIDigit(text[offset])
                return (!(digitBefore && digitAfter), length)
            default:
                return (false, length)
            }
        }
        guard let scalar = UTF8Decoding.decode(text, at: start).scalar else { return (false, length) }
        switch scalar {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F,
            0xFF61, 0x2026:
            return (true, length)
        default:
            return (false, length)
        }
    }

    /// The start of the Chinese subject that ends at `offset`, not before `floor`.
    static func chineseSubjectStart(before offset: Int, floor: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k > floor && offset - k < chineseReach {
            let (stop, length) = isChineseDelimiter(before: k, in: text)
            if stop || length == 0 { break }
            k -= length
        }
        return max(k, floor)
    }

    /// The opening words of the clause whose long noun phrase `offset` ends inside, when the
    /// subject that `chineseSubjectStart` found (from `start`) was cut by its reach rather than by
    /// punctuation, and a 的 stands in the last few characters before `offset` (国家统计局城调队
    /// 对…消费结构的抽样 | 调查显示). The opening is at most `chineseReach` bytes, cut at a character.
    static func chineseNounPhraseOpening(before offset: Int, from start: Int, floor: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<
        Int
    >? {
        guard start > floor, !isChineseDelimiter(before: start, in: text).0 else { return nil }
        let de: [UInt8] = [0xE7, 0x9A, 0x84]  // 的
        guard ByteSearch.contains(de, in: text, max(start, offset - 12)..<offset) else { return nil }
        var k = start
        while k > floor && start - k < 3 * chineseReach {
            let (stop, length) = isChineseDelimiter(before: k, in: text)
            if stop || length == 0 { break }
            k -= length
        }
        let clauseStart = max(k, floor)
        var end = clauseStart
        while end < start && end - clauseStart < chineseReach {
            end += max(1, UTF8Decoding.decode(text, at: end).length)
        }
        return clauseStart..<min(end, start)
    }

    /// The end of the Chinese source that starts at `offset`, not after `ceiling`.
    static func chineseSourceEnd(after offset: Int, ceiling: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k < ceiling && k - offset < chineseSourceReach {
            let length = max(1, UTF8Decoding.decode(text, at: k).length)
            let (stop, _) = isChineseDelimiter(before: min(k + length, text.count), in: text)
            if stop { break }
            k += length
        }
        return min(k, ceiling)
    }

    /// The start of the English subject that ends at `offset`: back to punctuation or a clause
    /// word, and at most `englishWords` words.
    static func englishSubjectStart(before offset: Int, floor: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k > floor && offset - k < 200 {
            let b = text[k - 1]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(")
                || b == UInt8(ascii: ")") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
            {
                break
            }
            if b >= 0x80 {
                let (stop, length) = isChineseDelimiter(before: k, in: text)
                if stop { break }
                k -= max(length, 1)
                continue
            }
            k -= 1
        }
        let words = SourceCues.words(text, k..<offset)
        var start = k
        var kept = 0
        for word in words.reversed() {
            let lower = word.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
            if englishClauseWords.contains(lower) {
                start = word.upperBound
                break
            }
            kept += 1
            start = word.lowerBound
            if kept == englishWords { break }
        }
        return kept == 0 ? offset : start
    }

    /// The end of the English source that starts at `offset`: up to punctuation, a reporting
    /// verb or a clause word, and at most `englishWords` words.
    static func englishSourceEnd(after offset: Int, ceiling: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = offset
        while k < ceiling && k - offset < 200 {
            let b = text[k]
            if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(")
                || b == UInt8(ascii: ")") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
            {
                break
            }
            if b == UInt8(ascii: "."), k + 1 >= ceiling || TextScalar.spaceLength(text, at: k + 1) > 0 { break }
            if b >= 0x80, isChineseDelimiter(before: min(k + UTF8Decoding.decode(text, at: k).length, text.count), in: text).0 { break }
            k += 1
        }
        var end = offset
        for (n, word) in SourceCues.words(text, offset..<k).enumerated() {
            let lower = word.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
            if englishSourceStops.contains(lower) || n == englishWords { break }
            end = word.upperBound
        }
        return end
    }
}
