/// The block structure of a reStructuredText document, read line by line into scope classes
/// (see `ReStructuredTextMasker` for what goes where).
struct ReStructuredTextBlocks {
    private let text: UnsafeBufferPointer<UInt8>
    private let classes: UnsafeMutableBufferPointer<UInt8>
    /// Comment ranges (explicit markup that is no directive, target or footnote), in order.
    private(set) var comments: [Range<Int>] = []
    /// References and footnote references found in inline markup, in order.
    private(set) var marks = MarkupMarks()

    /// One line: where it starts and ends (line break excluded), and its indentation in bytes;
    /// `indent == nil` for a blank line.
    private struct Line {
        var start: Int
        var end: Int
        var indent: Int?
        var contentStart: Int { start + (indent ?? 0) }
    }

    private var lines: [Line] = []

    /// Directives whose body is code, not prose.
    private static let codeDirectives: Set<String> = [
        "code", "code-block", "sourcecode", "literalinclude", "highlight", "highlightlang", "doctest",
        "testcode", "testoutput", "testsetup", "testcleanup", "productionlist", "math", "raw",
        "parsed-literal", "graphviz", "digraph", "graph", "ipython", "jupyter-execute", "prompt",
        "code-cell", "program-output", "command-output", "automodule", "autoclass", "autofunction",
        "automethod", "autodata", "autoattribute", "autoexception", "literal", "include", "csv-table",
    ]

    /// Directives whose arguments are a signature or a name, not words (`.. function:: open()`).
    /// Their body is prose.
    private static let signatureDirectives: Set<String> = [
        "function", "method", "class", "attribute", "data", "exception", "module", "currentmodule",
        "decorator", "decoratormethod", "classmethod", "staticmethod", "coroutinefunction",
        "coroutinemethod", "abstractmethod", "property", "type", "macro", "member", "var", "struct",
        "union", "enum", "enumerator", "cmdoption", "option", "envvar", "describe", "object",
        "program", "index", "toctree", "image", "figure", "opcode", "pdbcommand", "2to3fixer",
        "confval", "event", "role", "directive", "setting", "default-role", "default-domain",
        "sectionauthor", "moduleauthor", "codeauthor", "tabularcolumns", "auditevent", "only",
        "ifconfig", "versionadded", "versionchanged", "deprecated", "deprecated-removed",
        "glossary", "centered", "hlist", "contents", "sectnum", "target-notes", "footer", "header",
        "meta", "title", "unicode", "date", "replace", "compound", "container",
    ]

    init(text: UnsafeBufferPointer<UInt8>, classes: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.classes = classes
    }

