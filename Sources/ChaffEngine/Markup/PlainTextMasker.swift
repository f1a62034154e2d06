import ChaffText

/// Masks text without markup: every byte is prose except a leading UTF-8 byte order mark,
/// which is invisible and not text, and bare URLs and e-mail addresses, which are blanked as in
/// Markdown and HTML (`BareURLMasking`): a URL is not words, and a pattern rule's fix must never
/// rewrite one (`colour` in `https://example.com/colour-guide`). A URL stops at `{` and `}`, so
/// a placeholder in a visible URL is still prose. Heading, code and comment are empty.
///
/// Nothing else is touched: `&amp;`-like sequences and `#` lines are all text here.
/// Suppression directives in plain text (`# chaff-disable …` lines) are found by
/// `SuppressionParser` from the source, not from a comment scope.
package struct PlainTextMasker: MarkupMasker {
    /// A plain-text masker.
    package init() {}

    /// The scopes of `source`. Prose is the source itself unless a byte order mark or a URL has
    /// to be blanked; the other scopes are blank and are not materialised, so `scopes` changes
    /// nothing.
    package func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        let hasByteOrderMark = MarkupBytes.hasByteOrderMark(source)
        var addresses: [MarkupReference] = []
        let urls = source.withUnsafeBufferPointer { BareURLMasking.ranges(in: $0, urls: &addresses) }
        var prose = ScopeBytes.source
        if hasByteOrderMark || !urls.isEmpty {
            var bytes = source
            if hasByteOrderMark {
                bytes[0] = 0x20
                bytes[1] = 0x20
                bytes[2] = 0x20
            }
            for range in urls {
                for k in range { bytes[k] = 0x20 }
            }
            prose = .bytes(bytes)
        }
        return MaskedDocument(
            format: .plainText, source: source, prose: prose, heading: .blank, code: .blank, comment: .blank,
            marks: MarkupMarks(references: addresses))
    }
}
