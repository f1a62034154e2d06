/// printf-style specifiers: `%s`, `%d`, `%1$s`, `%-5.2f`, `%ld`, `%@`.
///
/// Grammar: `%` [position `1$`–`99$`] [flags `-+#0`] [width, up to 3 digits] [`.` precision,
/// 1–3 digits] [length `hh h ll l L z j t q`] conversion `s d i f u x X o e E g G c p @`. Not
/// preceded by `%` or an ASCII letter or digit (`100%s`, `%%s`) and not followed by one
/// (`50%discount`, `%E4%B8%AD`).
struct PrintfSpecifierScanner: Sendable {
    private static let conversions: Set<UInt8> = Set("sdifuxXoeEgGcp@".utf8)

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        ByteSearch.forEach(UInt8(ascii: "%"), in: text) { start in
            if start > 0 {
                let previous = text[start - 1]
                if previous == UInt8(ascii: "%") || ScalarClass.isASCIIAlphanumeric(previous) { return start + 1 }
            }
            guard let end = specifier(from: start + 1, in: text) else { return start + 1 }
            report(start..<end)
            return end
        }
    }

    private func specifier(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        func byte(_ k: Int) -> UInt8? { k < text.count ? text[k] : nil }
        func digits(from k: Int, max: Int) -> Int {
            var n = 0
            while n < max, let b = byte(k + n), ScalarClass.isASCIIDigit(b) { n += 1 }
            return n
        }
        // Position: 1–2 digits, the first non-zero, then `$`.
        if let b = byte(i), b >= 0x31 && b <= 0x39 {
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
        if let b = byte(i), let next = byte(i + 1), (b == UInt8(ascii: "h") && next == UInt8(ascii: "h")) || (b == UInt8(ascii: "l") && next == UInt8(ascii: "l")) {
            i += 2
        } else if let b = byte(i), "hlLzjtq".utf8.contains(b) {
            i += 1
        }
        guard let conversion = byte(i), Self.conversions.contains(conversion) else { return nil }
        i += 1
        if let after = byte(i), ScalarClass.isASCIIAlphanumeric(after) { return nil }
        return i
    }
}
