/// Finds i18next nesting, `$t(key)` and `$t(key, {"count": 2})`: another string of the catalogue
/// inserted at run time, so a translation must keep the key the source names.
enum NestingScanner {
    /// The `$t(…)` references of `text`, keyed by the key they name.
    static func scan(_ text: [UInt8]) -> [FormatPlaceholder] {
        var out: [FormatPlaceholder] = []
        var p = 0
        while p + 3 < text.count {
            guard text[p] == 0x24, text[p + 1] == UInt8(ascii: "t"), text[p + 2] == 0x28 else {
                p += 1
                continue
            }
            var q = p + 3
            var keyEnd: Int?
            var depth = 0
            while q < text.count && q - p < 200 && text[q] != 0x0A {
                let byte = text[q]
                if byte == 0x2C && keyEnd == nil && depth == 0 { keyEnd = q }
                if byte == 0x7B { depth += 1 }
                if byte == 0x7D { depth -= 1 }
                if byte == 0x29 && depth <= 0 { break }
                q += 1
            }
            guard q < text.count, text[q] == 0x29 else {
                p += 1
                continue
            }
            var lower = p + 3
            var upper = keyEnd ?? q
            while lower < upper && text[lower] == 0x20 { lower += 1 }
            while upper > lower && text[upper - 1] == 0x20 { upper -= 1 }
            if lower < upper {
                let key = String(decoding: text[lower..<upper], as: UTF8.self)
                out.append(FormatPlaceholder(family: .nesting, range: p..<(q + 1), key: key, conversion: ""))
            }
            p = q + 1
        }
        return out
    }
}
