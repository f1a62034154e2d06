/// CLDR plural categories as catalogues name their forms (i18next `key_one`, `key_other`).
package enum PluralCategory {
    /// The categories, as key suffixes name them.
    static let names: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// The category a key names by its suffix (`files_one`, `rank_ordinal_two`), or nil.
    static func category(ofKey key: String) -> String? {
        guard let cut = key.lastIndex(of: "_") else { return nil }
        let suffix = String(key[key.index(after: cut)...])
        return names.contains(suffix) ? suffix : nil
    }

    /// Whether the form `category` is used for a single number in `locale` (so a translation
    /// may spell the number out: "eine Datei" for `{{count}} files`). `zero`, `one` and `two` are,
    /// except in the languages whose `one` also takes 21, 31, … (Russian, Ukrainian, …), whose
    /// `zero` takes 10 to 20 (Latvian) or whose `two` takes 102 (Slovenian).
    package static func selectsOneNumber(_ category: String, locale: String?) -> Bool {
        let language = locale.map { String($0.prefix { $0 != "-" }) } ?? ""
        switch category {
        case "one": return !["ru", "uk", "be", "sr", "hr", "bs", "sh", "lt", "lv", "is", "mk", "br"].contains(language)
        case "zero": return language != "lv"
        case "two": return language != "sl"
        default: return false
        }
    }
}
