import ChaffText

/// Character classes the placeholder scanners need at the few places they decode a scalar.
/// Only consulted next to an anchor byte, never for every byte of the text.
enum ScalarClass {
    /// Han, kana, Hangul: a token containing one is a placeholder, never HTML.
    static func isCJK(_ s: UInt32) -> Bool {
        switch s {
        case 0x3005...0x3007, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0x20000...0x3FFFF, 0x31F0...0x31FF:
            return true
        default:
            return false
        }
    }

    /// Han ideographs only.
    static func isHan(_ s: UInt32) -> Bool {
        switch s {
        case 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// Letters and digits in any script (`\p{L}`, `\p{N}`).
    static func isLetterOrDigit(_ s: UInt32) -> Bool {
        if s < 0x80 { return isASCIIAlphanumeric(UInt8(s)) }
        if isCJK(s) { return true }
        guard let scalar = Unicode.Scalar(s) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// White space in any script (`\s`), including the ideographic space.
    static func isSpace(_ s: UInt32) -> Bool {
        if s < 0x80 { return s == 0x20 || (0x09...0x0D).contains(s) }
        return Unicode.Scalar(s)?.properties.isWhitespace ?? false
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    @inline(__always)
    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// The scalar that ends just before `offset`, decoding backwards over continuation bytes.
    static func scalar(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset > 0 else { return nil }
        // ASCII, and a well-formed three-byte character (every CJK one), read in place: the
        // script kinds step back through Chinese sentences a character at a time.
        let last = text[offset - 1]
        if last < 0x80 { return UInt32(last) }
        if offset >= 3 && UTF8Decoding.isPlainThreeByteCharacter(text, at: offset - 3) {
            return UInt32(text[offset - 3] & 0x0F) << 12 | UInt32(text[offset - 2] & 0x3F) << 6 | UInt32(last & 0x3F)
        }
        var start = offset - 1
        while start > 0 && offset - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = UTF8Decoding.decode(text, at: start)
        return start + length == offset ? scalar : nil
    }
}
