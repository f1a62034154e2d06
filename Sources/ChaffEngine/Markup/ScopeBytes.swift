/// How a `MaskedDocument` holds one scope's bytes.
///
/// Most scopes of most files are either the source itself (plain-text prose) or blank (code,
/// comment and heading of plain text; comment of Markdown without comments). Holding them as
/// full copies tripled the memory of a large file, so such scopes are stored by what they are
/// and only materialised when a caller asks for their bytes.
public enum ScopeBytes: Sendable, Equatable {
    /// The scope is the source, byte for byte.
    case source
    /// Nothing is in the scope: every byte is a space except `\n` and `\r`.
    case blank
    /// The scope's own bytes, as long as the source.
    case bytes([UInt8])
    /// Blank but for a few segments (a large file's comments).
    case segments(ScopeSegments)
    /// The scope was not built, because no rule of this run reads it.
    case omitted

    /// `source` with every byte except line breaks turned into a space.
    public static func blank(_ source: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            source.withUnsafeBufferPointer { source in
                for i in 0..<source.count {
                    let byte = source[i]
                    buffer[i] = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn ? byte : 0x20
                }
            }
            initialized = source.count
        }
    }
}
