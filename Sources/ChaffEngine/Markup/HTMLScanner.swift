/// Classifies the bytes of HTML into scopes in one forward pass, following the HTML tokenizer
/// closely enough that text a browser shows is prose and everything else is not.
///
/// - Text nodes are prose; inside `<h1>`–`<h6>` also heading; inside `<pre>`, `<code>`, `<kbd>`,
///   `<samp>`, `<tt>`, `<listing>` code instead. Following the tree builder closely enough:
///   `<pre>`, `<kbd>`, `<samp>`, `<listing>` and headings sit on a small stack, where an end tag
///   closes the innermost open element of its name and everything opened inside it (any `</hN>`
///   closes any heading; a heading start tag right inside a heading closes it). `<code>` and
///   `<tt>` are formatting elements, which browsers reopen after other end tags, so only their own
///   end tags close them. Stray end tags are ignored; `<code/>` is an empty element, as in XHTML.
///   Other elements never change the scope, so their nesting is not tracked.
/// - The values of attributes a reader sees take the class of the surrounding text: `alt`,
///   `title`, `aria-label` and `placeholder` on any element; `content` of a `<meta>` whose `name`
///   or `property` is `description`, `keywords`, `og:title`, `og:description`, `og:site_name`,
///   `og:image:alt`, `twitter:title`, `twitter:description` or `twitter:image:alt`; `value` of
///   an `<input>` whose `type` is `submit`, `button` or `reset` (its label); `label` of `<option>`,
///   `<optgroup>` and `<track>`. Every other part of a tag is masked (`<meta http-equiv
///   content>`, `<input value>` of a text field).
/// - Comment text goes to the comment scope (`<!--`, `-->` are masked) and the whole comment's
///   range is recorded for suppression directives. `<!-->` and `<!--->` are empty comments, and
///   `--!>` also ends a comment, as in browsers.
/// - `<script>`, `<style>`, `<iframe>`, `<noembed>`, `<noframes>` content is masked up to the
///   matching end tag; `<xmp>` content is code. `<title>` content is heading (and so prose) in
///   which `<` does not start a tag, except inside `<svg>` or `<math>`, where `<title>` is an
///   element like any other (a tooltip: its text is prose).
/// - `<textarea>` content is masked up to `</textarea>`: it is the initial value of a field the
///   user edits, like `<input value>` (often a snippet to copy), not the author's prose; its
///   `placeholder` is.
/// - `<noscript>` content is parsed as markup like any other: readers without scripting, and
///   reader modes and crawlers, see it.
/// - `<template>` content is parsed as markup but never rendered until a script clones it, and
///   its text is a template, whose placeholders are its syntax: all of it is masked, except
///   comments (comment scope). A template's content is a document of its own: an end tag
///   inside it closes nothing outside, and `<code>` open outside does not reach into it.
/// - Hidden content (`hidden`, `display: none`) is not tracked: that needs CSS.
/// - Doctype, CDATA, processing instructions and other `<!…>`/`<?…>` are masked up to `>` (CDATA
///   to `]]>`).
/// - A `<` not followed by a letter, `/`, `!` or `?` is text, so `<关键词>` is prose.
/// - Anything unclosed at the end of the range (tag, quoted value, comment, raw text) runs to the
///   end of the range, as a browser would swallow it.
///
/// Character references are left alone here; they are decoded later in the prose scope.
struct HTMLScanner {
    let text: UnsafeBufferPointer<UInt8>
    let classes: UnsafeMutableBufferPointer<UInt8>
    /// Whole comment ranges found so far.
    var comments: [Range<Int>] = []
    /// Links, notes, block tags and ruby tags found so far.
    var marks = MarkupMarks()
    /// The classes given to some byte so far, bit `c` for class `c`, so that the assembler
    /// need not read every class again to learn which scopes are empty. `none` is always set.
    private(set) var present: UInt32 = 1 << UInt32(ScopeClass.none)
    /// Open block-like scope-changing elements, innermost last.
    private var open: [TrackedElement] = []
    /// How many of each `TrackedElement` are open (on `open`, or for the formatting elements
    /// `code` and `tt`, counted only), so that a stray end tag costs nothing.
    private var openCounts = OpenCounts()
    /// Ranges of the visible attribute values in the tag being parsed.
    private var visibleValues: [Range<Int>] = []
    /// The `code` and `tt` counts outside each open `<template>`, restored when it closes.
    private var formattingOutsideTemplates: [(code: Int, tt: Int)] = []
    /// How many `<svg>` and `<math>` elements are open: inside them `<title>` is an element
    /// like any other (foreign content), not raw text.
    private var foreignDepth = 0
    /// Open elements that are code by their `class` (`<p class="codeintable">`,
    /// `<span class="literal">`), each with how many elements of its own name are open inside
    /// it, so that the right end tag closes it.
    private var classedCode: [(name: Range<Int>, tag: HTMLTagName, nested: Int)] = []
    private let tagNames = HTMLTagName.lookup
    /// Whether every class starts out `none` and one range is scanned (the whole file): markup
    /// then needs no writing, and the code runs are followed as the classes are given.
    private let freshClasses: Bool
    private var codeRuns = CodeRunTracker()

