/// Strict UTF-8 decoding of one scalar at a byte offset.
///
/// chaff scans raw bytes; when it needs a scalar it decodes here, so that every component
/// agrees on how invalid input is counted: an invalid or truncated sequence is one stray byte.
public enum UTF8Decoding {
    /// Decodes the scalar starting at `index`; returns `nil` and length 1 for a stray byte.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32?, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = bytes.count
        @inline(__always) func cont(_ j: Int) -> UInt32? {
            guard j < n else { return nil }
            let b = bytes[j]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = cont(index + 1) else { return (nil, 1) }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = cont(index + 1), let c2 = cont(index + 2) else { return (nil, 1) }
            let value = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if value < 0x800 || (0xD800...0xDFFF).contains(value) { return (nil, 1) }
            return (value, 3)
        case 0xF0...0xF4:
            guard let c1 = cont(index + 1), let c2 = cont(index + 2), let c3 = cont(index + 3) else {
                return (nil, 1)
            }
            let value = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if value < 0x10000 || value > 0x10FFFF { return (nil, 1) }
            return (value, 4)
        default:
            return (nil, 1)
        }
    }

    /// Whether the three bytes at `index` are a well-formed three-byte character that is not
    /// U+FFFD, told without decoding it: leads E1–EC and EE–EF admit any continuation bytes
    /// (E0 and ED do not, and fall to `decode`). Every CJK character passes; a scan that only
    /// looks for invalid bytes and replacement characters steps over it.
    @inlinable @inline(__always)
    public static func isPlainThreeByteCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 <= bytes.count else { return false }
        let lead = bytes[index], b1 = bytes[index + 1], b2 = bytes[index + 2]
        return isOpenThreeByteSequence(lead, b1, b2) && !(lead == 0xEF && b1 == 0xBF && b2 == 0xBD)
    }

    /// Whether `lead`, `b1`, `b2` are a well-formed three-byte character whose lead admits any
    /// continuation bytes (E1–EC, EE–EF; E0 and ED restrict theirs): every CJK character is one.
    @inlinable @inline(__always)
    public static func isOpenThreeByteSequence(_ lead: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        (lead &- 0xE1 < 0x0C || lead &- 0xEE < 2) && b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80
    }

    /// Array convenience for `decode(_:at:)`.
    @inlinable @inline(__always)
    public static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: UInt32?, length: Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: index) }
    }

    /// Whether all of `bytes` is valid UTF-8, told by up to `workers` threads for a large text:
    /// each reads a part that starts at a byte that is not a continuation byte, so a character
    /// is never split (one cut short at a part's end is as invalid in the whole, since the next
    /// part starts with a byte that cannot continue it).
    public static func isValid(_ bytes: [UInt8], workers: Int = 1) -> Bool {
        isValid(bytes, workers: workers, partBytes: parallelPartBytes)
    }

    /// `isValid(_:workers:)` with parts of at least `partBytes` (tests use small parts).
    static func isValid(_ bytes: [UInt8], workers: Int, partBytes: Int) -> Bool {
        let parts = min(max(workers, 1), bytes.count / max(partBytes, 1))
        guard parts > 1 else { return firstInvalidOffset(bytes) == nil }
        var cuts = [0]
        for k in 1..<parts {
            var cut = bytes.count / parts * k
            // At most three continuation bytes follow a lead byte; a fourth is invalid anywhere.
            var steps = 0
            while steps < 3 && bytes[cut] & 0xC0 == 0x80 {
                cut -= 1
                steps += 1
            }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        return bytes.withUnsafeBufferPointer { text in
            ConcurrentParts.all(cuts.count - 1) { k in firstInvalidOffset(UnsafeBufferPointer(rebasing: text[cuts[k]..<cuts[k + 1]])) == nil
            }
        }
    }

    /// The size from which `isValid(_:workers:)` gives each thread a part of at least this.
    static let parallelPartBytes = 4 << 20

    /// The offset of the first byte that is not valid UTF-8, or `nil` when all of it is valid.
    /// Every UTF-8 file is read through here once: ASCII sixteen or eight bytes at a time, runs
    /// of CJK characters eight at a time (`ThreeByteBlock`) and then one by one without
    /// decoding them, and only the rest decoded.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }

    /// `firstInvalidOffset(_:)` of a buffer.
    public static func firstInvalidOffset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = text.count
        while true {
            i = ASCIISkip.nextNonASCII(text, from: i, end: n)
            guard i < n else { return nil }
            // A run of such characters in one loop: Chinese text is mostly them, eight
            // at a time while they last (a run between two tags is some ten characters).
            let runStart = i
            if let base = text.baseAddress {
                while i + 24 <= n && ThreeByteBlock.holdsEight(base + i) { i += 24 }
            }
            while i + 3 <= n {
                let lead = text[i], b1 = text[i + 1], b2 = text[i + 2]
                guard (lead &- 0xE1 < 0x0C || lead &- 0xEE < 2) && b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 else { break }
                i += 3
            }
            if i > runStart { continue }
            let (scalar, length) = decode(text, at: i)
            if scalar == nil { return i }
            i += length
        }
    }
}
