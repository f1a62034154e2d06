/// The inline markup of a reStructuredText paragraph, read into scope classes over bytes the
/// block reader already marked prose or heading.
///
/// - ` ``literal`` ` → code;
/// - `` `text <target>`_ `` and `` `text`_ `` (references) → the text stays, the target goes;
/// - `` :role:`content` `` and `` `content`:role: `` → for roles that show words (`:ref:`,
///   `:term:`, `:doc:`, `:abbr:`, `:guilabel:` …) the shown text stays and a `<target>` goes,
///   and a bare label of a cross-reference (`:ref:`label``), which the reader never sees, goes
///   too; every other role (`:func:`, `:class:`, `:samp:` …) and interpreted text without a
///   role are code;
/// - footnote references (`[1]_`, `[#]_`) and every marker → nothing.
///
/// Start and end strings follow the recognition rules loosely: a start string must begin the
/// text or follow white space, punctuation or a non-ASCII character, so `a*b` or `x`y` inside a
/// word start nothing.
struct ReStructuredTextInline {
    private let text: UnsafeBufferPointer<UInt8>
    private let classes: UnsafeMutableBufferPointer<UInt8>
    /// References with a target and footnote references, in order.
    private(set) var marks = MarkupMarks()

    /// Roles whose content is words a reader sees.
    private static let wordRoles: Set<String> = [
        "ref", "term", "doc", "abbr", "dfn", "guilabel", "menuselection", "emphasis", "strong",
        "title-reference", "title", "t", "sup", "sub", "superscript", "subscript", "numref", "any",
        "download", "pep", "rfc",
    ]
    /// Word roles whose bare content is a label, not the text shown.
    private static let labelRoles: Set<String> = ["ref", "doc", "numref", "any", "download"]

    init(text: UnsafeBufferPointer<UInt8>, classes: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.classes = classes
    }

