import ChaffText

/// The HTML element names the scanner acts on, identified once per tag.
///
/// A tag used to be compared with each name the scanner asks about (`meta`, `input`, the raw-text
/// elements, the void elements, the blocks …), some forty comparisons per tag; on tag-dense pages
/// (DocBook output, one tag every twenty bytes) that was most of the masking time. Now the name's
/// bytes, lowercased, are packed into one integer and looked up among the names of its length.
enum HTMLTagName: String, CaseIterable {
    /// Any name not below.
    case other
    case pre, code, kbd, samp, tt, listing, template
    /// `h1` to `h6`: any heading end tag closes any heading.
    case heading
    case svg, math
    case script, style, iframe, noembed, noframes, textarea, xmp, title, plaintext
    case meta, input, option, optgroup
    case p, li, dt, dd, td, th, tr
    case area, base, br, col, embed, hr, img, link, param, source, track, wbr, keygen, frame, isindex
    case basefont, bgsound, image, spacer
    case div, table, tbody, thead, tfoot, ul, ol, dl, blockquote, section, article, aside, header
    case footer, nav, main, body, html, form, figure, details, figcaption, fieldset, legend, summary
    case address, caption
    /// Elements that point the reader elsewhere (links, notes, citations; `ref` is MediaWiki's
    /// footnote) and the parts of a ruby annotation: recorded in `MarkupMarks`.
    case a, sup, cite, ref, ruby, rt, rp