    mutating func parse(from start: Int) {
        splitLines(from: start)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let indent = line.indent else {
                index += 1
                continue
            }
            let content = line.contentStart
            if startsWith("..", at: content, end: line.end) && (content + 2 == line.end || text[content + 2] == 0x20) {
                index = explicitMarkup(at: index)
            } else if startsWith(">>>", at: content, end: line.end) {
                index = doctest(at: index)
            } else if isPunctuationLine(line) {
                index += 1  // a transition, or an overline
            } else {
                index = paragraph(at: index, indent: indent)
            }
        }
    }

    // MARK: Lines

    private mutating func splitLines(from start: Int) {
        var lineStart = start
        while lineStart < text.count {
            var end = MarkupBytes.index(of: 0x0A, in: text, from: lineStart, end: text.count)
            let next = end + 1
            if end > lineStart && text[end - 1] == 0x0D { end -= 1 }
            var p = lineStart
            while p < end && MarkupBytes.isSpaceOrTab(text[p]) { p += 1 }
            lines.append(Line(start: lineStart, end: end, indent: p == end ? nil : p - lineStart))
            lineStart = next
        }
    }

    private func startsWith(_ prefix: StaticString, at offset: Int, end: Int) -> Bool {
        MarkupBytes.hasPrefix(text, at: offset, end: end, prefix)
    }

    /// A line of one repeated punctuation character, four or more long (underlines, overlines,
    /// transitions, simple-table borders), ignoring trailing spaces.
    private func isPunctuationLine(_ line: Line) -> Bool {
        guard let indent = line.indent else { return false }
        var end = line.end
        while end > line.start && MarkupBytes.isSpaceOrTab(text[end - 1]) { end -= 1 }
        let first = text[line.start + indent]
        guard MarkupBytes.isPunctuation(first), end - (line.start + indent) >= 4 else { return false }
        for p in (line.start + indent)..<end where text[p] != first && !(text[p] == 0x20 && (first == 0x3D || first == 0x2D)) {
            return false
        }
        return true
    }

    /// The index after the indented block that follows line `index`: lines indented more than
    /// `indent`, and blank lines between them.
    private func blockEnd(after index: Int, indent: Int) -> Int {
        var next = index + 1
        var lastContent = index
        while next < lines.count {
            if let lineIndent = lines[next].indent {
                guard lineIndent > indent else { break }
                lastContent = next
            }
            next += 1
        }
        return lastContent + 1
    }

    private mutating func mark(lines range: Range<Int>, _ value: UInt8) {
        for k in range where lines[k].indent != nil {
            ScopeClass.mark(classes, lines[k].contentStart..<lines[k].end, value)
        }
    }

    // MARK: Blocks

    private mutating func doctest(at index: Int) -> Int {
        var next = index
        while next < lines.count && lines[next].indent != nil { next += 1 }
        mark(lines: index..<next, ScopeClass.code)
        return next
    }

    /// `.. name:: arguments`, `.. _target: url`, `.. [label] text`, `.. |sub| name::`, or a
    /// comment; returns the index after the construct's own lines.
    private mutating func explicitMarkup(at index: Int) -> Int {
        let line = lines[index]
        let indent = line.indent ?? 0
        let end = blockEnd(after: index, indent: indent)
        var p = line.contentStart + 2
        while p < line.end && text[p] == 0x20 { p += 1 }
        if p < line.end && text[p] == 0x5F {  // hyperlink target: none
            return end
        }
        if p < line.end && text[p] == 0x5B, let close = firstIndex(of: 0x5D, from: p, to: line.end) {  // footnote or citation
            footnote(lines: index..<end, after: close)
            return end
        }
        if p < line.end && text[p] == 0x7C, let bar = firstIndex(of: 0x7C, from: p + 1, to: line.end) {  // substitution
            p = bar + 1
            while p < line.end && text[p] == 0x20 { p += 1 }
        }
        let nameStart = p
        while p < line.end && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D || text[p] == 0x5F || text[p] == 0x3A) {
            if text[p] == 0x3A && p + 1 < line.end && text[p + 1] == 0x3A { break }
            p += 1
        }
        guard p > nameStart, startsWith("::", at: p, end: line.end) else {
            comment(lines: index..<end)
            return end
        }
        return directive(lines: index..<end, name: nameStart..<p)
    }

    /// `.. [label] text`: the text after the label's `]` at `close`, and its continuation, is prose.
    private mutating func footnote(lines range: Range<Int>, after close: Int) {
        for k in range where lines[k].indent != nil {
            let from = k == range.lowerBound ? close + 1 : lines[k].contentStart
            ScopeClass.mark(classes, from..<lines[k].end, ScopeClass.prose)
        }
        scanInline(close + 1..<lines[range.upperBound - 1].end)
    }

    /// A comment: everything after `..`, and its indented continuation.
    private mutating func comment(lines range: Range<Int>) {
        let from = lines[range.lowerBound].contentStart + 2
        let to = lines[range.upperBound - 1].end
        guard from < to else { return }
        for k in range where lines[k].indent != nil {
            ScopeClass.mark(classes, (k == range.lowerBound ? from : lines[k].contentStart)..<lines[k].end, ScopeClass.comment)
        }
        comments.append(from..<to)
    }

    /// `.. name:: arguments` whose name is at `nameBytes` (its `::` right after): marks the
    /// arguments and, for code directives, the body; returns the index of the body's first
    /// line, which the main loop reads as blocks of their own, or the construct's end.
    private mutating func directive(lines range: Range<Int>, name nameBytes: Range<Int>) -> Int {
        let (index, end) = (range.lowerBound, range.upperBound)
        var name = String(decoding: UnsafeBufferPointer(rebasing: text[nameBytes]), as: UTF8.self).lowercased()
        if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }  // py:function
        let arguments = (nameBytes.upperBound + 2)..<lines[index].end
        // The directive's options (`:linenos:`) follow its first line at the body's indentation.
        var bodyStart = index + 1
        while bodyStart < end, lines[bodyStart].indent != nil, text[lines[bodyStart].contentStart] == 0x3A {
            bodyStart += 1
        }
        if Self.codeDirectives.contains(name) {
            ScopeClass.mark(classes, arguments, ScopeClass.code)
            mark(lines: bodyStart..<end, ScopeClass.code)
            return end
        }
        if Self.signatureDirectives.contains(name) {
            ScopeClass.mark(classes, arguments, ScopeClass.code)
            // Sphinx lets a signature run on (`--create <zipfile> <source1>` under `-c …`): lines
            // right under the first, before any option or blank line, are more signatures.
            var k = index + 1
            while k < end, lines[k].indent != nil, text[lines[k].contentStart] != 0x3A {
                ScopeClass.mark(classes, lines[k].contentStart..<lines[k].end, ScopeClass.code)
                k += 1
            }
            bodyStart = max(bodyStart, k)
            while bodyStart < end, lines[bodyStart].indent != nil, text[lines[bodyStart].contentStart] == 0x3A {
                bodyStart += 1
            }
        } else {
            // Admonitions and the like: the argument is a title, the body prose.
            ScopeClass.mark(classes, arguments, ScopeClass.prose)
            scanInline(arguments)
        }
        return bodyStart
    }

    /// Reads the inline markup of `range` and keeps its references.
    private mutating func scanInline(_ range: Range<Int>) {
        var inline = ReStructuredTextInline(text: text, classes: classes)
        inline.scan(range)
        marks.append(inline.marks)
    }

    /// A paragraph (lines up to a blank one, a change of indentation to less, or explicit
    /// markup), a section title, or the paragraph that introduces a literal block.
    private mutating func paragraph(at index: Int, indent: Int) -> Int {
        var next = index + 1
        while next < lines.count, let lineIndent = lines[next].indent, lineIndent >= indent {
            let content = lines[next].contentStart
            if lineIndent == indent && startsWith("..", at: content, end: lines[next].end) { break }
            next += 1
        }
        // A section title: text over an underline (and perhaps under an overline).
        if next - index == 2 && isPunctuationLine(lines[index + 1]) && !isPunctuationLine(lines[index]) {
            ScopeClass.mark(classes, lines[index].contentStart..<lines[index].end, ScopeClass.heading)
            scanInline(lines[index].contentStart..<lines[index].end)
            return next
        }
        // Lines ending a paragraph with an underline are a title with text before it: rare; the
        // underline alone is left out below.
        for k in index..<next where !isPunctuationLine(lines[k]) {
            ScopeClass.mark(classes, lines[k].contentStart..<lines[k].end, ScopeClass.prose)
        }
        scanInline(lines[index].contentStart..<lines[next - 1].end)
        // `::` at the end: the next indented block is a literal block.
        let last = lines[next - 1]
        var end = last.end
        while end > last.start && MarkupBytes.isSpaceOrTab(text[end - 1]) { end -= 1 }
        guard end - 2 >= last.contentStart, text[end - 1] == 0x3A, text[end - 2] == 0x3A else { return next }
        // "Text::" shows one colon; "Text ::" and a lone "::" show none.
        let shown = end - 2 > last.contentStart && !MarkupBytes.isSpaceOrTab(text[end - 3]) ? 1 : 0
        ScopeClass.mark(classes, (end - 2 + shown)..<end, ScopeClass.none)
        var blockStart = next
        while blockStart < lines.count && lines[blockStart].indent == nil { blockStart += 1 }
        guard blockStart < lines.count, let blockIndent = lines[blockStart].indent, blockIndent > indent else { return next }
        let blockEnd = blockEnd(after: blockStart - 1, indent: indent)
        mark(lines: blockStart..<blockEnd, ScopeClass.code)
        return blockEnd
    }

    private func firstIndex(of byte: UInt8, from: Int, to end: Int) -> Int? {
        let found = MarkupBytes.index(of: byte, in: text, from: from, end: end)
        return found < end ? found : nil
    }
}
