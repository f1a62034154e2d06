/// CommonMark's raw HTML and autolink grammar, used inside Markdown paragraphs and for HTML
/// blocks of type 7. It is stricter than a browser on purpose: a tag name is ASCII, so
/// `<关键词>` or `<%s>` are text, not tags.
enum MarkdownInlineHTML {
    /// What a `<…>` construct is.
    enum Kind {
        /// An open tag; `name` is the tag name's range, `href` the value of its first `href`
        /// attribute.
        case openTag(name: Range<Int>, selfClosing: Bool, href: Range<Int>?)
        /// A closing tag.
        case closeTag(name: Range<Int>)
        /// A comment; `inner` is between `<!--` and `-->`.
        case comment(inner: Range<Int>)
        /// A processing instruction, declaration or CDATA section.
        case other
    }

    /// The first occurrence of a fixed terminator at or after a position, remembered so that
    /// many unclosed openers in one paragraph do not each search to its end.
    struct TerminatorSearch {
        private var searchedFrom = Int.max
        private var found: Int?

        /// The first `pattern` in `from..<end`, or nil.
        mutating func find(_ pattern: StaticString, in text: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
            if from >= searchedFrom, found.map({ $0 >= from }) ?? true { return found }
            searchedFrom = from
            found = MarkupBytes.index(of: pattern, in: text, from: from, end: end)
            return found
        }
    }