    /// The name of `text[name]`, in any case.
    @inline(__always)
    static func identify(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> HTMLTagName {
        identify(name, in: text, table: lookup)
    }

    /// The name of `text[name]`, in any case, looked up in `table` (a scanner keeps the
    /// table, so a tag costs no lazy-initialisation check).
    @inline(__always)
    static func identify(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>, table: LookupTable) -> HTMLTagName {
        guard name.count >= 1 && name.count <= maximumLength else { return .other }
        let (key, tail) = pack(name, in: text)
        return table.name(key: key, tail: tail)
    }

    /// Reads the name of a tag from `start` up to white space, `/`, `>` or `end`, and
    /// identifies it in `table`; returns where the name ends and what it is. A name of up to
    /// seven letters and digits, nearly every name, is read, lowercased and packed as one
    /// word, where a scan for its end followed by `identify` read it twice byte by byte.
    @inline(__always)
    static func scan(from start: Int, end: Int, in text: UnsafeBufferPointer<UInt8>, table: LookupTable) -> (end: Int, name: HTMLTagName) {
        if start + 8 <= end, let base = text.baseAddress {
            // Names of up to seven letters and digits, nearly all of them, read as one word.
            let word = ByteWords.load(base, start)
            let lower = word | ByteWords.broadcast(0x20)
            let nameBytes = (inRange(lower, 0x61, 0x7A) | inRange(word, 0x30, 0x39)) & ~word & ByteWords.broadcast(0x80)
            let length = (~nameBytes & ByteWords.broadcast(0x80)).trailingZeroBitCount / 8
            if length >= 1 && length < 8 {
                let after = text[start + length]
                if MarkupBytes.isHTMLWhitespace(after) || after == 0x2F || after == 0x3E {
                    let key = lower & ((1 << UInt64(8 * length)) - 1)
                    return (start + length, table.name(key: key, tail: 0))
                }
            }
        }
        // Longer names, and names with other bytes: found to their end, then packed.
        var p = start
        while p < end, !MarkupBytes.isHTMLWhitespace(text[p]), text[p] != 0x2F, text[p] != 0x3E { p += 1 }
        return (p, identify(start..<p, in: text, table: table))
    }

    /// The high bit of each byte of `word` whose low seven bits lie in `low...high` (both
    /// below 0x80); the caller masks out bytes of 0x80 and above.
    @inline(__always)
    private static func inRange(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let bits = word & ByteWords.broadcast(0x7F)
        return (bits &+ ByteWords.broadcast(0x80 - low)) & ~(bits &+ ByteWords.broadcast(0x7F - high)) & ByteWords.broadcast(0x80)
    }

    /// The first eight bytes of `text[name]`, lowercased, as `key`, and the rest as `tail`
    /// (attribute names are packed the same way, `HTMLAttributeName`).
    @inline(__always)
    static func pack(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> (key: UInt64, tail: UInt64) {
        var key: UInt64 = 0
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        var i = name.lowerBound
        let split = min(name.upperBound, i + 8)
        while i < split {
            key |= UInt64(MarkupBytes.lowercased(text[i])) << shift
            shift += 8
            i += 1
        }
        shift = 0
        while i < name.upperBound {
            tail |= UInt64(MarkupBytes.lowercased(text[i])) << shift
            shift += 8
            i += 1
        }
        return (key, tail)
    }

    /// The packed spellings in an open-addressing hash table: one multiply and, for most tags,
    /// one comparison, where a linear search among the names of a tag's length took some
    /// twenty comparisons for two-letter names (`td`, `tt`, `li`, `h1` …).
    struct LookupTable: Sendable {
        private struct Entry: Sendable {
            var key: UInt64 = 0
            var tail: UInt64 = 0
            var name = HTMLTagName.other
        }
        private var entries: [Entry]
        private static let bits: UInt64 = 9
        private static let mask = (1 << Int(bits)) - 1

        @inline(__always) private static func slot(_ key: UInt64, _ tail: UInt64) -> Int {
            Int(truncatingIfNeeded: ((key ^ (tail &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
        }

        init(_ spellings: [(key: UInt64, tail: UInt64, name: HTMLTagName)]) {
            entries = [Entry](repeating: Entry(), count: Self.mask + 1)
            for spelling in spellings {
                var s = Self.slot(spelling.key, spelling.tail)
                while entries[s].key != 0 { s = (s + 1) & Self.mask }
                entries[s] = Entry(key: spelling.key, tail: spelling.tail, name: spelling.name)
            }
        }

        /// The name packed as `key` and `tail`; `.other` when no spelling matches. A key is
        /// never 0 (names have at least one byte), so 0 marks an empty slot.
        @inline(__always) func name(key: UInt64, tail: UInt64) -> HTMLTagName {
            entries.withUnsafeBufferPointer { entries in
                var s = Self.slot(key, tail)
                while true {
                    let entry = entries[s]
                    if entry.key == key && entry.tail == tail { return entry.name }
                    if entry.key == 0 { return .other }
                    s = (s + 1) & Self.mask
                }
            }
        }
    }

    /// Every spelling, hashed.
    static let lookup = LookupTable(packedSpellings)

    /// Void elements have no content and no end tag (`<br>`, `<img>`).
    ///
    /// This and `isBlock` are switches, not reads of a table built at start-up: a lazily built
    /// table cost a one-time-initialisation check on every tag.
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source, .track, .wbr, .keygen,
            .frame, .isindex, .basefont, .bgsound, .image, .spacer:
            true
        default: false
        }
    }

    /// Blocks and the parts of lists and tables: text on either side of one of their tags is
    /// shown apart. A start tag of one ends an open `<p>`, and an end tag ends a `<p>`, `<li>`
    /// or cell left open inside it.
    var isBlock: Bool {
        switch self {
        case .p, .div, .table, .tbody, .thead, .tfoot, .tr, .td, .th, .ul, .ol, .dl, .li, .dt, .dd, .pre, .blockquote,
            .section, .article, .aside, .header, .footer, .nav, .main, .heading, .body, .html, .form, .figure, .details,
            .figcaption, .fieldset, .legend, .summary, .address, .caption:
            true
        default: false
        }
    }

    /// Elements whose end tag HTML lets authors leave out.
    var hasOptionalEndTag: Bool {
        switch self {
        case .p, .li, .dt, .dd, .td, .th, .tr, .option: true
        default: false
        }
    }

    /// The spelling of each case (headings have six): its raw value, where the name of the
    /// case read by reflection (`String(describing:)`) made building the table a tenth of
    /// start-up.
    private static func spellings(of name: HTMLTagName) -> [String] {
        switch name {
        case .other: []
        case .heading: ["h1", "h2", "h3", "h4", "h5", "h6"]
        default: [name.rawValue]
        }
    }

    private static let maximumLength = 10

    /// The spellings, each packed as `identify` packs a tag's name.
    private static var packedSpellings: [(key: UInt64, tail: UInt64, name: HTMLTagName)] {
        allCases.flatMap { name in
            spellings(of: name).map { spelling in
                let bytes = Array(spelling.utf8)
                let (key, tail) = bytes.withUnsafeBufferPointer { pack(0..<$0.count, in: $0) }
                return (key, tail, name)
            }
        }
    }
}
