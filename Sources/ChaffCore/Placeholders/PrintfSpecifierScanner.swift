/// printf-style specifiers: `%s`, `%d`, `%1$s`, `%-5.2f`, `%ld`, `%@`.
///
/// Grammar: `%` [position `1$`–`99$`] [flags `-+#0`] [width, up to 3 digits] [`.` precision,
/// 1–3 digits] [length `hh h ll l L z j t q`] conversion `s d i f u x X o e E g G c p @`. Not
/// preceded by `%` or an ASCII letter or digit (`100%s`, `%%s`) and not followed by one
/// (`50%discount`, `%E4%B8%AD`).
///
/// Documentation about format strings shows specifiers without using them, and those are not
/// reported: a specifier in a short quotation (`as "%s"`, `'pep-%04d'`), or one that stands alone
/// in a table cell (`| %f | focus |`).
struct PrintfSpecifierScanner: Sendable {
    /// The longest quotation, in bytes, whose specifiers count as shown rather than used.
    static let maximumQuotation = 40
    private static let conversions: Set<UInt8> = Set("sdifuxXoeEgGcp@".utf8)

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        ByteSearch.forEach(UInt8(ascii: "%"), in: text) { start in
            if start > 0 {
                let previous = text[start - 1]
                if previous == UInt8(ascii: "%") || ScalarClass.isASCIIAlphanumeric(previous) { return start + 1 }
            }
            guard let end = specifier(from: start + 1, in: text) else { return start + 1 }
            if !isQuoted(start..<end, in: text) && !standsAlone(start..<end, in: text) { report(start..<end) }
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

    /// Between a quotation mark after a non-word byte and its closing mark before one, on the
    /// same line, at most `maximumQuotation` bytes apart.
    private func isQuoted(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let quotes: [(open: [UInt8], close: [UInt8])] = [([0x22], [0x22]), ([0x27], [0x27]), (Array("“".utf8), Array("”".utf8)), (Array("‘".utf8), Array("’".utf8))]
        let lower = max(0, range.upperBound - Self.maximumQuotation)
        let upper = min(text.count, range.lowerBound + Self.maximumQuotation)
        for (open, close) in quotes {
            var o = range.lowerBound - open.count
            while o >= lower && text[o] != 0x0A && !matches(open, at: o, in: text) { o -= 1 }
            guard o >= lower, matches(open, at: o, in: text), o == 0 || !ScalarClass.isASCIIAlphanumeric(text[o - 1]) else { continue }
            var c = range.upperBound
            while c + close.count <= upper && text[c] != 0x0A && !matches(close, at: c, in: text) { c += 1 }
            guard c + close.count <= upper, matches(close, at: c, in: text) else { continue }
            let after = c + close.count
            if after == text.count || !ScalarClass.isASCIIAlphanumeric(text[after]) { return true }
        }
        return false
    }

    /// Alone in a table cell: nothing but white space between the specifier and `|` cell
    /// borders (or the line's ends), with a border on at least one side.
    private func standsAlone(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var before = range.lowerBound
        while before > 0 && (text[before - 1] == 0x20 || text[before - 1] == 0x09) { before -= 1 }
        let borderBefore = before > 0 && text[before - 1] == UInt8(ascii: "|")
        guard borderBefore || before == 0 || text[before - 1] == 0x0A || text[before - 1] == 0x0D else { return false }
        var after = range.upperBound
        while after < text.count && (text[after] == 0x20 || text[after] == 0x09) { after += 1 }
        let borderAfter = after < text.count && text[after] == UInt8(ascii: "|")
        guard borderAfter || after == text.count || text[after] == 0x0A || text[after] == 0x0D else { return false }
        return borderBefore || borderAfter
    }

    private func matches(_ mark: [UInt8], at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        index >= 0 && index + mark.count <= text.count && (0..<mark.count).allSatisfy { text[index + $0] == mark[$0] }
    }
}
