import ChaffText

/// Whether a placeholder token sits in code that the document's markup did not mark as code.
///
/// Markdown and HTML maskers blank code blocks and code spans before the rules run, but plain
/// text (and reStructuredText, read as plain text) has no markup to say what is code, so a
/// format string in a literal block (`    logging.basicConfig(format='%(name)s')`) or an
/// interpreter session (`>>> '{0}'.format(x)`) reaches the placeholder rules as prose. Only the
/// token's own line is read, and only when a token was found, never the whole text. A token is
/// in code when:
///
/// - it is inside a short pair of ASCII quotes or backquotes on its line (`'{0}, {1}'`,
///   ``` ``%(x)s`` ```, `as "%s"`): a quote before it and the same quote after it, at most
///   `maximumQuotation` bytes apart; an apostrophe between two letters (`it's`) is not a quote.
///   A long quotation is a sentence someone said, where a slot is still a defect;
/// - it is right between typographic quotes, `“%(message)s”` or `‘{0}’`: prose naming a syntax;
/// - it stands alone in a table cell (`| %f | focus |`): a listing of the syntax;
/// - its line is indented and one quoted string and nothing else (`    "%(name)s: %(value)s"`);
/// - in plain text, its line is ASCII only (Chinese prose indents too) and indented by four or
///   more spaces or a tab (a literal block, an indented code sample), or starts with an
///   interpreter or shell prompt (`>>>`, `...`, `$ `, `% `, `# `) after its indentation;
/// - in reStructuredText, its ASCII line is in a block quote introduced by `e.g.`, `for
///   example`, a colon or `or` (a message shown as an example).
enum CodeLine {
    /// The longest quotation, in bytes, whose tokens count as code rather than prose.
    static let maximumQuotation = 60

