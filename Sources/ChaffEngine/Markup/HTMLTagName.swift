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
    static func identify(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> HTMLTagName {
        let count = name.count
        guard count >= 1 && count <= maximumLength else { return .other }
        var key: UInt64 = 0
        var tail: UInt64 = 0
        for (n, i) in name.enumerated() {
            let b = MarkupBytes.lowercased(text[i])
            if n < 8 { key |= UInt64(b) << (8 * UInt64(n)) } else { tail |= UInt64(b) << (8 * UInt64(n - 8)) }
        }
        for entry in spellingsByLength[count] where entry.key == key && entry.tail == tail { return entry.name }
        return .other
    }

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

    /// For each name length, the packed spellings of that length.
    private static let spellingsByLength: [[(key: UInt64, tail: UInt64, name: HTMLTagName)]] = {
        var table = [[(key: UInt64, tail: UInt64, name: HTMLTagName)]](repeating: [], count: maximumLength + 1)
        for name in allCases {
            for spelling in spellings(of: name) {
                let bytes = Array(spelling.utf8)
                var key: UInt64 = 0
                var tail: UInt64 = 0
                for (n, b) in bytes.enumerated() {
                    if n < 8 { key |= UInt64(b) << (8 * UInt64(n)) } else { tail |= UInt64(b) << (8 * UInt64(n - 8)) }
                }
                table[bytes.count].append((key, tail, name))
            }
        }
        return table
    }()
}
