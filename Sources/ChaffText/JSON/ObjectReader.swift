/// Reads one JSON object strictly: each key is taken at most once, the expected type is
/// enforced, and `finish()` rejects every key nobody asked for.
///
/// Errors carry the byte offset of the offending key or value and its key path (`options.phrases[2]`).
public struct ObjectReader {
    /// A decoding error at a byte offset.
    public struct Failure: Error, Sendable {
        /// Byte offset in the file.
        public var offset: Int
        /// The message, already naming the key path.
        public var message: String

        /// A failure at byte `offset` saying `message`.
        public init(offset: Int, message: String) {
            self.offset = offset
            self.message = message
        }
    }

    private let members: [JSONNode.Member]
    private var used: Set<String> = []
    /// Path of this object from the file's root, such as `options`; empty for the root.
    public let path: String
    /// Offset of the object's `{`.
    public let offset: Int
    /// Every key this object may have, when the reader knows them up front; a missing required
    /// key is then checked for a misspelling among the keys present (see `missingKey`).
    public var knownKeys: [String] = []

    /// Wraps `node`, which must be an object.
    public init(_ node: JSONNode, path: String) throws(Failure) {
        guard case .object(let members) = node.value else {
            throw Failure(
                offset: node.offset, message: "\(path.isEmpty ? "the file" : "'\(path)'") must be an object, found \(node.typeName)")
        }
        self.members = members
        self.path = path
        self.offset = node.offset
    }

    /// The path of `key` below this object.
    public func path(of key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Takes the raw node for `key`, if present.
    public mutating func node(_ key: String) -> JSONNode? {
        used.insert(key)
        return members.first { $0.key == key }?.value
    }

    /// Whether the object has `key`.
    public func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// A required string.
    public mutating func string(_ key: String) throws(Failure) -> String {
        guard let node = node(key) else { throw missingKey(key) }
        return try Self.string(node, path: path(of: key))
    }

    /// An optional string.
    public mutating func optionalString(_ key: String) throws(Failure) -> String? {
        guard let node = node(key) else { return nil }
        return try Self.string(node, path: path(of: key))
    }

    /// An optional boolean.
    public mutating func optionalBool(_ key: String) throws(Failure) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .bool(let value) = node.value else {
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be a boolean, found \(node.typeName)")
        }
        return value
    }

    /// An optional whole number within `range`.
    public mutating func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(Failure) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .number(let value) = node.value, value == value.rounded(), let int = Int(exactly: value) else {
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be a whole number, found \(node.typeName)")
        }
        guard range.contains(int) else {
            throw Failure(
                offset: node.offset, message: "'\(path(of: key))' must be between \(range.lowerBound) and \(range.upperBound), found \(int)"
            )
        }
        return int
    }

    /// An optional number within `range`.
    public mutating func optionalDouble(_ key: String, in range: ClosedRange<Double>) throws(Failure) -> Double? {
        guard let node = node(key) else { return nil }
        guard case .number(let value) = node.value else {
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be a number, found \(node.typeName)")
        }
        guard range.contains(value) else {
            throw Failure(
                offset: node.offset,
                message: "'\(path(of: key))' must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    /// An optional string with one of `choices`.
    public mutating func optionalChoice(_ key: String, _ choices: [String]) throws(Failure) -> String? {
        guard let node = node(key) else { return nil }
        let value = try Self.string(node, path: path(of: key))
        guard choices.contains(value) else {
            throw Failure(
                offset: node.offset,
                message: "'\(path(of: key))' must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'")
        }
        return value
    }

    /// An optional array of strings; each element's offset is returned beside it.
    public mutating func optionalStrings(_ key: String) throws(Failure) -> [(String, Int)]? {
        guard let node = node(key) else { return nil }
        guard case .array(let elements) = node.value else {
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be an array of strings, found \(node.typeName)")
        }
        var out: [(String, Int)] = []
        out.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            // The element's path is text only an error needs; lexicons list thousands.
            guard case .string(let value) = element.value else {
                throw Failure(offset: element.offset, message: "'\(path(of: key))[\(i)]' must be a string, found \(element.typeName)")
            }
            out.append((value, element.offset))
        }
        return out
    }

    /// An optional nested object.
    public mutating func optionalObject(_ key: String) throws(Failure) -> ObjectReader? {
        guard let node = node(key) else { return nil }
        return try ObjectReader(node, path: path(of: key))
    }

    /// The members in file order (for maps such as per-rule severities); marks all as used.
    public mutating func allMembers() -> [JSONNode.Member] {
        for member in members { used.insert(member.key) }
        return members
    }

    /// Fails on the first key that was never read, naming the keys that are allowed.
    public func finish() throws(Failure) {
        if let first = unknownKeys().first { throw first }
    }

    /// Every key that was never read, in file order, each as the failure `finish()` would throw
    /// for it; for files whose errors are all reported at once.
    public func unknownKeys() -> [Failure] {
        var failures: [Failure] = []
        for member in members where !used.contains(member.key) {
            let allowed = used.sorted().map { "'\($0)'" }.joined(separator: ", ")
            var message = "unknown key '\(path(of: member.key))'"
            if let suggestion = Suggestion.closest(to: member.key, in: used) {
                message += "; did you mean '\(suggestion)'?"
            } else if !allowed.isEmpty {
                message += "; allowed keys: \(allowed)"
            }
            failures.append(Failure(offset: member.keyOffset, message: message))
        }
        return failures
    }

    /// A string node's value.
    public static func string(_ node: JSONNode, path: String) throws(Failure) -> String {
        guard case .string(let value) = node.value else {
            throw Failure(offset: node.offset, message: "'\(path)' must be a string, found \(node.typeName)")
        }
        return value
    }

    /// The error for a required `key` that is absent. When the object has an unknown key that is
    /// a near miss of it (`exampels` for `examples`), the error names that key where it stands:
    /// the key is there, only misspelt, and "missing" would send the writer looking for nothing.
    /// `known` is every key the object may have, so that a valid neighbour (`valid` beside a
    /// missing `invalid`) is never taken for the misspelling.
    public func missingKey(_ key: String, known: [String]? = nil, detail: String = "") -> Failure {
        let known = known ?? knownKeys
        for member in members where !known.contains(member.key) && !used.contains(member.key) {
            if Suggestion.closest(to: member.key, in: known) == key {
                return Failure(offset: member.keyOffset, message: "unknown key '\(path(of: member.key))'; did you mean '\(key)'?")
            }
        }
        return Failure(offset: offset, message: "missing required key '\(path(of: key))'\(detail)")
    }
}
