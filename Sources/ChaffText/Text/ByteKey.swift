/// A byte string as a hash key.
///
/// `[UInt8]` hashes one byte at a time and `String` normalises before hashing; the claim cue
/// tables deduplicate their words and the file walk its resolved paths with it, where either
/// cost more than hashing the bytes as one block. (The claim lexicon's thousands of phrases
/// use `CaselessByteSet`, which also folds ASCII case and allocates nothing per phrase.)
package struct ByteKey: Hashable {
    /// The bytes.
    let bytes: [UInt8]

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.bytes == rhs.bytes }

    package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
