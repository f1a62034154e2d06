/// The pieces of CommonMark link syntax: destinations, titles, labels and reference
/// definitions. Each function reads `text` from a position and returns where the construct
/// ends, or nil; `reached` is raised to the furthest byte read, so that callers can charge
/// failed attempts to a work budget.
enum MarkdownLinkSyntax {
    /// Skips spaces, tabs and at most one line ending (`\r\n` counts as one).
    static func skipWhitespace(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var p = start
        var sawLineEnding = false
        while p < end {
            let byte = text[p]
            if MarkupBytes.isSpaceOrTab(byte) {
                p += 1
            } else if MarkupBytes.isLineBreak(byte) {
                if sawLineEnding { break }
                sawLineEnding = true
                p += byte == 0x0D && p + 1 < end && text[p + 1] == 0x0A ? 2 : 1
            } else {
                break
            }
        }
        return p
    }

    /// A link destination: `<…>` without line breaks or unescaped `<`/`>`, or a non-empty run
    /// without spaces or controls that ends at whitespace or at a `)` closing no `(` of its own
    /// (nesting at most 32).
    static func destination(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, reached: inout Int) -> Int? {
        guard start < end else { return nil }
        var p = start
        if text[p] == 0x3C {
            p += 1
            while p < end {
                let byte = text[p]
                if byte == 0x3E {
                    reached = max(reached, p)
                    return p + 1
                }
                if byte == 0x3C || MarkupBytes.isLineBreak(byte) { break }
                p += byte == 0x5C && p + 1 < end && MarkupBytes.isPunctuation(text[p + 1]) ? 2 : 1
            }
            reached = max(reached, p)
            return nil
        }
        var depth = 0
        while p < end {
            let byte = text[p]
            if byte <= 0x20 || byte == 0x7F { break }
            if byte == 0x5C && p + 1 < end && MarkupBytes.isPunctuation(text[p + 1]) {
                p += 2
                continue
            }
            if byte == 0x28 {
                depth += 1
                if depth > 32 { break }
            } else if byte == 0x29 {
                if depth == 0 { break }
                depth -= 1
            }
            p += 1
        }
        reached = max(reached, p)
        // As in the reference implementations, an unclosed `(` is accepted when the destination
        // ends at whitespace (a title may follow), but not at the end of the text.
        return p > start && (depth == 0 || p < end) ? p : nil
    }

    /// A link title in `"…"`, `'…'` or `(…)`; returns the position after the closing delimiter.
    static func title(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, reached: inout Int) -> Int? {
        guard start < end else { return nil }
        let open = text[start]
        let close: UInt8
        switch open {
        case 0x22, 0x27: close = open
        case 0x28: close = 0x29
        default: return nil
        }
        var p = start + 1
        while p < end {
            let byte = text[p]
            if byte == close {
                reached = max(reached, p)
                return p + 1
            }
            if byte == 0x5C && p + 1 < end && MarkupBytes.isPunctuation(text[p + 1]) {
                p += 2
                continue
            }
            if open == 0x28 && byte == 0x28 { break }
            p += 1
        }
        reached = max(reached, p)
        return nil
    }

    /// A bracketed label starting with `[` at `start`: returns the position after `]` and the
    /// content range. The content has at most 999 characters and no unescaped brackets; it may
    /// be empty or blank (callers decide whether that is allowed).
    static func label(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (end: Int, content: Range<Int>)? {
        guard start < end, text[start] == 0x5B else { return nil }
        var p = start + 1
        var characters = 0
        while p < end {
            let byte = text[p]
            if byte == 0x5D { return (p + 1, (start + 1)..<p) }
            if byte == 0x5B { return nil }
            if byte & 0xC0 != 0x80 { characters += 1 }
            if characters > 999 { return nil }
            p += byte == 0x5C && p + 1 < end && MarkupBytes.isPunctuation(text[p + 1]) ? 2 : 1
        }
        return nil
    }

    /// Whether `range` holds something other than spaces, tabs and line breaks.
    static func hasContent(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where !MarkupBytes.isWhitespace(text[i]) { return true }
        return false
    }

    /// The key a label is matched by: whitespace runs collapsed to one space, trimmed, lowercased.
    static func normalizedLabel(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var pendingSpace = false
        for i in range {
            let byte = text[i]
            if MarkupBytes.isWhitespace(byte) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// After `start`, only spaces and tabs up to a line ending or `end`: returns where the next
    /// line starts (or `end`), else nil.
    static func restOfLineIsBlank(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var p = start
        while p < end && MarkupBytes.isSpaceOrTab(text[p]) { p += 1 }
        if p == end { return end }
        guard MarkupBytes.isLineBreak(text[p]) else { return nil }
        return p + (text[p] == 0x0D && p + 1 < end && text[p + 1] == 0x0A ? 2 : 1)
    }

    /// A link reference definition `[label]: destination "title"` starting at `start`, which may
    /// span up to three lines; returns where the next line starts and the normalized label.
    static func referenceDefinition(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (end: Int, label: String)? {
        var p = start
        while p < end && MarkupBytes.isSpaceOrTab(text[p]) { p += 1 }
        guard let (labelEnd, content) = label(text, from: p, end: end), hasContent(text, content),
            labelEnd < end, text[labelEnd] == 0x3A
        else { return nil }
        var reached = 0
        p = skipWhitespace(text, from: labelEnd + 1, end: end)
        guard let destinationEnd = destination(text, from: p, end: end, reached: &reached) else { return nil }
        let key = normalizedLabel(text, content)
        let titleStart = skipWhitespace(text, from: destinationEnd, end: end)
        if titleStart > destinationEnd, let titleEnd = title(text, from: titleStart, end: end, reached: &reached),
            let next = restOfLineIsBlank(text, from: titleEnd, end: end)
        {
            return (next, key)
        }
        guard let next = restOfLineIsBlank(text, from: destinationEnd, end: end) else { return nil }
        return (next, key)
    }
}
