import ChaffText

/// Masks a nested i18n JSON or ARB catalogue (see `I18nJSONReader`); the document carries the
/// pairs with the source catalogue's strings.
struct I18nJSONMasker: MarkupMasker {
    /// JSON or ARB.
    var flavor: I18nJSONReader.Flavor
    /// The source locale's catalogue beside this one, when the engine found it.
    var sourceCatalogue: [UInt8]? = nil

    func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        I18nJSONReader.read(source, flavor: flavor, sourceCatalogue: sourceCatalogue)
            .document(format: flavor == .arb ? .arb : .i18nJSON, source: source, scopes: scopes)
    }
}
