import ChaffText

/// One file's text, split into scopes by its markup masker.
public struct Document: Sendable {
    /// The path as reported.
    public var path: String
    /// The masked scopes and the source.
    public var masked: MaskedDocument
    /// For a file in another encoding than UTF-8: the encoding and the map from offsets of
    /// `source` (its UTF-8 transcoding) to offsets in the file. Rules work on the transcoding;
    /// diagnostics report positions in the file. `nil` for UTF-8.
    public var origin: SourceOrigin?
    /// Whether `source` is known to be valid UTF-8 (the reader checked it, or made it): rules
    /// may then skip their own check. `false` when not known.
    public var isValidUTF8 = false

    /// A document for `masked`, reported as `path`.
    public init(path: String, masked: MaskedDocument) {
        self.path = path
        self.masked = masked
    }

    /// A document whose scopes were masked elsewhere (tests, tools); a scope missing from
    /// `scopes` has no text.
    public init(path: String, source: [UInt8], scopes: [Scope: [UInt8]], format: DocumentFormat = .plainText) {
        func storage(_ scope: Scope) -> ScopeBytes { scopes[scope].map { .bytes($0) } ?? .blank }
        self.init(
            path: path,
            masked: MaskedDocument(
                format: format, source: source, prose: storage(.prose), heading: storage(.heading),
                code: storage(.code), comment: storage(.comment)))
    }

    /// `source` with every byte except line breaks turned into a space.
    public static func blank(_ source: [UInt8]) -> [UInt8] {
        ScopeBytes.blank(source)
    }

    /// The source bytes.
    public var source: [UInt8] { masked.source }

    /// The document format.
    public var format: DocumentFormat { masked.format }

    /// The bytes of `scope`, the same length as the source.
    public func bytes(for scope: Scope) -> [UInt8] { masked.bytes(for: scope) }
}
