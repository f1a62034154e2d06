/// Decoding helpers shared by the generated pinyin tables (format described in
/// `Scripts/generate-pinyin-tables.py`).
enum PinyinTableCode {
    /// The common ideograph blocks (CJK Extension A, the Unified Ideographs and the rest up to
    /// U+9FFF): the pinyin tables keep flat arrays by code point for these, where glossed text
    /// asks about every character, and hashed maps for the rare others.
    static var flatRange: Range<UInt32> { 0x3400..<0xA000 }

    /// Value of one character of the code alphabet `0-9A-Za-z-_`, or -1.
    @inline(__always)
    static func digit(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte) - 48
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte) - 65 + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte) - 97 + 36
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return -1
        }
    }

    /// Value of one character of the key alphabet, the code alphabet's characters in byte
    /// order (`-0-9A-Z_a-z`), or -1. The word table's keys are written in it, so that their
    /// bytes sort as the keys do.
    @inline(__always)
    static func keyDigit(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "-"): return 0
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte) - 48 + 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte) - 65 + 11
        case UInt8(ascii: "_"): return 37
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte) - 97 + 38
        default: return -1
        }
    }

    /// The key alphabet's character of `value` (0-63; see `keyDigit`).
    @inline(__always)
    static func keyCharacter(_ value: Int) -> UInt8 {
        switch value {
        case 0: return UInt8(ascii: "-")
        case 1...10: return UInt8(truncatingIfNeeded: value - 1 + 48)
        case 11...36: return UInt8(truncatingIfNeeded: value - 11 + 65)
        case 37: return UInt8(ascii: "_")
        default: return UInt8(truncatingIfNeeded: value - 38 + 97)
        }
    }

    /// Decodes the scalar whose UTF-8 sequence starts at `i` (a well-formed generated literal)
    /// and returns it with the index after it.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, i + 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), i + 2)
        }
        if lead < 0xF0 {
            return (
                (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6
                    | UInt32(bytes[i + 2] & 0x3F), i + 3
            )
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), i + 4
        )
    }

    /// Runs `body` over the UTF-8 bytes of a generated literal.
    static func withBytes<R>(_ literal: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = literal
        return copy.withUTF8(body)
    }
}
