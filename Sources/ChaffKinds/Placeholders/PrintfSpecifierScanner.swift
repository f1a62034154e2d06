import ChaffText

/// printf-style specifiers: `%s`, `%d`, `%1$s`, `%-5.2f`, `%ld`, `%@`, Python's named
/// `%(name)s`, and the same after a fullwidth `％` (U+FF05) that an input method typed: `％s`.
///
/// Grammar: `%` or `％`, then either a name `(` 1–40 letters, digits or `_` (any script, not
/// starting with a digit) `)` or a position `1$`–`99$`, then [flags `-+#0`] [width, up to 3
/// digits] [`.` precision, 1–3 digits] [length `hh h ll l L z j t q`] conversion
/// `s d i f u x X o e E g G c p @` (after a name also `r`, `a` and `F`, as in Python). `%` is
/// not preceded by `%` or an ASCII letter or digit (`100%s`, `%%s`); `％` not by `%`, `％` or a
/// letter or digit other than CJK (`５０％s`, `abc％s`; `价格为％s` is a slot). Neither is followed
/// by an ASCII letter or digit (`50%discount`, `%E4%B8%AD`).
struct PrintfSpecifierScanner: Sendable {
    private static let conversions: Set<UInt8> = Set("sdifuxXoeEgGcp@".utf8)
    private static let namedConversions: Set<UInt8> = Set("sdifuxXoeEgGcraF".utf8)
    private static let fullwidthPercent: [UInt8] = [0xEF, 0xBC, 0x85]
    static let maximumName = 40

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        ByteSearch.forEach(UInt8(ascii: "%"), in: text) { start in
            if start > 0 {
                let previous = text[start - 1]
                if previous == UInt8(ascii: "%") || ScalarClass.isASCIIAlphanumeric(previous) { return start + 1 }
            }
            guard let end = specifier(from: start + 1, in: text) else { return start + 1 }
            // `%p%` is a field of a `%name%` syntax (a page-number field), not `%p` and a stray
            // percent sign; `%d%%` and `%d%s` stay printf.
            if end < text.count && text[end] == UInt8(ascii: "%")
                && (end + 1 == text.count
                    || !(text[end + 1] == UInt8(ascii: "%") || ScalarClass.isASCIIAlphanumeric(text[end + 1])
                        || text[end + 1] == UInt8(ascii: "(") || text[end + 1] == UInt8(ascii: "-") || text[end + 1] == UInt8(ascii: ".")))
            {
                return end + 1
            }
            found.append(start..<end)
            return end
        }
        var i = 0
        while let start = ByteSearch.next(Self.fullwidthPercent, in: text, from: i) {
            i = start + 3
            // Chinese text glues `％s` to the Han word before it; a digit or Latin letter is a number's.
            if let previous = ScalarClass.scalar(before: start, in: text),
                previous == 0x25 || previous == 0xFF05 || (ScalarClass.isLetterOrDigit(previous) && !ScalarClass.isCJK(previous))
            {
                continue
            }
            guard let end = specifier(from: start + 3, in: text) else { continue }
            found.append(start..<end)
            i = end
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        for range in found { report(range) }
    }

    private func specifier(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        func byte(_ k: Int) -> UInt8? { k < text.count ? text[k] : nil }
        func digits(from k: Int, max: Int) -> Int {
            var n = 0
            while n < max, let b = byte(k + n), ScalarClass.isASCIIDigit(b) { n += 1 }
            return n
        }
        var named = false
        if byte(i) == UInt8(ascii: "(") {
            guard let close = name(from: i + 1, in: text) else { return nil }
            i = close + 1
            named = true
        } else if let b = byte(i), b >= 0x31 && b <= 0x39 {
            // Position: 1–2 digits, the first non-zero, then `$`.
            let n = digits(from: i, max: 2)
            if byte(i + n) == UInt8(ascii: "$") { i += n + 1 }
        }
        while let b = byte(i), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "#") || b == UInt8(ascii: "0") {
            i += 1
        }
        i += digits(from: i, max: 3)
        if byte(i) == UInt8(ascii: ".") {
            let n = digits(from: i + 1, max: 3)
            guard n > 0 else { return nil }
            i += 1 + n
        }
        if let b = byte(i), let next = byte(i + 1),
            (b == UInt8(ascii: "h") && next == UInt8(ascii: "h")) || (b == UInt8(ascii: "l") && next == UInt8(ascii: "l"))
        {
            i += 2
        } else if let b = byte(i), "hlLzjtq".utf8.contains(b) {
            i += 1
        }
        guard let conversion = byte(i), (named ? Self.namedConversions : Self.conversions).contains(conversion) else { return nil }
        i += 1
        if let after = byte(i), ScalarClass.isASCIIAlphanumeric(after) { return nil }
        return i
    }

    /// The offset of the `)` that closes a name starting at `start`: letters, digits or `_` of
    /// any script, not starting with a digit.
    private func name(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        while i < text.count && i - start <= Self.maximumName {
            if text[i] == UInt8(ascii: ")") { return i > start ? i : nil }
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar, scalar == 0x5F || ScalarClass.isLetterOrDigit(scalar) else { return nil }
            if i == start && scalar < 0x80 && ScalarClass.isASCIIDigit(UInt8(scalar)) { return nil }
            i += length
        }
        return nil
    }
}
