import ChaffText

/// Masks an Apple `.strings` file (see `AppleStringsReader`); the document carries the pairs.
struct AppleStringsMasker: MarkupMasker {
    /// The source locale's file beside this one (UTF-8), when the engine found it.
    var sourceCatalogue: [UInt8]? = nil

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        AppleStringsReader.read(source, sourceCatalogue: sourceCatalogue).document(format: .appleStrings, source: source, scopes: scopes)
    }
}
