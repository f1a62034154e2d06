import ChaffText

/// Masks an Apple `.stringsdict` file: string values are prose, comments are comments, and the
/// document carries a `LocalizationTable` with the pairs (see `StringsdictReader`).
struct StringsdictMasker: MarkupMasker {
    /// The `en.lproj` or `Base.lproj` file of the same name, when the caller found one.
    var sourceFile: [UInt8]? = nil

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        StringsdictReader.read(source, sourceFile: sourceFile).document(format: .stringsdict, source: source, scopes: scopes)
    }
}
