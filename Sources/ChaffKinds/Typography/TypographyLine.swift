import ChaffEngine
import ChaffText

/// One element of a line of prose as the typography checks see it.
struct TypographyItem: Sendable {
    /// What the element is.
    enum Kind: UInt8, Sendable {
        /// A character of the prose (`scalar`), or a run of Han characters of U+4E00…U+9FFF
        /// (`scalar` the first), which every check reads as one Han character.
        case character
        /// A run of ASCII spaces in the prose.
        case space
        /// Text that is not prose but reads as a word: a code span (`isCode`), a bare URL or
        /// e-mail address. Never changed; spacing beside it is judged as beside a Latin word.
        case atom
        /// Markup the reader does not see (emphasis marks, link syntax, tags), looked through
        /// when judging what meets what. Never changed.
        case markup
        /// Something nothing is judged across: a decoded character reference, a tab, an
        /// HTML attribute value (see `kind(acrossMarkup:)` for markup a rule does not look
        /// through).
        case barrier
    }

    // Stored in this order so that the item takes 24 bytes, not 32: a document's items are
    // about eleven bytes for each byte of Chinese text, and their memory was a tenth of the run.
    /// The bytes in the source.
    var range: Range<Int>
    /// The Unicode scalar of a `character`, else 0.
    var scalar: UInt32 = 0
    var kind: Kind
    /// For `markup`: whether it closes a span (`**` after the emphasised words, `](url)`,
    /// `</b>`), so that a space the text needs goes after it rather than before.
    var closes = false
    /// For `markup` and `atom`: whether its source holds a space (an HTML tag's attributes).
    var holdsSpace = false
    /// For `atom`: whether it is code (a code span) rather than a URL or address.
    var isCode = false

    /// An item of `kind` over `range`.
    @inline(__always) init(kind: Kind, range: Range<Int>, scalar: UInt32 = 0, holdsSpace: Bool = false, closes: Bool = false) {
        self.range = range
        self.scalar = scalar
        self.kind = kind
        self.holdsSpace = holdsSpace
        self.closes = closes
    }

    /// The kind as a check sees it: with `acrossMarkup` false, markup and code spans are
    /// barriers (only text that touches directly is judged).
    @inline(__always) func kind(acrossMarkup: Bool) -> Kind {
        if !acrossMarkup && (kind == .markup || (kind == .atom && isCode)) { return .barrier }
        return kind
    }
}

/// The lines of a document's prose as `TypographyItem`s, built from the source and the prose
/// scope: a byte the scope keeps is prose; a byte it blanks is markup, code or a URL, told
/// apart by the masker's code ranges and by its first character.
struct TypographyText: Sendable {
    /// The items of each line that needs checking, in source order. Lines without a
    /// non-ASCII byte are left out (nothing there is Chinese), and so are lines holding kana
    /// or Hangul (Japanese and Korean follow other conventions).
    var lines: TypographyLines
    /// For each of `lines`: whether the prose line before it ends with a Han character, and
    /// whether the next one begins with one, so that a quotation at a line's edge in a wrapped
    /// paragraph is known to be Chinese.
    var edges: [(hanBefore: Bool, hanAfter: Bool)]
    /// For each of `lines`: whether its paragraph (the lines between two lines without
    /// prose) holds a Han character, so that an English line of a Chinese paragraph is known
    /// to be part of a Chinese sentence.
    var paragraphHan: [Bool]
    /// For each of `lines`: what it holds, for the checks to skip lines quickly.
    var content: [TypographyLineContent]

