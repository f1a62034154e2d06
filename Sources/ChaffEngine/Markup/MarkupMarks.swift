/// What the masker learned of the markup that the masked scopes blank and that kinds still need:
/// where links and notes point the reader elsewhere, where HTML blocks break the text, and the
/// tags of ruby annotations.
///
/// The masker is the one parser of markup; a kind that needs to know whether a sentence links
/// to a source, or which characters a `<rt>` annotates, reads it here instead of scanning the
/// source again (and getting it wrong in comments, code and attribute values). Every list is in
/// source order and holds only markup that a reader sees: nothing inside comments, code or
/// raw-text elements.
public struct MarkupMarks: Sendable, Equatable {
    /// Links, web addresses and note references, by start.
    public internal(set) var references: [MarkupReference] = []
    /// Tags that a browser shows as a break between blocks of text (block-level elements, `br`,
    /// `hr`, `title`), by start.
    public internal(set) var blockTags: [BlockTag] = []
    /// The `ruby`, `rt` and `rp` tags, by start.
    public internal(set) var rubyTags: [RubyTag] = []

    /// No marks.
    public init() {}

    /// Marks from the given lists, kept in the order given.
    init(references: [MarkupReference] = [], blockTags: [BlockTag] = [], rubyTags: [RubyTag] = []) {
        self.references = references
        self.blockTags = blockTags
        self.rubyTags = rubyTags
    }

    /// Whether nothing was recorded.
    public var isEmpty: Bool { references.isEmpty && blockTags.isEmpty && rubyTags.isEmpty }

    /// The references that start inside `range`, found by binary search.
    ///
    /// By start, not by overlap: a link's text may hold an address of its own, so references
    /// can nest, and only their starts are in order.
    public func references(startingIn range: Range<Int>) -> ArraySlice<MarkupReference> {
        let low = Self.firstIndex(in: references, atOrAfter: range.lowerBound) { $0.range.lowerBound }
        let high = Self.firstIndex(in: references, atOrAfter: range.upperBound) { $0.range.lowerBound }
        return references[low..<max(low, high)]
    }

    /// The block tags that start inside `range`, found by binary search.
    public func blockTags(startingIn range: Range<Int>) -> ArraySlice<BlockTag> {
        let low = Self.firstIndex(in: blockTags, atOrAfter: range.lowerBound) { $0.range.lowerBound }
        let high = Self.firstIndex(in: blockTags, atOrAfter: range.upperBound) { $0.range.lowerBound }
        return blockTags[low..<max(low, high)]
    }

    /// The first index of `list` (ascending by `start`) whose start is `offset` or later.
    private static func firstIndex<T>(in list: [T], atOrAfter offset: Int, start: (T) -> Int) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if start(list[mid]) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Records the HTML tag `range` named `name` if it is one that kinds need: an `<a href>`,
    /// a note element's start tag, a block tag or a ruby tag.
    mutating func record(
        _ name: HTMLTagName, _ range: Range<Int>, isEndTag: Bool, href: Range<Int>?, in text: UnsafeBufferPointer<UInt8>
    ) {
        switch name {
        case .a:
            if let href { addReference(.link, range, destination: href, in: text) }
        case .sup, .cite, .ref:
            if !isEndTag { addReference(.note, range, in: text) }
        case .ruby: addRubyTag(.ruby, closing: isEndTag, range)
        case .rt: addRubyTag(.rt, closing: isEndTag, range)
        case .rp: addRubyTag(.rp, closing: isEndTag, range)
        case .tr: addBlockTag(.row, range, isEndTag: isEndTag)
        case .td, .th: addBlockTag(.cell, range, isEndTag: isEndTag)
        case .dt: addBlockTag(.term, range, isEndTag: isEndTag)
        case .br, .hr, .title: addBlockTag(.other, range, isEndTag: isEndTag)
        case let name where name.isBlock: addBlockTag(.other, range, isEndTag: isEndTag)
        default: break
        }
    }

