import ChaffText
import Foundation

/// Where the source-locale catalogue of a translated one is, and which locale a catalogue's
/// path names.
///
/// A reader stays a pure function of bytes: given a file and the bytes of its source-locale
/// sibling, it pairs them by key. The runner reads the sibling (`DocumentFormat.sourceFileCandidates`)
/// and hands its bytes to `DocumentFormat.masker(sourceFile:)`; nothing here touches the file system.
///
/// Where the sibling is, per format (the first that exists; never the file itself):
/// - Apple `.strings`: the same name in `en.lproj`, `English.lproj`, then `Base.lproj`, beside the
///   `.lproj` folder;
/// - i18n JSON: a file named for its locale gets `en.json`, `en-US.json`, `en_US.json` beside it
///   (`zh-TW.json` → `en.json`); a file in a locale folder the same name in `en`, `en-US`,
///   `en_US` (`locales/zh-TW/common.json` → `locales/en/common.json`);
/// - ARB: `app_zh_TW.arb` → `app_en.arb`, `app_en_US.arb`;
/// - Android (for the XML readers): `values-zh-rTW/strings.xml` → `values/strings.xml`.
package enum SourceCatalogue {
    /// The locales a project's source strings are usually written in, as file and folder names.
    static let sourceLocaleNames = ["en", "en-US", "en_US"]

    /// Folder names that hold catalogues named by bare language codes (`locales/de.json`,
    /// `i18n/en/app.json`), where a bare `en` or `de` is a locale rather than a word.
    static let catalogueFolders: Set<String> = [
        "locales", "locale", "i18n", "l10n", "lang", "langs", "languages", "translations", "messages", "intl",
    ]

    /// The masker of `format` paired with `sourceCatalogue`, the UTF-8 text of its source-locale file.
    static func masker(for format: DocumentFormat, sourceCatalogue: [UInt8]?) -> any MarkupMasker {
        switch format {
        case .appleStrings: AppleStringsMasker(sourceCatalogue: sourceCatalogue)
        case .i18nJSON: I18nJSONMasker(flavor: .json, sourceCatalogue: sourceCatalogue)
        case .arb: I18nJSONMasker(flavor: .arb, sourceCatalogue: sourceCatalogue)
        default: format.masker
        }
    }

    /// A document of `format` for the UTF-8 `source` at `path`, paired with `sourceCatalogue` (the
    /// source locale's file, UTF-8) instead of a file found beside it: for tests and fuzzing.
    package static func document(path: String, source: [UInt8], format: DocumentFormat, sourceCatalogue: [UInt8]?) -> Document {
        var masked = masker(for: format, sourceCatalogue: sourceCatalogue).mask(source)
        if masked.localization != nil { masked.localization?.pathLocale = pathLocale(path, format: format) }
        return Document(path: path, masked: masked)
    }

    /// The locale a catalogue's path names: `LocaleName.fromPath`, and for ARB the part after
    /// the prefix (`intl_zh.arb`, `app_zh_Hant_TW.arb`).
    static func pathLocale(_ path: String, format: DocumentFormat) -> String? {
        if format == .arb, let locale = arbLocale(fileName(path)) { return locale }
        if let locale = LocaleName.fromPath(path) { return locale }
        guard format == .i18nJSON else { return nil }
        // A bare code in a catalogue folder (`locales/ru/app.json`, `i18n/de.json`).
        var components = path.split(separator: "/").map(String.init)
        if let file = components.popLast(), let dot = file.lastIndex(of: ".") { components.append(String(file[..<dot])) }
        for index in components.indices.reversed() where isLocaleName(components[index], in: index > 0 ? components[index - 1] : nil) {
            return LocaleName.normalized(components[index])
        }
        return nil
    }

    /// Where the source-locale catalogue of `path` may be, most likely first.
    package static func candidates(forPath path: String, format: DocumentFormat) -> [String] {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let file = components.popLast(), !file.isEmpty else { return [] }
        let folder = components
        func joined(_ folders: [String], _ name: String) -> String { (folders + [name]).joined(separator: "/") }
        var out: [String] = []
        switch format {
        case .appleStrings:
            if let index = folder.lastIndex(where: { $0.hasSuffix(".lproj") }) {
                // `English.lproj` is the older name, which GNUstep keeps.
                for name in ["en.lproj", "English.lproj", "Base.lproj"] {
                    var replaced = folder
                    replaced[index] = name
                    out.append(joined(replaced, file))
                }
            }
        case .arb:
            let stem = file.hasSuffix(".arb") ? String(file.dropLast(4)) : file
            if let cut = stem.firstIndex(of: "_"), arbLocale(file) != nil {
                for name in sourceLocaleNames {
                    out.append(joined(folder, String(stem[..<cut]) + "_" + name.replacingOccurrences(of: "-", with: "_") + ".arb"))
                }
            }
        default:
            let dot = file.lastIndex(of: ".")
            let stem = dot.map { String(file[..<$0]) } ?? file
            let ext = dot.map { String(file[$0...]) } ?? ""
            if isLocaleName(stem, in: folder.last) {
                for name in sourceLocaleNames { out.append(joined(folder, name + ext)) }
            } else if let index = folder.indices.last(where: { isLocaleName(folder[$0], in: $0 > 0 ? folder[$0 - 1] : nil) }) {
                for name in sourceLocaleNames {
                    var replaced = folder
                    replaced[index] = name
                    out.append(joined(replaced, file))
                }
            } else if let index = folder.lastIndex(where: { $0.hasPrefix("values-") }) {
                var replaced = folder
                replaced[index] = "values"
                out.append(joined(replaced, file))
            }
        }
        var seen: Set<String> = [path]
        return out.filter { seen.insert($0).inserted }
    }

    /// Whether a JSON file at `path` is a catalogue: named for a locale (`zh-TW.json`,
    /// `locales/de.json`) or inside a locale folder (`locales/zh-TW/common.json`,
    /// `public/locales/en/translation.json`). Ordinary JSON stays plain text.
    package static func isCatalogueJSON(_ path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        guard let file = components.last, file.lowercased().hasSuffix(".json") else { return false }
        let folders = Array(components.dropLast())
        let stem = String(file.dropLast(5))
        if ["package", "package-lock", "composer", "tsconfig", "manifest"].contains(stem.lowercased()) { return false }
        if isLocaleName(stem, in: folders.last) { return true }
        return folders.indices.contains { isLocaleName(folders[$0], in: $0 > 0 ? folders[$0 - 1] : nil) }
    }

    /// Whether `name` is a locale as a file or folder name in `parent`: one with a region or
    /// script (`zh-TW`, `pt_BR`, `zh-Hant`), a bare Chinese code, or any bare language code in a
    /// catalogue folder (`locales/en`).
    static func isLocaleName(_ name: String, in parent: String?) -> Bool {
        guard let locale = LocaleName.normalized(name), name.count <= 16 else { return false }
        let inCatalogueFolder = parent.map { catalogueFolders.contains($0.lowercased()) } == true
        let parts = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let language = parts.first, language == language.lowercased(), locale.split(separator: "-").count == parts.count else {
            return false
        }
        let chinese = ["zh", "yue", "cmn"].contains(String(language))
        if parts.count == 1 { return name.count == 2 && (chinese || inCatalogueFolder) || name == "yue" || name == "cmn" }
        // Words joined by a hyphen (`my-rule.json`, `to-do.json`) are not locales: a script
        // must be a known one, and a lowercase region is taken only for Chinese or in a
        // catalogue folder (`zh-tw.json`, `locales/pt-br`).
        for part in parts.dropFirst() {
            if part.count == 4 && part.allSatisfy(\.isLetter) {
                guard knownScripts.contains(part.prefix(1).uppercased() + part.dropFirst().lowercased()) else { return false }
            } else if part.count == 2 && part.allSatisfy(\.isLetter) {
                guard part == part.uppercased() || chinese || inCatalogueFolder else { return false }
            } else if !(part.count == 3 && part.allSatisfy(\.isNumber)) {
                return false
            }
        }
        return true
    }

    /// ISO 15924 scripts that locale names use in practice.
    static let knownScripts: Set<String> = [
        "Hans", "Hant", "Latn", "Cyrl", "Arab", "Deva", "Beng", "Guru", "Gujr", "Taml", "Telu", "Knda", "Mlym",
        "Sinh", "Thai", "Grek", "Hebr", "Jpan", "Kore", "Ethi", "Geor", "Armn", "Mong", "Tibt", "Khmr", "Laoo", "Mymr",
    ]

    /// The locale of an ARB file name after its prefix: `app_zh_TW.arb` → `zh-TW`, `intl_zh.arb` → `zh`.
    static func arbLocale(_ file: String) -> String? {
        let stem = file.hasSuffix(".arb") ? String(file.dropLast(4)) : file
        let parts = stem.split(separator: "_").map(String.init)
        guard parts.count >= 2 else { return nil }
        for start in 1..<parts.count {
            let candidate = parts[start...].joined(separator: "-")
            guard parts[start].count >= 2, parts[start].count <= 3, parts[start] == parts[start].lowercased(),
                let locale = LocaleName.normalized(candidate)
            else { continue }
            return locale
        }
        return nil
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