    mutating func scan(_ range: Range<Int>) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = text[i]
            if b == 0x5C {  // an escape: the next byte is text
                i += 2
                continue
            }
            if b == 0x60 {
                i = backquote(at: i, range: range)
                continue
            }
            if b == 0x5B, let after = footnoteReference(at: i, end: end) {
                ScopeClass.mark(classes, i..<after, ScopeClass.none)
                marks.addReference(.note, i..<after, in: text)
                i = after
                continue
            }
            i += 1
        }
    }

    /// Inline literal, interpreted text, a role or a reference starting at the backquote `i`.
    private mutating func backquote(at i: Int, range: Range<Int>) -> Int {
        let end = range.upperBound
        let roleStart = self.roleStart(before: i, from: range.lowerBound)
        guard roleStart != nil || isStartContext(i, range.lowerBound) else { return i + 1 }
        if i + 1 < end && text[i + 1] == 0x60 {
            return inlineLiteral(at: i, end: end)
        }
        var close = i + 1
        while close < end && !(text[close] == 0x60 && text[close - 1] != 0x5C) { close += 1 }
        guard close < end, close > i + 1 else { return i + 1 }
        let content = (i + 1)..<close
        var after = close + 1
        var role: String?
        if let roleStart {
            role = name(roleStart + 1..<i - 1)
            ScopeClass.mark(classes, roleStart..<i, ScopeClass.none)
        }
        var isReference = false
        if after < end && text[after] == 0x5F {
            isReference = true
            after += (after + 1 < end && text[after + 1] == 0x5F) ? 2 : 1
        } else if role == nil, after < end, text[after] == 0x3A {
            // A role after the text: `content`:name:
            var p = after + 1
            while p < end && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D || text[p] == 0x5F) { p += 1 }
            if p < end && text[p] == 0x3A && p > after + 1 {
                role = name(after + 1..<p)
                after = p + 1
            }
        }
        ScopeClass.mark(classes, i..<(i + 1), ScopeClass.none)
        ScopeClass.mark(classes, close..<after, ScopeClass.none)
        if isReference || role.map({ Self.wordRoles.contains($0) }) == true {
            let target = explicitTarget(in: content)
            if let target {
                ScopeClass.mark(classes, target, ScopeClass.none)
                if isReference { marks.addReference(.link, i..<after, destination: Self.destination(in: target, of: text), in: text) }
            } else if let role, Self.labelRoles.contains(role) {
                ScopeClass.mark(classes, content, ScopeClass.none)
            }
        } else {
            ScopeClass.mark(classes, content, ScopeClass.code)
        }
        return after
    }

    /// The target inside `target` (` <target>`, as `explicitTarget` found it), without its
    /// space and angle brackets.
    private static func destination(in target: Range<Int>, of text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = target.lowerBound
        while start < target.upperBound && text[start] != 0x3C { start += 1 }
        return min(start + 1, target.upperBound - 1)..<(target.upperBound - 1)
    }

    /// Where a role `:name:` (or `:domain:name:`) that ends right before the backquote `i`
    /// starts, when one does and stands where inline markup may start.
    private func roleStart(before i: Int, from lower: Int) -> Int? {
        guard i > lower && text[i - 1] == 0x3A else { return nil }
        var p = i - 2
        while p >= lower && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D || text[p] == 0x5F || text[p] == 0x2E || text[p] == 0x3A) {
            if text[p] == 0x3A { break }
            p -= 1
        }
        guard p >= lower && text[p] == 0x3A && p < i - 2 && p > i - 40 else { return nil }
        // A domain before the name (`:py:func:`) belongs to the role.
        var q = p - 1
        while q >= lower && (MarkupBytes.isAlnum(text[q]) || text[q] == 0x2D) { q -= 1 }
        if q >= lower && q < p - 1 && text[q] == 0x3A && isStartContext(q, lower) { p = q }
        return isStartContext(p, lower) ? p : nil
    }

    /// An inline literal (two backquotes on each side) whose first backquote is at `i`; returns
    /// where scanning goes on.
    private func inlineLiteral(at i: Int, end: Int) -> Int {
        guard let close = MarkupBytes.index(of: "``", in: text, from: i + 2, end: end), close > i + 2 else { return i + 2 }
        ScopeClass.mark(classes, i..<(i + 2), ScopeClass.none)
        ScopeClass.mark(classes, (i + 2)..<close, ScopeClass.code)
        ScopeClass.mark(classes, close..<(close + 2), ScopeClass.none)
        return close + 2
    }

    /// `<target>` at the end of a reference's or role's content, with the space before it.
    private func explicitTarget(in content: Range<Int>) -> Range<Int>? {
        guard content.count >= 3, text[content.upperBound - 1] == 0x3E else { return nil }
        var p = content.upperBound - 2
        while p > content.lowerBound && text[p] != 0x3C { p -= 1 }
        guard text[p] == 0x3C else { return nil }
        var start = p
        while start > content.lowerBound && MarkupBytes.isWhitespace(text[start - 1]) { start -= 1 }
        return start..<content.upperBound
    }

    /// `[1]_`, `[#]_`, `[#label]_`, `[*]_` or `[label]_` (a citation).
    private func footnoteReference(at i: Int, end: Int) -> Int? {
        var p = i + 1
        while p < end && p - i < 40
            && (MarkupBytes.isAlnum(text[p]) || text[p] == 0x23 || text[p] == 0x2A || text[p] == 0x2D || text[p] == 0x5F)
        {
            p += 1
        }
        guard p > i + 1, p + 1 < end, text[p] == 0x5D, text[p + 1] == 0x5F else { return nil }
        return p + 2
    }

    private func isStartContext(_ i: Int, _ start: Int) -> Bool {
        guard i > start else { return true }
        let before = text[i - 1]
        return before >= 0x80 || MarkupBytes.isWhitespace(before) || MarkupBytes.isPunctuation(before) && before != 0x60
    }

    private func name(_ range: Range<Int>) -> String {
        let whole = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased()
        // A domain prefix (`py:func`) names the same role.
        if let colon = whole.lastIndex(of: ":") { return String(whole[whole.index(after: colon)...]) }
        return whole
    }
}
