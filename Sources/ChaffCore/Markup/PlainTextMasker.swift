/// Masks text without markup: every byte is prose except a leading UTF-8 byte order mark,
/// which is invisible and not text. Heading, code and comment are empty.
///
/// Nothing else is touched: URLs, `&amp;`-like sequences and `#` lines are all text here.
/// Suppression directives in plain text (`# chaff-disable …` lines) are found by
/// `SuppressionParser` from the source, not from a comment scope.
public struct PlainTextMasker: MarkupMasker {
    /// A plain-text masker.
    public init() {}

    /// The scopes of `source`. Prose is the source itself unless a byte order mark has to be
    /// blanked; the other scopes are blank and are not materialised.
    public func mask(_ source: [UInt8]) -> MaskedDocument {
        var prose = ScopeBytes.source
        if MarkupBytes.hasByteOrderMark(source) {
            var bytes = source
            bytes[0] = 0x20
            bytes[1] = 0x20
            bytes[2] = 0x20
            prose = .bytes(bytes)
        }
        return MaskedDocument(
            format: .plainText, source: source, prose: prose, heading: .blank, code: .blank, comment: .blank)
    }
}