    mutating func addReference(
        _ kind: MarkupReference.Kind, _ range: Range<Int>, destination: Range<Int>? = nil, in text: UnsafeBufferPointer<UInt8>
    ) {
        let web = destination.map { MarkupReference.isWebAddress($0, in: text) } ?? false
        references.append(MarkupReference(kind: kind, range: range, destination: destination, isWebAddress: web))
    }

    /// Makes room for `count` block tags.
    mutating func reserveBlockTags(_ count: Int) { blockTags.reserveCapacity(count) }

    mutating func addBlockTag(_ element: BlockElement, _ range: Range<Int>, isEndTag: Bool) {
        blockTags.append(BlockTag(name: element, isEndTag: isEndTag, range: range))
    }

    mutating func addRubyTag(_ name: RubyElement, closing: Bool, _ range: Range<Int>) {
        rubyTags.append(RubyTag(name: name, isEndTag: closing, range: range))
    }

    /// The same marks with each list in source order (a pass may record a link after the
    /// addresses inside its text).
    func sorted() -> MarkupMarks {
        MarkupMarks(
            references: Self.inSourceOrder(references) { $0.range.lowerBound },
            blockTags: Self.inSourceOrder(blockTags) { $0.range.lowerBound },
            rubyTags: Self.inSourceOrder(rubyTags) { $0.range.lowerBound })
    }

    /// `list` sorted by `start`, stably; returned as it is when already in order, as a
    /// single forward pass records it: sorting a page's tens of thousands of block tags that
    /// were in order cost more than recording them.
    private static func inSourceOrder<T>(_ list: [T], start: (T) -> Int) -> [T] {
        var previous = Int.min
        for element in list {
            let offset = start(element)
            if offset < previous { return list.sorted { start($0) < start($1) } }
            previous = offset
        }
        return list
    }

    /// These marks and `other`'s (found by another pass over other parts of the same source),
    /// each list in source order.
    func merged(with other: MarkupMarks) -> MarkupMarks {
        if other.isEmpty { return sorted() }
        if isEmpty { return other.sorted() }
        return MarkupMarks(
            references: Self.joined(references, other.references), blockTags: Self.joined(blockTags, other.blockTags),
            rubyTags: Self.joined(rubyTags, other.rubyTags)
        ).sorted()
    }

    /// `first` followed by `second`; either one as it is when the other is empty (the bare
    /// URLs merged into a page's marks are references only, and copying its tens of thousands
    /// of block tags for nothing cost more than finding them).
    private static func joined<T>(_ first: [T], _ second: [T]) -> [T] {
        second.isEmpty ? first : first.isEmpty ? second : first + second
    }

    /// Appends `later`'s marks, which all start after these (the next chunk's).
    mutating func append(_ later: MarkupMarks) {
        references += later.references
        blockTags += later.blockTags
        rubyTags += later.rubyTags
    }

    /// These marks without those that start inside one of `code` (sorted, disjoint): markup in
    /// a code span or beside code (`<code><a href="…">[1]</a></code>`, the `<p>` around it) is
    /// shown as code or belongs to it.
    func outside(_ code: [Range<Int>]) -> MarkupMarks {
        guard !code.isEmpty, !isEmpty else { return self }
        return MarkupMarks(
            references: Self.filter(references, outside: code) { $0.range }, blockTags: Self.filter(blockTags, outside: code) { $0.range },
            rubyTags: Self.filter(rubyTags, outside: code) { $0.range })
    }

    /// The elements of `list` (sorted by start) that start inside none of `code`: `list` itself,
    /// not a copy, when that is all of them; otherwise those before the first one dropped,
    /// then the rest one by one (`Array.filter` over the rest, and joining the two, cost four
    /// times as much on a page's tens of thousands of tags).
    private static func filter<T>(_ list: [T], outside code: [Range<Int>], range: (T) -> Range<Int>) -> [T] {
        var k = 0
        func isOutside(_ element: T) -> Bool {
            let start = range(element).lowerBound
            while k < code.count && code[k].upperBound <= start { k += 1 }
            return !(k < code.count && code[k].contains(start))
        }
        var first = 0
        while first < list.count && isOutside(list[first]) { first += 1 }
        guard first < list.count else { return list }
        var kept = [T]()
        kept.reserveCapacity(list.count - 1)
        kept.append(contentsOf: list[..<first])
        for index in (first + 1)..<list.count where isOutside(list[index]) { kept.append(list[index]) }
        return kept
    }

