/// An encoding chaff can read a file in. The engine always works on UTF-8; a file in another
/// encoding is transcoded once when it is read, with a `SourceOrigin` mapping every offset of
/// the transcoding back to the file's own bytes.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case utf32LE = "UTF-32LE"
    case utf32BE = "UTF-32BE"
    /// GB18030, a superset of GBK and GB2312 (Simplified Chinese).
    case gb18030 = "GB18030"
    /// Big5 (Traditional Chinese).
    case big5 = "BIG5"
    /// Microsoft's Big5 (code page 950), for Big5 files that use its extensions.
    case cp950 = "CP950"

    /// The name glibc's `iconv` knows it by.
    public var iconvName: String { rawValue }

    /// The name shown to users.
    public var displayName: String {
        switch self {
        case .big5: return "Big5"
        default: return rawValue
        }
    }

    /// The byte order mark of the encoding that a file may start with.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf32LE: return [0xFF, 0xFE, 0x00, 0x00]
        case .utf32BE: return [0x00, 0x00, 0xFE, 0xFF]
        case .gb18030: return [0x84, 0x31, 0x95, 0x33]
        case .big5, .cp950: return []
        }
    }
}