    /// Splits `source` by `prose`; `codeRanges` and `referenceSpans` are the masker's sorted
    /// side tables. With `emphasisMarks` (Markdown, reStructuredText, whose maskers leave `*`,
    /// `_`, `~` in the prose), a run of those marks touching text on one side is markup.
    init(
        source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>, codeRanges: [Range<Int>],
        referenceSpans: [Range<Int>], emphasisMarks: Bool
    ) {
        let store = TypographyItemStore(bytes: source.count)
        let asciiContents = TypographyLineContent.ofASCIITable
        var lineCount = 0
        var edges: [(hanBefore: Bool, hanAfter: Bool)] = []
        var previousEndsWithHan = false
        var paragraphHan: [Bool] = []
        var content: [TypographyLineContent] = []
        var paragraphStart = 0
        var hanInParagraph = false
        // Whether the text so far stopped inside an HTML tag: an attribute value the masker
        // keeps as prose (`title="…"`, `alt="…"`) is never changed.
        var inTag = false
        // One for the document: made for each line, it retained and released both tables.
        var masking = Masking(source: source, prose: prose, codeRanges: codeRanges, referenceSpans: referenceSpans)
        var start = 0
        let count = source.count
        while start < count {
            // Only a line with a non-ASCII byte may hold Chinese; the others are read only for
            // where HTML tags open and close and whether they hold prose.
            let (end, nonASCII) = Self.lineEnd(source, from: start)
            var proseSeen = false
            var holds: TypographyLineContent? = nil
            if nonASCII {
                holds = Self.line(
                    start..<end, masking: &masking, emphasisMarks: emphasisMarks,
                    inTag: &inTag, proseSeen: &proseSeen, asciiContents: asciiContents, into: store)
            } else {
                proseSeen = Self.scanASCII(start..<end, source: source, prose: prose, inTag: &inTag)
            }
            if !proseSeen {
                // Mostly no line or one: `append(contentsOf:)` of a repeated element cost a call.
                for _ in paragraphStart..<lineCount { paragraphHan.append(hanInParagraph) }
                paragraphStart = lineCount
                hanInParagraph = false
            }
            // A line of kana or Hangul (no items) is Japanese or Korean, not English.
            hanInParagraph = hanInParagraph || (nonASCII && (holds?.contains(.han) ?? true))
            if let holds, proseSeen {
                store.endLine()
                lineCount += 1
                content.append(holds)
                edges.append((previousEndsWithHan, Self.beginsWithHan(from: end + 1, source: source, prose: prose)))
            } else if nonASCII {
                store.dropLine()
            }
            previousEndsWithHan = nonASCII && Self.endsWithHan(start..<end, source: source, prose: prose)
            start = end + 1
        }
        paragraphHan.append(contentsOf: repeatElement(hanInParagraph, count: lineCount - paragraphStart))
        self.lines = TypographyLines(store: store)
        self.edges = edges
        self.paragraphHan = paragraphHan
        self.content = content
    }

    /// Whether line `index` of `lines` holds everything of `all` and, unless `anyOf` is
    /// empty, something of `anyOf`.
    @inline(__always) func holds(_ index: Int, _ all: TypographyLineContent, anyOf: TypographyLineContent = []) -> Bool {
        let c = content[index]
        return c.isSuperset(of: all) && (anyOf.isEmpty || !c.isDisjoint(with: anyOf))
    }

    /// Whether the first prose character of the line starting at `start` is Han. Eight bytes
    /// at a time up to the first byte the scope keeps that is not a space, or the line feed:
    /// a line of HTML mostly begins with markup the scope blanked.
    private static func beginsWithHan(from start: Int, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = start
        let sourceBase = source.baseAddress!
        let proseBase = prose.baseAddress!
        let spaces = ByteWords.broadcast(0x20)
        let lineFeeds = ByteWords.broadcast(0x0A)
        while i + 8 <= source.count {
            let word = ByteWords.load(sourceBase, i)
            let kept = ByteWords.load(proseBase, i)
            let stops =
                (ByteWords.zeroBytes(word ^ kept) & ~ByteWords.equalBytes(kept, spaces)) | ByteWords.equalBytes(word, lineFeeds)
            if stops != 0 {
                i += stops.trailingZeroBitCount / 8
                break
            }
            i += 8
        }
        while i < source.count && source[i] != 0x0A {
            if prose[i] != 0x20 && prose[i] == source[i] {
                return TypographyCharacters.isHan(UTF8ScalarDecoding.scalar(in: source, at: i, end: source.count).value)
            }
            i += 1
        }
        return false
    }

    /// Whether the last prose character of `bounds` is Han.
    private static func endsWithHan(_ bounds: Range<Int>, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bounds.upperBound - 1
        while i >= bounds.lowerBound {
            let b = source[i]
            if prose[i] != 0x20 && prose[i] != 0x0D && prose[i] == b {
                // Back to the first byte of the scalar.
                var lead = i
                while lead > bounds.lowerBound && source[lead] & 0xC0 == 0x80 { lead -= 1 }
                return TypographyCharacters.isHan(UTF8ScalarDecoding.scalar(in: source, at: lead, end: bounds.upperBound).value)
            }
            i -= 1
        }
        return false
    }

