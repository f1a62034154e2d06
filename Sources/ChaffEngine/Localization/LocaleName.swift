/// Locale names as catalogues write them (`zh_TW`, `zh-Hant-HK`, `zh_CN.UTF-8`,
/// `values-zh-rTW`), normalised to BCP 47 (`zh-TW`, `zh-Hant-HK`, `zh-CN`), and the Chinese
/// writing system each expects.
package enum LocaleName {
    /// `name` normalised: `_` becomes `-`, an encoding (`.UTF-8`) or modifier (`@latin`) is
    /// dropped, the language is lowercase, a script title case and a region uppercase. Nil
    /// when `name` does not look like a locale.
    package static func normalized(_ name: String) -> String? {
        var text = Substring(name.trimmingSpaces)
        if let cut = text.firstIndex(where: { $0 == "." || $0 == "@" }) { text = text[..<cut] }
        let parts = text.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        var out = [language.lowercased()]
        for part in parts.dropFirst() {
            guard part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), (2...8).contains(part.count) else {
                return nil
            }
            if part.count == 4 && part.allSatisfy(\.isLetter) {
                out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else if part.count == 2 || (part.count == 3 && part.allSatisfy(\.isNumber)) {
                out.append(part.uppercased())
            } else {
                out.append(String(part))
            }
        }
        return out.joined(separator: "-")
    }

    /// The writing system a Chinese locale expects: Simplified for `zh-CN`, `zh-SG`, `zh-MY`
    /// and `zh-Hans…`; Traditional for `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant…`; nil for bare
    /// `zh` and any other language (an explicit script wins over the region: `zh-Hans-HK` is
    /// Simplified).
    package static func hanScript(of locale: String) -> HanScriptDirection? {
        let parts = locale.split(separator: "-")
        guard parts.first == "zh" || parts.first == "cmn" || parts.first == "yue" else { return nil }
        for part in parts.dropFirst() {
            if part == "Hans" { return .simplified }
            if part == "Hant" { return .traditional }
        }
        for part in parts.dropFirst() {
            switch part {
            case "CN", "SG", "MY": return .simplified
            case "TW", "HK", "MO": return .traditional
            default: continue
            }
        }
        // Cantonese is written in Traditional characters unless a script says otherwise.
        return parts.first == "yue" ? .traditional : nil
    }

    /// The Traditional region a Chinese locale names, whose standard forms differ: Taiwan for
    /// `zh-TW`; Hong Kong for `zh-HK`, `zh-MO` and Cantonese (`yue`); nil for any other locale,
    /// `zh-Hant` without a region included, and for a locale written in Simplified
    /// (`zh-Hans-HK`).
    package static func hanRegion(of locale: String) -> HanRegion? {
        guard hanScript(of: locale) == .traditional else { return nil }
        let parts = locale.split(separator: "-")
        for part in parts.dropFirst() {
            switch part {
            case "TW": return .taiwan
            case "HK", "MO": return .hongKong
            default: continue
            }
        }
        return parts.first == "yue" ? .hongKong : nil
    }

    /// The locale a path names, looking from the file name up through its folders: a file
    /// named for its locale (`zh_TW.po`, `zh-Hant.json`), a gettext tree
    /// (`zh_CN/LC_MESSAGES/app.po`), an Android resource folder (`values-zh-rTW`), an Apple
    /// bundle (`zh-Hant.lproj`). Only names whose language is a known Chinese one, or a
    /// language-region pair, are taken from folders, so that `doc/` or `src/` is never a locale.
    package static func fromPath(_ path: String) -> String? {
        let components = path.split(separator: "/").map(String.init)
        guard let file = components.last else { return nil }
        // `zh_TW.po`, `messages.zh-Hant.xlf`, `app-zh_TW.po`: a dot-separated piece of the name
        // (not the extension), or the end of one after a `-` or `_`.
        let pieces = file.split(separator: ".").map(String.init)
        for piece in pieces.count > 1 ? pieces.dropLast() : pieces[...] {
            if let locale = strictLocale(piece) { return locale }
            let characters = Array(piece)
            for i in characters.indices where characters[i] == "-" || characters[i] == "_" {
                let rest = String(characters[(i + 1)...])
                if rest.contains(where: { $0 == "-" || $0 == "_" }), let locale = strictLocale(rest) { return locale }
            }
        }
        for folder in components.dropLast().reversed() {
            if folder.hasPrefix("values-") {
                // Android: values-zh-rTW, values-b+zh+Hant+TW.
                var rest = folder.dropFirst("values-".count)
                if rest.hasPrefix("b+") {
                    rest = rest.dropFirst(2)
                    return normalized(String(rest.map { $0 == "+" ? "-" : $0 }))
                }
                let parts = rest.split(separator: "-")
                guard let language = parts.first, language.count == 2 else { continue }
                if parts.count > 1, parts[1].hasPrefix("r"), parts[1].count == 3 {
                    return normalized("\(language)-\(parts[1].dropFirst())")
                }
                return normalized(String(language))
            }
            var name = Substring(folder)
            if name.hasSuffix(".lproj") { name = name.dropLast(".lproj".count) }
            if let locale = strictLocale(String(name)) { return locale }
        }
        return nil
    }

    /// `name` as a locale only when it has a region or script, or is a bare Chinese language
    /// code: `zh`, `zh_TW`, `pt_BR`, but not `doc` or `en` (a bare two-letter folder name is
    /// too often something else).
    private static func strictLocale(_ name: String) -> String? {
        guard let locale = normalized(name) else { return nil }
        let parts = locale.split(separator: "-")
        if parts.count == 1 { return ["zh", "yue", "cmn"].contains(locale) && name == locale ? locale : nil }
        // language-region, language-script or language-script-region, not words (`po-files`,
        // `app-zh_HK`).
        func isRegion(_ part: Substring) -> Bool { part.count == 2 || (part.count == 3 && part.allSatisfy(\.isNumber)) }
        func isScript(_ part: Substring) -> Bool { part.count == 4 && part.first!.isUppercase }
        switch parts.count {
        case 2: guard isRegion(parts[1]) || isScript(parts[1]) else { return nil }
        case 3: guard isScript(parts[1]) && isRegion(parts[2]) else { return nil }
        default: return nil
        }
        guard name.count <= 16 else { return nil }
        return locale
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }

}

/// A region whose standard Traditional forms differ from the other's (裡 and 裏, 著 and 着).
package enum HanRegion: String, Sendable {
    /// Taiwan's standard forms (Ministry of Education), as OpenCC's Taiwan table gives them.
    case taiwan = "Taiwan"
    /// Hong Kong's standard forms, as OpenCC's Hong Kong table gives them; Macau too.
    case hongKong = "Hong Kong"
}
