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

    /// The number of opening parentheses at or after `from`: what a document's parse reserves
    /// room for once it has found a gloss. The same search as the parse's (a byte-by-byte
    /// count of `(` and of `（`'s last byte cost twice as much, for a looser bound).
    static func count(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var search = OpenParenthesisSearch(bytes)
        var count = 0
        var i = from
        while let (offset, length) = search.next(from: i) {
            count += 1
            i = offset + length
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
