/// The HTML element names the scanner acts on, identified once per tag.
///
/// A tag used to be compared with each name the scanner asks about (`meta`, `input`, the raw-text
/// elements, the void elements, the blocks …), some forty comparisons per tag; on tag-dense pages
/// (DocBook output, one tag every twenty bytes) that was most of the masking time. Now the name's
/// bytes, lowercased, are packed into one integer and looked up among the names of its length.
enum HTMLTagName: UInt8, CaseIterable {
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

    /// The first eight bytes of `text[name]`, lowercased, as `key`, and the rest as `tail`.
    @inline(__always)
    private static func pack(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> (key: UInt64, tail: UInt64) {
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
    var isVoid: Bool { Self.flags[Int(rawValue)] & Self.voidFlag != 0 }

    /// Blocks and the parts of lists and tables: text on either side of one of their tags is
    /// shown apart. A start tag of one ends an open `<p>`, and an end tag ends a `<p>`, `<li>`
    /// or cell left open inside it.
    var isBlock: Bool { Self.flags[Int(rawValue)] & Self.blockFlag != 0 }

    /// Elements whose end tag HTML lets authors leave out.
    var hasOptionalEndTag: Bool {
        switch self {
        case .p, .li, .dt, .dd, .td, .th, .tr, .option: true
        default: false
        }
    }

    private static let voidFlag: UInt8 = 1
    private static let blockFlag: UInt8 = 2

    /// `voidFlag` and `blockFlag` of each case, by raw value: a table read, not a hash.
    private static let flags: [UInt8] = allCases.map { name in
        (voids.contains(name) ? voidFlag : 0) | (blocks.contains(name) ? blockFlag : 0)
    }

    private static let voids: Set<HTMLTagName> = [
        .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source, .track, .wbr, .keygen,
        .frame, .isindex, .basefont, .bgsound, .image, .spacer,
    ]

    private static let blocks: Set<HTMLTagName> = [
        .p, .div, .table, .tbody, .thead, .tfoot, .tr, .td, .th, .ul, .ol, .dl, .li, .dt, .dd, .pre, .blockquote,
        .section, .article, .aside, .header, .footer, .nav, .main, .heading, .body, .html, .form, .figure, .details,
        .figcaption, .fieldset, .legend, .summary, .address, .caption,
    ]

    /// The spelling of each case (headings have six).
    private static func spellings(of name: HTMLTagName) -> [String] {
        switch name {
        case .other: []
        case .heading: ["h1", "h2", "h3", "h4", "h5", "h6"]
        default: [String(describing: name)]
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
