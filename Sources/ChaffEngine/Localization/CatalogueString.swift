import ChaffText

/// Decodes a quoted string of a JSON or Apple `.strings` catalogue, escapes in place.
///
/// As in gettext (`GettextReader`), a translation's decoded text is written over its own
/// escapes in the document's text: the decoded UTF-8 bytes where the escape starts, then spaces
/// (`\u4E2D`, six bytes, becomes 中 and three spaces; `\"` a quote and a space), so a rule sees
/// what a user sees and every offset still falls inside the escape that produced it. A control
/// character (`\n`, `\t`) reads as a space.
enum CatalogueString {
    /// Whose escapes.
    enum Dialect {
        /// JSON: `\" \\ \/ \b \f \n \r \t \uXXXX` (with surrogate pairs); anything else is an error.
        case json
        /// Apple `.strings` (old-style property lists): `\" \\ \' \a \b \f \n \r \t \v`,
        /// `\U1234` and `\u1234`, octal `\012`; any other character after a backslash stands for
        /// itself.
        case appleStrings
    }

    /// The string whose content (between its quotes) is `range` of `source`. With `text`, the
    /// decoded bytes are also written in place into it (a translation); unknown escapes are
    /// added to `problems`.
    static func decode(
        _ source: [UInt8], _ range: Range<Int>, dialect: Dialect, text: inout [UInt8], inPlace: Bool,
        problems: inout [LocalizationProblem]
    ) -> LocalizedText {
        var out = LocalizedText(emptyAt: range.lowerBound)
        out.span = range
        out.bytes.reserveCapacity(range.count)
        out.origins.reserveCapacity(range.count)
        var p = range.lowerBound
        while p < range.upperBound {
            guard source[p] == 0x5C, p + 1 < range.upperBound else {
                out.bytes.append(source[p])
                out.origins.append(p..<(p + 1))
                p += 1
                continue
            }
            let (scalar, length) = escape(source, at: p, end: range.upperBound, dialect: dialect, problems: &problems)
            let escapeRange = p..<(p + length)
            var encoded: [UInt8] = []
            appendUTF8(scalar, to: &encoded)
            for byte in encoded {
                out.bytes.append(byte)
                out.origins.append(escapeRange)
            }
            if inPlace {
                for k in escapeRange { text[k] = 0x20 }
                if scalar >= 0x20 && scalar != 0x7F && encoded.count <= length {
                    for (k, byte) in encoded.enumerated() { text[p + k] = byte }
                }
            }
            p += length
        }
        return out
    }

    /// The scalar the escape at `start` stands for and its length in the file.
    private static func escape(
        _ source: [UInt8], at start: Int, end: Int, dialect: Dialect, problems: inout [LocalizationProblem]
    ) -> (UInt32, Int) {
        let next = source[start + 1]
        switch next {
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "t"): return (0x09, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        case UInt8(ascii: "b"): return (0x08, 2)
        case UInt8(ascii: "f"): return (0x0C, 2)
        case 0x22, 0x5C: return (UInt32(next), 2)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if dialect == .json && next == UInt8(ascii: "U") { break }
            guard let high = hex4(source, at: start + 2, end: end) else { break }
            // A surrogate pair is two escapes for one character.
            if (0xD800...0xDBFF).contains(high), start + 12 <= end, source[start + 6] == 0x5C,
                source[start + 7] | 0x20 == UInt8(ascii: "u"), let low = hex4(source, at: start + 8, end: end),
                (0xDC00...0xDFFF).contains(low)
            {
                return (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), 12)
            }
            return ((0xD800...0xDFFF).contains(high) ? 0xFFFD : high, 6)
        case UInt8(ascii: "/") where dialect == .json: return (0x2F, 2)
        default:
            break
        }
        if dialect == .appleStrings {
            switch next {
            case UInt8(ascii: "a"): return (0x07, 2)
            case UInt8(ascii: "v"): return (0x0B, 2)
            case 0x30...0x37:
                var value: UInt32 = 0
                var p = start + 1
                while p < end && p < start + 4 && source[p] >= 0x30 && source[p] <= 0x37 {
                    value = value * 8 + UInt32(source[p] - 0x30)
                    p += 1
                }
                return (value, p - start)
            default:
                // The character itself, whole (a backslash before 中 keeps all of 中).
                let (scalar, length) = source.withUnsafeBufferPointer { UTF8Decoding.decode($0, at: start + 1) }
                return (scalar ?? 0xFFFD, 1 + max(1, min(length, end - start - 1)))
            }
        }
        problems.append(LocalizationProblem(range: start..<min(end, start + 2), message: "unknown escape; write \\\\ for a backslash"))
        return (UInt32(next), 2)
    }

    private static func hex4(_ source: [UInt8], at start: Int, end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for p in start..<(start + 4) {
            let byte = source[p]
            guard MarkupBytes.isHexDigit(byte) else { return nil }
            value = value * 16 + UInt32(MarkupBytes.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        let scalar = scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) ? 0xFFFD : scalar
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            out += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | (scalar >> 6) & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            out += [
                UInt8(0xF0 | scalar >> 18), UInt8(0x80 | (scalar >> 12) & 0x3F), UInt8(0x80 | (scalar >> 6) & 0x3F),
                UInt8(0x80 | scalar & 0x3F),
            ]
        }
    }
}
