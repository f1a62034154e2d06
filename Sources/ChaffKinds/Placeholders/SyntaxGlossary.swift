import ChaffEngine

/// The tokens a document defines as terms: reference pages list a syntax one token per entry
/// (`%f` in the first cell of a table row, `{basename}` over its indented description), and every
/// use of those tokens in that document names the syntax rather than leaving a slot unfilled.
///
/// A term is a token alone on its line (white space only around it) that is either followed by
/// a deeper-indented non-blank line (a definition list in reStructuredText or plain text), or,
/// in HTML, the whole content of the first cell of a table row or of a `<dt>`.
enum SyntaxGlossary {
    /// The texts of the tokens among `tokens` that are terms, as keys for `key(_:in:)`.
    static func terms(_ tokens: [Range<Int>], in text: UnsafeBufferPointer<UInt8>, markup: UnsafeBufferPointer<UInt8>?) -> Set<[UInt8]> {
        var terms: Set<[UInt8]> = []
        for token in tokens where isTerm(token, in: text, markup: markup) {
            terms.insert(key(token, in: text))
        }
        return terms
    }

    /// The bytes of `token`, the form in which terms are compared.
    static func key(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(text[token])
    }

    private static func isTerm(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>, markup: UnsafeBufferPointer<UInt8>?) -> Bool {
        if let markup { return isFirstCellOrTerm(token, in: markup) }
        var lineStart = token.lowerBound
        while lineStart > 0 && isBlank(text[lineStart - 1]) { lineStart -= 1 }
        guard lineStart == 0 || isBreak(text[lineStart - 1]) else { return false }
        var lineEnd = token.upperBound
        while lineEnd < text.count && isBlank(text[lineEnd]) { lineEnd += 1 }
        guard lineEnd == text.count || isBreak(text[lineEnd]) else { return false }
        // The line's indentation, then the next non-blank line's.
        var indent = lineStart
        while indent > 0 && !isBreak(text[indent - 1]) { indent -= 1 }
        let ownIndent = lineStart - indent
        var next = lineEnd
        while next < text.count {
            while next < text.count && isBreak(text[next]) { next += 1 }
            var content = next
            while content < text.count && isBlank(text[content]) { content += 1 }
            if content < text.count && isBreak(text[content]) {
                next = content
                continue
            }
            return content < text.count && content - next > ownIndent
        }
        return false
    }

    /// In HTML source: the token fills a `<dt>`, or a `<td>`/`<th>` that opens its row.
    private static func isFirstCellOrTerm(_ token: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let open = tagBefore(token.lowerBound, in: source), let close = endTagAfter(token.upperBound, in: source) else {
            return false
        }
        let name = tagName(open, in: source)
        guard MarkupBytes.equalsIgnoringCase(source, name, close) else { return false }
        if MarkupBytes.equalsIgnoringCase(source, name, "dt") { return true }
        guard MarkupBytes.equalsIgnoringCase(source, name, "td") || MarkupBytes.equalsIgnoringCase(source, name, "th") else { return false }
        guard let row = tagBefore(open.lowerBound, in: source) else { return false }
        return MarkupBytes.equalsIgnoringCase(source, tagName(row, in: source), "tr")
    }

    /// The start tag that ends, white space aside, right before `offset`.
    private static func tagBefore(_ offset: Int, in source: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = offset
        while end > 0 && MarkupBytes.isHTMLWhitespace(source[end - 1]) { end -= 1 }
        guard end > 0, source[end - 1] == 0x3E else { return nil }
        var start = end - 1
        while start > 0 && source[start - 1] != 0x3C && source[start - 1] != 0x3E { start -= 1 }
        guard start > 0, source[start - 1] == 0x3C, start < end - 1, MarkupBytes.isAlpha(source[start]) else { return nil }
        return (start - 1)..<end
    }

    /// The name of the end tag that starts, white space aside, right after `offset`.
    private static func endTagAfter(_ offset: Int, in source: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = offset
        while start < source.count && MarkupBytes.isHTMLWhitespace(source[start]) { start += 1 }
        guard start + 2 < source.count, source[start] == 0x3C, source[start + 1] == 0x2F else { return nil }
        var end = start + 2
        while end < source.count && MarkupBytes.isAlnum(source[end]) { end += 1 }
        return (start + 2)..<end
    }

    private static func tagName(_ tag: Range<Int>, in source: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var end = tag.lowerBound + 1
        while end < tag.upperBound && MarkupBytes.isAlnum(source[end]) { end += 1 }
        return (tag.lowerBound + 1)..<end
    }

    @inline(__always) private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) private static func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
}
