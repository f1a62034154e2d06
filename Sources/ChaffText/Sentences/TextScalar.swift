/// Scalar classes that sentence splitting and claim detection consult at the few places where a
/// byte alone does not say enough: next to a terminator, at the edge of a phrase.
///
/// Everything is decided from the raw UTF-8 bytes with range checks, never through
/// `Unicode.Scalar.Properties`, so the cost is a handful of comparisons per call.
public enum TextScalar {
    /// Whether `scalar` belongs to East Asian text: Han, kana, Hangul, CJK punctuation and the
    /// full-width forms. Text around such a scalar follows CJK punctuation habits: no space
    /// after a full stop, and ASCII punctuation used in place of full-width punctuation.
    @inline(__always)
    public static func isCJK(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` is a Han ideograph (including 々 and 〇, which behave as ideographs).
    @inline(__always)
    public static func isHan(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3005, 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// ASCII white space and the two non-ASCII spaces common in Chinese web text (U+00A0,
    /// U+3000), plus the byte-order mark; returns the byte length of the space at `index`, or 0.
    @inline(__always)
    public static func spaceLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let b = text[index]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b == 0xC2, index + 1 < text.count, text[index + 1] == 0xA0 { return 2 }
        if b == 0xE3, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0x80 { return 3 }
        if b == 0xEF, index + 2 < text.count, text[index + 1] == 0xBB, text[index + 2] == 0xBF { return 3 }
        if b == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
            return 3
        }
        return 0
    }

    /// The offset of the first byte of the scalar that ends at `offset` (exclusive), or `nil`
    /// at the start of the text.
    @inline(__always)
    public static func start(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0 && offset - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The scalar that ends at `offset`, or `nil` at the start or after an invalid byte.
    @inline(__always)
    public static func scalar(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard let start = start(before: offset, in: text) else { return nil }
        let (scalar, length) = UTF8Decoding.decode(text, at: start)
        return start + length == offset ? scalar : nil
    }

    /// The scalar that starts at `offset`, or `nil` at the end or at an invalid byte.
    @inline(__always)
    public static func scalar(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset < text.count else { return nil }
        return UTF8Decoding.decode(text, at: offset).scalar
    }

    /// ASCII letters and digits.
    @inline(__always)
    public static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// ASCII letters.
    @inline(__always)
    public static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// ASCII digits.
    @inline(__always)
    public static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// ASCII capital letters.
    @inline(__always)
    public static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// ASCII small letters.
    @inline(__always)
    public static func isASCIILower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
}
