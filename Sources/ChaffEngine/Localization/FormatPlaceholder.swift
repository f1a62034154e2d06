/// One format placeholder in a decoded source or translation string.
struct FormatPlaceholder: Equatable {
    /// The family a placeholder belongs to; placeholders are compared within a family.
    enum Family: Equatable {
        /// `%` directives: printf, Python `%`, Apple `%@`.
        case percent
        /// `{…}` fields: Python `str.format`, .NET, ICU arguments.
        case brace
        /// `{{ … }}` and `{$ … $}` template expressions.
        case template
        /// XML and HTML tags: XLIFF inline elements (`<x id="1"/>`, `<g id="2">`), Android's
        /// `<b>` and `<xliff:g>`; end tags are not placeholders of their own.
        case markup
        /// ICU MessageFormat arguments (`ICUMessageScanner`).
        case icu
        /// i18next `$t(key)` nesting (`NestingScanner`).
        case nesting
    }

    /// The family.
    var family: Family
    /// The decoded bytes of the placeholder.
    var range: Range<Int>
    /// What names the argument: a name (`%(count)d`, `{count}`) or a number (`%2$s`, `{0}`);
    /// nil for a sequential one (`%s`, `{}`), which takes the next argument.
    var key: String?
    /// The argument's type as the directive gives it (length modifier and conversion, with `i`
    /// read as `d`); empty for a brace field, whose format spec does not change the argument.
    var conversion: String
}

