/// A JSON value that remembers where it stood in its file.
///
/// Foundation's decoder gives no positions on Linux, so rule and config files are parsed into
/// these nodes, and every error can point at the exact line and column of the offending value.
public struct JSONNode: Sendable {
    /// One member of an object, in file order.
    public struct Member: Sendable {
        /// The key.
        public var key: String
        /// Byte offset of the key's opening quote.
        public var keyOffset: Int
        /// The value.
        public var value: JSONNode

        /// The member `key` (its opening quote at `keyOffset`) with `value`.
        public init(key: String, keyOffset: Int, value: JSONNode) {
            self.key = key
            self.keyOffset = keyOffset
            self.value = value
        }
    }

    /// The value itself.
    public enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    /// The value.
    public var value: Value
    /// Byte offset of the value's first character in the source.
    public var offset: Int

    /// `value`, whose first character is at byte `offset` of its source.
    public init(value: Value, offset: Int) {
        self.value = value
        self.offset = offset
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
