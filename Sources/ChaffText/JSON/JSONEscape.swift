/// The one-character escapes of JSON strings (RFC 8259 section 7), for every reader of JSON in
/// chaff: the positioned parser of rule and config files, and the stream mode's line reader.
public enum JSONEscape {
    /// The byte that `\` followed by `letter` stands for (`n` a line feed, `"` a quotation
    /// mark…), or `nil` for `u` (four hex digits follow) and for a letter JSON does not allow.
    @inline(__always)
    public static func byte(for letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return letter
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }
}
