/// Finds the arguments of an ICU MessageFormat string (`{name}`, `{n, number}`,
/// `{count, plural, one {# item} other {# items}}`, `select`, `selectordinal`), the form Flutter
/// ARB files, vue-i18n and i18next's ICU plugin write.
///
/// Each argument is a placeholder keyed by its name, with its type (`plural`, `number`, or empty
/// for a plain `{name}`) as conversion, so that a translation that renames an argument or turns
/// a plural into a plain value is reported. The branches of a plural or select are messages of
/// their own: their arguments count, and their text is prose, so only the syntax around them
/// (`{count, plural,`, `one {`, `}`) is taken out of prose.
enum ICUMessageScanner {
    /// What a scan found.
    struct Scan {
        /// Every argument, in order (a plural's head first, then the arguments in its branches).
        var arguments: [FormatPlaceholder] = []
        /// The decoded bytes that are syntax, not text: plain arguments whole, and a plural's
        /// or select's head, selectors and braces.
        var syntax: [Range<Int>] = []
        /// Each top-level argument whole, from its `{` to its `}`.
        var extents: [Range<Int>] = []
    }

    // Deeper nesting is not written by hand, and recursion must stay bounded on any input.
    private static let maximumDepth = 12

    /// The arguments of `text`. With `skipTemplates`, `{{ … }}` expressions (i18next) are left
    /// to the template syntax rather than read as an argument inside a literal brace.
    static func scan(_ text: [UInt8], skipTemplates: Bool) -> Scan {
        var scan = Scan()
        var p = 0
        while p < text.count {
            p = message(text, from: p, depth: 0, skipTemplates: skipTemplates, into: &scan)
            // A `}` closing nothing at the top is a literal.
            p += 1
        }
        return scan
    }

    /// Reads a message from `start` up to the `}` that closes it (returned) or the end.
    private static func message(_ text: [UInt8], from start: Int, depth: Int, skipTemplates: Bool, into scan: inout Scan) -> Int {
        var p = start
        while p < text.count {
            switch text[p] {
            case 0x27:  // ' quotes a brace: '{' is a literal brace, '' an apostrophe.
                if p + 1 < text.count && (text[p + 1] == 0x7B || text[p + 1] == 0x7D) {
                    p += 2
                    while p < text.count && text[p] != 0x27 { p += 1 }
                }
                p += 1
            case 0x7B:  // {
                if skipTemplates, p + 1 < text.count, text[p + 1] == 0x7B, let end = templateEnd(text, from: p) {
                    p = end
                    continue
                }
                var inner = Scan()
                if let end = argument(text, at: p, depth: depth, skipTemplates: skipTemplates, into: &inner) {
                    scan.arguments += inner.arguments
                    scan.syntax += inner.syntax
                    if depth == 0 { scan.extents.append(p..<end) }
                    p = end
                } else {
                    p += 1
                }
            case 0x7D:
                if depth > 0 { return p }
                p += 1
            default:
                p += 1
            }
        }
        return p
    }

    /// The end of a `{{ … }}` at `start` on its line.
    private static func templateEnd(_ text: [UInt8], from start: Int) -> Int? {
        var p = start + 2
        while p + 1 < text.count && text[p] != 0x0A {
            if text[p] == 0x7D && text[p + 1] == 0x7D { return p + 2 }
            p += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    private static func skipSpaces(_ text: [UInt8], _ p: inout Int) {
        while p < text.count && (text[p] == 0x20 || text[p] == 0x09 || text[p] == 0x0A || text[p] == 0x0D) { p += 1 }
    }

    /// The argument at `start` (a `{`): its end (after the closing `}`), or nil when it is not one.
    private static func argument(_ text: [UInt8], at start: Int, depth: Int, skipTemplates: Bool, into scan: inout Scan) -> Int? {
        guard depth < maximumDepth else { return nil }
        var p = start + 1
        skipSpaces(text, &p)
        let nameStart = p
        while p < text.count && isNameByte(text[p]) { p += 1 }
        guard p > nameStart, p - nameStart <= 64 else { return nil }
        let name = String(decoding: text[nameStart..<p], as: UTF8.self)
        skipSpaces(text, &p)
        guard p < text.count else { return nil }
        if text[p] == 0x7D {
            scan.arguments.append(FormatPlaceholder(family: .icu, range: start..<(p + 1), key: name, conversion: ""))
            scan.syntax.append(start..<(p + 1))
            return p + 1
        }
        guard text[p] == 0x2C else { return nil }  // ,
        p += 1
        skipSpaces(text, &p)
        let typeStart = p
        while p < text.count && isNameByte(text[p]) { p += 1 }
        guard p > typeStart else { return nil }
        let type = String(decoding: text[typeStart..<p], as: UTF8.self)
        let headEnd = p
        skipSpaces(text, &p)
        guard p < text.count else { return nil }
        if text[p] == 0x7D {
            scan.arguments.append(FormatPlaceholder(family: .icu, range: start..<(p + 1), key: name, conversion: type))
            scan.syntax.append(start..<(p + 1))
            return p + 1
        }
        guard text[p] == 0x2C else { return nil }
        p += 1
        guard type == "plural" || type == "select" || type == "selectordinal" else {
            // A style (`{n, number, percent}`, `{d, date, ::yMMMd}`): up to the closing brace.
            while p < text.count && text[p] != 0x7D && text[p] != 0x7B && p - start < 200 { p += 1 }
            guard p < text.count, text[p] == 0x7D else { return nil }
            scan.arguments.append(FormatPlaceholder(family: .icu, range: start..<(p + 1), key: name, conversion: type))
            scan.syntax.append(start..<(p + 1))
            return p + 1
        }
        scan.arguments.append(FormatPlaceholder(family: .icu, range: start..<headEnd, key: name, conversion: type))
        scan.syntax.append(start..<p)
        return branches(text, from: p, depth: depth, skipTemplates: skipTemplates, into: &scan)
    }

    /// The `selector {message}` branches of a plural or select from `start`, up to and with the
    /// argument's closing `}`.
    private static func branches(_ text: [UInt8], from start: Int, depth: Int, skipTemplates: Bool, into scan: inout Scan) -> Int? {
        var p = start
        var count = 0
        while true {
            skipSpaces(text, &p)
            guard p < text.count else { return nil }
            if text[p] == 0x7D {
                guard count > 0 else { return nil }
                scan.syntax.append(p..<(p + 1))
                return p + 1
            }
            let selectorStart = p
            while p < text.count && text[p] != 0x7B && text[p] != 0x7D && text[p] != 0x20 && text[p] != 0x0A && p - selectorStart < 32 {
                p += 1
            }
            guard p > selectorStart else { return nil }
            // `offset:1` comes before the branches and opens none.
            if text[selectorStart..<p].starts(with: Array("offset:".utf8)) {
                scan.syntax.append(selectorStart..<p)
                continue
            }
            skipSpaces(text, &p)
            guard p < text.count, text[p] == 0x7B else { return nil }
            scan.syntax.append(selectorStart..<(p + 1))
            let end = message(text, from: p + 1, depth: depth + 1, skipTemplates: skipTemplates, into: &scan)
            guard end < text.count else { return nil }
            scan.syntax.append(end..<(end + 1))
            p = end + 1
            count += 1
        }
    }
}
