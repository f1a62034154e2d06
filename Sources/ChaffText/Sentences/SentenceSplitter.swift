/// Splits UTF-8 text into paragraphs and sentences, as byte ranges into the text.
///
/// Ranges never include leading or trailing white space (ASCII white space, U+00A0, U+3000,
/// U+2028, U+2029, U+FEFF). Masked scopes can be passed as they are: a masked-out block is a
/// run of spaces and line breaks, so it reads as blank lines.
///
/// Paragraphs are separated by blank lines (lines holding only white space); a blank line
/// always ends a sentence. Inside a paragraph a sentence ends after:
/// - `。` `！` `？` `；` `｡` `…` (any run of them, `……` included), and `．` except between digits;
/// - ASCII `!` `?` `;` `.` and `...` in CJK text: when the character before them (looking past
///   closing quotes) or, for `;` and `.`, the character after them is CJK;
/// - English `.` `!` `?` `...` followed by white space and a word that does not start in lower
///   case (`"Stop!" he said` goes on), unless the word before the `.` is an abbreviation
///   (`Mr.`, `e.g.`, `i.e.`, `vs.`, `et al.`, `No. 5`, `Fig. 2`; `etc.`, `Inc.`, `U.S.` and
///   initials such as `J. K.` end a sentence only before a word that usually opens one), or a
///   list number at the start of a line (`1. First`, `1.积极推动`).
///
/// Closing quotes and brackets after a terminator stay with the sentence (`”’」』）)】》]"'`, a
/// straight quote when it closes an odd count of quotes in the sentence or is followed by white
/// space), and so do footnote markers right after them (`[1]`, `[^note]`, `¹²`, `<sup>…</sup>`).
/// Nothing inside a web address ends a sentence, and a `.` with a letter or digit right after it
/// never does (`3.14`, `v6.3.1`, `example.com`, `j.doe@example.com`).
///
/// A line break also ends a sentence before a line that starts a Markdown block (`#`, `>`,
/// `- `, `* `, `+ `, `1. `, `1) `, `1、`, `|`) and after a `#` heading line, so headings and
/// list items written without blank lines are not run together.
public struct SentenceSplitter: Sendable {
    /// One paragraph and the sentences in it.
    public struct Paragraph: Sendable, Equatable {
        /// The paragraph, trimmed.
        public var range: Range<Int>
        /// Its sentences, in order, each trimmed and inside `range`.
        public var sentences: [Range<Int>]

        /// A paragraph with its sentences.
        public init(range: Range<Int>, sentences: [Range<Int>]) {
            self.range = range
            self.sentences = sentences
        }
    }

    /// A splitter; it holds no state.
    public init() {}

    /// The paragraphs of `text`, split on blank lines, trimmed.
    public func paragraphs(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var lineStart = 0
        var paragraphStart: Int?
        var contentEnd = 0
        let n = text.count
        while lineStart < n {
            let lineEnd = ByteSearch.next(0x0A, in: text, from: lineStart) ?? n
            if Self.isBlank(text, lineStart..<lineEnd) {
                if let start = paragraphStart {
                    if let trimmed = Self.trim(text, start..<contentEnd) { out.append(trimmed) }
                    paragraphStart = nil
                }
            } else {
                if paragraphStart == nil { paragraphStart = lineStart }
                contentEnd = lineEnd
            }
            lineStart = lineEnd + 1
        }
        if let start = paragraphStart, let trimmed = Self.trim(text, start..<contentEnd) { out.append(trimmed) }
        return out
    }

    /// The paragraph of `paragraphs(in:)` whose lines hold `offset`, found by reading only its
    /// own lines and the blank lines around it; nil when `offset` is on a blank line or past
    /// the end. (A claim rule splits only the paragraphs a match starts in; reading every line
    /// of a 100 MB file for them cost a tenth of its time, on one thread.)
    package func paragraph(containing offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let n = text.count
        guard offset >= 0 && offset < n else { return nil }
        var lineStart = offset
        while lineStart > 0 && text[lineStart - 1] != 0x0A { lineStart -= 1 }
        let lineEnd = ByteSearch.next(0x0A, in: text, from: offset) ?? n
        if Self.isBlank(text, lineStart..<lineEnd) { return nil }
        var start = lineStart
        while start > 0 {
            // The line before ends with the line feed at `start - 1`.
            var previous = start - 1
            while previous > 0 && text[previous - 1] != 0x0A { previous -= 1 }
            if Self.isBlank(text, previous..<(start - 1)) { break }
            start = previous
        }
        var contentEnd = lineEnd
        var next = lineEnd + 1
        while next < n {
            let end = ByteSearch.next(0x0A, in: text, from: next) ?? n
            if Self.isBlank(text, next..<end) { break }
            contentEnd = end
            next = end + 1
        }
        return Self.trim(text, start..<contentEnd)
    }

