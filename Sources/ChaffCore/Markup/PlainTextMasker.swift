/// Masks text without markup: every byte is prose except a leading UTF-8 byte order mark,
/// which is invisible and not text. Heading, code and comment are empty.
///
/// Nothing else is touched: URLs, `&amp;`-like sequences and `#` lines are all text here.
/// Suppression directives in plain text (`# chaff-disable …` lines) are found by
/// `SuppressionParser` from the source, not from a comment scope.
public struct PlainTextMasker: MarkupMasker {
    /// A plain-text masker.
    public init() {}

    /// The scopes of `source`.
    public func mask(_ source: [UInt8]) -> MaskedDocument {
        let blank = [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
            source.withUnsafeBufferPointer { source in
                for i in 0..<source.count {
                    let byte = source[i]
                    buffer[i] = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn ? byte : 0x20
                }
            }
            initialized = source.count
        }
        var prose = source
        if MarkupBytes.hasByteOrderMark(source) {
            prose[0] = 0x20
            prose[1] = 0x20
            prose[2] = 0x20
        }
        return MaskedDocument(
            format: .plainText, source: source, prose: prose, heading: blank, code: blank, comment: blank)
    }
}
