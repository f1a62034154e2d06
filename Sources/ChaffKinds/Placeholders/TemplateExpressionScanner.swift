import ChaffText

/// Template expressions left unrendered, each on one line. Grammar, by anchor:
///
/// - `{`: `{{ name }}` (Jinja, Django, Liquid `{{ product.title }}`, Handlebars and Mustache
///   `{{name}}` `{{#if x}}`, Go `{{.Name}}`): `{{`, up to 80 bytes without braces, `}}`;
///   `{{{name}}}` (Mustache unescaped): the same between `{{{` and `}}}`; `{% tag %}` and
///   `{# comment #}`: up to 80 bytes to the first `%}` / `#}`.
/// - `{` followed by an argument name and a comma: ICU MessageFormat, `{count, plural, one {# item}
///   other {# items}}` and `{g, select, male {he} other {they}}` — name `[A-Za-z_][A-Za-z0-9_]*`,
///   the type `plural`, `select` or `selectordinal`, then one or more cases, each a selector
///   (`=0`, `one`, `other`, any ASCII word) and a message between braces that may nest braces;
///   or a simple argument `{n, number}`, `{d, date, short}` with type `number`, `date`, `time`,
///   `spellout`, `ordinal` or `duration` and an optional ASCII style. At most 400 bytes. A list
///   such as `{a, b}` or `{1, 2, 3}` has no such type and is left alone.
/// - `$`: `${name}`: `${`, 1–80 bytes without braces, `}`.
/// - `<`: ERB and EJS `<%= name %>`, `<%- html %>`, `<%# note %>`, `<% code %>`: `<%`, an optional
///   `=`, `==`, `-` or `#`, a space, up to 80 bytes without `<`, `>` or `%>` with something that is
///   not a space, an optional `-`, `%>`. `<%%` (ERB's escaped `<%`) is not a tag.
/// - `｛` (U+FF5B): the fullwidth `｛｛名称｝｝`, `｛｛ name ｝｝` that an input method or a converter
///   leaves: `｛｛`, up to 80 bytes without braces of either width, `｝｝`.
struct TemplateExpressionScanner: Sendable {
    static let maximumInner = 80
    static let maximumMessage = 400

    private static let complexTypes: [[UInt8]] = ["plural", "selectordinal", "select"].map { Array($0.utf8) }
    private static let simpleTypes: [[UInt8]] = ["number", "date", "time", "spellout", "ordinal", "duration"].map { Array($0.utf8) }
    private static let fullwidthOpen: [UInt8] = [0xEF, 0xBD, 0x9B, 0xEF, 0xBD, 0x9B]  // ｛｛
    private static let fullwidthClose: [UInt8] = [0xEF, 0xBD, 0x9D, 0xEF, 0xBD, 0x9D]  // ｝｝

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        ByteSearch.forEach(UInt8(ascii: "{"), in: text) { start in
            guard start + 1 < text.count else { return start + 1 }
            let end: Int?
            switch text[start + 1] {
            case UInt8(ascii: "{"):
                if start + 2 < text.count && text[start + 2] == UInt8(ascii: "{"),
                    let triple = braced(from: start + 3, in: text, closers: 3)
                {
                    end = triple
                } else {
                    end = braced(from: start + 2, in: text, closers: 2)
                }
            case UInt8(ascii: "%"): end = delimited(from: start + 2, in: text, closing: UInt8(ascii: "%"))
            case UInt8(ascii: "#"): end = delimited(from: start + 2, in: text, closing: UInt8(ascii: "#"))
            default: end = icuArgument(from: start, in: text)
            }
            guard let end else { return start + 1 }
            found.append(start..<end)
            return end
        }
        ByteSearch.forEach(UInt8(ascii: "$"), in: text) { start in
            guard start + 2 < text.count, text[start + 1] == UInt8(ascii: "{"),
                let end = braced(from: start + 2, in: text, closers: 1), end - start > 3
            else { return start + 1 }
            found.append(start..<end)
            return end
        }
        ByteSearch.forEach(UInt8(ascii: "<"), in: text) { start in
            guard let end = serverTag(from: start, in: text) else { return start + 1 }
            found.append(start..<end)
            return end
        }
        var i = 0
        while let start = ByteSearch.next(Self.fullwidthOpen, in: text, from: i) {
            if let end = fullwidthBraced(from: start + Self.fullwidthOpen.count, in: text) {
                found.append(start..<end)
                i = end
            } else {
                i = start + 3
            }
        }
        // Matches overlap only when one is inside another; keep the earlier, outer match.
        found.sort { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound > $1.upperBound) }
        var last = -1
        for range in found where range.lowerBound >= last {
            report(range)
            last = range.upperBound
        }
    }

    /// Inner text without braces or line breaks, then `closers` closing braces.
    private func braced(from start: Int, in text: UnsafeBufferPointer<UInt8>, closers: Int) -> Int? {
        var i = start
        while i < text.count && i - start <= Self.maximumInner {
            let b = text[i]
            if b == UInt8(ascii: "}") {
                guard i + closers <= text.count else { return nil }
                for k in 1..<max(closers, 1) where text[i + k] != UInt8(ascii: "}") { return nil }
                return i + closers
            }
            if b == UInt8(ascii: "{") || b == 0x0A || b == 0x0D { return nil }
            i += 1
        }
        return nil
    }

    /// The first `%}` or `#}` on the same line.
    private func delimited(from start: Int, in text: UnsafeBufferPointer<UInt8>, closing: UInt8) -> Int? {
        var i = start
        while i + 1 < text.count && i - start <= Self.maximumInner {
            let b = text[i]
            if b == 0x0A || b == 0x0D { return nil }
            if b == closing && text[i + 1] == UInt8(ascii: "}") { return i + 2 }
            i += 1
        }
        return nil
    }

    /// `<%`, an optional `=`, `==`, `-` or `#`, a space, inner text with a non-space, `%>`.
    private func serverTag(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start + 1
        guard i < text.count, text[i] == UInt8(ascii: "%") else { return nil }
        i += 1
        if i < text.count && text[i] == UInt8(ascii: "=") {
            i += 1
            if i < text.count && text[i] == UInt8(ascii: "=") { i += 1 }
        } else if i < text.count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "#")) {
            i += 1
        }
        guard i < text.count, text[i] == 0x20 else { return nil }
        let innerStart = i
        var content = false
        while i + 1 < text.count && i - innerStart <= Self.maximumInner {
            let b = text[i]
            if b == 0x0A || b == 0x0D || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") { return nil }
            if b == UInt8(ascii: "%") && text[i + 1] == UInt8(ascii: ">") { return content ? i + 2 : nil }
            if b != 0x20 && !(b == UInt8(ascii: "-") && text[i + 1] == UInt8(ascii: "%")) { content = true }
            i += 1
        }
        return nil
    }

    /// `｛｛`, inner text without braces of either width or line breaks, `｝｝`.
    private func fullwidthBraced(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        while i < text.count && i - start <= Self.maximumInner {
            let b = text[i]
            if b == 0xEF && i + 2 < text.count && text[i + 1] == 0xBD && (text[i + 2] == 0x9B || text[i + 2] == 0x9D) {
                guard text[i + 2] == 0x9D, i > start, i + 6 <= text.count, text[i + 3] == 0xEF, text[i + 4] == 0xBD, text[i + 5] == 0x9D
                else { return nil }
                return i + 6
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == 0x0A || b == 0x0D { return nil }
            i += 1
        }
        return nil
    }

    /// An ICU MessageFormat argument starting at the `{` at `start`, or nil.
    private func icuArgument(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var c = ICUCursor(text: text, i: start + 1, limit: min(text.count, start + Self.maximumMessage))
        c.skipSpaces()
        guard c.word() != nil else { return nil }
        c.skipSpaces()
        guard c.at(UInt8(ascii: ",")) else { return nil }
        c.i += 1
        c.skipSpaces()
        guard let type = c.word() else { return nil }
        c.skipSpaces()
        if Self.simpleTypes.contains(where: { c.equals(type, $0) }) { return c.simpleArgumentEnd() }
        guard Self.complexTypes.contains(where: { c.equals(type, $0) }), c.at(UInt8(ascii: ",")) else { return nil }
        c.i += 1
        return c.complexArgumentEnd()
    }
}

