/// One piece of an XML file, as the localization readers see it.
struct XMLToken: Equatable {
    /// What the piece is.
    enum Kind: Equatable {
        /// `<name …>`.
        case startTag
        /// `<name …/>`.
        case emptyTag
        /// `</name>`.
        case endTag
        /// Character data between tags (entities not decoded).
        case text
        /// `<![CDATA[…]]>`.
        case cdata
        /// `<!-- … -->`.
        case comment
        /// A declaration, processing instruction or doctype: no text.
        case other
    }

    /// What the piece is.
    var kind: Kind
    /// The whole piece in the file.
    var range: Range<Int>
    /// The element name of a tag; empty otherwise.
    var name: Range<Int>
    /// The text of a text piece, the inside of a CDATA section or comment; empty for tags.
    var content: Range<Int>
    /// A tag's attributes, each with its value inside the quotes.
    var attributes: [(name: Range<Int>, value: Range<Int>)] = []

    static func == (a: XMLToken, b: XMLToken) -> Bool {
        a.kind == b.kind && a.range == b.range && a.name == b.name && a.content == b.content
            && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
    }
}

/// Splits an XML file into tags, text, CDATA and comments, recording what it cannot read as
/// problems and reading on; the work is linear in the file's size.
///
/// Not a validating parser: the readers need only where each piece is, so namespaces and
/// the doctype's internal subset are not interpreted.
enum XMLScanner {
    /// The pieces of `source` from `start` (after a byte order mark), in file order.
    static func tokens(_ source: [UInt8], from start: Int, problems: inout [LocalizationProblem]) -> [XMLToken] {
        var out: [XMLToken] = []
        let end = source.count
        var p = start
        var textStart = p
        func flushText(_ upTo: Int) {
            if upTo > textStart { out.append(XMLToken(kind: .text, range: textStart..<upTo, name: 0..<0, content: textStart..<upTo)) }
        }
        while p < end {
            guard source[p] == 0x3C else {  // <
                p += 1
                continue
            }
            if let token = markup(source, at: p, problems: &problems) {
                flushText(p)
                out.append(token)
                p = token.range.upperBound
                textStart = p
            } else {
                problems.append(LocalizationProblem(range: p..<(p + 1), message: "a '<' that starts no tag; write &lt; for the character"))
                p += 1
            }
        }
        flushText(end)
        return out
    }

    /// The markup piece at `start` (a `<`), or nil when `<` starts none.
    private static func markup(_ source: [UInt8], at start: Int, problems: inout [LocalizationProblem]) -> XMLToken? {
        let end = source.count
        if hasPrefix(source, start, "<!--") {
            return delimited(source, start, open: 4, close: "-->", kind: .comment, what: "comment not closed by -->", &problems)
        }
        if hasPrefix(source, start, "<![CDATA[") {
            return delimited(source, start, open: 9, close: "]]>", kind: .cdata, what: "CDATA section not closed by ]]>", &problems)
        }
        if hasPrefix(source, start, "<?") {
            return delimited(source, start, open: 2, close: "?>", kind: .other, what: "processing instruction not closed by ?>", &problems)
        }
        if hasPrefix(source, start, "<!") {
            // A doctype, with its internal subset in brackets.
            var p = start + 2
            var depth = 0
            while p < end {
                if source[p] == 0x5B { depth += 1 }
                if source[p] == 0x5D { depth -= 1 }
                if source[p] == 0x3E && depth <= 0 { break }
                p += 1
            }
            if p == end { problems.append(LocalizationProblem(range: start..<end, message: "declaration not closed by '>'")) }
            return XMLToken(kind: .other, range: start..<min(end, p + 1), name: 0..<0, content: 0..<0)
        }
        let isEnd = start + 1 < end && source[start + 1] == 0x2F
        let nameStart = start + (isEnd ? 2 : 1)
        guard nameStart < end, isNameStart(source[nameStart]) else { return nil }
        var p = nameStart
        while p < end && isNameByte(source[p]) { p += 1 }
        if isEnd { return endTag(source, start, name: nameStart..<p, &problems) }
        return startTag(source, start, name: nameStart..<p, &problems)
    }

