import ChaffText

/// Masks a gettext catalogue (`.po`, `.pot`): translations are prose, comments are comments,
/// and the document carries a `LocalizationTable` with the pairs and the declared locale (see
/// `GettextReader`).
struct GettextMasker: MarkupMasker {

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        let read = GettextReader.read(source)
        var document = MaskAssembler.document(
            format: .gettext, source: source, text: read.text, classes: read.classes, commentRanges: read.commentRanges,
            refineProse: true, decodesCharacterReferences: false, scopes: scopes)
        document.localization = read.table
        return document
    }
}
