/// Reads a nested i18n JSON catalogue (i18next, vue-i18n: `locales/zh-TW/common.json`,
/// `zh-TW.json`) or a Flutter ARB file (`app_zh_TW.arb`) into scopes and pairs.
///
/// Every string value is a translation (prose); keys are no scope; in ARB, the `@key` metadata
/// and `@@locale` (which declares the locale) are no scope either. A string's key path
/// (`menu.file.open`, `items[0]`) pairs it with the string at the same path in the source
/// locale's catalogue, when the engine finds one beside the file (`SourceCatalogue`); without
/// it there are no pairs, and the values are still prose.
enum I18nJSONReader {
    /// Which kind of catalogue.
    enum Flavor {
        /// Nested JSON (i18next, vue-i18n, and the like).
        case json
        /// Flutter's Application Resource Bundle.
        case arb
    }

    /// The placeholder syntaxes of these catalogues: i18next `{{name}}` and `$t(key)`, ICU
    /// arguments (ARB, vue-i18n, i18next-icu) and printf, which some apps format with.
    static let syntaxes: PlaceholderSyntaxes = [.printf, .template, .icu, .nesting]

    /// Reads `source`; `sourceCatalogue` is the source locale's catalogue beside it, if any.
    static func read(_ source: [UInt8], flavor: Flavor, sourceCatalogue: [UInt8]?) -> CatalogueRead {
        var read = CatalogueRead(source: source)
        let parsed = CatalogueJSON.parse(source)
        read.table.problems = parsed.problems
        for comment in parsed.comments { read.markComment(comment) }
        var values: [(path: String, text: LocalizedText)] = []
        if let root = parsed.root {
            walk(root, path: "", source: source, flavor: flavor, read: &read, values: &values, inPlace: true)
        }
        guard let sourceCatalogue else {
            for (_, text) in values { read.markUnpairedPlaceholders(text, syntaxes: syntaxes) }
            return read
        }
        var sourceRead = CatalogueRead(source: sourceCatalogue)
        var sourceValues: [(path: String, text: LocalizedText)] = []
        if let root = CatalogueJSON.parse(sourceCatalogue).root {
            walk(root, path: "", source: sourceCatalogue, flavor: flavor, read: &sourceRead, values: &sourceValues, inPlace: false)
        }
        var byPath: [String: LocalizedText] = [:]
        for (path, text) in sourceValues where byPath[path] == nil { byPath[path] = text }
        for (path, text) in values where !text.bytes.isEmpty {
            guard let original = byPath[path], !original.bytes.isEmpty else {
                read.markUnpairedPlaceholders(text, syntaxes: syntaxes)
                continue
            }
            var pair = TranslationPair(source: original, translation: text)
            pair.undeclared = syntaxes
            pair.pluralCategory = PluralCategory.category(ofKey: String(path.split(separator: ".").last ?? ""))
            read.table.pairs.append(pair)
        }
        return read
    }

    /// Reads `value` at key path `path`: strings are translations, collected into `values`.
    private static func walk(
        _ value: CatalogueJSON.Value, path: String, source: [UInt8], flavor: Flavor, read: inout CatalogueRead,
        values: inout [(path: String, text: LocalizedText)], inPlace: Bool
    ) {
        switch value {
        case .string(let range):
            let text = CatalogueString.decode(
                source, range, dialect: .json, text: &read.text, inPlace: inPlace, problems: &read.table.problems)
            if inPlace { read.markProse(text) }
            values.append((path, text))
        case .object(let members):
            for member in members {
                let key = CatalogueJSON.key(member, in: source)
                if flavor == .arb && path.isEmpty && key.hasPrefix("@") {
                    // Metadata (`@key`, `@@last_modified`) is not text; `@@locale` names the locale.
                    if key == "@@locale", case .string(let range) = member.value {
                        read.table.declaredLocale = LocaleName.normalized(String(decoding: source[range], as: UTF8.self))
                    }
                    continue
                }
                walk(
                    member.value, path: path.isEmpty ? key : path + "." + key, source: source, flavor: flavor, read: &read, values: &values,
                    inPlace: inPlace)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                walk(element, path: path + "[\(index)]", source: source, flavor: flavor, read: &read, values: &values, inPlace: inPlace)
            }
        case .scalar:
            break
        }
    }
}