/// Finds format placeholders in decoded bytes.
enum FormatPlaceholderScanner {
    /// The placeholders of `syntaxes` in `text`, in order. `strict` accepts the space flag
    /// (`% d`), which only a declared printf string means: elsewhere `100% done` is prose.
    /// With `strayBraces` (a declared brace format), a `{` that opens no field and a lone `}`
    /// are placeholders of their own (keyed `{` and `}`): `str.format` raises on them.
    static func scan(
        _ text: [UInt8], syntaxes: PlaceholderSyntaxes, strict: Bool, strayBraces: Bool = false
    ) -> [FormatPlaceholder] {
        if syntaxes.contains(.icu) || syntaxes.contains(.nesting) {
            return scanWithICUOrNesting(text, syntaxes: syntaxes, strict: strict, strayBraces: strayBraces)
        }
        var out: [FormatPlaceholder] = []
        let percent = syntaxes.contains(.printf) || syntaxes.contains(.pythonNamed)
        let brace = syntaxes.contains(.brace)
        let template = syntaxes.contains(.template)
        let markup = syntaxes.contains(.markup)
        var tagCounts: [String: Int] = [:]
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == 0x3C && markup, let end = tagEnd(text, at: i, limit: text.count) {
                if let token = tagPlaceholder(text, i..<end, counts: &tagCounts) { out.append(token) }
                i = end
                continue
            }
            if byte == 0x25 && percent {  // %
                if i + 1 < text.count && text[i + 1] == 0x25 {
                    i += 2
                    continue
                }
                if let token = percentDirective(in: text, at: i, syntaxes: syntaxes, strict: strict) {
                    out.append(token)
                    i = token.range.upperBound
                    continue
                }
            } else if byte == 0x7B && template, let token = templateExpression(in: text, at: i) {
                out.append(token)
                i = token.range.upperBound
                continue
            } else if byte == 0x7B && brace {  // {
                if i + 1 < text.count && text[i + 1] == 0x7B {
                    i += 2
                    continue
                }
                if let token = braceField(in: text, at: i, unicodeNames: strayBraces) {
                    out.append(token)
                    i = token.range.upperBound
                    continue
                }
                if strayBraces { out.append(FormatPlaceholder(family: .brace, range: i..<(i + 1), key: "{", conversion: "")) }
            } else if byte == 0x7D && brace && i + 1 < text.count && text[i + 1] == 0x7D {
                i += 2
                continue
            } else if byte == 0x7D && brace && strayBraces {
                out.append(FormatPlaceholder(family: .brace, range: i..<(i + 1), key: "}", conversion: ""))
            }
            i += 1
        }
        return out
    }

    /// `scan` when ICU messages or nesting are among `syntaxes`: they have their own scanners,
    /// merged in order, as the parity rules key sequential placeholders by place.
    private static func scanWithICUOrNesting(
        _ text: [UInt8], syntaxes: PlaceholderSyntaxes, strict: Bool, strayBraces: Bool
    ) -> [FormatPlaceholder] {
        var other: [FormatPlaceholder] = []
        var extents: [Range<Int>] = []
        if syntaxes.contains(.icu) {
            let icu = ICUMessageScanner.scan(text, skipTemplates: syntaxes.contains(.template))
            other += icu.arguments
            extents = icu.extents
        }
        if syntaxes.contains(.nesting) { other += NestingScanner.scan(text) }
        // `other{{count} items}` is an ICU branch, not a template expression.
        let rest = scan(text, syntaxes: syntaxes.subtracting([.icu, .nesting]), strict: strict, strayBraces: strayBraces)
            .filter { token in token.family != .template || !extents.contains { $0.overlaps(token.range) } }
        return (other + rest).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The end of the tag at `start` (a `<` followed by a name or `/` and a name, up to its `>`
    /// outside quotes, within 512 bytes and `limit`), or nil when `<` starts no tag.
    static func tagEnd(_ text: [UInt8], at start: Int, limit: Int) -> Int? {
        var p = start + 1
        if p < limit && text[p] == 0x2F { p += 1 }
        guard p < limit, text[p] | 0x20 >= 0x61 && text[p] | 0x20 <= 0x7A else { return nil }
        var quote: UInt8 = 0
        while p < limit && p - start < 512 {
            let byte = text[p]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return p + 1
            } else if byte == 0x3C {
                return nil
            }
            p += 1
        }
        return nil
    }

    /// The XLIFF 1.2 and 2.x inline elements.
    static let inlineElements: Set<String> = [
        "x", "g", "ph", "bpt", "ept", "it", "bx", "ex", "sub", "mrk", "pc", "sc", "ec", "sm", "em", "cp",
    ]

    /// A start or empty tag as a placeholder keyed by its name and `id` (`x id=1`), or by its
    /// name and how many of that name came before (`a #2`); nil for an end tag and for a tag
    /// that is neither an XLIFF inline element, a namespaced one (`<xliff:g>`) nor a link:
    /// styling (`<b>`, `<i>`) is the translator's to adapt (Chinese marks with 「」 what English
    /// bolds), and `<Untitled>` in text is no tag at all.
    private static func tagPlaceholder(_ text: [UInt8], _ range: Range<Int>, counts: inout [String: Int]) -> FormatPlaceholder? {
        guard text[range.lowerBound + 1] != 0x2F else { return nil }
        var p = range.lowerBound + 1
        while p < range.upperBound && !(text[p] == 0x20 || text[p] == 0x09 || text[p] == 0x0A || text[p] == 0x0D)
            && text[p] != 0x2F && text[p] != 0x3E
        {
            p += 1
        }
        let name = String(decoding: text[(range.lowerBound + 1)..<p], as: UTF8.self)
        guard inlineElements.contains(name) || name == "a" || name.contains(":") else { return nil }
        if let id = tagID(text, p..<range.upperBound) {
            return FormatPlaceholder(family: .markup, range: range, key: "\(name) id=\(id)", conversion: "")
        }
        counts[name, default: 0] += 1
        return FormatPlaceholder(family: .markup, range: range, key: "\(name) #\(counts[name]!)", conversion: "")
    }

    /// The value of an `id="…"` attribute in a tag's attribute bytes.
    private static func tagID(_ text: [UInt8], _ range: Range<Int>) -> String? {
        var p = range.lowerBound
        while p + 3 < range.upperBound {
            let before = text[p - 1]
            if text[p] == 0x69 && text[p + 1] == 0x64 && text[p + 2] == 0x3D && (before == 0x20 || before == 0x09 || before == 0x0A) {
                let quote = text[p + 3]
                guard quote == 0x22 || quote == 0x27 else { return nil }
                var q = p + 4
                while q < range.upperBound && text[q] != quote { q += 1 }
                return String(decoding: text[(p + 4)..<q], as: UTF8.self)
            }
            p += 1
        }
        return nil
    }
    private static func isIdentifier(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    /// A `%` directive at `start`: `%[N$|(name)][flags][width][.precision][length]conversion`.
    private static func percentDirective(
        in text: [UInt8], at start: Int, syntaxes: PlaceholderSyntaxes, strict: Bool
    ) -> FormatPlaceholder? {
        if let variable = stringsdictVariable(in: text, at: start) { return variable }
        guard let (key, afterKey) = directiveKey(in: text, at: start + 1, syntaxes: syntaxes) else { return nil }
        var p = skipFlagsWidthAndPrecision(in: text, from: afterKey, strict: strict)
        let lengthStart = p
        while p < text.count, p - lengthStart < 3,
            [
                UInt8(ascii: "h"), UInt8(ascii: "l"), UInt8(ascii: "L"), UInt8(ascii: "q"), UInt8(ascii: "j"),
                UInt8(ascii: "z"), UInt8(ascii: "t"),
            ].contains(text[p])
        {
            p += 1
        }
        guard p < text.count, var conversion = conversion(text[p], syntaxes: syntaxes) else { return nil }
        if conversion == UInt8(ascii: "i") { conversion = UInt8(ascii: "d") }
        // A directive glued to a following letter or digit (`%site`, `%dth`) is still one: C
        // reads it, so it stays a directive.
        let length = String(decoding: text[lengthStart..<p], as: UTF8.self)
        return FormatPlaceholder(
            family: .percent, range: start..<(p + 1), key: key,
            conversion: length + String(UnicodeScalar(conversion)))
    }

    /// The `(name)` or `N$` after `%` (nil key when it has neither) and the offset after it;
    /// nil when the syntaxes allow no directive here.
    private static func directiveKey(in text: [UInt8], at p: Int, syntaxes: PlaceholderSyntaxes) -> (String?, Int)? {
        if p < text.count && text[p] == 0x28 {  // (name)
            guard syntaxes.contains(.pythonNamed) else { return nil }
            let nameStart = p + 1
            var q = nameStart
            while q < text.count && text[q] != 0x29 && q - nameStart < 64 && text[q] != 0x25 { q += 1 }
            guard q < text.count, text[q] == 0x29, q > nameStart else { return nil }
            return ("(" + String(decoding: text[nameStart..<q], as: UTF8.self) + ")", q + 1)
        }
        guard syntaxes.contains(.printf) else { return nil }
        var q = p
        while q < text.count && isDigit(text[q]) && q - p < 3 { q += 1 }
        if q > p, q < text.count, text[q] == 0x24, text[p] != 0x30 {  // N$
            return (String(decoding: text[p..<q], as: UTF8.self), q + 1)
        }
        return (nil, p)
    }

    /// The offset after a directive's flags, width and precision.
    private static func skipFlagsWidthAndPrecision(in text: [UInt8], from start: Int, strict: Bool) -> Int {
        var p = start
        while p < text.count {
            let byte = text[p]
            if byte == 0x2D || byte == 0x2B || byte == 0x23 || byte == 0x30 || byte == 0x27 || (strict && byte == 0x20) {
                p += 1
            } else {
                break
            }
        }
        // Width and precision (`*` takes an argument of its own; kept as part of the directive).
        func number() {
            if p < text.count && text[p] == 0x2A {
                p += 1
                var q = p
                while q < text.count && isDigit(text[q]) { q += 1 }
                if q > p && q < text.count && text[q] == 0x24 { p = q + 1 }
                return
            }
            while p < text.count && isDigit(text[p]) { p += 1 }
        }
        number()
        if p < text.count && text[p] == 0x2E {
            p += 1
            number()
        }
        return p
    }

    /// `byte` when it is a conversion of `syntaxes`, else nil.
    private static func conversion(_ byte: UInt8, syntaxes: PlaceholderSyntaxes) -> UInt8? {
        switch byte {
        case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "x"),
            UInt8(ascii: "X"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "c"),
            UInt8(ascii: "s"), UInt8(ascii: "p"), UInt8(ascii: "n"), UInt8(ascii: "@"), UInt8(ascii: "r"):
            // `r` is Python's repr; `@` Apple's object: neither is C.
            return byte == UInt8(ascii: "r") && !syntaxes.contains(.pythonNamed) ? nil : byte
        default:
            return nil
        }
    }

    /// Apple's `%#@name@` at `start` (a `.stringsdict` variable, filled by its plural rule),
    /// keyed by its name.
    private static func stringsdictVariable(in text: [UInt8], at start: Int) -> FormatPlaceholder? {
        guard start + 3 < text.count, text[start + 1] == 0x23, text[start + 2] == 0x40 else { return nil }
        var p = start + 3
        while p < text.count && isIdentifier(text[p]) && p - start < 64 { p += 1 }
        guard p > start + 3, p < text.count, text[p] == 0x40 else { return nil }
        let name = String(decoding: text[start..<(p + 1)], as: UTF8.self)
        return FormatPlaceholder(family: .percent, range: start..<(p + 1), key: name, conversion: "@")
    }

    /// A `{{ expression }}` or `{$ expression $}` at `start`, on one line and at most 200
    /// bytes; its key is the expression without the spaces around it.
    private static func templateExpression(in text: [UInt8], at start: Int) -> FormatPlaceholder? {
        guard start + 1 < text.count else { return nil }
        let second = text[start + 1]
        guard second == 0x7B || second == 0x24 else { return nil }  // {{ or {$
        let closing: (UInt8, UInt8) = second == 0x7B ? (0x7D, 0x7D) : (0x24, 0x7D)
        var p = start + 2
        while p + 1 < text.count && p - start < 200 {
            if text[p] == 0x0A { return nil }
            if text[p] == closing.0 && text[p + 1] == closing.1 {
                var lower = start + 2
                var upper = p
                while lower < upper && text[lower] == 0x20 { lower += 1 }
                while upper > lower && text[upper - 1] == 0x20 { upper -= 1 }
                guard lower < upper else { return nil }
                // `{{}}`-like nesting or a brace inside is not an expression of this kind.
                if text[lower..<upper].contains(0x7B) { return nil }
                let key = String(decoding: text[lower..<upper], as: UTF8.self)
                return FormatPlaceholder(family: .template, range: start..<(p + 2), key: key, conversion: "")
            }
            p += 1
        }
        return nil
    }

    /// A `{field}` at `start`: `{}`, `{0}`, `{name}`, `{name.attr}`, `{0[1]}`, each with an
    /// optional `!r` and `:spec`. The name must be ASCII unless `unicodeNames` (a declared brace
    /// format, where Python reads `{名字}` as a field and raises): elsewhere `{名字}` is a slot
    /// left untranslated, which the placeholder rules report in prose.
    private static func braceField(in text: [UInt8], at start: Int, unicodeNames: Bool) -> FormatPlaceholder? {
        var p = start + 1
        let nameStart = p
        while p < text.count && (isIdentifier(text[p]) || (unicodeNames && text[p] >= 0x80)) { p += 1 }
        let name = String(decoding: text[nameStart..<p], as: UTF8.self)
        // Attribute and index access.
        while p < text.count && (text[p] == 0x2E || text[p] == 0x5B || text[p] == 0x5D || isIdentifier(text[p])) {
            p += 1
        }
        if p < text.count && text[p] == 0x21 {  // !r
            p += 1
            guard p < text.count, isIdentifier(text[p]) else { return nil }
            p += 1
        }
        if p < text.count && text[p] == 0x3A {  // :spec, which may nest {width}
            p += 1
            var depth = 0
            while p < text.count && p - start < 64 {
                if text[p] == 0x7B {
                    depth += 1
                } else if text[p] == 0x7D {
                    if depth == 0 { break }
                    depth -= 1
                } else if text[p] == 0x0A {
                    return nil
                }
                p += 1
            }
        }
        guard p < text.count, text[p] == 0x7D else { return nil }
        if let first = name.utf8.first, isDigit(first), !name.utf8.allSatisfy(isDigit) { return nil }
        return FormatPlaceholder(family: .brace, range: start..<(p + 1), key: name.isEmpty ? nil : name, conversion: "")
    }
}