    /// A scanner writing the classes of `text` into `classes`. With `freshClasses`, every
    /// class is `none` to begin with and `scan` is called once.
    init(text: UnsafeBufferPointer<UInt8>, classes: UnsafeMutableBufferPointer<UInt8>, freshClasses: Bool = false) {
        self.text = text
        self.classes = classes
        self.freshClasses = freshClasses
        // A page of a whole document (the fresh case) holds a block tag in every fifty bytes
        // or so (DocBook, wikis): grown from nothing, the list was copied a dozen times.
        if freshClasses { marks.reserveBlockTags(text.count / 64) }
    }

    /// The code runs of the classes given by `scan` (`MaskAssembler.codeRuns(in:)`), for a
    /// scanner with fresh classes: followed as the classes were given, they need no pass over
    /// them.
    func codeRuns(end: Int) -> [Range<Int>] {
        precondition(freshClasses, "code runs are followed only over fresh classes")
        return codeRuns.finish(at: end)
    }

    /// The elements whose content changes scope. Headings share one case because any heading
    /// end tag closes any heading.
    private enum TrackedElement: Int, CaseIterable {
        case pre, code, kbd, samp, tt, listing, heading, template

        var isFormatting: Bool { self == .code || self == .tt }
    }

    /// How many of each `TrackedElement` are open, by raw value, with the sum of those whose
    /// text is code (all but headings and templates) kept as they change: the class of each run
    /// of text between two tags asks for it.
    private struct OpenCounts {
        private var counts = [Int](repeating: 0, count: TrackedElement.allCases.count)
        private(set) var code = 0

        subscript(_ element: Int) -> Int {
            get { counts[element] }
            set {
                if element < TrackedElement.heading.rawValue { code += newValue - counts[element] }
                counts[element] = newValue
            }
        }
    }

    private var codeCount: Int {
        openCounts.code + classedCode.count
    }

    private var textClass: UInt8 {
        if openCounts[TrackedElement.template.rawValue] > 0 { return ScopeClass.none }
        return codeCount > 0 ? ScopeClass.code : (openCounts[TrackedElement.heading.rawValue] > 0 ? ScopeClass.heading : ScopeClass.prose)
    }

    /// Sets the class of `range` to `value` (anything but `none`), noting it in `present`.
    @inline(__always) private mutating func mark(_ range: Range<Int>, _ value: UInt8) {
        guard !range.isEmpty else { return }
        present |= 1 << UInt32(value)
        ScopeClass.mark(classes, range, value)
        if freshClasses { codeRuns.note(range, value) }
    }

