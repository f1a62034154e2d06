/// A byte string as a hash key.
///
/// `[UInt8]` hashes one byte at a time and `String` normalises before hashing; building the
/// claim lexicon deduplicates thousands of phrases at start-up, where either cost more than
/// hashing the bytes as one block.
package struct ByteKey: Hashable {
    /// The bytes.
    let bytes: [UInt8]

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.bytes == rhs.bytes }

    package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
