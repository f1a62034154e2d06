/// Finds web addresses in running text: `http://`, `https://`, `ftp://` and `www.` forms.
///
/// The sentence splitter must not break inside one (`?`, `!` and `;` occur in queries), and a
/// web address is a citation for claim detection. Chinese text often runs an address straight
/// into the next word without a space (`访问www.example.com获取`), so an address ends at the
/// first Han character or full-width punctuation mark as well as at white space.
public enum URLScanner {
    private static let schemes: [[UInt8]] = ["http://", "https://", "ftp://", "www."].map { Array($0.utf8) }

    /// If a web address starts at `start`, the offset one past its last byte; otherwise `nil`.
    ///
    /// Trailing `.`, `,`, `;`, `:`, `!`, `?`, `'` are left out (they end the sentence), and so is a
    /// closing parenthesis with no opening one inside the address.
    public static func end(of text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let first = text[start] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") || first == UInt8(ascii: "f") else { return nil }
        if start > 0, TextScalar.isASCIIAlphanumeric(text[start - 1]) || text[start - 1] == UInt8(ascii: "/") { return nil }
        var matched: [UInt8]?
        for scheme in schemes where start + scheme.count < text.count {
            var k = 0
            while k < scheme.count && (text[start + k] | (TextScalar.isASCIILetter(text[start + k]) ? 0x20 : 0)) == scheme[k] { k += 1 }
            if k == scheme.count {
                matched = scheme
                break
            }
        }
        guard let scheme = matched else { return nil }
        var i = start + scheme.count
        // An address needs at least one host character after the scheme.
        guard i < text.count, isAddressByte(text[i]) else { return nil }
        var depth = 0
        while i < text.count {
            let b = text[i]
            if b < 0x80 {
                if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                    || b == UInt8(ascii: "`") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == 0x7F
                {
                    break
                }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar else { break }
            // Han text or CJK/typographic punctuation right after an address is the next word.
            if TextScalar.isCJK(scalar) || (0x2000...0x206F).contains(scalar) || TextScalar.spaceLength(text, at: i) > 0 { break }
            i += length
        }
        while i > start + scheme.count {
            let b = text[i - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "'")
            {
                i -= 1
            } else {
                break
            }
        }
        return i > start + scheme.count ? i : nil
    }

    @inline(__always)
    private static func isAddressByte(_ b: UInt8) -> Bool {
        TextScalar.isASCIIAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "[") || b >= 0x80
    }

    /// Every web address in `range` of `text`, in order.
    public static func addresses(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b = text[i] | 0x20
            if b == UInt8(ascii: "h") || b == UInt8(ascii: "w") || b == UInt8(ascii: "f"), let end = end(of: text, at: i) {
                out.append(i..<min(end, range.upperBound))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }
}