    /// Whether byte `i` lies in one of the sorted `ranges`, moving `index` forward (callers ask
    /// in increasing order).
    @inline(__always) private static func inside(_ i: Int, _ ranges: [Range<Int>], _ index: inout Int) -> Bool {
        while index < ranges.count && ranges[index].upperBound <= i { index += 1 }
        return index < ranges.count && ranges[index].lowerBound <= i
    }

    /// Appends the items of the line `bounds` to `items` (the caller keeps or drops them);
    /// returns what the line holds, or nil for a line holding kana or Hangul. Follows HTML
    /// tags through the line (`inTag`) and notes whether it holds prose (`proseSeen`). Room for
    /// the items is made at once: a line has at most one item per byte.
    private static func line(
        _ bounds: Range<Int>, masking: inout Masking, emphasisMarks: Bool, inTag: inout Bool,
        proseSeen: inout Bool, asciiContents: UnsafePointer<TypographyLineContent>, into items: TypographyItemStore
    ) -> TypographyLineContent? {
        var content: TypographyLineContent = []
        items.reserve(bounds.count)
        var openMarks: [[UInt8]] = []
        var i = bounds.lowerBound
        let end = bounds.upperBound
        let (source, prose) = (masking.source, masking.prose)
        while i < end {
            let byte = source[i]
            // A run of unmasked Han characters of U+4E00…U+9FFF, the bulk of Chinese text, made
            // into items without the general path's tests, which all come out the same for them.
            if byte &- 0xE4 < 6 {
                let k = hanRun(from: i, end: end, source: source, prose: prose, kind: inTag ? .barrier : .character, into: items)
                if k > i {
                    proseSeen = true
                    if !inTag { content.insert(.han) }
                    i = k
                    continue
                }
            }
            if byte == 0x0D && prose[i] == 0x0D {
                i += 1
                continue
            }
            if masking.masked(i) {
                i = appendMaskedRun(
                    from: i, end: end, masking: &masking, inTag: &inTag, openMarks: &openMarks, content: &content, into: items)
                continue
            }
            if emphasisMarks && (byte == 0x2A || byte == 0x5F || byte == 0x7E),
                let run = emphasisRun(of: byte, at: i, bounds: bounds, masking: masking)
            {
                items.append(TypographyItem(kind: .markup, range: run, closes: closes(source, run, open: &openMarks)))
                proseSeen = true
                i = run.upperBound
                continue
            }
            if byte == 0x20 {
                let j = masking.spaceRunEnd(from: i, end: end)
                items.append(TypographyItem(kind: .space, range: i..<j))
                content.insert(.space)
                i = j
                continue
            }
            proseSeen = true
            let next = character(
                at: i, end: end, source: source, prose: prose, inTag: &inTag, content: &content, asciiContents: asciiContents,
                into: items)
            guard let next else { return nil }
            i = next
        }
        return content
    }

    /// Appends the item of the masked run at `i` (see `maskedRunItem`); returns where it ends.
    @inline(__always)
    private static func appendMaskedRun(
        from i: Int, end: Int, masking: inout Masking, inTag: inout Bool, openMarks: inout [[UInt8]],
        content: inout TypographyLineContent, into items: TypographyItemStore
    ) -> Int {
        let item = maskedRunItem(from: i, end: end, masking: &masking, inTag: &inTag, openMarks: &openMarks)
        if item.kind == .atom { content.insert(.word) }
        items.append(item)
        return item.range.upperBound
    }

    /// Appends the item of the character at `i` (a barrier inside a tag or for a tab); returns
    /// where it ends, or nil for kana or Hangul, which make the line no Chinese line (the rest
    /// of the line is then read only for its tags).
    @inline(__always)
    private static func character(
        at i: Int, end: Int, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>, inTag: inout Bool,
        content: inout TypographyLineContent, asciiContents: UnsafePointer<TypographyLineContent>, into items: TypographyItemStore
    ) -> Int? {
        let byte = source[i]
        if byte < 0x80 {
            // ASCII: no decoding, and nothing of kana or Hangul to look for.
            let kind: TypographyItem.Kind = byte == 0x09 || inTag ? .barrier : .character
            items.append(TypographyItem(kind: kind, range: i..<(i + 1), scalar: UInt32(byte)))
            if kind == .character { content.formUnion(asciiContents[Int(byte)]) }
            return i + 1
        }
        let (scalar, length) = UTF8ScalarDecoding.scalar(in: source, at: i, end: end)
        if TypographyCharacters.isKanaOrHangul(scalar) {
            _ = scanASCII(i..<end, source: source, prose: prose, inTag: &inTag)
            return nil
        }
        let kind: TypographyItem.Kind = source[i] == 0x09 || inTag ? .barrier : .character
        items.append(TypographyItem(kind: kind, range: i..<(i + length), scalar: scalar))
        if kind == .character { content.formUnion(TypographyLineContent.of(scalar)) }
        return i + length
    }

