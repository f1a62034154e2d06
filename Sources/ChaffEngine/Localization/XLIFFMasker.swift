import ChaffText

/// Masks an XLIFF file: targets are prose, notes and comments are comments, and the document
/// carries a `LocalizationTable` with the pairs and the declared locale (see `XLIFFReader`).
struct XLIFFMasker: MarkupMasker {

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        XLIFFReader.read(source).document(format: .xliff, source: source, scopes: scopes)
    }
}
