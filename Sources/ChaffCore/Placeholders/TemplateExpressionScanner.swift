/// `{{ name }}`, `{% tag %}`, `{# comment #}` and `${name}`, each on one line and at most 80
/// bytes inside; `{{ }}` and `${ }` contain no braces.
struct TemplateExpressionScanner: Sendable {
    static let maximumInner = 80

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        ByteSearch.forEach(UInt8(ascii: "{"), in: text) { start in
            guard start + 1 < text.count else { return start + 1 }
            let end: Int?
            switch text[start + 1] {
            case UInt8(ascii: "{"): end = braced(from: start + 2, in: text, closing: UInt8(ascii: "}"), double: true)
            case UInt8(ascii: "%"): end = delimited(from: start + 2, in: text, closing: UInt8(ascii: "%"))
            case UInt8(ascii: "#"): end = delimited(from: start + 2, in: text, closing: UInt8(ascii: "#"))
            default: end = nil
            }
            guard let end else { return start + 1 }
            found.append(start..<end)
            return end
        }
        ByteSearch.forEach(UInt8(ascii: "$"), in: text) { start in
            guard start + 2 < text.count, text[start + 1] == UInt8(ascii: "{"),
                let end = braced(from: start + 2, in: text, closing: UInt8(ascii: "}"), double: false), end - start > 3
            else { return start + 1 }
            found.append(start..<end)
            return end
        }
        // `${…}` cannot overlap `{{…}}` except inside it; keep the earlier, outer match.
        found.sort { $0.lowerBound < $1.lowerBound }
        var last = -1
        for range in found where range.lowerBound >= last {
            report(range)
            last = range.upperBound
        }
    }

    /// Inner text without braces or line breaks, then `}` (or `}}`).
    private func braced(from start: Int, in text: UnsafeBufferPointer<UInt8>, closing: UInt8, double: Bool) -> Int? {
        var i = start
        while i < text.count && i - start <= Self.maximumInner {
            let b = text[i]
            if b == UInt8(ascii: "}") {
                if !double { return i + 1 }
                return i + 1 < text.count && text[i + 1] == UInt8(ascii: "}") ? i + 2 : nil
            }
            if b == UInt8(ascii: "{") || b == 0x0A || b == 0x0D { return nil }
            i += 1
        }
        return nil
    }

    /// The first `%}` or `#}` on the same line.
    private func delimited(from start: Int, in text: UnsafeBufferPointer<UInt8>, closing: UInt8) -> Int? {
        var i = start
        while i + 1 < text.count && i - start <= Self.maximumInner {
            let b = text[i]
            if b == 0x0A || b == 0x0D { return nil }
            if b == closing && text[i + 1] == UInt8(ascii: "}") { return i + 2 }
            i += 1
        }
        return nil
    }
}
