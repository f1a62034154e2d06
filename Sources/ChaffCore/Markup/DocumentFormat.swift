/// The markup language of a document, which decides how it is masked into scopes.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    /// Text without markup: everything is prose.
    case plainText = "text"
    /// CommonMark with the usual extensions (front matter, `$$` math, bare URLs).
    case markdown
    /// HTML or XHTML.
    case html
    /// reStructuredText (`.rst`, `.rest`, and Sphinx's `.rst.txt` sources).
    case restructuredText = "rst"
    /// A gettext catalogue (`.po`, `.pot`): translations are prose (see `GettextReader`).
    case gettext = "po"
    /// An Apple `.strings` file, UTF-8 or UTF-16: values are prose (see `AppleStringsReader`).
    case appleStrings = "strings"
    /// An Xcode string catalogue (`.xcstrings`): translations are prose (see `XCStringsReader`).
    case xcstrings
    /// A nested i18n JSON catalogue (a `.json` file whose path names a locale, see
    /// `SourceCatalogue.isCatalogueJSON`): values are prose (see `I18nJSONReader`).
    case i18nJSON = "i18n-json"
    /// A Flutter ARB file (`.arb`): values are prose, `@` metadata is not (see `I18nJSONReader`).
    case arb

    /// The format of a file from its extension: `.md`, `.markdown`, `.mdx` are Markdown;
    /// `.html`, `.htm`, `.xhtml` are HTML; `.rst`, `.rest` and `.rst.txt` are
    /// reStructuredText; `.po` and `.pot` are gettext catalogues; `.strings`, `.xcstrings` and
    /// `.arb` are Apple and Flutter catalogues, and a `.json` file is an i18n catalogue when its
    /// path names a locale; anything else (or no extension) is plain text.
    ///
    /// The extension is compared case-insensitively; only the last path component is looked at,
    /// so a dot in a directory name does not count.
    public init(forPath path: String) {
        // Bytes, not Characters: a walk asks this of every file, and `lastIndex(of:)` on a
        // String costs a grapheme walk per step.
        var path = path
        self = path.withUTF8 { bytes in
            var start = bytes.count
            while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            var dot = bytes.count
            while dot > start, bytes[dot - 1] != UInt8(ascii: ".") { dot -= 1 }
            // No dot, or only a leading one (`.profile`): no extension.
            guard dot - 1 > start else { return .plainText }
            let ext = UnsafeBufferPointer(rebasing: bytes[dot...])
            if Self.equalsFolded(ext, "md") || Self.equalsFolded(ext, "markdown") || Self.equalsFolded(ext, "mdx") {
                return .markdown
            }
            if Self.equalsFolded(ext, "html") || Self.equalsFolded(ext, "htm") || Self.equalsFolded(ext, "xhtml") { return .html }
            if Self.equalsFolded(ext, "rst") || Self.equalsFolded(ext, "rest") { return .restructuredText }
            if Self.equalsFolded(ext, "po") || Self.equalsFolded(ext, "pot") { return .gettext }
            if Self.equalsFolded(ext, "strings") { return .appleStrings }
            if Self.equalsFolded(ext, "xcstrings") { return .xcstrings }
            if Self.equalsFolded(ext, "arb") { return .arb }
            if Self.equalsFolded(ext, "json") {
                return SourceCatalogue.isCatalogueJSON(String(decoding: bytes, as: UTF8.self)) ? .i18nJSON : .plainText
            }
            if Self.equalsFolded(ext, "txt"), dot - 1 - 3 > start,
                Self.equalsFolded(UnsafeBufferPointer(rebasing: bytes[(dot - 5)..<(dot - 1)]), ".rst")
            {
                return .restructuredText
            }
            return .plainText
        }
    }

    /// Whether `bytes` spell `lowercase` (ASCII) in any case.
    private static func equalsFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for i in 0..<bytes.count {
            let b = bytes[i]
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if folded != expected[i] { return false }
        }
        return true
    }

    /// Whether documents of this format are localization catalogues (their prose is their
    /// translations, and they carry a `LocalizationTable`).
    public var isLocalization: Bool {
        switch self {
        case .gettext, .appleStrings, .xcstrings, .i18nJSON, .arb: true
        case .plainText, .markdown, .html, .restructuredText: false
        }
    }

    /// The masker that splits documents of this format into scopes.
    public var masker: any MarkupMasker {
        switch self {
        case .plainText: PlainTextMasker()
        case .markdown: MarkdownMasker()
        case .html: HTMLMasker()
        case .restructuredText: ReStructuredTextMasker()
        case .gettext: GettextMasker()
        case .appleStrings: AppleStringsMasker()
        case .xcstrings: XCStringsMasker()
        case .i18nJSON: I18nJSONMasker(flavor: .json)
        case .arb: I18nJSONMasker(flavor: .arb)
        }
    }
}
