/// An error in a user-written file (rule file, config file), located at a line and column.
///
/// Printed in compiler style, `path:line:col: error: message`, so editors and CI jump to it.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in Unicode scalars.
    public var column: Int
    /// What is wrong and, where it helps, what would be right.
    public var message: String

    /// Locates `offset` in `bytes` for `path`.
    public init(path: String, bytes: [UInt8], offset: Int, message: String) {
        let index = LineIndex(bytes)
        let position = index.position(of: offset, in: bytes, unit: .scalar)
        self.path = path
        self.line = position.line
        self.column = position.column
        self.message = message
    }

    /// An error with a known position.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

extension SourceError {
    /// Parses `bytes` as JSON and decodes the root with `decode`, turning syntax and decoding
    /// failures into errors at their line and column in `path`. Config, baseline and rule files
    /// all read this way.
    public static func decodingJSON<T>(
        _ bytes: [UInt8], path: String, _ decode: (JSONNode) throws(ObjectReader.Failure) -> T
    ) throws(SourceError) -> T {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SourceError(path: path, bytes: bytes, offset: error.offset, message: error.message)
        }
        do {
            return try decode(root)
        } catch {
            throw SourceError(path: path, bytes: bytes, offset: error.offset, message: error.message)
        }
    }
}

/// Several errors in one user-written file, reported together so that one round of edits can
/// fix them all. Printed one per line, each in compiler style.
public struct SourceErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors, in file order; never empty.
    public var errors: [SourceError]

    /// The errors `errors`.
    public init(_ errors: [SourceError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
