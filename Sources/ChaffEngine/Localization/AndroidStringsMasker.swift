import ChaffText

/// Masks an Android string resource file: string values are prose, comments are comments, and
/// the document carries a `LocalizationTable` with the pairs (see `AndroidStringsReader`). A
/// file whose root is not `<resources>` is some other XML file: it has no prose.
struct AndroidStringsMasker: MarkupMasker {
    /// The default `values/` file of the same name, when the caller found one.
    var sourceFile: [UInt8]? = nil

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        guard AndroidStringsReader.isResourceFile(source) else {
            return MaskAssembler.document(
                format: .androidStrings, source: source, text: source, classes: [UInt8](repeating: ScopeClass.none, count: source.count),
                commentRanges: [], refineProse: false, scopes: scopes)
        }
        return AndroidStringsReader.read(source, sourceFile: sourceFile).document(format: .androidStrings, source: source, scopes: scopes)
    }
}
