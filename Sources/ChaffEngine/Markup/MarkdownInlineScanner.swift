/// Classifies the inline content of Markdown paragraphs and headings after CommonMark's inline
/// rules, in one left-to-right pass per region.
///
/// Starting from the region's base class (prose, or heading), it masks:
/// - backslash escapes: the backslash (the escaped character stays text); a hard-break backslash;
/// - code spans: backtick runs masked, content to the code scope;
/// - autolinks `<https://…>`, `<user@example.com>`: masked whole;
/// - raw HTML: tags masked except `alt`/`title` values; comment text to the comment scope; text
///   between `<code>`/`<kbd>`/`<samp>`/`<tt>`/`<pre>` tags to code, between `<script>`/`<style>`
///   tags masked;
/// - links and images: `[`, `![`, `]` masked, link text and alt text kept; inline destinations and
///   titles, and labels of full and collapsed references, masked. Reference links count only
///   when their label is defined, so `[关键词]` with no definition stays text with its brackets.
///
/// Emphasis markers (`*`, `_`, `~`) are left in place: they are not letters, and removing them
/// would need the delimiter algorithm for no gain to any rule.
///
/// Constructs that may need to look far ahead and then fail (raw HTML tags, link tails, labels)
/// draw on a budget of 8 bytes per byte of the region plus 4 KiB; when it runs out they are left
/// as text, so adversarial input stays linear. Real documents never come near it.
struct MarkdownInlineScanner {
    private struct Bracket {
        var position: Int
        var isImage: Bool
    }

    /// For each backtick run length, the start of every maximal run of that length, with a
    /// cursor that only moves forward because openers are met left to right.
    private struct BacktickRuns {
        var starts: [Int: [Int]] = [:]
        var cursors: [Int: Int] = [:]

        init(_ text: UnsafeBufferPointer<UInt8>, _ region: Range<Int>) {
            var p = region.lowerBound
            while p < region.upperBound {
                p = MarkupBytes.index(of: 0x60, in: text, from: p, end: region.upperBound)
                guard p < region.upperBound else { break }
                let start = p
                while p < region.upperBound && text[p] == 0x60 { p += 1 }
                starts[p - start, default: []].append(start)
            }
        }

        /// The first run of exactly `length` backticks starting at or after `from`.
        mutating func closer(length: Int, from: Int) -> Int? {
            guard let list = starts[length] else { return nil }
            var cursor = cursors[length] ?? 0
            while cursor < list.count && list[cursor] < from { cursor += 1 }
            cursors[length] = cursor
            return cursor < list.count ? list[cursor] : nil
        }
    }

    private static let maximumOpenBrackets = 10_000

