/// Decodes HTML character references (`&amp;`, `&#20013;`, `&#x4E2D;`) in a prose scope without
/// moving any byte.
///
/// A reference is markup for one character, so its letters (`amp`, `x4E2D`) must not reach
/// rules, and the character it stands for should: `&lt;关键词&gt;` shows the placeholder
/// `<关键词>` on the page. A decoded character is never longer than its reference, so each
/// maximal run of adjacent references is replaced, inside the bytes it occupies, by the UTF-8
/// of its characters packed together and padded with spaces:
///
/// - the decoded bytes go at the END of the span when the first character is an opening bracket
///   or quote, or when the run starts a word (space before it, text after it), so that they touch
///   the text that follows; otherwise at the START, touching the text before. So
///   `&lt;关键词&gt;` becomes `   <关键词>   ` and `中&#25991;` becomes `中文     `.
/// - whitespace references (`&nbsp;`, `&ensp;`, `&#32;`, control characters) become a space;
///   invisible ones (`&shy;`, `&zwj;`, `&#x200B;`) become nothing.
/// - names chaff does not know (the full HTML list has over two thousand) become nothing:
///   they are markup either way, and a browser shows an unknown one verbatim only for names
///   that are not references at all.
/// - numeric references follow CommonMark: at most 7 decimal or 6 hex digits; zero, surrogates
///   and values above U+10FFFF decode to U+FFFD.
///
/// Every decoded run's span is returned so that findings can be widened to whole references
/// (`MaskedDocument.sourceRange(covering:)`).
enum CharacterReferenceDecoding {
    /// What one reference decodes to.
    enum Decoded {
        /// A character to write.
        case scalar(UInt32)
        /// A space.
        case space
        /// Nothing (invisible or unknown).
        case nothing
    }

    /// Decodes the references in `bytes` in place; returns the spans of the decoded runs. An `&`
    /// at one of the ascending offsets in `literal` (a Markdown `\&`) starts no reference.
    static func apply(to bytes: inout [UInt8], literal: [Int] = []) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var decoded: [UInt8] = []
        var firstScalar: UInt32 = 0
        var nextLiteral = 0
        bytes.withUnsafeMutableBufferPointer { mutable in
            let buffer = UnsafeBufferPointer(mutable)
            let end = buffer.count
            var i = 0
            while i < end {
                i = MarkupBytes.index(of: 0x26, in: buffer, from: i, end: end)
                guard i < end else { break }
                while nextLiteral < literal.count && literal[nextLiteral] < i { nextLiteral += 1 }
                if nextLiteral < literal.count && literal[nextLiteral] == i {
                    i += 1
                    continue
                }
                var j = i
                decoded.removeAll(keepingCapacity: true)
                firstScalar = 0
                while j < end && buffer[j] == 0x26, let (length, value) = reference(at: j, in: buffer, end: end) {
                    switch value {
                    case .scalar(let scalar):
                        if decoded.isEmpty { firstScalar = scalar }
                        appendUTF8(scalar, to: &decoded)
                    case .space:
                        decoded.append(0x20)
                    case .nothing:
                        break
                    }
                    j += length
                }
                if j == i {
                    i += 1
                    continue
                }
                let before = i > 0 ? buffer[i - 1] : 0x20
                let after = j < end ? buffer[j] : 0x20
                let startsWord = MarkupBytes.isWhitespace(before) && !MarkupBytes.isWhitespace(after)
                let alignEnd = isOpening(firstScalar) || startsWord
                for k in i..<j { mutable[k] = 0x20 }
                if decoded.count <= j - i {
                    let start = alignEnd ? j - decoded.count : i
                    for (k, byte) in decoded.enumerated() { mutable[start + k] = byte }
                }
                spans.append(i..<j)
                i = j
            }
        }
        return spans
    }

    /// The length and meaning of the reference starting with `&` at `start`, or nil.
    static func reference(at start: Int, in buffer: UnsafeBufferPointer<UInt8>, end: Int) -> (Int, Decoded)? {
        var p = start + 1
        guard p < end else { return nil }
        if buffer[p] == 0x23 {  // '#'
            p += 1
            var value: UInt32 = 0
            let hex = p < end && (buffer[p] | 0x20) == 0x78
            if hex { p += 1 }
            let digitsStart = p
            while p < end, p - digitsStart < (hex ? 6 : 7) {
                let byte = buffer[p]
                if hex && MarkupBytes.isHexDigit(byte) {
                    value = value * 16 + UInt32(MarkupBytes.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
                } else if !hex && MarkupBytes.isDigit(byte) {
                    value = value * 10 + UInt32(byte - 0x30)
                } else {
                    break
                }
                p += 1
            }
            guard p > digitsStart, p < end, buffer[p] == 0x3B else { return nil }
            return (p + 1 - start, meaning(of: value))
        }
        let nameStart = p
        guard MarkupBytes.isAlpha(buffer[p]) else { return nil }
        while p < end && MarkupBytes.isAlnum(buffer[p]) && p - nameStart < 32 { p += 1 }
        guard p < end, buffer[p] == 0x3B else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[nameStart..<p]), as: UTF8.self)
        guard let value = named[name] else { return (p + 1 - start, .nothing) }
        return (p + 1 - start, meaning(of: value))
    }

    /// What the code point `value` turns into in prose.
    static func meaning(of value: UInt32) -> Decoded {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return .scalar(0xFFFD)
        case 0x01...0x20, 0x7F...0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return .space
        case 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF: return .nothing
        default: return .scalar(value)
        }
    }

    /// Opening brackets and quotes, whose decoded text belongs with what follows.
    private static func isOpening(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3C, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039,
            0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B:
            return true
        default:
            return false
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Named references chaff decodes: the five XML ones, every Latin-1 name (U+00A0 to U+00FF,
    /// in code point order) and common typographic ones; names and code points from the HTML
    /// standard's list of named character references.
    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg \
            plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute \
            Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml \
            Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc \
            euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
            ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (index, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = 0xA0 + UInt32(index)
        }
        let others = """
            amp 26 lt 3C gt 3E quot 22 apos 27 ensp 2002 emsp 2003 thinsp 2009 zwnj 200C zwj 200D \
            lrm 200E rlm 200F ndash 2013 mdash 2014 lsquo 2018 rsquo 2019 sbquo 201A ldquo 201C \
            rdquo 201D bdquo 201E dagger 2020 Dagger 2021 bull 2022 hellip 2026 permil 2030 \
            prime 2032 Prime 2033 lsaquo 2039 rsaquo 203A oline 203E euro 20AC trade 2122 larr 2190 \
            uarr 2191 rarr 2192 darr 2193 harr 2194 minus 2212 le 2264 ge 2265 ne 2260 asymp 2248 \
            infin 221E hearts 2665 OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 fnof 192 \
            circ 2C6 tilde 2DC
            """
        let fields = others.split(separator: " ")
        for k in stride(from: 0, to: fields.count - 1, by: 2) {
            table[String(fields[k])] = UInt32(fields[k + 1], radix: 16)!
        }
        return table
    }()
}
