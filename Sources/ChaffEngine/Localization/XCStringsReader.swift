/// Reads an Xcode string catalogue (`.xcstrings`, JSON), which holds every locale of an app's
/// strings in one file, into scopes and pairs.
///
/// `strings.<key>.localizations.<locale>` holds a `stringUnit.value`, or `variations` (`plural`,
/// `device`, … each a `stringUnit`) and `substitutions` (`%#@name@` arguments with their own
/// plural variations). Every value of a locale other than `sourceLanguage` is a translation
/// (prose), paired with the source language's value at the same place (its plain value, or the
/// key, which Xcode uses as the source text when there is none; a `needs_review` one is fuzzy),
/// and carries its own locale
/// (`TranslationPair.locale`), since one file holds them all. Keys, source-language values and the
/// JSON syntax are no scope; `comment` is a comment.
enum XCStringsReader {
    /// Printf (`%@`, `%lld`, `%1$@`, `%#@name@`), as in `.strings`.
    static let syntaxes: PlaceholderSyntaxes = .printf

    /// Reads `source`.
    static func read(_ source: [UInt8]) -> CatalogueRead {
        var read = CatalogueRead(source: source)
        let parsed = CatalogueJSON.parse(source)
        read.table.problems = parsed.problems
        for comment in parsed.comments { read.markComment(comment) }
        guard case .object(let top)? = parsed.root else { return read }
        var sourceLanguage = "en"
        for member in top where CatalogueJSON.key(member, in: source) == "sourceLanguage" {
            if case .string(let range) = member.value { sourceLanguage = String(decoding: source[range], as: UTF8.self) }
        }
        for member in top where CatalogueJSON.key(member, in: source) == "strings" {
            guard case .object(let strings) = member.value else { continue }
            for string in strings {
                readString(string, sourceLanguage: sourceLanguage, source: source, read: &read)
            }
        }
        return read
    }

    /// One entry of `strings`: its key, comment and localizations.
    private static func readString(_ string: CatalogueJSON.Member, sourceLanguage: String, source: [UInt8], read: inout CatalogueRead) {
        guard case .object(let fields) = string.value else { return }
        var localizations: [CatalogueJSON.Member] = []
        for field in fields {
            switch (CatalogueJSON.key(field, in: source), field.value) {
            case ("comment", .string(let range)): read.markComment(range)
            case ("localizations", .object(let members)): localizations = members
            default: continue
            }
        }
        var scratch: [UInt8] = []
        var sourceValues: [String: LocalizedText] = [:]
        for localization in localizations where CatalogueJSON.key(localization, in: source) == sourceLanguage {
            var found: [(path: String, text: LocalizedText, review: Bool)] = []
            units(
                localization.value, path: "", source: source, text: &scratch, inPlace: false, problems: &read.table.problems, into: &found)
            for (path, text, _) in found where sourceValues[path] == nil { sourceValues[path] = text }
        }
        var ignored: [LocalizationProblem] = []
        let key = CatalogueString.decode(source, string.key, dialect: .json, text: &scratch, inPlace: false, problems: &ignored)
        for localization in localizations {
            let name = CatalogueJSON.key(localization, in: source)
            guard name != sourceLanguage else { continue }
            let locale = LocaleName.normalized(name)
            var found: [(path: String, text: LocalizedText, review: Bool)] = []
            units(
                localization.value, path: "", source: source, text: &read.text, inPlace: true, problems: &read.table.problems, into: &found)
            for (path, value, review) in found {
                read.markProse(value)
                guard !value.bytes.isEmpty else { continue }
                let original = sourceValues[path] ?? sourceValues[""] ?? sourceValues["plural.other"] ?? key
                guard !original.bytes.isEmpty else { continue }
                var pair = TranslationPair(source: original, translation: value)
                pair.undeclared = syntaxes
                pair.locale = locale
                pair.isFuzzy = review
                read.table.pairs.append(pair)
            }
        }
    }

    /// Every `stringUnit.value` under a localization, with its place (`""` for the plain value,
    /// `plural.one`, `substitutions.count.plural.other`).
    private static func units(
        _ value: CatalogueJSON.Value, path: String, source: [UInt8], text: inout [UInt8], inPlace: Bool,
        problems: inout [LocalizationProblem], into found: inout [(path: String, text: LocalizedText, review: Bool)]
    ) {
        guard case .object(let members) = value else { return }
        for member in members {
            let name = CatalogueJSON.key(member, in: source)
            if name == "stringUnit", case .object(let unit) = member.value {
                // A value a translator must review is not final, as a fuzzy gettext entry.
                let review = unit.contains { field in
                    guard CatalogueJSON.key(field, in: source) == "state", case .string(let range) = field.value else { return false }
                    return source[range].elementsEqual("needs_review".utf8)
                }
                for field in unit where CatalogueJSON.key(field, in: source) == "value" {
                    guard case .string(let range) = field.value else { continue }
                    let value = CatalogueString.decode(source, range, dialect: .json, text: &text, inPlace: inPlace, problems: &problems)
                    found.append((path, value, review))
                }
            } else {
                // `variations` names no place of its own: `plural.one` is the same place in
                // every locale.
                let next = name == "variations" ? path : (path.isEmpty ? name : path + "." + name)
                units(member.value, path: next, source: source, text: &text, inPlace: inPlace, problems: &problems, into: &found)
            }
        }
    }
}