    private static let isSpecial: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte: UInt8 in [0x5C, 0x60, 0x3C, 0x21, 0x5B, 0x5D] { table[Int(byte)] = true }
        return table
    }()

    let text: UnsafeBufferPointer<UInt8>
    let classes: UnsafeMutableBufferPointer<UInt8>
    let definitions: Set<String>
    /// Whole comment ranges found so far.
    private(set) var comments: [Range<Int>] = []
    /// Links, autolinks and the HTML tags kinds need, found so far (links after the autolinks in
    /// their text: sort before use).
    private(set) var marks = MarkupMarks()
    /// Offsets of backslash-escaped `&`, which start no character reference.
    private(set) var literalAmpersands: [Int] = []
    private var visibleValues: [Range<Int>] = []

    init(text: UnsafeBufferPointer<UInt8>, classes: UnsafeMutableBufferPointer<UInt8>, definitions: Set<String>) {
        self.text = text
        self.classes = classes
        self.definitions = definitions
    }

    /// What one region's pass carries from construct to construct, but for the open brackets
    /// and the backtick runs: only integers, so that it costs nothing to create and destroy.
    private struct RegionState {
        let region: Range<Int>
        let base: UInt8
        /// Bytes that failing look-aheads may still read (see the type's comment).
        var budget: Int
        /// Openers below this count are inactive: a link may not contain a link.
        var barrier = 0
        var commentEnd = MarkdownInlineHTML.TerminatorSearch()
        var instructionEnd = MarkdownInlineHTML.TerminatorSearch()
        var declarationEnd = MarkdownInlineHTML.TerminatorSearch()
        var cdataEnd = MarkdownInlineHTML.TerminatorSearch()
        var codeDepth = 0
        var codeStart = 0
        var hiddenDepth = 0
        var hiddenStart = 0

        @inline(__always)
        init(region: Range<Int>, base: UInt8) {
            self.region = region
            self.base = base
            budget = 8 * region.count + 4096
        }
    }

    /// Classifies `region`, whose bytes all start as `base`.
    mutating func scan(_ region: Range<Int>, base: UInt8) {
        let end = region.upperBound
        ScopeClass.mark(classes, region, base)
        var state = RegionState(region: region, base: base)
        var brackets: [Bracket] = []
        var backticks: BacktickRuns?
        let special = Self.isSpecial

        var i = region.lowerBound
        while i < end {
            while i < end && !special[Int(text[i])] { i += 1 }
            guard i < end else { break }
            switch text[i] {
            case 0x5C:  // backslash
                i = backslash(at: i, end: end)
            case 0x60:  // backtick
                i = backtick(at: i, region: region, runs: &backticks)
            case 0x3C:  // '<'
                i = angleBracket(at: i, state: &state)
            case 0x21:  // '!'
                if i + 1 < end && text[i + 1] == 0x5B {
                    if brackets.count < Self.maximumOpenBrackets { brackets.append(Bracket(position: i, isImage: true)) }
                    i += 2
                } else {
                    i += 1
                }
            case 0x5B:  // '['
                if brackets.count < Self.maximumOpenBrackets { brackets.append(Bracket(position: i, isImage: false)) }
                i += 1
            default:  // ']'
                i = closingBracket(at: i, brackets: &brackets, state: &state)
            }
        }
        if state.codeDepth > 0 { ScopeClass.convert(classes, state.codeStart..<end, from: base, to: ScopeClass.code) }
        if state.hiddenDepth > 0 { ScopeClass.convert(classes, state.hiddenStart..<end, from: base, to: ScopeClass.none) }
    }

    /// A backslash at `i`: an escape masks the backslash, and so does a hard line break.
    @inline(__always)
    private mutating func backslash(at i: Int, end: Int) -> Int {
        if i + 1 < end && MarkupBytes.isPunctuation(text[i + 1]) {
            classes[i] = ScopeClass.none
            if text[i + 1] == 0x26 { literalAmpersands.append(i + 1) }
            return i + 2
        }
        if i + 1 < end && MarkupBytes.isLineBreak(text[i + 1]) { classes[i] = ScopeClass.none }
        return i + 1
    }

    /// A backtick run at `i`: a code span when a run of the same length closes it.
    @inline(__always)
    private func backtick(at i: Int, region: Range<Int>, runs backticks: inout BacktickRuns?) -> Int {
        let end = region.upperBound
        var runEnd = i
        while runEnd < end && text[runEnd] == 0x60 { runEnd += 1 }
        // The runs are found on the first backtick only: most regions have none.
        if backticks == nil { backticks = BacktickRuns(text, region) }
        guard let closer = backticks!.closer(length: runEnd - i, from: runEnd) else { return runEnd }
        let length = runEnd - i
        ScopeClass.mark(classes, i..<runEnd, ScopeClass.none)
        ScopeClass.mark(classes, runEnd..<closer, ScopeClass.code)
        ScopeClass.mark(classes, closer..<(closer + length), ScopeClass.none)
        return closer + length
    }

    /// A `<` at `i`: an autolink, raw HTML (which may open or close a code or hidden element),
    /// or text.
    @inline(__always)
    private mutating func angleBracket(at i: Int, state: inout RegionState) -> Int {
        let end = state.region.upperBound
        if let linkEnd = MarkdownInlineHTML.autolink(text, at: i, end: end) {
            ScopeClass.mark(classes, i..<linkEnd, ScopeClass.none)
            // `<user@example.com>` is an address to write to, not a source.
            if MarkupBytes.index(of: 0x3A, in: text, from: i + 1, end: linkEnd) < linkEnd {
                marks.addReference(.address, i..<linkEnd, destination: (i + 1)..<(linkEnd - 1), in: text)
            }
            return linkEnd
        }
        guard state.budget > 0,
            let (htmlEnd, kind) = rawHTML(
                at: i, end: end, budget: &state.budget, comment: &state.commentEnd, instruction: &state.instructionEnd,
                declaration: &state.declarationEnd, cdata: &state.cdataEnd)
        else { return i + 1 }
        if MarkdownInlineHTML.isTextLike(kind, tagEnd: htmlEnd, in: text) { return i + 1 }
        ScopeClass.mark(classes, i..<htmlEnd, ScopeClass.none)
        let base = state.base
        switch kind {
        case .openTag(let name, let selfClosing, let href):
            marks.record(HTMLTagName.identify(name, in: text), i..<htmlEnd, isEndTag: false, href: href, in: text)
            for value in visibleValues { ScopeClass.mark(classes, value, base) }
            if !selfClosing && isCodeElement(name) {
                if state.codeDepth == 0 { state.codeStart = htmlEnd }
                state.codeDepth += 1
            } else if !selfClosing && isHiddenElement(name) {
                if state.hiddenDepth == 0 { state.hiddenStart = htmlEnd }
                state.hiddenDepth += 1
            }
        case .closeTag(let name):
            marks.record(HTMLTagName.identify(name, in: text), i..<htmlEnd, isEndTag: true, href: nil, in: text)
            if state.codeDepth > 0 && isCodeElement(name) {
                state.codeDepth -= 1
                if state.codeDepth == 0 { ScopeClass.convert(classes, state.codeStart..<i, from: base, to: ScopeClass.code) }
            } else if state.hiddenDepth > 0 && isHiddenElement(name) {
                state.hiddenDepth -= 1
                if state.hiddenDepth == 0 { ScopeClass.convert(classes, state.hiddenStart..<i, from: base, to: ScopeClass.none) }
            }
        case .comment(let inner):
            ScopeClass.mark(classes, inner, ScopeClass.comment)
            comments.append(i..<htmlEnd)
        case .other:
            break
        }
        return htmlEnd
    }

    /// A `]` at `i`: it closes a link or an image when an active opener and a link tail match.
    @inline(__always)
    private mutating func closingBracket(at i: Int, brackets: inout [Bracket], state: inout RegionState) -> Int {
        guard let opener = brackets.popLast() else { return i + 1 }
        let inactive = !opener.isImage && brackets.count < state.barrier
        state.barrier = min(state.barrier, brackets.count)
        if inactive { return i + 1 }
        let textStart = opener.position + (opener.isImage ? 2 : 1)
        guard let linkEnd = linkTail(afterBracket: i, textStart: textStart, end: state.region.upperBound, budget: &state.budget)
        else { return i + 1 }
        ScopeClass.mark(classes, opener.position..<textStart, ScopeClass.none)
        ScopeClass.mark(classes, i..<linkEnd, ScopeClass.none)
        // An image shows a picture, not where a claim comes from.
        if !opener.isImage {
            marks.addReference(.link, opener.position..<linkEnd, destination: destination(ofLinkTail: (i + 1)..<linkEnd), in: text)
            state.barrier = brackets.count
        }
        return linkEnd
    }

    /// Raw HTML at `start` (`<` followed by something): tag, comment, instruction, declaration
    /// or CDATA.
    private mutating func rawHTML(
        at start: Int, end: Int, budget: inout Int, comment: inout MarkdownInlineHTML.TerminatorSearch,
        instruction: inout MarkdownInlineHTML.TerminatorSearch, declaration: inout MarkdownInlineHTML.TerminatorSearch,
        cdata: inout MarkdownInlineHTML.TerminatorSearch
    ) -> (Int, MarkdownInlineHTML.Kind)? {
        guard start + 1 < end else { return nil }
        switch text[start + 1] {
        case 0x21:  // '!'
            if MarkupBytes.hasPrefix(text, at: start, end: end, "<!--") {
                let innerStart = start + 4
                if innerStart < end && text[innerStart] == 0x3E { return (innerStart + 1, .comment(inner: innerStart..<innerStart)) }
                if MarkupBytes.hasPrefix(text, at: innerStart, end: end, "->") {
                    return (innerStart + 2, .comment(inner: innerStart..<innerStart))
                }
                guard let close = comment.find("-->", in: text, from: innerStart, end: end) else { return nil }
                return (close + 3, .comment(inner: innerStart..<close))
            }
            if MarkupBytes.hasPrefix(text, at: start, end: end, "<![CDATA[") {
                guard let close = cdata.find("]]>", in: text, from: start + 9, end: end) else { return nil }
                return (close + 3, .other)
            }
            guard start + 2 < end, MarkupBytes.isAlpha(text[start + 2]),
                let close = declaration.find(">", in: text, from: start + 2, end: end)
            else { return nil }
            return (close + 1, .other)
        case 0x3F:  // '?'
            guard let close = instruction.find("?>", in: text, from: start + 2, end: end) else { return nil }
            return (close + 2, .other)
        case 0x2F:  // '/'
            guard let (tagEnd, kind) = MarkdownInlineHTML.closeTag(text, at: start, end: end) else {
                budget -= 2
                return nil
            }
            budget -= tagEnd - start
            return (tagEnd, kind)
        default:
            var reached = start
            let match = MarkdownInlineHTML.openTag(text, at: start, end: end, visible: &visibleValues, reached: &reached)
            budget -= max(reached - start, 1)
            return match.map { ($0.end, $0.kind) }
        }
    }

    /// What follows the `]` at `bracket` that makes the brackets a link or image: an inline
    /// `(destination "title")`, a defined `[label]`, a collapsed `[]`, or nothing for a defined
    /// shortcut. Returns where the link ends, or nil when the brackets are text.
    private func linkTail(afterBracket bracket: Int, textStart: Int, end: Int, budget: inout Int) -> Int? {
        let next = bracket + 1
        if next < end && text[next] == 0x28 && budget > 0 {
            var reached = next
            let tail = inlineLinkTail(from: next + 1, end: end, reached: &reached)
            budget -= max(reached - next, 1)
            if let tail { return tail }
        }
        guard !definitions.isEmpty, budget > 0 else { return nil }
        if next < end && text[next] == 0x5B, let (labelEnd, content) = MarkdownLinkSyntax.label(text, from: next, end: end) {
            budget -= labelEnd - next
            if content.isEmpty {
                return isDefined(textStart..<bracket, budget: &budget) ? labelEnd : nil
            }
            if MarkdownLinkSyntax.hasContent(text, content) {
                budget -= content.count
                return definitions.contains(MarkdownLinkSyntax.normalizedLabel(text, content)) ? labelEnd : nil
            }
        }
        return isDefined(textStart..<bracket, budget: &budget) ? next : nil
    }

    /// The destination inside the inline link tail `(destination "title")` at `tail`, or nil
    /// for a reference (`[label]`, `[]` or nothing), whose destination is its definition's.
    private func destination(ofLinkTail tail: Range<Int>) -> Range<Int>? {
        guard !tail.isEmpty, text[tail.lowerBound] == 0x28 else { return nil }
        let start = MarkdownLinkSyntax.skipWhitespace(text, from: tail.lowerBound + 1, end: tail.upperBound)
        var reached = start
        guard let end = MarkdownLinkSyntax.destination(text, from: start, end: tail.upperBound, reached: &reached) else {
            return start..<start
        }
        // `<destination>` keeps its brackets in the syntax, not in the destination.
        if end - start >= 2 && text[start] == 0x3C && text[end - 1] == 0x3E { return (start + 1)..<(end - 1) }
        return start..<end
    }

    /// Whether the link text in `range` is a defined label (shortcut and collapsed references).
    private func isDefined(_ range: Range<Int>, budget: inout Int) -> Bool {
        guard range.count <= 4 * 999, MarkdownLinkSyntax.hasContent(text, range) else { return false }
        budget -= range.count
        return definitions.contains(MarkdownLinkSyntax.normalizedLabel(text, range))
    }

    /// `(destination "title")` from just after `(`; returns the position after `)`.
    private func inlineLinkTail(from start: Int, end: Int, reached: inout Int) -> Int? {
        var p = MarkdownLinkSyntax.skipWhitespace(text, from: start, end: end)
        if p < end && text[p] == 0x29 { return p + 1 }
        guard let destinationEnd = MarkdownLinkSyntax.destination(text, from: p, end: end, reached: &reached) else {
            return nil
        }
        p = MarkdownLinkSyntax.skipWhitespace(text, from: destinationEnd, end: end)
        if p < end && text[p] == 0x29 { return p + 1 }
        guard p > destinationEnd, let titleEnd = MarkdownLinkSyntax.title(text, from: p, end: end, reached: &reached) else {
            return nil
        }
        p = MarkdownLinkSyntax.skipWhitespace(text, from: titleEnd, end: end)
        reached = max(reached, p)
        return p < end && text[p] == 0x29 ? p + 1 : nil
    }

    private func isCodeElement(_ name: Range<Int>) -> Bool {
        MarkupBytes.equalsIgnoringCase(text, name, "code") || MarkupBytes.equalsIgnoringCase(text, name, "kbd")
            || MarkupBytes.equalsIgnoringCase(text, name, "samp") || MarkupBytes.equalsIgnoringCase(text, name, "tt")
            || MarkupBytes.equalsIgnoringCase(text, name, "pre")
    }

    private func isHiddenElement(_ name: Range<Int>) -> Bool {
        MarkupBytes.equalsIgnoringCase(text, name, "script") || MarkupBytes.equalsIgnoringCase(text, name, "style")
    }
}