    /// These marks with every offset moved by `offset` (a chunk's marks in document offsets).
    func shifted(by offset: Int) -> MarkupMarks {
        guard offset != 0 else { return self }
        func move(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + offset)..<(range.upperBound + offset) }
        return MarkupMarks(
            references: references.map {
                MarkupReference(kind: $0.kind, range: move($0.range), destination: $0.destination.map(move), isWebAddress: $0.isWebAddress)
            },
            blockTags: blockTags.map { BlockTag(name: $0.name, isEndTag: $0.isEndTag, range: move($0.range)) },
            rubyTags: rubyTags.map { RubyTag(name: $0.name, isEndTag: $0.isEndTag, range: move($0.range)) })
    }
}

/// A piece of markup that points the reader at something outside the sentence it stands in.
public struct MarkupReference: Sendable, Equatable {
    /// What the markup is.
    public enum Kind: UInt8, Sendable {
        /// A link: Markdown `[text](destination)` or a defined `[text][label]`, HTML
        /// `<a href=…>`, a reStructuredText reference with a target (`` `text <target>`_ ``).
        case link
        /// A web address shown as such: a Markdown autolink `<https://…>` or a bare URL in prose.
        case address
        /// A note or citation reference: HTML `<sup>`, `<cite>`, `<ref>`; reStructuredText
        /// `[1]_`, `[#]_`, `[label]_`.
        case note
    }

    /// What the markup is.
    public let kind: Kind
    /// The whole markup, syntax included (`[text](url)`, the `<a …>` start tag, `[1]_`).
    public let range: Range<Int>
    /// Where it points, when the markup says (a link's destination or `href` value, the
    /// address itself); nil for notes and reference links whose target is defined elsewhere.
    public let destination: Range<Int>?
    /// Whether the destination is a web address (`http://`, `https://`, `ftp://`, `www.`, in
    /// any case), not a path or an anchor on the same page.
    public let isWebAddress: Bool

    /// Whether `text[destination]` starts with a web address's scheme or `www.`.
    static func isWebAddress(_ destination: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = destination.lowerBound
        let end = destination.upperBound
        return MarkupBytes.hasPrefixIgnoringCase(text, at: start, end: end, "http://")
            || MarkupBytes.hasPrefixIgnoringCase(text, at: start, end: end, "https://")
            || MarkupBytes.hasPrefixIgnoringCase(text, at: start, end: end, "ftp://")
            || MarkupBytes.hasPrefixIgnoringCase(text, at: start, end: end, "www.")
    }
}

/// A tag the masker recorded: which element it belongs to, whether it ends it, and where it is.
public struct MarkupTag<Name: Sendable & Equatable>: Sendable, Equatable {
    /// The element the tag belongs to.
    public let name: Name
    /// Whether it is an end tag (`</td>`).
    public let isEndTag: Bool
    /// The tag, from `<` to `>`.
    public let range: Range<Int>
}

/// A tag that a browser shows as a break between blocks of text.
public typealias BlockTag = MarkupTag<BlockElement>

/// The block elements whose tags kinds tell apart; `other` is every other block.
public enum BlockElement: UInt8, Sendable {
    /// `tr`.
    case row
    /// `td` or `th`.
    case cell
    /// `dt`, the term of a definition list.
    case term
    /// Any other block element, `br`, `hr` or `title`.
    case other
}

/// One tag of an HTML ruby annotation.
public typealias RubyTag = MarkupTag<RubyElement>

/// The elements of a ruby annotation.
public enum RubyElement: UInt8, Sendable {
    /// `<ruby>`: the annotated run.
    case ruby
    /// `<rt>`: the annotation text.
    case rt
    /// `<rp>`: fallback parentheses, which readers with ruby support never see.
    case rp
}