    /// The start or empty tag at `start` whose name is `name`, with its attributes; a tag cut
    /// short by a `<` or the end of the file ends there, with a problem.
    private static func startTag(_ source: [UInt8], _ start: Int, name: Range<Int>, _ problems: inout [LocalizationProblem]) -> XMLToken {
        let end = source.count
        var p = name.upperBound
        var token = XMLToken(kind: .startTag, range: start..<end, name: name, content: 0..<0)
        while true {
            while p < end && isSpace(source[p]) { p += 1 }
            if p >= end || source[p] == 0x3C {
                problems.append(LocalizationProblem(range: start..<p, message: "tag not closed by '>'"))
                token.range = start..<p
                return token
            }
            if source[p] == 0x3E {
                token.range = start..<(p + 1)
                return token
            }
            if source[p] == 0x2F && p + 1 < end && source[p + 1] == 0x3E {
                token.kind = .emptyTag
                token.range = start..<(p + 2)
                return token
            }
            guard isNameStart(source[p]) else {
                problems.append(LocalizationProblem(range: p..<(p + 1), message: "an attribute name or '>' expected in a tag"))
                p += 1
                continue
            }
            if let attribute = readAttribute(source, at: &p, &problems) { token.attributes.append(attribute) }
        }
    }

    /// The attribute whose name starts at `p`, which is moved past it; nil (with a problem)
    /// when it has no quoted value.
    private static func readAttribute(
        _ source: [UInt8], at p: inout Int, _ problems: inout [LocalizationProblem]
    ) -> (name: Range<Int>, value: Range<Int>)? {
        let end = source.count
        let attributeStart = p
        while p < end && isNameByte(source[p]) { p += 1 }
        let attributeName = attributeStart..<p
        while p < end && isSpace(source[p]) { p += 1 }
        guard p < end, source[p] == 0x3D else {
            problems.append(LocalizationProblem(range: attributeName, message: "attribute without a value: write name=\"value\""))
            return nil
        }
        p += 1
        while p < end && isSpace(source[p]) { p += 1 }
        guard p < end, source[p] == 0x22 || source[p] == 0x27 else {
            problems.append(LocalizationProblem(range: attributeName, message: "an attribute value must be in quotes"))
            return nil
        }
        let quote = source[p]
        let valueStart = p + 1
        var q = valueStart
        while q < end && source[q] != quote && source[q] != 0x3C { q += 1 }
        guard q < end, source[q] == quote else {
            problems.append(LocalizationProblem(range: p..<q, message: "attribute value not closed by its quote"))
            p = q
            return nil
        }
        p = q + 1
        return (attributeName, valueStart..<q)
    }

    private static func endTag(_ source: [UInt8], _ start: Int, name: Range<Int>, _ problems: inout [LocalizationProblem]) -> XMLToken {
        var p = name.upperBound
        while p < source.count && isSpace(source[p]) { p += 1 }
        if p < source.count && source[p] == 0x3E {
            return XMLToken(kind: .endTag, range: start..<(p + 1), name: name, content: 0..<0)
        }
        problems.append(LocalizationProblem(range: start..<p, message: "end tag not closed by '>'"))
        return XMLToken(kind: .endTag, range: start..<p, name: name, content: 0..<0)
    }

    /// A piece from `start` to the first `close` after its `open` bytes (to the end of the file,
    /// with a problem, when there is none).
    private static func delimited(
        _ source: [UInt8], _ start: Int, open: Int, close: StaticString, kind: XMLToken.Kind, what: String,
        _ problems: inout [LocalizationProblem]
    ) -> XMLToken {
        let count = close.utf8CodeUnitCount
        var p = start + open
        while p + count <= source.count {
            if source[p] == close.utf8Start[0] && hasPrefix(source, p, close) {
                return XMLToken(kind: kind, range: start..<(p + count), name: 0..<0, content: (start + open)..<p)
            }
            p += 1
        }
        problems.append(LocalizationProblem(range: start..<min(source.count, start + open), message: what))
        return XMLToken(kind: kind, range: start..<source.count, name: 0..<0, content: min(start + open, source.count)..<source.count)
    }

