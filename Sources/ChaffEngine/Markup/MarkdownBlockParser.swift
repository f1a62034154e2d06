/// The block structure of a Markdown document, after CommonMark's line-by-line algorithm
/// (block quotes, list items, paragraphs with lazy continuation, ATX and setext headings,
/// fenced and indented code, the seven kinds of HTML block, thematic breaks, link reference
/// definitions), plus `$$` math blocks.
///
/// It classifies code, masks syntax, and blanks container markers (`>`, list markers) in the
/// text so that a paragraph spanning several lines of a block quote is one contiguous region.
/// Paragraph and heading regions are handed to `MarkdownInlineScanner` and HTML blocks to
/// `HTMLScanner` afterwards, once every reference definition is known.
///
/// Math: a line that is exactly `$$` (or starts with `$$\`) opens a block that ends at the next
/// line containing `$$`, and is recognised only when such a line exists; a line of its own
/// `$$ … $$` whose content has `\`, `^` or `=` is one line of math. Single `$` is never math,
/// because `$标题$`-style placeholders and prices must stay prose.
struct MarkdownBlockParser {
    /// An open block on the current chain, outermost first.
    private enum Block {
        case blockQuote
        /// `children` counts child blocks still in the tree: a paragraph made only of link
        /// reference definitions disappears when closed.
        case listItem(required: Int, children: Int)
        case paragraph(start: Int, end: Int)
        case fencedCode(fence: UInt8, length: Int, offset: Int)
        case indentedCode
        case html(type: Int, start: Int, end: Int)
        case math

        var isParagraph: Bool {
            if case .paragraph = self { return true }
            return false
        }

        /// Leaves whose lines are taken verbatim: no block can start inside them.
        var isVerbatim: Bool {
            switch self {
            case .fencedCode, .indentedCode, .html, .math: return true
            default: return false
            }
        }
    }

    /// A fenced code block open at the top level (in no container) where a chunk of the
    /// document ends: the next chunk's parser starts inside it (`init(openFence:)`), since the
    /// fence is all that the lines before tell about the lines after.
    struct OpenFence: Equatable, Sendable {
        let fence: UInt8
        let length: Int
        let offset: Int
    }

    /// The text, with container markers blanked as lines are read.
    let text: UnsafeMutableBufferPointer<UInt8>
    let classes: UnsafeMutableBufferPointer<UInt8>
    /// Paragraph and heading regions for the inline pass, with their base class.
    private(set) var inlineRegions: [(range: Range<Int>, base: UInt8)] = []
    /// HTML block regions for the HTML scanner.
    private(set) var htmlRegions: [Range<Int>] = []
    /// Normalized labels of every link reference definition.
    private(set) var definitions: Set<String> = []

    private let end: Int
    private let lastDoubleDollar: Int
    private var chain: [Block] = []

    // The current line.
    private var lineStart = 0
    private var lineEnd = 0
    private var nextLine = 0
    private var offset = 0
    private var column = 0
    private var partiallyConsumedTab = false
    private var firstNonspace = 0
    private var firstNonspaceColumn = 0
    private var indent = 0
    private var blank = false
    /// Where a failed thematic-break scan stopped on this line: a later start before it would
    /// fail at the same byte, so `- - - - … x` is not rescanned for every nested item.
    private var thematicBreakFailure = 0

    /// Where `parse(from:stoppingAt:)` stopped inside a top-level fenced code block, that
    /// block; nil when it stopped with no block open (or did not stop).
    private(set) var fenceAtStop: OpenFence? = nil

    /// A parser of `text`; `lastDoubleDollar` is where the last `$$` of the whole document
    /// starts, relative to `text` (negative when there is none before `text`'s end), given when
    /// `text` is one chunk of a larger document, and `openFence` the fenced code block the
    /// chunk starts inside, if any.
    init(
        text: UnsafeMutableBufferPointer<UInt8>, classes: UnsafeMutableBufferPointer<UInt8>, lastDoubleDollar: Int? = nil,
        openFence: OpenFence? = nil
    ) {
        self.text = text
        self.classes = classes
        self.end = text.count
        self.lastDoubleDollar = lastDoubleDollar ?? Self.lastDoubleDollar(in: UnsafeBufferPointer(text))
        if let openFence {
            chain = [.fencedCode(fence: openFence.fence, length: openFence.length, offset: openFence.offset)]
        }
    }