    /// The sentences of `text`, paragraph after paragraph.
    public func sentences(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        paragraphs(in: text).flatMap { sentences(in: text, within: $0) }
    }

    /// Paragraphs with their sentences.
    public func segment(_ text: UnsafeBufferPointer<UInt8>) -> [Paragraph] {
        paragraphs(in: text).map { Paragraph(range: $0, sentences: sentences(in: text, within: $0)) }
    }

    /// Array convenience for `segment(_:)`.
    public func segment(_ bytes: [UInt8]) -> [Paragraph] {
        bytes.withUnsafeBufferPointer { segment($0) }
    }

    /// Array convenience for `sentences(in:)`.
    public func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { sentences(in: $0) }
    }

    /// Array convenience for `paragraphs(in:)`.
    public func paragraphs(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { paragraphs(in: $0) }
    }

    /// The sentences inside `paragraph`, which should hold no blank line (one from
    /// `paragraphs(in:)`).
    public func sentences(in text: UnsafeBufferPointer<UInt8>, within paragraph: Range<Int>) -> [Range<Int>] {
        var scan = Scan(text: text, end: paragraph.upperBound)
        return scan.run(from: paragraph.lowerBound)
    }

    // MARK: - White space

    static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let length = TextScalar.spaceLength(text, at: i)
            if length == 0 { return false }
            i += length
        }
        return true
    }

    /// `range` without leading and trailing white space, or `nil` when nothing is left.
    static func trim(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let length = TextScalar.spaceLength(text, at: start)
            if length == 0 { break }
            start += length
        }
        while end > start {
            guard let before = TextScalar.start(before: end, in: text), before >= start,
                TextScalar.spaceLength(text, at: before) == end - before
            else { break }
            end = before
        }
        return start < end ? start..<end : nil
    }
}

/// The state of one pass over a paragraph.
private struct Scan {
    let text: UnsafeBufferPointer<UInt8>
    let end: Int
    var out: [Range<Int>] = []
    var sentenceStart = 0
    var lineStart = 0

    init(text: UnsafeBufferPointer<UInt8>, end: Int) {
        self.text = text
        self.end = end
    }

    mutating func run(from start: Int) -> [Range<Int>] {
        sentenceStart = start
        lineStart = start
        var i = start
        while i < end {
            let b = text[i]
            if b < 0x80 {
                switch b {
                case 0x0A:
                    i = lineBreak(at: i)
                    continue
                case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                    if let urlEnd = URLScanner.end(of: text, at: i) {
                        i = min(urlEnd, end)
                        continue
                    }
                case UInt8(ascii: "."):
                    i = period(at: i)
                    continue
                case UInt8(ascii: "!"), UInt8(ascii: "?"):
                    i = exclamation(at: i)
                    continue
                case UInt8(ascii: ";"):
                    i = semicolon(at: i)
                    continue
                default:
                    break
                }
                i += 1
                continue
            }
            if let length = cjkTerminatorLength(at: i) {
                i = fullWidthTerminator(at: i, length: length)
                continue
            }
            i += 1
        }
        emit(upTo: end)
        return out
    }

    // MARK: Emitting

    mutating func emit(upTo stop: Int) {
        if stop > sentenceStart, let range = SentenceSplitter.trim(text, sentenceStart..<stop) { out.append(range) }
        sentenceStart = stop
    }

    /// Ends the sentence after the terminator run that ends at `runEnd`, taking closers and
    /// footnote markers along; returns where scanning resumes.
    mutating func endSentence(afterRun runEnd: Int) -> Int {
        let stop = takeClosersAndNotes(from: runEnd)
        emit(upTo: stop)
        return stop
    }

    // MARK: Line breaks

    mutating func lineBreak(at i: Int) -> Int {
        let headingLine = firstNonSpace(from: lineStart).map { $0 < i && text[$0] == UInt8(ascii: "#") } ?? false
        lineStart = i + 1
        if headingLine || startsBlock(at: i + 1) { emit(upTo: i + 1) }
        return i + 1
    }

    func firstNonSpace(from start: Int) -> Int? {
        var k = start
        while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
        return k < end ? k : nil
    }

