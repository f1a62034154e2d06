import ChaffText

/// Whether bytes are binary rather than text in any encoding chaff reads.
public enum BinaryContent {
    /// Whether the content looks binary: a NUL byte in the first 8 KiB, unless it starts with a
    /// UTF-16 byte order mark (text with NULs in every other byte).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.withUnsafeBufferPointer { whole in
            ByteSearch.next(0, in: UnsafeBufferPointer(rebasing: whole.prefix(8192)), from: 0) != nil
        }
    }
}
