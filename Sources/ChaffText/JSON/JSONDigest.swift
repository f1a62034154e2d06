/// A hash of what JSON values say, whatever their layout in the file: two values with the same
/// members, elements, keys, strings, numbers and literals, in the same order, have the same
/// digest, wherever they stand and however they are spaced or commented.
///
/// Each value is written as a tag byte and its content, strings and lists with their lengths
/// first (so that `["ab", "c"]` and `["a", "bc"]` differ), and the bytes are hashed with
/// `ContentHash`. Not cryptographic: it tells an unchanged value from a changed one.
extension JSONNode {
    /// The digest of this value.
    public var digest: UInt64 {
        var bytes: [UInt8] = []
        appendCanonical(to: &bytes)
        return ContentHash.of(bytes)
    }

    /// The digest of an object with `members`.
    static func digest(of members: [Member]) -> UInt64 {
        var bytes: [UInt8] = []
        appendCanonical(members, to: &bytes)
        return ContentHash.of(bytes)
    }

    private func appendCanonical(to bytes: inout [UInt8]) {
        switch value {
        case .object(let members): Self.appendCanonical(members, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "a"))
            Self.appendLength(elements.count, to: &bytes)
            for element in elements { element.appendCanonical(to: &bytes) }
        case .string(let string): Self.appendString(string, to: &bytes)
        case .number(let number):
            bytes.append(UInt8(ascii: "n"))
            Self.appendLength(Int(truncatingIfNeeded: number.bitPattern), to: &bytes)
        case .bool(let flag): bytes.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .null: bytes.append(UInt8(ascii: "z"))
        }
    }

    private static func appendCanonical(_ members: [Member], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "o"))
        appendLength(members.count, to: &bytes)
        for member in members {
            appendString(member.key, to: &bytes)
            member.value.appendCanonical(to: &bytes)
        }
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "s"))
        appendLength(string.utf8.count, to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: length).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