    static func contains(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>, plainText: Bool, restructuredText: Bool = false) -> Bool
    {
        let lineStart = LineBounds.start(of: token.lowerBound, in: text)
        let lineEnd = LineBounds.end(of: token.upperBound, in: text)
        // A token longer than a quotation still has its own bounds inside the window.
        let near =
            max(
                lineStart, min(token.lowerBound, token.upperBound - maximumQuotation))..<min(
                lineEnd, max(token.upperBound, token.lowerBound + maximumQuotation))
        for quote in [UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`")] {
            if hasQuote(quote, in: near.lowerBound..<token.lowerBound, text)
                && hasQuote(quote, in: token.upperBound..<near.upperBound, text)
            {
                return true
            }
        }
        if isAloneInTableCell(token, lineStart: lineStart, lineEnd: lineEnd, in: text) { return true }
        if isStringLiteralLine(lineStart: lineStart, lineEnd: lineEnd, in: text) { return true }
        // Typographic quotes right around the token: prose that names a syntax, “%(message)s”.
        if let before = ScalarClass.scalar(before: token.lowerBound, in: text), token.upperBound < text.count {
            let (after, _) = UTF8Decoding.decode(text, at: token.upperBound)
            if (before == 0x201C && after == 0x201D) || (before == 0x2018 && after == 0x2019) { return true }
        }
        if restructuredText, isIntroducedExample(lineStart: lineStart, lineEnd: lineEnd, in: text) { return true }
        guard plainText, !text[lineStart..<lineEnd].contains(where: { $0 >= 0x80 }) else { return false }
        var i = lineStart
        var spaces = 0
        while i < token.lowerBound && (text[i] == 0x20 || text[i] == 0x09) {
            spaces += text[i] == 0x09 ? 4 : 1
            i += 1
        }
        if spaces >= 4 { return true }
        for p in prompts where i + p.count <= token.lowerBound && (0..<p.count).allSatisfy({ text[i + $0] == p[$0] }) {
            return true
        }
        return false
    }

    /// Interpreter and shell prompts that start a line of code, as bytes: made once, where the
    /// strings were turned into five arrays for every token on an ASCII line.
    private static let prompts: [[UInt8]] = [">>>", "...", "$ ", "% ", "# "].map { Array($0.utf8) }

    /// Words that end a line introducing an example: `e.g.`, `for example:`, a colon, or `or`
    /// between two examples.
    private static let introducers: [[UInt8]] = ["e.g.", "e.g.,", "example", "example:", ":", "or", "or:"].map { Array($0.utf8) }

    /// In reStructuredText, an ASCII line of a block quote (indented deeper than the line before
    /// it, a blank line between) whose introducing line ends in `e.g.`, `for example`, a colon or
    /// `or`: a message or output shown as an example (`Default title for language %s missing`),
    /// which reST writes without a literal block's `::` as often as with it.
    private static func isIntroducedExample(lineStart: Int, lineEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !text[lineStart..<lineEnd].contains(where: { $0 >= 0x80 }) else { return false }
        let indent = indentation(at: lineStart, lineEnd: lineEnd, in: text)
        // Up through this block's own lines (same indentation) to the blank line before it.
        var start = lineStart
        var sawBlank = false
        while start > 0 {
            let previousEnd = start - 1
            let previousStart = LineBounds.start(of: previousEnd, in: text)
            let width = indentation(at: previousStart, lineEnd: previousEnd, in: text)
            let blank = text[previousStart..<previousEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if blank {
                sawBlank = true
            } else if sawBlank {
                guard width < indent else { return false }
                var end = previousEnd
                while end > previousStart, [0x20, 0x09, 0x0D].contains(text[end - 1]) { end -= 1 }
                let line = text[previousStart..<end].map { TextScalar.isASCIIUpper($0) ? $0 | 0x20 : $0 }
                return introducers.contains {
                    line.count >= $0.count && line.suffix($0.count).elementsEqual($0)
                        && (line.count == $0.count || $0.first == UInt8(ascii: ":")
                            || [0x20, 0x09].contains(line[line.count - $0.count - 1]))
                }
            } else if width != indent {
                return false
            }
            start = previousStart
        }
        return false
    }

    private static func indentation(at lineStart: Int, lineEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var i = lineStart
        var width = 0
        while i < lineEnd && (text[i] == 0x20 || text[i] == 0x09) {
            width += text[i] == 0x09 ? 4 : 1
            i += 1
        }
        return width
    }

    /// Nothing but white space between the token and `|` cell borders or the line's ends, with a
    /// border on at least one side.
    private static func isAloneInTableCell(_ token: Range<Int>, lineStart: Int, lineEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var before = token.lowerBound
        while before > lineStart && (text[before - 1] == 0x20 || text[before - 1] == 0x09) { before -= 1 }
        let borderBefore = before > lineStart && text[before - 1] == UInt8(ascii: "|")
        guard borderBefore || before == lineStart else { return false }
        var after = token.upperBound
        while after < lineEnd && (text[after] == 0x20 || text[after] == 0x09) { after += 1 }
        let borderAfter = after < lineEnd && text[after] == UInt8(ascii: "|")
        guard borderAfter || after == lineEnd else { return false }
        return borderBefore || borderAfter
    }

    /// An indented line that is one ASCII-quoted string and nothing else
    /// (`   "[Non-text (%(type)s) part]"`): a format string shown on its own, however long. Not
    /// indented, it may be a quoted sentence.
    private static func isStringLiteralLine(lineStart: Int, lineEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = lineStart
        while first < lineEnd && (text[first] == 0x20 || text[first] == 0x09) { first += 1 }
        guard first - lineStart >= 2 || (first > lineStart && text[lineStart] == 0x09) else { return false }
        var last = lineEnd
        while last > first && (text[last - 1] == 0x20 || text[last - 1] == 0x09) { last -= 1 }
        guard last - first >= 2, text[first] == UInt8(ascii: "\"") || text[first] == UInt8(ascii: "'") else { return false }
        let quote = text[first]
        guard text[last - 1] == quote else { return false }
        return !text[(first + 1)..<(last - 1)].contains(quote)
    }

    /// A `quote` byte in `range` that is not an apostrophe between two ASCII letters.
    private static func hasQuote(_ quote: UInt8, in range: Range<Int>, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in range where text[i] == quote {
            if quote == UInt8(ascii: "'") && i > 0 && i + 1 < text.count && ScalarClass.isASCIIAlphanumeric(text[i - 1])
                && ScalarClass.isASCIIAlphanumeric(text[i + 1])
            {
                continue
            }
            return true
        }
        return false
    }
}