/// A position in an ICU argument being read, which must end before `limit`.
private struct ICUCursor {
    let text: UnsafeBufferPointer<UInt8>
    var i: Int
    let limit: Int

    func at(_ byte: UInt8) -> Bool { i < limit && text[i] == byte }

    mutating func skipSpaces() { while i < limit && text[i] == 0x20 { i += 1 } }

    mutating func word() -> Range<Int>? {
        let s = i
        while i < limit && (ScalarClass.isASCIIAlphanumeric(text[i]) || text[i] == UInt8(ascii: "_")) { i += 1 }
        return i > s ? s..<i : nil
    }

    func equals(_ r: Range<Int>, _ w: [UInt8]) -> Bool { r.count == w.count && zip(r, w).allSatisfy { text[$0] == $1 } }

    /// The end of `{n, number}` or `{n, date, short}` after the type.
    mutating func simpleArgumentEnd() -> Int? {
        if at(UInt8(ascii: ",")) {
            i += 1
            skipSpaces()
            while i < limit && text[i] != UInt8(ascii: "}") {
                let b = text[i]
                guard b > 0x20 && b < 0x7F && b != UInt8(ascii: "{") else { return nil }
                i += 1
            }
        }
        return at(UInt8(ascii: "}")) ? i + 1 : nil
    }

    /// The end of the cases of a `plural` or `select` after its type's comma; at least one case.
    mutating func complexArgumentEnd() -> Int? {
        var cases = 0
        while true {
            skipSpaces()
            guard i < limit else { return nil }
            if text[i] == UInt8(ascii: "}") { return cases > 0 ? i + 1 : nil }
            if text[i] == UInt8(ascii: "=") {
                i += 1
                guard i < limit, ScalarClass.isASCIIDigit(text[i]) else { return nil }
                while i < limit && ScalarClass.isASCIIDigit(text[i]) { i += 1 }
            } else {
                guard let selector = word() else { return nil }
                if equals(selector, Array("offset".utf8)) && at(UInt8(ascii: ":")) {
                    i += 1
                    skipSpaces()
                    while i < limit && ScalarClass.isASCIIDigit(text[i]) { i += 1 }
                    continue
                }
            }
            skipSpaces()
            guard at(UInt8(ascii: "{")) else { return nil }
            guard skipMessage() else { return nil }
            cases += 1
        }
    }

    /// Steps over a case's message: balanced braces on one line.
    mutating func skipMessage() -> Bool {
        var depth = 0
        repeat {
            guard i < limit else { return false }
            let b = text[i]
            if b == 0x0A || b == 0x0D { return false }
            if b == UInt8(ascii: "{") { depth += 1 } else if b == UInt8(ascii: "}") { depth -= 1 }
            i += 1
        } while depth > 0
        return true
    }
}