    /// Appends one item of `kind` for the run of Han characters of U+4E00…U+9FFF from `i`
    /// that the scope keeps (their lead bytes unchanged), with the first one's scalar; returns
    /// where the run ends. No check tells two Han characters side by side apart (each asks
    /// only whether a neighbour is Han), so a run is one item: an item per character made
    /// the table three times as long and every check walk it.
    @inline(__always) private static func hanRun(
        from i: Int, end: Int, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>, kind: TypographyItem.Kind,
        into items: TypographyItemStore
    ) -> Int {
        guard let first = hanScalar(at: i, end: end, source: source, prose: prose) else { return i }
        var k = i + 3
        // Two characters a word while they last, then one at a time.
        let loadable = min(source.count, prose.count) - 8
        if let sourceBase = source.baseAddress, let proseBase = prose.baseAddress {
            while k <= loadable && k + 6 <= end && Self.twoHan(ByteWords.load(sourceBase, k), ByteWords.load(proseBase, k)) {
                k += 6
            }
        }
        while hanScalar(at: k, end: end, source: source, prose: prose) != nil { k += 3 }
        items.append(TypographyItem(kind: kind, range: i..<k, scalar: first))
        return k
    }

    /// The scalar of the character at `k` when it is a Han character of U+4E00…U+9FFF whose
    /// lead byte the scope keeps, and the line holds all of it.
    @inline(__always) private static func hanScalar(
        at k: Int, end: Int, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>
    ) -> UInt32? {
        guard k + 2 < end else { return nil }
        let lead = source[k]
        guard lead &- 0xE4 < 6, prose[k] == lead else { return nil }
        let second = UInt32(source[k + 1]) ^ 0x80
        let third = UInt32(source[k + 2]) ^ 0x80
        guard second | third < 0x40 else { return nil }
        let value = (UInt32(lead) & 0x0F) << 12 | second << 6 | third
        return value >= 0x4E00 ? value : nil
    }

    /// Whether the first six bytes of `source` (a little-endian word of the text) are two
    /// characters that `hanScalar` takes, the lead bytes equal in `prose` (the scope's word).
    @inline(__always) private static func twoHan(_ source: UInt64, _ prose: UInt64) -> Bool {
        // Lead bytes kept; leads of three bytes, followed by two continuation bytes each.
        guard (source ^ prose) & 0xFF_0000_00FF == 0, source & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { return false }
        // Each scalar's bits above the last six, between U+4E00 and U+9FFF: 0x138…0x27F.
        let high0 = (source & 0x0F) << 6 | (source >> 8) & 0x3F
        let high1 = (source >> 24 & 0x0F) << 6 | (source >> 32) & 0x3F
        return high0 &- 0x138 < 0x148 && high1 &- 0x138 < 0x148
    }

    /// Which bytes of a line are masked: the scope blanks them, or they sit inside code or a
    /// decoded reference. The indices into the sorted ranges only move forward.
    private struct Masking {
        let source: UnsafeBufferPointer<UInt8>
        let prose: UnsafeBufferPointer<UInt8>
        let codeRanges: [Range<Int>]
        let referenceSpans: [Range<Int>]
        private(set) var codeIndex = 0
        private(set) var referenceIndex = 0
        /// Where the range at either index starts (or `Int.max`): a byte before it lies in
        /// none of the ranges from the indices on, nor in those before them, which end before
        /// the bytes still to be read. Most spaces are before it, and are told so at once.
        private var nextRangeStart = 0

        init(source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>, codeRanges: [Range<Int>], referenceSpans: [Range<Int>])
        {
            (self.source, self.prose, self.codeRanges, self.referenceSpans) = (source, prose, codeRanges, referenceSpans)
            settle()
        }

        @inline(__always) func masked(_ j: Int) -> Bool {
            if prose[j] != source[j] { return true }
            if source[j] != 0x20 || j < nextRangeStart { return false }
            var c = codeIndex
            var r = referenceIndex
            return inside(j, codeRanges, &c) || inside(j, referenceSpans, &r)
        }

