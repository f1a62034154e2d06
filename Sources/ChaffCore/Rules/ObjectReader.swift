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
    }

    private let members: [JSONNode.Member]
    private var used: Set<String> = []
    /// Path of this object from the file's root, such as `options`; empty for the root.
    public let path: String
    /// Offset of the object's `{`.
    public let offset: Int

    /// Wraps `node`, which must be an object.
    public init(_ node: JSONNode, path: String) throws(Failure) {
        guard case .object(let members) = node.value else {
            throw Failure(offset: node.offset, message: "\(path.isEmpty ? "the file" : "'\(path)'") must be an object, found \(node.typeName)")
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
        guard let node = node(key) else {
            throw Failure(offset: offset, message: "missing required key '\(path(of: key))'")
        }
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
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be between \(range.lowerBound) and \(range.upperBound), found \(int)")
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
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    /// An optional string with one of `choices`.
    public mutating func optionalChoice(_ key: String, _ choices: [String]) throws(Failure) -> String? {
        guard let node = node(key) else { return nil }
        let value = try Self.string(node, path: path(of: key))
        guard choices.contains(value) else {
            throw Failure(offset: node.offset, message: "'\(path(of: key))' must be one of \(choices.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'")
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
        for member in members where !used.contains(member.key) {
            let allowed = used.sorted().map { "'\($0)'" }.joined(separator: ", ")
            var message = "unknown key '\(path(of: member.key))'"
            if let suggestion = Self.closest(member.key, in: Array(used)) {
                message += "; did you mean '\(suggestion)'?"
            } else if !allowed.isEmpty {
                message += "; allowed keys: \(allowed)"
            }
            throw Failure(offset: member.keyOffset, message: message)
        }
    }

    /// A string node's value.
    public static func string(_ node: JSONNode, path: String) throws(Failure) -> String {
        guard case .string(let value) = node.value else {
            throw Failure(offset: node.offset, message: "'\(path)' must be a string, found \(node.typeName)")
        }
        return value
    }

    // A near-miss key is almost always a typo; naming the intended key saves a trip to the docs.
    private static func closest(_ key: String, in candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where a.count > 0 {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let a = Array(key.lowercased())
        let best = candidates.map { ($0, distance(a, Array($0.lowercased()))) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best, best.1 <= max(1, key.count / 3) else { return nil }
        return best.0
    }
}
