import ChaffEngine

/// The tokens a document defines as terms: reference pages list a syntax one token per entry
/// (`%f` in the first cell of a table row, `{basename}` over its indented description), and every
/// use of those tokens in that document names the syntax rather than leaving a slot unfilled.
///
/// A term is a token alone on its line (white space only around it) that is either followed by
/// a deeper-indented non-blank line (a definition list in reStructuredText or plain text), or,
/// in HTML, the whole content of the first cell of a table row or of a `<dt>` (the tags are the
/// masker's `MarkupMarks.blockTags`).
enum SyntaxGlossary {
    /// The texts of the tokens among `tokens` that are terms, as keys for `key(_:in:)`.
    static func terms(_ tokens: [Range<Int>], in text: UnsafeBufferPointer<UInt8>, marks: MarkupMarks?) -> Set<[UInt8]> {
        var terms: Set<[UInt8]> = []
        for token in tokens where isTerm(token, in: text, marks: marks) {
            terms.insert(key(token, in: text))
        }
        return terms
    }

    /// The bytes of `token`, the form in which terms are compared.
    static func key(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Array(text[token])
    }

    private static func isTerm(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>, marks: MarkupMarks?) -> Bool {
        if let marks { return isFirstCellOrTerm(token, in: text, tags: marks.blockTags) }
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

    /// In HTML: the token fills a `<dt>`, or a `<td>`/`<th>` that opens its row (white space
    /// aside; `text` is masked, so tags other than `tags` read as white space too).
    private static func isFirstCellOrTerm(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>, tags: [BlockTag]) -> Bool {
        // The last tag starting before the token, and the one after it.
        var low = 0
        var high = tags.count
        while low < high {
            let mid = (low + high) / 2
            if tags[mid].range.lowerBound < token.lowerBound { low = mid + 1 } else { high = mid }
        }
        guard low > 0, low < tags.count else { return false }
        let open = tags[low - 1]
        let close = tags[low]
        guard !open.isEndTag, close.isEndTag, open.name == close.name,
            isWhiteSpace(text, from: open.range.upperBound, to: token.lowerBound),
            isWhiteSpace(text, from: token.upperBound, to: close.range.lowerBound)
        else { return false }
        switch open.name {
        case .term: return true
        case .cell:
            guard low >= 2 else { return false }
            let row = tags[low - 2]
            return row.name == .row && !row.isEndTag && isWhiteSpace(text, from: row.range.upperBound, to: open.range.lowerBound)
        default: return false
        }
    }

    /// Whether `text` holds only white space from `start` to `end`; false when `end` comes first
    /// (a token inside a tag's shown attribute value, `<td title="%s">`, is inside the tag).
    private static func isWhiteSpace(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        start <= end && (start..<end).allSatisfy { MarkupBytes.isHTMLWhitespace(text[$0]) }
    }

    @inline(__always) private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) private static func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
}