    /// Where the last `$$` of `text` starts, or -1.
    static func lastDoubleDollar(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var k = text.count - 1
        while k > 0 {
            if text[k] == 0x24 && text[k - 1] == 0x24 { return k - 1 }
            k -= 1
        }
        return -1
    }

    private var reader: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(text) }

    /// Parses the lines from `start` to the end of the text and closes every block.
    ///
    /// With `stop`, it instead returns at the first line starting at or after `stop` with no
    /// block open, or with only a top-level fenced code block open (`fenceAtStop`): nothing
    /// before that line but the fence can change how the lines from it are read (a reference
    /// definition aside, which `definitions` collects), so the document can be masked in chunks
    /// split there, also inside a long or unclosed code block. It returns nil when it reached
    /// the end of the text.
    @discardableResult
    mutating func parse(from start: Int, stoppingAt stop: Int? = nil) -> Int? {
        var p = start
        while p < end {
            if let stop, p >= stop {
                if chain.isEmpty { return p }
                if chain.count == 1, case .fencedCode(let fence, let length, let offset) = chain[0] {
                    fenceAtStop = OpenFence(fence: fence, length: length, offset: offset)
                    return p
                }
            }
            lineStart = p
            var q = p
            while q < end && text[q] != 0x0A && text[q] != 0x0D { q += 1 }
            lineEnd = q
            if q < end { q += text[q] == 0x0D && q + 1 < end && text[q + 1] == 0x0A ? 2 : 1 }
            nextLine = q
            processLine()
            p = nextLine
        }
        close(from: 0)
        return nil
    }

    // MARK: - Lines

    /// Reads one line: continues the open blocks it matches, opens the blocks it starts, and
    /// adds the rest of it to the innermost block.
    private mutating func processLine() {
        offset = lineStart
        column = 0
        partiallyConsumedTab = false
        thematicBreakFailure = lineStart

        guard let matched = matchOpenBlocks() else { return }
        let allMatched = matched == chain.count
        var depth = matched
        var openedNew = false
        var maybeLazy = chain.last?.isParagraph ?? false
        opening: while depth == 0 || !chain[depth - 1].isVerbatim {
            switch openBlock(depth: &depth, maybeLazy: maybeLazy) {
            case .container:
                openedNew = true
                maybeLazy = false
            case .verbatim:
                openedNew = true
                break opening
            case .none:
                break opening
            case .lineDone:
                return
            }
        }
        addRest(depth: depth, openedNew: openedNew, allMatched: allMatched)
    }

    /// Consumes the markers of the open blocks the line continues; returns how many it
    /// continues, or nil when the line closes a fenced code block and so is done.
    @inline(__always)
    private mutating func matchOpenBlocks() -> Int? {
        var matched = 0
        matching: for k in 0..<chain.count {
            findFirstNonspace()
            switch chain[k] {
            case .blockQuote:
                guard indent <= 3, !blank, text[firstNonspace] == 0x3E else { break matching }
                advanceToFirstNonspace()
                advanceColumns(1)
                if offset < lineEnd && MarkupBytes.isSpaceOrTab(text[offset]) { advanceColumns(1) }
            case .listItem(let required, let children):
                if indent >= required {
                    advanceColumns(required)
                } else if blank && children > 0 {
                    advanceToFirstNonspace()
                } else {
                    break matching
                }
            case .fencedCode(let fence, let length, let fenceOffset):
                if indent <= 3, !blank, text[firstNonspace] == fence, isClosingFence(fence, length) {
                    blankPrefix()
                    close(from: k)
                    return nil
                }
                var remaining = fenceOffset
                while remaining > 0 && offset < lineEnd && MarkupBytes.isSpaceOrTab(text[offset]) {
                    advanceColumns(1)
                    remaining -= 1
                }
            case .indentedCode:
                if indent >= 4 {
                    advanceColumns(4)
                } else if blank {
                    advanceToFirstNonspace()
                } else {
                    break matching
                }
            case .html(let type, _, _):
                if blank && type >= 6 { break matching }
            case .math:
                break
            case .paragraph:
                if blank { break matching }
            }
            matched += 1
        }
        return matched
    }

    /// What `openBlock` did with the line at the current offset.
    private enum Opening {
        /// Opened a container (block quote, list item): the line may open more inside it.
        case container
        /// Opened a block whose lines are not read for blocks (HTML, indented code).
        case verbatim
        /// Opened nothing.
        case none
        /// Finished the line (a heading, a fence, math, a thematic break, a setext underline).
        case lineDone
    }

    /// Opens the block that starts at the current offset, if one does, at `depth`.
    @inline(__always)
    private mutating func openBlock(depth: inout Int, maybeLazy: Bool) -> Opening {
        findFirstNonspace()
        let indented = indent >= 4
        let first: UInt8 = blank ? 0 : text[firstNonspace]
        let containerIsParagraph = depth > 0 && chain[depth - 1].isParagraph
        if !indented && first == 0x3E {  // '>'
            advanceToFirstNonspace()
            advanceColumns(1)
            if offset < lineEnd && MarkupBytes.isSpaceOrTab(text[offset]) { advanceColumns(1) }
            open(.blockQuote, depth: &depth)
            return .container
        } else if !indented && first == 0x23, let content = atxHeadingContent() {  // '#'
            open(nil, depth: &depth)
            blankPrefix()
            if content.lowerBound < content.upperBound { inlineRegions.append((content, ScopeClass.heading)) }
            return .lineDone
        } else if !indented && (first == 0x60 || first == 0x7E), let length = openingFenceLength() {
            let fenceOffset = firstNonspace - offset
            open(.fencedCode(fence: first, length: length, offset: fenceOffset), depth: &depth)
            blankPrefix()
            return .lineDone
        } else if !indented && first == 0x3C, let type = htmlBlockStart(allowTypeSeven: !containerIsParagraph) {
            open(.html(type: type, start: offset, end: offset), depth: &depth)
            return .verbatim
        } else if !indented && first == 0x24, let multiLine = mathStart() {  // '$'
            open(multiLine ? .math : nil, depth: &depth)
            blankPrefix()
            return .lineDone
        } else if !indented && containerIsParagraph && (first == 0x3D || first == 0x2D) && isSetextUnderline() {
            return setextUnderline(depth: depth) ? .lineDone : .none
        } else if !indented && (first == 0x2A || first == 0x2D || first == 0x5F)
            && thematicBreakFailure <= firstNonspace && isThematicBreak()
        {
            open(nil, depth: &depth)
            blankPrefix()
            return .lineDone
        } else if !indented, let markerEnd = listMarkerEnd(interruptsParagraph: containerIsParagraph) {
            openListItem(markerEnd: markerEnd, depth: &depth)
            return .container
        } else if indented && !maybeLazy && !blank {
            advanceColumns(4)
            open(.indentedCode, depth: &depth)
            return .verbatim
        }
        return .none
    }

    /// A setext underline under the paragraph at `depth - 1`: the paragraph, after any
    /// reference definitions at its start, becomes a heading. Returns whether it did; when the
    /// paragraph was only definitions, the line goes on as a paragraph line.
    @inline(__always)
    private mutating func setextUnderline(depth: Int) -> Bool {
        guard case .paragraph(let start, let paragraphEnd) = chain[depth - 1] else { return false }
        let contentStart = skipDefinitions(from: start, to: paragraphEnd)
        if contentStart < paragraphEnd {
            chain.removeLast()
            inlineRegions.append((contentStart..<paragraphEnd, ScopeClass.heading))
            close(from: depth - 1)
            blankPrefix()
            return true
        }
        chain[depth - 1] = .paragraph(start: contentStart, end: paragraphEnd)
        return false
    }

    /// Opens the list item whose marker ends at `markerEnd`; its content's column is the
    /// marker's, its width and the spaces after it (one when there are five or more, or none).
    @inline(__always)
    private mutating func openListItem(markerEnd: Int, depth: inout Int) {
        let markerOffset = indent
        advanceToFirstNonspace()
        let markerWidth = markerEnd - offset
        advanceColumns(markerWidth)
        let saved = (offset, column, partiallyConsumedTab)
        var spaces = 0
        while spaces <= 5 && offset < lineEnd && MarkupBytes.isSpaceOrTab(text[offset]) {
            advanceColumns(1)
            spaces += 1
        }
        let padding: Int
        if spaces >= 5 || spaces < 1 || offset >= lineEnd {
            padding = markerWidth + 1
            (offset, column, partiallyConsumedTab) = saved
            if offset < lineEnd && MarkupBytes.isSpaceOrTab(text[offset]) { advanceColumns(1) }
        } else {
            padding = markerWidth + spaces
        }
        open(.listItem(required: markerOffset + padding, children: 0), depth: &depth)
    }

    /// Adds the rest of the line to the innermost block: a lazy paragraph line, code, HTML or
    /// math, or a new paragraph.
    @inline(__always)
    private mutating func addRest(depth: Int, openedNew: Bool, allMatched: Bool) {
        findFirstNonspace()
        if !openedNew && !allMatched && !blank, case .paragraph(let start, _) = chain.last {
            chain[chain.count - 1] = .paragraph(start: start, end: lineEnd)
            blankPrefix()
            return
        }
        close(from: depth)
        blankPrefix()
        switch depth > 0 ? chain[depth - 1] : nil {
        case .fencedCode?, .indentedCode?:
            ScopeClass.mark(classes, offset..<lineEnd, ScopeClass.code)
        case .html(let type, let start, _)?:
            chain[depth - 1] = .html(type: type, start: start, end: lineEnd)
            if type <= 5 && htmlBlockEnds(type: type, from: offset) { close(from: depth - 1) }
        case .math?:
            if MarkupBytes.index(of: "$$", in: reader, from: offset, end: lineEnd) != nil { close(from: depth - 1) }
        case .paragraph(let start, _)?:
            chain[depth - 1] = .paragraph(start: start, end: lineEnd)
        default:
            if !blank {
                countChildOfParent(depth)
                chain.append(.paragraph(start: firstNonspace, end: lineEnd))
            }
        }
    }

    // MARK: - Chain

    /// Closes what `depth` does not keep and opens `block` inside the innermost kept block;
    /// `nil` stands for a leaf that is complete on this line (heading, thematic break).
    private mutating func open(_ block: Block?, depth: inout Int) {
        if depth > 0 && chain[depth - 1].isParagraph { depth -= 1 }
        close(from: depth)
        countChildOfParent(depth)
        guard let block else { return }
        chain.append(block)
        depth += 1
    }

    private mutating func countChildOfParent(_ depth: Int, adding count: Int = 1) {
        guard depth > 0, case .listItem(let required, let children) = chain[depth - 1] else { return }
        chain[depth - 1] = .listItem(required: required, children: children + count)
    }

    /// Closes every block from `depth` inward, handing finished regions to the later passes.
    private mutating func close(from depth: Int) {
        while chain.count > depth {
            switch chain.removeLast() {
            case .paragraph(let start, let paragraphEnd):
                let contentStart = skipDefinitions(from: start, to: paragraphEnd)
                if contentStart < paragraphEnd && MarkdownLinkSyntax.hasContent(reader, contentStart..<paragraphEnd) {
                    inlineRegions.append((contentStart..<paragraphEnd, ScopeClass.prose))
                } else {
                    countChildOfParent(chain.count, adding: -1)
                }
            case .html(_, let start, let htmlEnd):
                if start < htmlEnd { htmlRegions.append(start..<htmlEnd) }
            default:
                break
            }
        }
    }

    /// Records the link reference definitions at the start of a paragraph and returns where its
    /// remaining text starts.
    private mutating func skipDefinitions(from start: Int, to paragraphEnd: Int) -> Int {
        var p = start
        while p < paragraphEnd, let (next, label) = MarkdownLinkSyntax.referenceDefinition(reader, from: p, end: paragraphEnd) {
            definitions.insert(label)
            p = next
        }
        return p
    }

    // MARK: - Columns

    private mutating func findFirstNonspace() {
        var p = offset
        var col = column
        var charsToTab = 4 - (column % 4)
        while p < lineEnd {
            let byte = text[p]
            if byte == 0x20 {
                p += 1
                col += 1
                charsToTab -= 1
                if charsToTab == 0 { charsToTab = 4 }
            } else if byte == 0x09 {
                p += 1
                col += charsToTab
                charsToTab = 4
            } else {
                break
            }
        }
        firstNonspace = p
        firstNonspaceColumn = col
        indent = col - column
        blank = p >= lineEnd
    }

    private mutating func advanceToFirstNonspace() {
        offset = firstNonspace
        column = firstNonspaceColumn
        partiallyConsumedTab = false
    }

    /// Advances `count` columns; a tab wider than what is left is only partly consumed.
    private mutating func advanceColumns(_ count: Int) {
        var remaining = count
        while remaining > 0 && offset < lineEnd {
            if text[offset] == 0x09 {
                let charsToTab = 4 - (column % 4)
                if charsToTab > remaining {
                    partiallyConsumedTab = true
                    column += remaining
                    remaining = 0
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    remaining -= charsToTab
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                remaining -= 1
            }
        }
    }

    /// Blanks the container syntax consumed on this line, so that multi-line regions read as
    /// plain text; the bytes keep their class (none) and length.
    private func blankPrefix() {
        for k in lineStart..<min(offset, lineEnd) where !MarkupBytes.isWhitespace(text[k]) { text[k] = 0x20 }
    }

    // MARK: - Block starts

    private func atxHeadingContent() -> Range<Int>? {
        var p = firstNonspace
        var level = 0
        while p < lineEnd && text[p] == 0x23 && level < 7 {
            p += 1
            level += 1
        }
        guard level <= 6, p == lineEnd || MarkupBytes.isSpaceOrTab(text[p]) else { return nil }
        var contentStart = p
        while contentStart < lineEnd && MarkupBytes.isSpaceOrTab(text[contentStart]) { contentStart += 1 }
        var contentEnd = lineEnd
        while contentEnd > contentStart && MarkupBytes.isSpaceOrTab(text[contentEnd - 1]) { contentEnd -= 1 }
        var hashes = contentEnd
        while hashes > contentStart && text[hashes - 1] == 0x23 { hashes -= 1 }
        if hashes == contentStart {
            contentEnd = contentStart
        } else if hashes < contentEnd && MarkupBytes.isSpaceOrTab(text[hashes - 1]) {
            contentEnd = hashes
            while contentEnd > contentStart && MarkupBytes.isSpaceOrTab(text[contentEnd - 1]) { contentEnd -= 1 }
        }
        return contentStart..<contentEnd
    }

    private func openingFenceLength() -> Int? {
        let fence = text[firstNonspace]
        var p = firstNonspace
        while p < lineEnd && text[p] == fence { p += 1 }
        let length = p - firstNonspace
        guard length >= 3 else { return nil }
        if fence == 0x60 {
            for k in p..<lineEnd where text[k] == 0x60 { return nil }
        }
        return length
    }

    private func isClosingFence(_ fence: UInt8, _ length: Int) -> Bool {
        var p = firstNonspace
        while p < lineEnd && text[p] == fence { p += 1 }
        guard p - firstNonspace >= length else { return false }
        for k in p..<lineEnd where !MarkupBytes.isSpaceOrTab(text[k]) { return false }
        return true
    }

    /// Whether a `$$` math block starts here: true for a multi-line block, false for a block of
    /// one line, nil when this is not math.
    private func mathStart() -> Bool? {
        guard MarkupBytes.hasPrefix(reader, at: firstNonspace, end: lineEnd, "$$") else { return nil }
        let contentStart = firstNonspace + 2
        var contentEnd = lineEnd
        while contentEnd > contentStart && MarkupBytes.isSpaceOrTab(text[contentEnd - 1]) { contentEnd -= 1 }
        if contentEnd >= contentStart + 2 && text[contentEnd - 1] == 0x24 && text[contentEnd - 2] == 0x24 {
            for k in contentStart..<(contentEnd - 2) where text[k] == 0x5C || text[k] == 0x5E || text[k] == 0x3D {
                return false
            }
            return nil
        }
        guard contentEnd == contentStart || text[contentStart] == 0x5C else { return nil }
        guard lastDoubleDollar >= nextLine else { return nil }
        return true
    }

    private func isSetextUnderline() -> Bool {
        let marker = text[firstNonspace]
        var p = firstNonspace
        while p < lineEnd && text[p] == marker { p += 1 }
        for k in p..<lineEnd where !MarkupBytes.isSpaceOrTab(text[k]) { return false }
        return true
    }

    private mutating func isThematicBreak() -> Bool {
        let marker = text[firstNonspace]
        var count = 0
        for k in firstNonspace..<lineEnd {
            let byte = text[k]
            if byte == marker {
                count += 1
            } else if !MarkupBytes.isSpaceOrTab(byte) {
                thematicBreakFailure = k
                return false
            }
        }
        return count >= 3
    }

    /// The end of a list marker at the first non-space byte, or nil.
    private func listMarkerEnd(interruptsParagraph: Bool) -> Int? {
        var p = firstNonspace
        guard p < lineEnd else { return nil }
        let first = text[p]
        var ordered = false
        var start = 0
        if first == 0x2D || first == 0x2B || first == 0x2A {
            p += 1
        } else if MarkupBytes.isDigit(first) {
            var digits = 0
            while p < lineEnd && MarkupBytes.isDigit(text[p]) && digits < 9 {
                start = start * 10 + Int(text[p] - 0x30)
                p += 1
                digits += 1
            }
            guard p < lineEnd, text[p] == 0x2E || text[p] == 0x29 else { return nil }
            p += 1
            ordered = true
        } else {
            return nil
        }
        guard p == lineEnd || MarkupBytes.isSpaceOrTab(text[p]) else { return nil }
        if interruptsParagraph {
            var q = p
            while q < lineEnd && MarkupBytes.isSpaceOrTab(text[q]) { q += 1 }
            if q == lineEnd || (ordered && start != 1) { return nil }
        }
        return p
    }

    /// The HTML block type (1–7) starting at the first non-space byte, or nil.
    private func htmlBlockStart(allowTypeSeven: Bool) -> Int? {
        let p = firstNonspace
        if MarkupBytes.hasPrefix(reader, at: p, end: lineEnd, "<!--") { return 2 }
        if MarkupBytes.hasPrefix(reader, at: p, end: lineEnd, "<?") { return 3 }
        if MarkupBytes.hasPrefix(reader, at: p, end: lineEnd, "<![CDATA[") { return 5 }
        if MarkupBytes.hasPrefix(reader, at: p, end: lineEnd, "<!") && p + 2 < lineEnd && MarkupBytes.isAlpha(text[p + 2]) {
            return 4
        }
        var q = p + 1
        let closing = q < lineEnd && text[q] == 0x2F
        if closing { q += 1 }
        let nameStart = q
        guard q < lineEnd, MarkupBytes.isAlpha(text[q]) else { return nil }
        while q < lineEnd && (MarkupBytes.isAlnum(text[q]) || text[q] == 0x2D) { q += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: reader[nameStart..<q]), as: UTF8.self).lowercased()
        let after: UInt8 = q < lineEnd ? text[q] : 0x0A
        let isTypeOne = Self.rawTextNames.contains(name)
        if !closing && isTypeOne && (after == 0x0A || MarkupBytes.isSpaceOrTab(after) || after == 0x3E) { return 1 }
        if Self.blockNames.contains(name)
            && (after == 0x0A || MarkupBytes.isSpaceOrTab(after) || after == 0x3E
                || (after == 0x2F && q + 1 < lineEnd && text[q + 1] == 0x3E))
        {
            return 6
        }
        if allowTypeSeven && !isTypeOne && MarkdownInlineHTML.isCompleteTagLine(reader, at: p, lineEnd: lineEnd) {
            return 7
        }
        return nil
    }

    /// Whether the current line, from `from`, holds the end condition of an HTML block of
    /// type 1 to 5.
    private func htmlBlockEnds(type: Int, from: Int) -> Bool {
        switch type {
        case 1:
            var k = from
            while true {
                k = MarkupBytes.index(of: 0x3C, in: reader, from: k, end: lineEnd)
                if k >= lineEnd { return false }
                if MarkupBytes.hasPrefixIgnoringCase(reader, at: k, end: lineEnd, "</script>")
                    || MarkupBytes.hasPrefixIgnoringCase(reader, at: k, end: lineEnd, "</pre>")
                    || MarkupBytes.hasPrefixIgnoringCase(reader, at: k, end: lineEnd, "</style>")
                    || MarkupBytes.hasPrefixIgnoringCase(reader, at: k, end: lineEnd, "</textarea>")
                {
                    return true
                }
                k += 1
            }
        case 2: return MarkupBytes.index(of: "-->", in: reader, from: from, end: lineEnd) != nil
        case 3: return MarkupBytes.index(of: "?>", in: reader, from: from, end: lineEnd) != nil
        case 4: return MarkupBytes.index(of: 0x3E, in: reader, from: from, end: lineEnd) < lineEnd
        default: return MarkupBytes.index(of: "]]>", in: reader, from: from, end: lineEnd) != nil
        }
    }

    private static let rawTextNames: Set<String> = ["script", "pre", "style", "textarea"]

    /// CommonMark's block-level tag names (HTML block type 6), with both `source` (0.30) and
    /// `search` (0.31).
    private static let blockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track",
        "ul",
    ]
}