        /// Whether byte `i` lies in a code range, moving the index forward (see `inside`).
        @inline(__always) mutating func inCode(_ i: Int) -> Bool {
            defer { settle() }
            return inside(i, codeRanges, &codeIndex)
        }

        /// Whether byte `i` lies in a reference span, moving the index forward.
        @inline(__always) mutating func inReference(_ i: Int) -> Bool {
            defer { settle() }
            return inside(i, referenceSpans, &referenceIndex)
        }

        private mutating func settle() {
            let code = codeIndex < codeRanges.count ? codeRanges[codeIndex].lowerBound : Int.max
            let reference = referenceIndex < referenceSpans.count ? referenceSpans[referenceIndex].lowerBound : Int.max
            nextRangeStart = min(code, reference)
        }

        /// The end of the run of unmasked spaces at `i`, a space.
        @inline(__always) func spaceRunEnd(from i: Int, end: Int) -> Int {
            var j = i + 1
            while j < end && source[j] == 0x20 && !masked(j) { j += 1 }
            return j
        }
    }

    /// Where the run of masked bytes at `i` ends, with the spaces between them, and whether
    /// it holds such spaces. (`masking` is `inout` only so that it is not copied.)
    @inline(__always) private static func maskedRunEnd(from i: Int, end: Int, masking: inout Masking) -> (end: Int, holdsSpace: Bool) {
        let source = masking.source
        var j = i + 1
        var holdsSpace = false
        let sourceBase = source.baseAddress!
        let proseBase = masking.prose.baseAddress!
        while j < end {
            // Bytes the scope blanked (tags, URLs) are masked: passed over up to the first byte
            // it kept, eight at a time. A tag's attributes hold spaces, which the scope keeps,
            // and passing over only words blanked whole left most of such a tag to the test of
            // each byte below.
            if j + 8 <= end {
                let kept = ByteWords.zeroBytes(ByteWords.load(sourceBase, j) ^ ByteWords.load(proseBase, j))
                if kept == 0 {
                    j += 8
                    continue
                }
                let blanked = kept.trailingZeroBitCount / 8
                if blanked > 0 {
                    j += blanked
                    continue
                }
            }
            if masking.masked(j) {
                j += 1
                continue
            }
            if source[j] == 0x20 {
                var k = j
                while k < end && source[k] == 0x20 && !masking.masked(k) { k += 1 }
                if k < end && masking.masked(k) {
                    holdsSpace = true
                    j = k
                    continue
                }
            }
            break
        }
        return (j, holdsSpace)
    }

    /// The item for the run of masked bytes at `i`, with the spaces between them: inside a
    /// tag's attributes, or between two links, the spaces are the markup's to keep.
    @inline(__always) private static func maskedRunItem(
        from i: Int, end: Int, masking: inout Masking, inTag: inout Bool, openMarks: inout [[UInt8]]
    ) -> TypographyItem {
        let source = masking.source
        let prose = masking.prose
        let (j, holdsSpace) = maskedRunEnd(from: i, end: end, masking: &masking)
        let run = i..<j
        // Only the run's last masked `<` or `>` decides whether it ends inside a tag.
        if let last = lastTagByte(run, source: source, prose: prose) { inTag = source[last] == 0x3C }
        let isCode =
            masking.inCode(i) || (j - 1 > i && masking.inCode(j - 1))
        let isReference = masking.inReference(i)
        var item = TypographyItem(kind: .markup, range: run, holdsSpace: holdsSpace)
        if isReference {
            item.kind = .barrier
        } else if isCode {
            item.kind = .atom
            item.isCode = true
        } else if TypographyCharacters.isWordCharacter(UInt32(source[i])) {
            // A bare URL or e-mail address: text the reader sees as one word.
            item.kind = .atom
        } else {
            item.closes = closes(source, run, open: &openMarks)
        }
        return item
    }

    /// The run of emphasis marks `byte` at `i` when it is markup: touching text, and not an
    /// underscore inside a word.
    @inline(__always) private static func emphasisRun(of byte: UInt8, at i: Int, bounds: Range<Int>, masking: Masking) -> Range<Int>? {
        let source = masking.source
        let end = bounds.upperBound
        var j = i + 1
        while j < end && source[j] == byte && !masking.masked(j) { j += 1 }
        let before: UInt8 = i > bounds.lowerBound ? source[i - 1] : 0x20
        let after: UInt8 = j < end ? source[j] : 0x20
        let touches = before != 0x20 || after != 0x20
        // `snake_case`: an underscore inside a word is a letter of it.
        let inWord =
            byte == 0x5F && TypographyCharacters.isWordCharacter(UInt32(before))
            && TypographyCharacters.isWordCharacter(UInt32(after))
        return touches && !inWord ? i..<j : nil
    }

