/// One file's text, split into scopes by its markup masker.
public struct Document: Sendable {
    /// The path as reported.
    public var path: String
    /// The source bytes.
    public var source: [UInt8]
    /// The masked bytes of each scope; a scope missing here has no text.
    public var scopes: [Scope: [UInt8]]
    /// Byte ranges of comments, where suppression directives live.
    public var comments: [Range<Int>]

    /// A document whose scopes were computed by a masker.
    public init(path: String, source: [UInt8], scopes: [Scope: [UInt8]], comments: [Range<Int>] = []) {
        self.path = path
        self.source = source
        self.scopes = scopes
        self.comments = comments
    }

    /// The bytes of `scope`, the same length as the source.
    public func bytes(for scope: Scope) -> [UInt8] {
        if scope == .raw { return source }
        if let bytes = scopes[scope] { return bytes }
        return Self.blank(source)
    }

    /// `source` with every byte except line breaks turned into a space.
    public static func blank(_ source: [UInt8]) -> [UInt8] {
        source.map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
    }
}
