/// One file's text, split into scopes by its markup masker.
public struct Document: Sendable {
    /// The path as reported.
    public var path: String
    /// The masked scopes and the source.
    public var masked: MaskedDocument

    /// A document for `masked`, reported as `path`.
    public init(path: String, masked: MaskedDocument) {
        self.path = path
        self.masked = masked
    }

    /// The source bytes.
    public var source: [UInt8] { masked.source }

    /// The document format.
    public var format: DocumentFormat { masked.format }

    /// The bytes of `scope`, the same length as the source.
    public func bytes(for scope: Scope) -> [UInt8] { masked.bytes(for: scope) }
}