    /// An open tag `<name attr="v" …>` or `<name/>` per CommonMark; `visible` receives the
    /// value ranges of the attributes a reader sees (`alt`, `title`, `aria-label`, `placeholder`;
    /// see `HTMLScanner`). Returns the position after `>`.
    static func openTag(
        _ text: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, visible: inout [Range<Int>], reached: inout Int
    ) -> (end: Int, kind: Kind)? {
        visible.removeAll(keepingCapacity: true)
        var p = start + 1
        guard p < end, MarkupBytes.isAlpha(text[p]) else { return nil }
        let nameStart = p
        while p < end && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D) { p += 1 }
        let name = nameStart..<p
        var href: Range<Int>?
        while true {
            let beforeSpace = p
            while p < end && MarkupBytes.isWhitespace(text[p]) { p += 1 }
            reached = max(reached, p)
            guard p < end else { return nil }
            if text[p] == 0x3E { return (p + 1, .openTag(name: name, selfClosing: false, href: href)) }
            if text[p] == 0x2F {
                guard p + 1 < end, text[p + 1] == 0x3E else { return nil }
                return (p + 2, .openTag(name: name, selfClosing: true, href: href))
            }
            guard p > beforeSpace, isAttributeNameStart(text[p]) else { return nil }
            let attributeStart = p
            p += 1
            while p < end && isAttributeNameByte(text[p]) { p += 1 }
            let attribute = attributeStart..<p
            var q = p
            while q < end && MarkupBytes.isWhitespace(text[q]) { q += 1 }
            guard q < end, text[q] == 0x3D else { continue }
            q += 1
            while q < end && MarkupBytes.isWhitespace(text[q]) { q += 1 }
            guard q < end else { return nil }
            let value: Range<Int>
            let quote = text[q]
            if quote == 0x22 || quote == 0x27 {
                let close = MarkupBytes.index(of: quote, in: text, from: q + 1, end: end)
                reached = max(reached, close)
                guard close < end else { return nil }
                value = (q + 1)..<close
                p = close + 1
            } else {
                let valueStart = q
                while q < end && isUnquotedValueByte(text[q]) { q += 1 }
                guard q > valueStart else { return nil }
                value = valueStart..<q
                p = q
            }
            if HTMLScanner.isVisibleAttribute(attribute, in: text) {
                visible.append(value)
            } else if href == nil && MarkupBytes.equalsIgnoringCase(text, attribute, "href") {
                href = value
            }
        }
    }

    /// A closing tag `</name>` with optional whitespace before `>`.
    static func closeTag(_ text: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (end: Int, kind: Kind)? {
        var p = start + 2
        guard p < end, MarkupBytes.isAlpha(text[p]) else { return nil }
        let nameStart = p
        while p < end && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D) { p += 1 }
        let name = nameStart..<p
        while p < end && MarkupBytes.isWhitespace(text[p]) { p += 1 }
        guard p < end, text[p] == 0x3E else { return nil }
        return (p + 1, .closeTag(name: name))
    }

    /// An autolink `<scheme:…>` or `<user@example.com>`; returns the position after `>`.
    static func autolink(_ text: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int? {
        let p = start + 1
        guard p < end else { return nil }
        if MarkupBytes.isAlpha(text[p]) {
            var q = p + 1
            while q < end && q - p <= 32
                && (MarkupBytes.isAlnum(text[q]) || text[q] == 0x2B || text[q] == 0x2E || text[q] == 0x2D)
            {
                q += 1
            }
            if q - p >= 2 && q - p <= 32 && q < end && text[q] == 0x3A {
                var r = q + 1
                while r < end {
                    let byte = text[r]
                    if byte == 0x3E { return r + 1 }
                    if byte <= 0x20 || byte == 0x3C || byte == 0x7F { break }
                    r += 1
                }
            }
        }
        var q = p
        while q < end && isEmailLocalByte(text[q]) { q += 1 }
        guard q > p, q < end, text[q] == 0x40 else { return nil }
        var r = q + 1
        while true {
            let labelStart = r
            while r < end && (MarkupBytes.isAlnum(text[r]) || text[r] == 0x2D) && r - labelStart < 63 { r += 1 }
            guard r > labelStart, MarkupBytes.isAlnum(text[labelStart]), MarkupBytes.isAlnum(text[r - 1]), r < end else {
                return nil
            }
            if text[r] == 0x3E { return r + 1 }
            guard text[r] == 0x2E else { return nil }
            r += 1
        }
    }

    /// A complete open or closing tag that is alone on its line (HTML block type 7 start).
    static func isCompleteTagLine(_ text: UnsafeBufferPointer<UInt8>, at start: Int, lineEnd: Int) -> Bool {
        var visible: [Range<Int>] = []
        var reached = 0
        let match: (end: Int, kind: Kind)?
        if start + 1 < lineEnd && text[start + 1] == 0x2F {
            match = closeTag(text, at: start, end: lineEnd)
        } else {
            match = openTag(text, at: start, end: lineEnd, visible: &visible, reached: &reached)
        }
        guard let (tagEnd, kind) = match, !isTextLike(kind, tagEnd: tagEnd, in: text) else { return false }
        for i in tagEnd..<lineEnd where !MarkupBytes.isSpaceOrTab(text[i]) { return false }
        return true
    }

    /// Whether a bare open or close tag is a slot with a tag's shape (`<keyword>`, `</brand2>`),
    /// which a document shows as text; see `HTMLElementNames`.
    static func isTextLike(_ kind: Kind, tagEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .openTag(let name, selfClosing: false, _), .closeTag(let name):
            return HTMLElementNames.isTextLike(name: name, tagEnd: tagEnd, in: text)
        default:
            return false
        }
    }

    @inline(__always) private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        MarkupBytes.isAlpha(byte) || byte == 0x5F || byte == 0x3A
    }

    @inline(__always) private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        MarkupBytes.isAlnum(byte) || byte == 0x5F || byte == 0x2E || byte == 0x3A || byte == 0x2D
    }

    @inline(__always) private static func isUnquotedValueByte(_ byte: UInt8) -> Bool {
        !(MarkupBytes.isWhitespace(byte) || byte == 0x22 || byte == 0x27 || byte == 0x3D || byte == 0x3C
            || byte == 0x3E || byte == 0x60)
    }

    @inline(__always) private static func isEmailLocalByte(_ byte: UInt8) -> Bool {
        if MarkupBytes.isAlnum(byte) { return true }
        switch byte {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60,
            0x7B, 0x7C, 0x7D, 0x7E, 0x2D:
            return true
        default:
            return false
        }
    }
}
