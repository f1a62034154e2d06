import ChaffText

/// Masks an Xcode string catalogue (`.xcstrings`, see `XCStringsReader`); the document carries
/// the pairs, each with its own locale.
struct XCStringsMasker: MarkupMasker {

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        XCStringsReader.read(source).document(format: .xcstrings, source: source, scopes: scopes)
    }
}
