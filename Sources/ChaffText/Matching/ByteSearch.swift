#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast searches over raw bytes, built on the C library's vectorised `memchr`.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `from`, or `nil`.
    @inlinable @inline(__always)
    public static func next(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < text.count, let base = text.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), text.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the last `byte` inside `range` of `text`, or `nil`: `memrchr`, which
    /// Swift's Glibc module does not export, eight bytes at a time from the end.
    @inlinable
    public static func last(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = text.baseAddress else { return nil }
        let pattern = ByteWords.broadcast(byte)
        var end = range.upperBound
        while end - 8 >= range.lowerBound {
            let found = ByteWords.equalBytes(ByteWords.load(base, end - 8), pattern)
            // The highest marked byte is the last match: its high bit is bit 8k + 7.
            if found != 0 { return end - 8 + (63 - found.leadingZeroBitCount) / 8 }
            end -= 8
        }
        while end > range.lowerBound {
            end -= 1
            if text[end] == byte { return end }
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` at or after `from`, or `nil`.
    @inlinable @inline(__always)
    public static func next(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        // memmem is a GNU extension that Swift's Glibc module does not export; memchr on the
        // first byte and a short compare is as fast for the 2–4 byte needles used here.
        guard !needle.isEmpty else { return nil }
        let first = needle[0]
        var i = from
        while let candidate = next(first, in: text, from: i) {
            guard candidate + needle.count <= text.count else { return nil }
            var k = 1
            while k < needle.count && text[candidate + k] == needle[k] { k += 1 }
            if k == needle.count { return candidate }
            i = candidate + 1
        }
        return nil
    }

    /// Whether `needle` occurs wholly inside `range` of `text`.
    public static func contains(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= needle.count else { return false }
        return next(needle, in: UnsafeBufferPointer(rebasing: text[range]), from: 0) != nil
    }

    /// Every offset of `byte`, calling `body` for each; `body` returns the offset to resume from.
    @inlinable @inline(__always)
    public static func forEach(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Int) {
        var i = 0
        while let found = next(byte, in: text, from: i) {
            i = max(found + 1, body(found))
        }
    }
}
