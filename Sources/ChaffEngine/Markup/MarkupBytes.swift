import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ASCII byte tests shared by the markup scanners. Markup syntax is ASCII, so every test here
/// is false for the bytes of multi-byte UTF-8 characters.
package enum MarkupBytes {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    @inline(__always) package static func isAlpha(_ b: UInt8) -> Bool {
        let folded = b | 0x20
        return folded >= 0x61 && folded <= 0x7A
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) package static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }

    @inline(__always) static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66)
    }

    @inline(__always) static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    @inline(__always) static func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// Space, tab, line feed, form feed, carriage return: whitespace inside HTML tags.
    @inline(__always) package static func isHTMLWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    /// Any ASCII whitespace, including vertical tab and form feed.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// The ASCII punctuation a Markdown backslash can escape.
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60)
            || (b >= 0x7B && b <= 0x7E)
    }

    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// Whether `buffer[range]` equals the lowercase ASCII `name`, ignoring ASCII case.
    package static func equalsIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        var k = 0
        for i in range {
            if lowercased(buffer[i]) != pointer[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `buffer[range]` and `buffer[other]` hold the same bytes, ignoring ASCII case.
    package static func equalsIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ other: Range<Int>) -> Bool {
        guard range.count == other.count else { return false }
        var k = other.lowerBound
        for i in range {
            if lowercased(buffer[i]) != lowercased(buffer[k]) { return false }
            k += 1
        }
        return true
    }

    /// Whether the bytes at `offset` start with the lowercase ASCII `prefix`, ignoring case.
    static func hasPrefixIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset >= 0, offset + count <= end else { return false }
        let pointer = prefix.utf8Start
        for k in 0..<count where lowercased(buffer[offset + k]) != pointer[k] { return false }
        return true
    }

    /// Whether the bytes at `offset` start with `prefix` exactly.
    static func hasPrefix(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset >= 0, offset + count <= end else { return false }
        let pointer = prefix.utf8Start
        for k in 0..<count where buffer[offset + k] != pointer[k] { return false }
        return true
    }

    /// The first index in `from..<end` holding `byte`, or `end`.
    @inline(__always) package static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        var i = from
        // Most searches end within a few bytes (a tag's `>`): the first sixteen are read eight
        // at a time; a long one (the next `<` of a paragraph) goes to the C library's
        // vectorised memchr, not a byte-at-a-time loop.
        guard let base = buffer.baseAddress else { return end }
        let pattern = ByteWords.broadcast(byte)
        var words = 0
        while words < 2 && i + 8 <= end {
            let found = ByteWords.equalBytes(ByteWords.load(base, i), pattern)
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
            words += 1
        }
        if i + 8 > end {
            while i < end && buffer[i] != byte { i += 1 }
            return i
        }
        guard let found = memchr(base + i, Int32(byte), end - i) else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first index in `from..<end` where `pattern` starts, or nil.
    static func index(of pattern: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        let count = pattern.utf8CodeUnitCount
        let first = pattern.utf8Start[0]
        var i = from
        while i + count <= end {
            i = index(of: first, in: buffer, from: i, end: end - count + 1)
            if i + count > end { return nil }
            if hasPrefix(buffer, at: i, end: end, pattern) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `bytes` starts with a UTF-8 byte order mark.
    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