    /// The end of the line starting at `start` (its line feed, or the end of `source`) and
    /// whether the line holds a byte of 0x80 or above: the line feed found by the C library's
    /// vectorised search, the high bits then read eight bytes at a time, which cost less than
    /// one pass testing both in each word.
    private static func lineEnd(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, nonASCII: Bool) {
        let end = ByteSearch.next(0x0A, in: source, from: start) ?? source.count
        let base = source.baseAddress!
        var i = start
        var high: UInt64 = 0
        while i + 8 <= end {
            high |= ByteWords.load(base, i)
            i += 8
        }
        while i < end {
            high |= UInt64(source[i])
            i += 1
        }
        return (end, high & 0x8080_8080_8080_8080 != 0)
    }

    /// Follows HTML tags through `bounds` (`inTag`); returns whether it holds prose (a byte
    /// the scope keeps that is not a space or a carriage return). Two scans of eight bytes at a
    /// time: forward for prose, which stops at the first; backward for the last masked `<` or
    /// `>`, the only one that decides `inTag` (most markup lines end with one). Following every
    /// tag byte forward cost ten instructions a byte on tag-dense lines.
    private static func scanASCII(
        _ bounds: Range<Int>, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>, inTag: inout Bool
    ) -> Bool {
        if let last = lastTagByte(bounds, source: source, prose: prose) { inTag = source[last] == 0x3C }
        return holdsProse(bounds, prose: prose)
    }

    /// Whether `prose[bounds]` holds a byte other than a space or a carriage return.
    private static func holdsProse(_ bounds: Range<Int>, prose: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = bounds.lowerBound
        let end = bounds.upperBound
        let base = prose.baseAddress!
        let spaces = ByteWords.broadcast(0x20)
        let returns = ByteWords.broadcast(0x0D)
        while i + 8 <= end {
            let word = ByteWords.load(base, i)
            // Eight spaces, what the scope leaves of most markup, told at once.
            if word != spaces && ByteWords.equalBytes(word, spaces) | ByteWords.equalBytes(word, returns) != 0x8080_8080_8080_8080 {
                return true
            }
            i += 8
        }
        while i < end {
            if prose[i] != 0x20 && prose[i] != 0x0D { return true }
            i += 1
        }
        return false
    }

    /// The last `<` or `>` of `bounds` that the scope masks (a tag's), if any.
    private static func lastTagByte(_ bounds: Range<Int>, source: UnsafeBufferPointer<UInt8>, prose: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = bounds.upperBound
        let sourceBase = source.baseAddress!
        let proseBase = prose.baseAddress!
        let lessThan = ByteWords.broadcast(0x3C)
        let greaterThan = ByteWords.broadcast(0x3E)
        while end - 8 >= bounds.lowerBound {
            let word = ByteWords.load(sourceBase, end - 8)
            let tagBytes = ByteWords.equalBytes(word, lessThan) | ByteWords.equalBytes(word, greaterThan)
            let masked = ~ByteWords.zeroBytes(word ^ ByteWords.load(proseBase, end - 8)) & 0x8080_8080_8080_8080
            let found = tagBytes & masked
            if found != 0 { return end - 8 + (63 - found.leadingZeroBitCount) / 8 }
            end -= 8
        }
        while end > bounds.lowerBound {
            end -= 1
            if (source[end] == 0x3C || source[end] == 0x3E) && prose[end] != source[end] { return end }
        }
        return nil
    }

    /// Whether the markup `run` closes a span: by its first character for links and tags;
    /// an emphasis mark, the same at both ends, closes when the line has an open one like it.
    private static func closes(_ source: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, open: inout [[UInt8]]) -> Bool {
        switch source[run.lowerBound] {
        case 0x5D, 0x29: return true  // ] )
        case 0x5B, 0x21: return false  // [ ![
        case 0x3C: return run.count > 1 && source[run.lowerBound + 1] == 0x2F  // </
        default:
            let mark = Array(UnsafeBufferPointer(rebasing: source[run]))
            if let index = open.lastIndex(of: mark) {
                open.remove(at: index)
                return true
            }
            open.append(mark)
            return false
        }
    }
}
