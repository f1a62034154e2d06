import ChaffText

/// Splits a document's bytes into scopes without moving any byte.
///
/// Every masker keeps each scope exactly as long as the source and keeps `\n` and `\r` where
/// they are, so that an offset found in any scope is an offset into the source. Maskers never
/// fail: malformed or unclosed markup is masked the way a reader of the rendered page would see
/// it, and the work is linear in the input size.
public protocol MarkupMasker: Sendable {
    /// The scopes of `source`.
    func mask(_ source: [UInt8]) -> MaskedDocument

    /// The scopes of `source`, building only `scopes` (and any a masker gets for free); the
    /// others are `.omitted`. `raw` needs nothing built.
    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument
}

extension MarkupMasker {
    /// Every scope is built.
    public func mask(_ source: [UInt8]) -> MaskedDocument { mask(source, scopes: Set(Scope.allCases)) }
}