    /// Classifies `range`, starting outside any element.
    mutating func scan(_ range: Range<Int>) {
        open.removeAll(keepingCapacity: true)
        openCounts = OpenCounts()
        formattingOutsideTemplates.removeAll(keepingCapacity: true)
        foreignDepth = 0
        classedCode.removeAll(keepingCapacity: true)
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            let open = MarkupBytes.index(of: 0x3C, in: text, from: i, end: end)
            // Most tags follow a tag: no text, and no class to work out.
            if open > i { mark(i..<open, textClass) }
            if open >= end { break }
            i = markup(at: open, end: end)
        }
    }

    /// Classifies the markup starting with `<` at `start`; returns where text resumes.
    private mutating func markup(at start: Int, end: Int) -> Int {
        let next = start + 1 < end ? text[start + 1] : 0
        switch next {
        case 0x21:  // '!'
            if MarkupBytes.hasPrefix(text, at: start, end: end, "<!--") { return comment(at: start, end: end) }
            if MarkupBytes.hasPrefix(text, at: start, end: end, "<![CDATA[") {
                let close = MarkupBytes.index(of: "]]>", in: text, from: start + 9, end: end)
                let stop = close.map { $0 + 3 } ?? end
                maskTag(start..<stop)
                return stop
            }
            return bogusComment(at: start, end: end)
        case 0x3F:  // '?'
            return bogusComment(at: start, end: end)
        case 0x2F:  // '/'
            let afterSlash = start + 2 < end ? text[start + 2] : 0
            if MarkupBytes.isAlpha(afterSlash) { return tag(at: start, end: end, isEndTag: true) }
            if afterSlash == 0x3E {
                maskTag(start..<start + 3)
                return start + 3
            }
            if start + 2 >= end {
                mark(start..<end, textClass)
                return end
            }
            return bogusComment(at: start, end: end)
        default:
            if MarkupBytes.isAlpha(next) { return tag(at: start, end: end, isEndTag: false) }
            mark(start..<start + 1, textClass)
            return start + 1
        }
    }

    private mutating func comment(at start: Int, end: Int) -> Int {
        let innerStart = start + 4
        var innerEnd = end
        var stop = end
        if innerStart < end && text[innerStart] == 0x3E {  // <!-->
            innerEnd = innerStart
            stop = innerStart + 1
        } else if MarkupBytes.hasPrefix(text, at: innerStart, end: end, "->") {  // <!--->
            innerEnd = innerStart
            stop = innerStart + 2
        } else {
            var k = innerStart
            while true {
                k = MarkupBytes.index(of: 0x3E, in: text, from: k, end: end)
                if k >= end { break }
                if k - 2 >= innerStart && text[k - 1] == 0x2D && text[k - 2] == 0x2D {
                    innerEnd = k - 2
                    stop = k + 1
                    break
                }
                if k - 3 >= innerStart && text[k - 1] == 0x21 && text[k - 2] == 0x2D && text[k - 3] == 0x2D {
                    innerEnd = k - 3
                    stop = k + 1
                    break
                }
                k += 1
            }
        }
        maskTag(start..<stop)
        mark(innerStart..<innerEnd, ScopeClass.comment)
        comments.append(start..<stop)
        return stop
    }

    private mutating func bogusComment(at start: Int, end: Int) -> Int {
        let close = MarkupBytes.index(of: 0x3E, in: text, from: start + 1, end: end)
        let stop = min(close + 1, end)
        maskTag(start..<stop)
        return stop
    }

    /// A start or end tag; its attributes are parsed so that `>` inside quotes does not end it.
    private mutating func tag(at start: Int, end: Int, isEndTag: Bool) -> Int {
        let nameStart = start + (isEndTag ? 2 : 1)
        let (nameEnd, tagName) = HTMLTagName.scan(from: nameStart, end: end, in: text, table: tagNames)
        let name = nameStart..<nameEnd
        // Most tags have no attributes (`</code>`, `<p>`, `<tr>`): nothing more to read.
        if nameEnd < end && text[nameEnd] == 0x3E {
            let stop = nameEnd + 1
            maskTag(start..<stop)
            return close(name, tagName, start..<stop, isEndTag: isEndTag, selfClosing: false, codeClass: false, href: nil, end: end)
        }
        var p = nameEnd
        // Most tags show no attribute: emptying an empty array was a call per tag.
        if !visibleValues.isEmpty { visibleValues.removeAll(keepingCapacity: true) }
        var tag = TagAttributes(tagName, isEndTag: isEndTag)
        var stop = end
        // The attributes are read here, not in a function of their own: the optimizer then
        // keeps the offsets and the attributes' state in registers, as this hot loop needs.
        attributes: while true {
            while p < end && MarkupBytes.isHTMLWhitespace(text[p]) { p += 1 }
            guard p < end else { break }
            switch text[p] {
            case 0x3E:
                tag.closed = true
                stop = p + 1
                break attributes
            case 0x2F:
                if p + 1 < end && text[p + 1] == 0x3E {
                    tag.selfClosing = true
                    tag.closed = true
                    stop = p + 2
                    break attributes
                }
                p += 1
                continue attributes
            default:
                break
            }
            let attributeName = HTMLAttributeName.scan(from: p, end: end, in: text)
            let attribute = p..<attributeName.end
            p = attributeName.end
            while p < end && MarkupBytes.isHTMLWhitespace(text[p]) { p += 1 }
            guard p < end, text[p] == 0x3D else { continue attributes }
            p += 1
            guard let value = Self.attributeValue(&p, end: end, in: text) else { break attributes }
            if !isEndTag { note(attribute, attributeName.word, value, in: &tag) }
        }
        showValues(of: tag, start: start, stop: stop)
        guard tag.closed else { return stop }
        return close(
            name, tagName, start..<stop, isEndTag: isEndTag, selfClosing: tag.selfClosing, codeClass: tag.codeClass,
            href: tag.href, end: end)
    }

    /// Acts on the complete tag `range` named `text[name]`: records it and opens or closes
    /// what it opens or closes; returns where text resumes.
    @inline(__always)
    private mutating func close(
        _ name: Range<Int>, _ tagName: HTMLTagName, _ range: Range<Int>, isEndTag: Bool, selfClosing: Bool, codeClass: Bool,
        href: Range<Int>?, end: Int
    ) -> Int {
        marks.record(tagName, range, isEndTag: isEndTag, href: href, in: text)
        if isEndTag {
            endTagClosesCode(name, tagName)
            endTag(tagName)
            return range.upperBound
        }
        if !selfClosing && !tagName.isVoid {
            startTagOpensCode(name, tagName, codeClass: codeClass)
        }
        return startTag(name, tagName, selfClosing: selfClosing, contentStart: range.upperBound, end: end)
    }

    /// Masks the bytes of a tag or other markup. A scanner given classes that start out
    /// `none` leaves them: it classifies each byte once, in order, so they still are.
    @inline(__always) private func maskTag(_ range: Range<Int>) {
        if !freshClasses { ScopeClass.mark(classes, range, ScopeClass.none) }
    }

    /// What a tag's attributes say, gathered while they are read.
    private struct TagAttributes {
        // `<meta>` and `<input>` show an attribute's value only for some values of another
        // attribute, which may come first or last; the first of each counts, as in browsers.
        let isMeta: Bool
        let isInput: Bool
        // `label` is shown instead of the content of `<option>` and `<optgroup>`, and in the
        // menu of a media element's `<track>`s.
        let showsLabel: Bool
        var metaName: Range<Int>?
        var metaContent: Range<Int>?
        var inputType: Range<Int>?
        var inputValue: Range<Int>?
        var selfClosing = false
        var codeClass = false
        var closed = false
        /// An `<a>` start tag's `href` value goes to `MarkupMarks`.
        let isLink: Bool
        var href: Range<Int>?

        @inline(__always)
        init(_ tagName: HTMLTagName, isEndTag: Bool) {
            isLink = !isEndTag && tagName == .a
            isMeta = !isEndTag && tagName == .meta
            isInput = !isEndTag && tagName == .input
            showsLabel = !isEndTag && (tagName == .option || tagName == .optgroup || tagName == .track)
        }
    }

    /// The value of an attribute after its `=` (white space first is skipped from `p`), quoted
    /// or not, with `p` moved past it; nil when the text ends first or in a quoted value.
    ///
    /// Static, as the other helpers of the tag loop: a method of the scanner that does not
    /// mutate it was handed a copy of the whole scanner on every call.
    @inline(__always)
    private static func attributeValue(_ p: inout Int, end: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        while p < end && MarkupBytes.isHTMLWhitespace(text[p]) { p += 1 }
        guard p < end else { return nil }
        let quote = text[p]
        if quote == 0x22 || quote == 0x27 {
            let valueStart = p + 1
            let close = MarkupBytes.index(of: quote, in: text, from: valueStart, end: end)
            p = min(close + 1, end)
            return close < end ? valueStart..<close : nil
        }
        let valueStart = p
        while p < end && !MarkupBytes.isHTMLWhitespace(text[p]) && text[p] != 0x3E { p += 1 }
        return valueStart..<p
    }

    /// Marks the tag `start..<stop` masked and the values it shows as text.
    @inline(__always)
    private mutating func showValues(of tag: TagAttributes, start: Int, stop: Int) {
        if let metaName = tag.metaName, let metaContent = tag.metaContent, Self.isVisibleMetaName(metaName, in: text) {
            visibleValues.append(metaContent)
        }
        if let inputType = tag.inputType, let inputValue = tag.inputValue, Self.isButtonType(inputType, in: text) {
            visibleValues.append(inputValue)
        }
        maskTag(start..<stop)
        if !visibleValues.isEmpty { markVisibleValues() }
    }

    /// Gives the shown attribute values the class of the text around them. Few tags have
    /// any, so this stays out of the tag loop, which the optimizer then keeps whole.
    /// They are marked in order, as every class is (`<meta>`'s `content` may come before its
    /// `name`), so that the code runs can be followed as the classes are given.
    @inline(never)
    private mutating func markVisibleValues() {
        let valueClass = textClass
        if visibleValues.count > 1 { visibleValues.sort { $0.lowerBound < $1.lowerBound } }
        for value in visibleValues { mark(value, valueClass) }
    }

    /// Keeps what the start tag's attribute `attribute` (packed as `word`, see
    /// `HTMLAttributeName`) with the value `value` says: a code class, a shown value, or half
    /// of a `<meta>` or `<input>` pair.
    @inline(__always)
    private mutating func note(_ attribute: Range<Int>, _ word: UInt64, _ value: Range<Int>, in tag: inout TagAttributes) {
        typealias Name = HTMLAttributeName
        if tag.isLink && tag.href == nil && word == Name.href { tag.href = value }
        if word == Name.class {
            tag.codeClass = tag.codeClass || Self.hasCodeClass(value, in: text)
        } else if Self.isVisibleAttribute(attribute, word, in: text) || (tag.showsLabel && word == Name.label) {
            visibleValues.append(value)
        } else if tag.isMeta {
            if tag.metaName == nil && (word == Name.name || word == Name.property) {
                tag.metaName = value
            } else if tag.metaContent == nil && word == Name.content {
                tag.metaContent = value
            }
        } else if tag.isInput {
            if tag.inputType == nil && word == Name.type {
                tag.inputType = value
            } else if tag.inputValue == nil && word == Name.value {
                tag.inputValue = value
            }
        }
    }

    /// Ends the code element `</name>` closes, or the elements with optional end tags it ends.
    @inline(__always)
    private mutating func endTagClosesCode(_ name: Range<Int>, _ tagName: HTMLTagName) {
        if let last = classedCode.last, MarkupBytes.equalsIgnoringCase(text, name, last.name) {
            if last.nested > 0 { classedCode[classedCode.count - 1].nested -= 1 } else { classedCode.removeLast() }
        } else {
            // `</td>`, `</ul>`, `</table>` … also end a `<p>`, `<li>` or `<td>` left open inside.
            while let last = classedCode.last, last.tag.hasOptionalEndTag, tagName.isBlock {
                classedCode.removeLast()
            }
        }
    }

    /// Opens a code element for the start tag `<name>` when its class marks code (or it nests
    /// in a code element of its own name), after ending the open ones it ends.
    @inline(__always)
    private mutating func startTagOpensCode(_ name: Range<Int>, _ tagName: HTMLTagName, codeClass: Bool) {
        // A `<p>`, `<li>` or `<td>` whose end tag is left out ends where the next one (or,
        // for `<p>`, a block) starts, as in browsers; otherwise an open one would make the
        // rest of the page code.
        while let last = classedCode.last, last.nested == 0, last.tag.hasOptionalEndTag,
            MarkupBytes.equalsIgnoringCase(text, name, last.name) || (last.tag == .p && tagName.isBlock)
        {
            classedCode.removeLast()
        }
        if let last = classedCode.last, MarkupBytes.equalsIgnoringCase(text, name, last.name) {
            classedCode[classedCode.count - 1].nested += 1
        } else if codeClass {
            classedCode.append((name, tagName, 0))
        }
    }

    /// Whether the `class` attribute value `text[value]` has a token that marks code.
    static func hasCodeClass(_ value: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = value.lowerBound
        while p < value.upperBound {
            while p < value.upperBound && MarkupBytes.isHTMLWhitespace(text[p]) { p += 1 }
            let tokenStart = p
            while p < value.upperBound && !MarkupBytes.isHTMLWhitespace(text[p]) { p += 1 }
            if isCodeClassName(tokenStart..<p, in: text) { return true }
        }
        return false
    }

    /// Whether `text[token]` is, ignoring case, a class name that documentation generators
    /// give to code shown in running text or in tables (DocBook, LibreOffice help, Sphinx,
    /// Pygments). Sorted by length, so that a token is compared with the names of its own
    /// length only: a search through all the names cost some 250 instructions a `class`.
    @inline(__always)
    private static func isCodeClassName(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        func named(_ name: StaticString) -> Bool { MarkupBytes.equalsIgnoringCase(text, token, name) }
        switch token.count {
        case 4: return named("code")
        case 5: return named("envar")
        case 7: return named("literal") || named("bascode") || named("command") || named("varname")
        case 8: return named("filename") || named("synopsis")
        case 9: return named("userinput") || named("parameter")
        case 10: return named("systemitem") || named("sourcecode")
        case 11: return named("codeintable") || named("cmdsynopsis") || named("replaceable")
        case 14: return named("computeroutput") || named("programlisting")
        default: return false
        }
    }

    private mutating func endTag(_ name: HTMLTagName) {
        if name == .svg || name == .math {
            if foreignDepth > 0 { foreignDepth -= 1 }
            return
        }
        guard let element = Self.trackedElement(name), openCounts[element.rawValue] > 0 else { return }
        if element.isFormatting {
            openCounts[element.rawValue] -= 1
            return
        }
        // A template's content is a document of its own: an end tag inside it closes nothing
        // outside it.
        if element != .template, let inner = open.lastIndex(of: element), open[inner...].contains(.template) { return }
        while let last = open.popLast() {
            openCounts[last.rawValue] -= 1
            if last == element { break }
        }
        if element == .template, let saved = formattingOutsideTemplates.popLast() {
            openCounts[TrackedElement.code.rawValue] = saved.code
            openCounts[TrackedElement.tt.rawValue] = saved.tt
        }
    }

    private mutating func startTag(_ name: Range<Int>, _ tagName: HTMLTagName, selfClosing: Bool, contentStart: Int, end: Int) -> Int {
        if let element = Self.trackedElement(tagName) {
            if element == .heading && open.last == .heading {
                open.removeLast()
                openCounts[TrackedElement.heading.rawValue] -= 1
            }
            if !selfClosing {
                if element == .template {
                    // Formatting elements open outside do not reach into the template's content.
                    formattingOutsideTemplates.append((openCounts[TrackedElement.code.rawValue], openCounts[TrackedElement.tt.rawValue]))
                    openCounts[TrackedElement.code.rawValue] = 0
                    openCounts[TrackedElement.tt.rawValue] = 0
                }
                if !element.isFormatting { open.append(element) }
                openCounts[element.rawValue] += 1
            }
            return contentStart
        }
        let rawText: UInt8?
        switch tagName {
        case .svg, .math:
            if !selfClosing { foreignDepth += 1 }
            return contentStart
        case .script, .style, .iframe, .noembed, .noframes, .textarea:
            rawText = ScopeClass.none
        case .xmp:
            rawText = ScopeClass.code
        case .title where foreignDepth == 0:
            // The document's title heads the page (tab, bookmarks, search results).
            rawText = textClass == ScopeClass.prose ? ScopeClass.heading : textClass
        case .plaintext:
            mark(contentStart..<end, textClass)
            return end
        default:
            rawText = nil
        }
        guard let contentClass = rawText, !selfClosing || contentClass == ScopeClass.none else { return contentStart }
        let close = endTagStart(of: name, from: contentStart, end: end)
        mark(contentStart..<close, contentClass)
        return close
    }

    /// Where `</name` (any case, followed by whitespace, `/` or `>`) next starts, or `end`.
    private func endTagStart(of name: Range<Int>, from: Int, end: Int) -> Int {
        var k = from
        while true {
            k = MarkupBytes.index(of: 0x3C, in: text, from: k, end: end)
            if k >= end { return end }
            let nameEnd = k + 2 + name.count
            if k + 1 < end, text[k + 1] == 0x2F, nameEnd <= end {
                var same = true
                for offset in 0..<name.count
                where MarkupBytes.lowercased(text[k + 2 + offset]) != MarkupBytes.lowercased(text[name.lowerBound + offset]) {
                    same = false
                    break
                }
                if same && (nameEnd == end || MarkupBytes.isHTMLWhitespace(text[nameEnd]) || text[nameEnd] == 0x2F || text[nameEnd] == 0x3E)
                {
                    return k
                }
            }
            k += 1
        }
    }

    private static func trackedElement(_ name: HTMLTagName) -> TrackedElement? {
        switch name {
        case .pre: .pre
        case .code: .code
        case .kbd: .kbd
        case .samp: .samp
        case .tt: .tt
        case .listing: .listing
        case .heading: .heading
        case .template: .template
        default: nil
        }
    }

    /// Attributes whose value a reader sees (or hears) on any element: `alt` (shown instead of
    /// an image), `title` (a tooltip), `aria-label` (read out instead of the content) and
    /// `placeholder` (the hint in an empty field): whether the attribute named
    /// `text[attribute]` is one of them.
    static func isVisibleAttribute(_ attribute: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        isVisibleAttribute(attribute, HTMLAttributeName.pack(attribute, in: text), in: text)
    }

    /// `isVisibleAttribute` for a name already packed as `word` (`HTMLAttributeName`).
    @inline(__always)
    static func isVisibleAttribute(_ attribute: Range<Int>, _ word: UInt64, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch attribute.count {
        case 3: return word == HTMLAttributeName.alt
        case 5: return word == HTMLAttributeName.title
        case 10: return MarkupBytes.equalsIgnoringCase(text, attribute, "aria-label")
        case 11: return MarkupBytes.equalsIgnoringCase(text, attribute, "placeholder")
        default: return false
        }
    }

    /// `<meta name>`/`property` values whose `content` readers see: in search results
    /// (`description`; `keywords` is where generators leave their slots too) and in the cards
    /// of shared links (Open Graph and Twitter titles, descriptions and image descriptions).
    private static func isVisibleMetaName(_ value: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        for name: StaticString in [
            "description", "keywords", "og:title", "og:description", "og:site_name", "og:image:alt",
            "twitter:title", "twitter:description", "twitter:image:alt",
        ] where MarkupBytes.equalsIgnoringCase(text, value, name) {
            return true
        }
        return false
    }

    /// `<input type>` values that make the input a button showing its `value` as its label.
    private static func isButtonType(_ value: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        MarkupBytes.equalsIgnoringCase(text, value, "submit") || MarkupBytes.equalsIgnoringCase(text, value, "button")
            || MarkupBytes.equalsIgnoringCase(text, value, "reset")
    }
}