    /// For each start tag, the index of the end tag that closes it: its own, or for an element
    /// left open the end tag of an enclosing one, where its content stops (nil at the end of
    /// the file). Mismatched and unclosed elements are recorded as problems.
    static func matchElements(_ tokens: [XMLToken], _ source: [UInt8], problems: inout [LocalizationProblem]) -> [Int?] {
        var ends = [Int?](repeating: nil, count: tokens.count)
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .startTag:
                open.append(index)
            case .endTag:
                // The nearest open element of that name; those opened after it are unclosed.
                let lowest = max(0, open.count - 256)
                guard let at = open[lowest...].lastIndex(where: { source[tokens[$0].name].elementsEqual(source[token.name]) }) else {
                    problems.append(
                        LocalizationProblem(range: token.range, message: "</\(text(source, token.name))> closes no open element"))
                    continue
                }
                for unclosed in open[(at + 1)...] {
                    let other = tokens[unclosed]
                    problems.append(
                        LocalizationProblem(
                            range: other.range,
                            message: "<\(text(source, other.name))> is not closed before </\(text(source, token.name))>"))
                    ends[unclosed] = index
                }
                ends[open[at]] = index
                open.removeSubrange(at...)
            default:
                continue
            }
        }
        for unclosed in open {
            problems.append(
                LocalizationProblem(range: tokens[unclosed].range, message: "<\(text(source, tokens[unclosed].name))> is never closed"))
        }
        return ends
    }

    /// The value of the attribute `name` of `token`, undecoded, or nil.
    static func attribute(_ token: XMLToken, _ name: String, in source: [UInt8]) -> String? {
        for attribute in token.attributes where source[attribute.name].elementsEqual(name.utf8) {
            return text(source, attribute.value)
        }
        return nil
    }

    /// The element name of `token` without a namespace prefix (`xliff:g` is `g`).
    static func localName(_ token: XMLToken, in source: [UInt8]) -> String {
        var start = token.name.lowerBound
        if let colon = source[token.name].lastIndex(of: 0x3A) { start = colon + 1 }
        return text(source, start..<token.name.upperBound)
    }

    /// The bytes of `range` as a string.
    static func text(_ source: [UInt8], _ range: Range<Int>) -> String { String(decoding: source[range], as: UTF8.self) }

    static func hasPrefix(_ source: [UInt8], _ at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= source.count else { return false }
        for i in 0..<count where source[at + i] != prefix.utf8Start[i] { return false }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isNameStart(_ byte: UInt8) -> Bool { MarkupBytes.isAlpha(byte) || byte == 0x5F || byte == 0x3A || byte >= 0x80 }
    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || MarkupBytes.isDigit(byte) || byte == 0x2D || byte == 0x2E
    }
}

/// XML's character and entity references: the five predefined entities and numeric
/// references; anything else is a problem (a doctype could declare more, which localization
/// files do not do).
enum XMLEntity {
    /// What the reference at `start` (an `&`) stands for: the character's UTF-8 bytes (nil when
    /// it is not one) and the reference's length, with a problem for a bad one.
    static func decode(_ source: [UInt8], at start: Int, end: Int) -> (bytes: [UInt8]?, length: Int, problem: String?) {
        var p = start + 1
        while p < end && p - start < 34 && source[p] != 0x3B && !XMLScanner.isSpace(source[p]) && source[p] != 0x26
            && source[p] != 0x3C
        {
            p += 1
        }
        guard p < end, source[p] == 0x3B, p > start + 1 else {
            return (nil, 1, "a bare '&'; write &amp; for the character")
        }
        let length = p + 1 - start
        let name = source[(start + 1)..<p]
        if name.first == 0x23 {  // #
            var value: UInt32 = 0
            let hex = name.count > 1 && (name[start + 2] | 0x20) == 0x78
            let digits = name.dropFirst(hex ? 2 : 1)
            var valid = !digits.isEmpty && digits.count <= 8
            for byte in digits where valid {
                if hex && MarkupBytes.isHexDigit(byte) {
                    value = value * 16 + UInt32(MarkupBytes.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
                } else if !hex && MarkupBytes.isDigit(byte) {
                    value = value * 10 + UInt32(byte - 0x30)
                } else {
                    valid = false
                }
            }
            guard valid, value != 0, let scalar = Unicode.Scalar(value) else {
                return (nil, length, "'\(XMLScanner.text(source, start..<(p + 1)))' is not a character")
            }
            return (Array(String(Character(scalar)).utf8), length, nil)
        }
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return ([0x26], length, nil)
        case "lt": return ([0x3C], length, nil)
        case "gt": return ([0x3E], length, nil)
        case "quot": return ([0x22], length, nil)
        case "apos": return ([0x27], length, nil)
        default:
            return (
                nil, length,
                "unknown entity '\(XMLScanner.text(source, start..<(p + 1)))'; XML knows &amp; &lt; &gt; &quot; &apos; and &#…;"
            )
        }
    }
}