    func startsBlock(at start: Int) -> Bool {
        guard let k = firstNonSpace(from: start) else { return false }
        let b = text[k]
        if b == UInt8(ascii: "#") || b == UInt8(ascii: ">") || b == UInt8(ascii: "|") { return true }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
            return k + 1 < end && (text[k + 1] == 0x20 || text[k + 1] == 0x09)
        }
        var d = k
        while d < end && d - k < 3 && TextScalar.isASCIIDigit(text[d]) { d += 1 }
        guard d > k, d < end else { return false }
        if text[d] == UInt8(ascii: ".") || text[d] == UInt8(ascii: ")") {
            return d + 1 < end && (text[d + 1] == 0x20 || text[d + 1] >= 0x80)
        }
        // 、 (E3 80 81) after a number is the Chinese list marker.
        return d + 2 < end && text[d] == 0xE3 && text[d + 1] == 0x80 && text[d + 2] == 0x81
    }

    /// Whether the digits or single letter ending at `tokenEnd` are the only thing on their line
    /// or in their sentence before it: a list number such as `1.` or `a.` (`。2.大力推动`).
    func isListMarker(tokenEnd: Int) -> Bool {
        let start = max(lineStart, sentenceStart)
        var k = tokenEnd
        while k > start && TextScalar.isASCIIDigit(text[k - 1]) && tokenEnd - k < 3 { k -= 1 }
        if k == tokenEnd {
            guard k > start, TextScalar.isASCIILetter(text[k - 1]) else { return false }
            k -= 1
        }
        var s = start
        while s < k && (text[s] == 0x20 || text[s] == 0x09) { s += 1 }
        return s == k
    }

    // MARK: Context

    /// Whether the scalar before `offset`, looking past closing quotes, is CJK.
    func isCJKBefore(_ offset: Int) -> Bool {
        var k = offset
        for _ in 0..<4 {
            guard let start = TextScalar.start(before: k, in: text), start >= sentenceStart,
                let scalar = UTF8Decoding.decode(text, at: start).scalar
            else { return false }
            if scalar == 0x201D || scalar == 0x2019 || scalar == 0x22 || scalar == 0x27 || scalar == 0x29 {
                k = start
                continue
            }
            return TextScalar.isCJK(scalar)
        }
        return false
    }

    func isCJKAt(_ offset: Int) -> Bool {
        guard offset < end, text[offset] >= 0x80, let scalar = TextScalar.scalar(at: offset, in: text) else { return false }
        return TextScalar.isCJK(scalar) && TextScalar.spaceLength(text, at: offset) == 0
    }

    // MARK: Terminators

    /// The length of a full-width terminator at `i`: 。！？；｡．…
    func cjkTerminatorLength(at i: Int) -> Int? {
        guard i + 3 <= end else { return nil }
        let b0 = text[i], b1 = text[i + 1], b2 = text[i + 2]
        if b0 == 0xE3 && b1 == 0x80 && b2 == 0x82 { return 3 }  // 。
        if b0 == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F || b2 == 0x9B || b2 == 0x8E) { return 3 }  // ！？；．
        if b0 == 0xEF && b1 == 0xBD && b2 == 0xA1 { return 3 }  // ｡
        if b0 == 0xE2 && b1 == 0x80 && b2 == 0xA6 { return 3 }  // …
        return nil
    }

    /// Skips a run of terminators of either width starting at `i`.
    func terminatorRunEnd(from i: Int) -> Int {
        var k = i
        while k < end {
            let b = text[k]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                k += 1
            } else if let length = cjkTerminatorLength(at: k) {
                k += length
            } else {
                break
            }
        }
        return k
    }

    /// Handles a full-width terminator at `i`; returns where scanning resumes.
    mutating func fullWidthTerminator(at i: Int, length: Int) -> Int {
        let isEllipsis = text[i] == 0xE2
        let isFullStop = text[i] == 0xEF && text[i + 2] == 0x8E
        if isFullStop {
            // １．５ and 1．5 are numbers.
            let before = TextScalar.scalar(before: i, in: text) ?? 0
            let after = TextScalar.scalar(at: i + length, in: text) ?? 0
            let isDigit: (UInt32) -> Bool = { (0x30...0x39).contains($0) || (0xFF10...0xFF19).contains($0) }
            if isDigit(before) && isDigit(after) { return i + length }
        }
        let runEnd = terminatorRunEnd(from: i)
        if isEllipsis && !isCJKBefore(i) {
            return englishEnding(runEnd: runEnd, periodAt: nil) ?? runEnd
        }
        return endSentence(afterRun: runEnd)
    }

    /// Handles ASCII `.` (or a run of dots) at `i`; returns where scanning resumes.
    mutating func period(at i: Int) -> Int {
        let runEnd = terminatorRunEnd(from: i)
        let dots = runEnd - i
        if runEnd < end {
            let next = text[runEnd]
            // 3.14, v6.3.1, example.com, e.g: a letter or digit right after the dot.
            if dots == 1 && (TextScalar.isASCIIAlphanumeric(next) || next == UInt8(ascii: "_")) { return runEnd }
            if dots > 1 && TextScalar.isASCIIAlphanumeric(next) { return runEnd }
        }
        let wordStart = asciiWordStart(before: i)
        if dots == 1 && wordStart < i && isListMarker(tokenEnd: i) && isDigitsOrLetter(wordStart..<i) { return runEnd }
        if isCJKBefore(i) { return endSentence(afterRun: runEnd) }
        if isCJKAt(runEnd) {
            if dots == 1 && wordStart < i, let behaviour = abbreviationBehaviour(wordStart..<i), behaviour != .unlessNumberFollows {
                return runEnd
            }
            return endSentence(afterRun: runEnd)
        }
        return englishEnding(runEnd: runEnd, periodAt: dots == 1 ? i : nil) ?? runEnd
    }

    /// Handles ASCII `!` or `?` at `i`; returns where scanning resumes.
    mutating func exclamation(at i: Int) -> Int {
        let runEnd = terminatorRunEnd(from: i)
        if isCJKBefore(i) || isCJKAt(runEnd) { return endSentence(afterRun: runEnd) }
        return englishEnding(runEnd: runEnd, periodAt: nil) ?? runEnd
    }

    /// Handles ASCII `;` at `i`, a terminator only in CJK text; returns where scanning resumes.
    mutating func semicolon(at i: Int) -> Int {
        // An HTML entity such as &nbsp; is not a clause.
        var k = i
        while k > sentenceStart && i - k < 10 && (TextScalar.isASCIIAlphanumeric(text[k - 1]) || text[k - 1] == UInt8(ascii: "#")) {
            k -= 1
        }
        if k > sentenceStart && k < i && text[k - 1] == UInt8(ascii: "&") { return i + 1 }
        guard isCJKBefore(i) || isCJKAt(i + 1) else { return i + 1 }
        return endSentence(afterRun: i + 1)
    }

    /// The English rule after a terminator run: the sentence ends when white space (or the end
    /// of the paragraph, or CJK text) follows and the next word does not start in lower case.
    /// `periodAt` is the single `.` whose preceding word may be an abbreviation. Returns where
    /// scanning resumes when the sentence ended, `nil` when it goes on.
    mutating func englishEnding(runEnd: Int, periodAt: Int?) -> Int? {
        let stop = takeClosersAndNotes(from: runEnd)
        if stop >= end || isCJKAt(stop) {
            emit(upTo: stop)
            return stop
        }
        guard TextScalar.spaceLength(text, at: stop) > 0 else { return nil }
        var next = stop
        while next < end {
            let length = TextScalar.spaceLength(text, at: next)
            if length == 0 { break }
            next += length
        }
        if next >= end {
            emit(upTo: stop)
            return stop
        }
        let first = text[next]
        if let dot = periodAt {
            let wordStart = asciiWordStart(before: dot)
            if wordStart < dot, let behaviour = abbreviationBehaviour(wordStart..<dot) {
                switch behaviour {
                case .never:
                    return nil
                case .unlessNumberFollows:
                    if TextScalar.isASCIIDigit(first) { return nil }
                case .onlyBeforeSentenceStarter:
                    guard first >= 0x80 || first == UInt8(ascii: "\"") || isSentenceStarter(at: next) else { return nil }
                    emit(upTo: stop)
                    return stop
                }
            }
        }
        if TextScalar.isASCIILower(first) { return nil }
        emit(upTo: stop)
        return stop
    }

    // MARK: Words

    /// The start of the run of ASCII letters, digits and inner dots that ends at `offset`.
    func asciiWordStart(before offset: Int) -> Int {
        var k = offset
        while k > sentenceStart {
            let b = text[k - 1]
            if TextScalar.isASCIIAlphanumeric(b) {
                k -= 1
            } else if b == UInt8(ascii: "."), k - 1 > sentenceStart, TextScalar.isASCIILetter(text[k - 2]) {
                k -= 1
            } else {
                break
            }
        }
        while k < offset && text[k] == UInt8(ascii: ".") { k += 1 }
        return k
    }

    func isDigitsOrLetter(_ range: Range<Int>) -> Bool {
        if range.count == 1 && TextScalar.isASCIILetter(text[range.lowerBound]) { return true }
        return range.count <= 3 && range.allSatisfy { TextScalar.isASCIIDigit(text[$0]) }
    }

    func abbreviationBehaviour(_ range: Range<Int>) -> SentenceAbbreviations.Behaviour? {
        // Only words of letters (with inner dots) can be abbreviations; `2019.` is a number.
        guard range.allSatisfy({ TextScalar.isASCIILetter(text[$0]) || text[$0] == UInt8(ascii: ".") }) else { return nil }
        let lower = range.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
        return SentenceAbbreviations.behaviour(of: lower, originalFirstByte: text[range.lowerBound])
    }

    func isSentenceStarter(at start: Int) -> Bool {
        var k = start
        while k < end && TextScalar.isASCIILetter(text[k]) { k += 1 }
        guard k > start else { return false }
        let word = (start..<k).map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
        return TextScalar.isASCIIUpper(text[start]) && SentenceAbbreviations.sentenceStarters.contains(word)
    }

    // MARK: Closers and footnotes

    /// Skips closing quotes and brackets, and then footnote markers, after a terminator.
    func takeClosersAndNotes(from start: Int) -> Int {
        var k = start
        var progressed = true
        while progressed && k < end {
            progressed = false
            let b = text[k]
            if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                k += 1
                progressed = true
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                if closesStraightQuote(b, at: k) {
                    k += 1
                    progressed = true
                }
            } else if b >= 0x80, let length = closerLength(at: k) {
                k += length
                progressed = true
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                k += 1
                progressed = true
            } else if b >= 0x80, let length = cjkTerminatorLength(at: k) {
                k += length
                progressed = true
            }
        }
        while k < end, let noteEnd = footnoteEnd(at: k) { k = noteEnd }
        return k
    }

    func closesStraightQuote(_ quote: UInt8, at k: Int) -> Bool {
        var count = 0
        for j in sentenceStart..<k where text[j] == quote { count += 1 }
        if count % 2 == 1 { return true }
        return k + 1 >= end || TextScalar.spaceLength(text, at: k + 1) > 0
    }

    /// ” ’ 」 』 ） 】 》 〕 〗 〉 ］
    func closerLength(at k: Int) -> Int? {
        guard k + 3 <= end else { return nil }
        let b0 = text[k], b1 = text[k + 1], b2 = text[k + 2]
        if b0 == 0xE2 && b1 == 0x80 && (b2 == 0x9D || b2 == 0x99) { return 3 }
        if b0 == 0xE3 && b1 == 0x80 && [0x8D, 0x8F, 0x91, 0x8B, 0x95, 0x97, 0x89].contains(b2) { return 3 }
        if b0 == 0xEF && b1 == 0xBC && (b2 == 0x89 || b2 == 0xBD) { return 3 }
        return nil
    }

    /// `[1]`, `[1,2]`, `[1-3]`, `[^note]`, superscript digits, `<sup>…</sup>`.
    func footnoteEnd(at k: Int) -> Int? {
        let b = text[k]
        if b == UInt8(ascii: "[") {
            var j = k + 1
            let caret = j < end && text[j] == UInt8(ascii: "^")
            if caret { j += 1 }
            let contentStart = j
            while j < end && j - k < 24 {
                let c = text[j]
                if c == UInt8(ascii: "]") { break }
                let allowed =
                    caret
                    ? (TextScalar.isASCIIAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_"))
                    : (TextScalar.isASCIIDigit(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: "-") || c == 0x20)
                guard allowed else { return nil }
                j += 1
            }
            guard j < end, text[j] == UInt8(ascii: "]"), j > contentStart else { return nil }
            return j + 1
        }
        if b == UInt8(ascii: "<"), k + 5 <= end {
            let tag = (k..<(k + 5)).map { text[$0] | 0x20 }
            guard tag == Array("<sup>".utf8) else { return nil }
            var j = k + 5
            while j + 6 <= end && j - k < 64 {
                if text[j] == UInt8(ascii: "<") && (j..<(j + 6)).map({ text[$0] | 0x20 }) == Array("</sup>".utf8) { return j + 6 }
                j += 1
            }
            return nil
        }
        if let length = superscriptDigitLength(at: k) {
            var j = k + length
            while j < end, let more = superscriptDigitLength(at: j) { j += more }
            return j
        }
        return nil
    }

    func superscriptDigitLength(at k: Int) -> Int? {
        if k + 2 <= end && text[k] == 0xC2 && (text[k + 1] == 0xB9 || text[k + 1] == 0xB2 || text[k + 1] == 0xB3) { return 2 }
        if k + 3 <= end && text[k] == 0xE2 && text[k + 1] == 0x81 && (text[k + 2] == 0xB0 || (0xB4...0xB9).contains(text[k + 2])) {
            return 3
        }
        return nil
    }
}
