/// `{best|top|finest}`: two or more alternatives between braces, each 1 to 61 characters on one
/// line with no braces or bars, and no space next to a bar or brace (so set-builder notation
/// `{x | x > 0}` is not spintax).
struct SpintaxScanner: Sendable {
    static let maximumAlternative = 61

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        ByteSearch.forEach(UInt8(ascii: "{"), in: text) { start in
            guard let end = spintax(from: start + 1, in: text) else { return start + 1 }
            report(start..<end)
            return end
        }
    }

    private func spintax(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        var alternatives = 0
        while true {
            // One alternative.
            var count = 0
            var first: UInt32?
            var last: UInt32 = 0
            while i < text.count {
                let b = text[i]
                if b == UInt8(ascii: "{") || b == 0x0A || b == 0x0D { return nil }
                if b == UInt8(ascii: "|") || b == UInt8(ascii: "}") { break }
                let (scalar, length) = UTF8Decoding.decode(text, at: i)
                let value = scalar ?? 0xFFFD
                if first == nil { first = value }
                last = value
                count += 1
                if count > Self.maximumAlternative { return nil }
                i += length
            }
            guard i < text.count, let first, !ScalarClass.isSpace(first), !ScalarClass.isSpace(last) else { return nil }
            alternatives += 1
            if text[i] == UInt8(ascii: "}") { return alternatives >= 2 ? i + 1 : nil }
            i += 1  // past the bar
        }
    }
}
