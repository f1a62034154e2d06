import ChaffText

/// Jumps from one opening parenthesis to the next, ASCII `(` or full-width `（` (EF BC 88), with
/// `memchr`, so that text without parentheses costs next to nothing.
///
/// The full-width form is found through its last byte, 0x88: searching for its lead byte 0xEF
/// would stop at every full-width comma of Chinese prose, while 0x88 is only one continuation
/// byte value in 64.
struct OpenParenthesisSearch {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var nextASCII = -1
    private var nextFullWidth = -1

    /// A search over `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The first opening parenthesis at or after `from`: its offset and its length in bytes
    /// (1 or 3); nil when there is none.
    mutating func next(from: Int) -> (offset: Int, length: Int)? {
        let count = bytes.count
        if nextASCII < from {
            nextASCII = ByteSearch.next(UInt8(ascii: "("), in: bytes, from: from) ?? count
        }
        if nextFullWidth < from {
            nextFullWidth = fullWidth(from: from) ?? count
        }
        if nextASCII >= count && nextFullWidth >= count { return nil }
        return nextASCII < nextFullWidth ? (nextASCII, 1) : (nextFullWidth, 3)
    }

    /// At least the number of opening parentheses at or after `from`: the `(` bytes and the
    /// 0x88 bytes (the last byte of `（`, and of some other characters), counted eight bytes at
    /// a time. What a document's parse reserves room for once it has found a gloss.
    static func upperBound(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = bytes.baseAddress, from < bytes.count else { return 0 }
        // A byte of `x` is zero exactly where the high bit of `zeros(x)` is set.
        func zeros(_ x: UInt64) -> UInt64 {
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            return ~(((x & low) &+ low) | x | low)
        }
        var count = 0
        var i = from
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            count += (zeros(word ^ 0x2828_2828_2828_2828) | zeros(word ^ 0x8888_8888_8888_8888)).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            if bytes[i] == 0x28 || bytes[i] == 0x88 { count += 1 }
            i += 1
        }
        return count
    }

    private func fullWidth(from: Int) -> Int? {
        var i = from + 2
        while let last = ByteSearch.next(0x88, in: bytes, from: i) {
            if bytes[last - 1] == 0xBC && bytes[last - 2] == 0xEF { return last - 2 }
            i = last + 1
        }
        return nil
    }
}
