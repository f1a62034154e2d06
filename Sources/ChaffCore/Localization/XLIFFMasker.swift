/// Masks an XLIFF file: targets are prose, notes and comments are comments, and the document
/// carries a `LocalizationTable` with the pairs and the declared locale (see `XLIFFReader`).
struct XLIFFMasker: MarkupMasker {
    func mask(_ source: [UInt8]) -> MaskedDocument { mask(source, scopes: Set(Scope.allCases)) }

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        let read = XLIFFReader.read(source)
        var document = MaskAssembler.document(
            format: .xliff, source: source, text: read.text, classes: read.classes, commentRanges: read.commentRanges,
            refineProse: true, decodesCharacterReferences: true, literalAmpersands: read.literalAmpersands, scopes: scopes)
        document.localization = read.table
        return document
    }
}
