import ChaffText

/// What an XML catalogue reader (`XLIFFReader`, `AndroidStringsReader`, `StringsdictReader`)
/// made of a file: a class per byte, the text with escapes decoded in place, and the pairs.
struct XMLCatalogueRead {
    /// The source with each escape decoded in place (XLIFF has none; entities are decoded in
    /// prose by the assembler).
    var text: [UInt8]
    /// The scope class of each byte (`ScopeClass`).
    var classes: [UInt8]
    /// Whole `<!-- … -->` comments.
    var commentRanges: [Range<Int>]
    /// The literal `&` of CDATA sections, which start no entity.
    var literalAmpersands: [Int]
    /// Pairs, locale and problems.
    var table: LocalizationTable

    /// The masked document of `source` read as `format`, carrying this reading's table.
    func document(format: DocumentFormat, source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        var document = MaskAssembler.document(
            format: format, source: source, text: text, classes: classes, commentRanges: commentRanges,
            refineProse: true, decodesCharacterReferences: true, literalAmpersands: literalAmpersands, scopes: scopes)
        document.localization = table
        return document
    }
}
