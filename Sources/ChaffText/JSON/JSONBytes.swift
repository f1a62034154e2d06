/// JSON text appended to a byte buffer: the records of `chaff stream` and every report that
/// `JSONOutput` serialises. A million stream records built as Swift strings spent a sixth of the
/// run growing and re-validating them, and a JSON report of 8,000 findings spent a third of a
/// typography run on `String` appends and indentation strings.
///
/// Strings are escaped so that no consumer sees a raw control character and `cat report.json`
/// cannot display text reordered: C0 and C1 controls, DEL, the line and paragraph separators,
/// the bidirectional controls, and U+FEFF (Foundation's JSONSerialization drops a raw one at the
/// start of a string or after an escape, as if it were a byte order mark; found by the
/// `document` fuzz target). The work is on the UTF-8 bytes: runs that need no escape are copied
/// as they are.
public enum JSONBytes {
    /// Appends `text` as a quoted JSON string.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(utf8: $0, to: &out) }
    }

    /// Appends the valid UTF-8 `bytes` as a quoted JSON string.
    public static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendQuoted(bytes, to: &out)
    }

    /// Appends `text` as a quoted JSON string.
    public static func appendString(_ text: String, to out: inout ByteWriter) {
        var text = text
        text.withUTF8 { appendQuoted($0, to: &out) }
    }

    /// The most bytes `appendString` writes for a string of `count` UTF-8 bytes: an escape
    /// takes at most six bytes for one (`\u0001`), and the quotes two.
    public static func quotedBound(_ count: Int) -> Int { 6 * count + 2 }

    @inline(__always)
    private static func appendQuoted<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        out.write(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let end = bytes.count
        let quotes = ByteWords.broadcast(UInt8(ascii: "\""))
        let backslashes = ByteWords.broadcast(UInt8(ascii: "\\"))
        let deletes = ByteWords.broadcast(0x7F)
        while i < end {
            // Eight printable ASCII bytes that need no escape are passed over at once.
            if i + 8 <= end, let base = bytes.baseAddress {
                let word = ByteWords.load(base, i)
                let special =
                    (word & 0x8080_8080_8080_8080) | ByteWords.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0)
                    | ByteWords.equalBytes(word, quotes) | ByteWords.equalBytes(word, backslashes)
                    | ByteWords.equalBytes(word, deletes)
                if special == 0 {
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            let length: Int
            let scalar: UInt32?
            if byte >= 0x20 && byte < 0x7F {
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    i += 1
                    continue
                }
                length = 1
                scalar = UInt32(byte)
            } else if byte < 0x80 {
                length = 1
                scalar = UInt32(byte)
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                scalar = escapedNonASCII(bytes, at: i, length: length)
            }
            guard let scalar else {
                i += length
                continue
            }
            out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            appendEscape(scalar, to: &out)
            i += length
            runStart = i
        }
        out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        out.write(UInt8(ascii: "\""))
    }

    /// The scalar at `i` when it is one of the non-ASCII scalars that are escaped, else nil.
    private static func escapedNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> UInt32? {
        let lead = bytes[i]
        // Only these lead bytes start an escaped scalar: C2 (C1 controls), D8 (U+061C),
        // E2 (U+200E…U+2069), EF (U+FEFF).
        guard lead == 0xC2 || lead == 0xD8 || lead == 0xE2 || lead == 0xEF, i + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        let escaped =
            (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0xFEFF
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
        return escaped ? value : nil
    }

    private static func appendEscape<Sink: ByteSink>(_ scalar: UInt32, to out: inout Sink) {
        out.write(UInt8(ascii: "\\"))
        switch scalar {
        case 0x22: out.write(UInt8(ascii: "\""))
        case 0x5C: out.write(UInt8(ascii: "\\"))
        case 0x0A: out.write(UInt8(ascii: "n"))
        case 0x0D: out.write(UInt8(ascii: "r"))
        case 0x09: out.write(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            out.write(UInt8(ascii: "u"))
            out.write(digits[Int(scalar >> 12 & 0xF)])
            out.write(digits[Int(scalar >> 8 & 0xF)])
            out.write(digits[Int(scalar >> 4 & 0xF)])
            out.write(digits[Int(scalar & 0xF)])
        }
    }

    /// Appends ASCII text (keys, punctuation, numbers) as it is.
    public static func append(_ ascii: StaticString, to out: inout [UInt8]) {
        out += UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount)
    }

    /// Appends ASCII text (keys, punctuation, numbers) as it is.
    @inlinable public static func append(_ ascii: StaticString, to out: inout ByteWriter) {
        out.write(UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    /// Appends a decimal integer.
    public static func append(_ value: Int, to out: inout ByteWriter) { appendDecimal(value, to: &out) }

    /// The most bytes `append(_: Int, to:)` writes.
    public static let decimalBound = 20

    /// Appends a decimal integer.
    public static func append(_ value: Int, to out: inout [UInt8]) { appendDecimal(value, to: &out) }

    @inline(__always)
    private static func appendDecimal<Sink: ByteSink>(_ value: Int, to out: inout Sink) {
        if value >= 0 && value < 10 {
            out.write(UInt8(ascii: "0") + UInt8(value))
            return
        }
        // Digits into a small stack buffer, most significant first; no String per number.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var n = 20
            repeat {
                n -= 1
                digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { out.write(UInt8(ascii: "-")) }
            out.write(UnsafeBufferPointer(rebasing: digits[n..<20]))
        }
    }

    /// Appends `count` spaces (indentation).
    public static func appendSpaces(_ count: Int, to out: inout [UInt8]) {
        for _ in 0..<max(0, count) { out.append(0x20) }
    }
}
