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
    /// An XLIFF 1.2 or 2.x file (`.xlf`, `.xliff`): targets are prose (see `XLIFFReader`).
    case xliff
    /// An Android string resource file (`strings*.xml`, or any `.xml` in a `values*/` folder):
    /// string values are prose (see `AndroidStringsReader`).
    case androidStrings = "android-strings"
    /// An Apple `.stringsdict` plural rule file: string values are prose (see
    /// `StringsdictReader`).
    case stringsdict
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
    /// reStructuredText; `.po` and `.pot` are gettext catalogues; `.xlf` and `.xliff` XLIFF;
    /// `.stringsdict` Apple plural rules; `strings*.xml` and `.xml` in a `values*/` folder
    /// Android string resources; `.strings`, `.xcstrings` and `.arb` are Apple and Flutter
    /// catalogues, and a `.json` file is an i18n catalogue when its path names a locale; anything
    /// else (or no extension) is plain text.
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
            if Self.equalsFolded(ext, "xlf") || Self.equalsFolded(ext, "xliff") { return .xliff }
            if Self.equalsFolded(ext, "stringsdict") { return .stringsdict }
            if Self.equalsFolded(ext, "xml"), Self.isAndroidResourcePath(bytes, nameStart: start) { return .androidStrings }
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

    /// Whether the `.xml` file whose name starts at `nameStart` is named `strings…` or lies in
    /// a `values…` folder, where Android keeps its string resources.
    private static func isAndroidResourcePath(_ bytes: UnsafeBufferPointer<UInt8>, nameStart: Int) -> Bool {
        func startsWith(_ at: Int, _ prefix: StaticString) -> Bool {
            guard at + prefix.utf8CodeUnitCount <= bytes.count else { return false }
            for i in 0..<prefix.utf8CodeUnitCount where bytes[at + i] != prefix.utf8Start[i] { return false }
            return true
        }
        if startsWith(nameStart, "strings") { return true }
        guard nameStart > 0 else { return false }
        var folder = nameStart - 1
        while folder > 0, bytes[folder - 1] != UInt8(ascii: "/") { folder -= 1 }
        return startsWith(folder, "values") && (folder + 6 == nameStart - 1 || bytes[folder + 6] == UInt8(ascii: "-"))
    }

    /// The files, relative to a file of `format` at `path`, that hold its source strings, in
    /// order of preference: the default `values/` file of the same name for an Android resource
    /// file in a `values-…/` folder, the `en.lproj` or `Base.lproj` file for a `.stringsdict`
    /// in another `.lproj` folder, and for `.strings`, i18n JSON and ARB files the source-locale
    /// catalogue beside them (`SourceCatalogue.candidates`); empty for every other file (and for
    /// the source files themselves). A reader is a function of bytes, so the runner reads the
    /// first that exists, as UTF-8, and hands it to `masker(sourceFile:)`.
    public static func sourceFileCandidates(forPath path: String, format: DocumentFormat) -> [String] {
        switch format {
        case .appleStrings, .i18nJSON, .arb: return SourceCatalogue.candidates(forPath: path, format: format)
        case .androidStrings, .stringsdict: break
        default: return []
        }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard components.count >= 2 else { return [] }
        let name = components.removeLast()
        let folder = components.removeLast()
        let parent = components.isEmpty ? "" : components.joined(separator: "/") + "/"
        if format == .androidStrings {
            guard folder.hasPrefix("values-") else { return [] }
            return [parent + "values/" + name]
        }
        guard folder.hasSuffix(".lproj"), folder != "en.lproj", folder != "Base.lproj" else { return [] }
        return [parent + "en.lproj/" + name, parent + "Base.lproj/" + name]
    }

    /// The masker for this format given the bytes of its source file (see
    /// `sourceFileCandidates(forPath:)`); other formats ignore them.
    public func masker(sourceFile: [UInt8]?) -> any MarkupMasker {
        switch self {
        case .androidStrings: AndroidStringsMasker(sourceFile: sourceFile)
        case .stringsdict: StringsdictMasker(sourceFile: sourceFile)
        case .appleStrings, .i18nJSON, .arb: SourceCatalogue.masker(for: self, sourceCatalogue: sourceFile)
        default: masker
        }
    }

    /// Whether this format pairs its strings with a source file beside it, so that its
    /// findings depend on another file's bytes too.
    public var readsSourceFile: Bool {
        switch self {
        case .androidStrings, .stringsdict, .appleStrings, .i18nJSON, .arb: true
        default: false
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
        case .gettext, .xliff, .androidStrings, .stringsdict, .appleStrings, .xcstrings, .i18nJSON, .arb: true
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
        case .xliff: XLIFFMasker()
        case .androidStrings: AndroidStringsMasker()
        case .stringsdict: StringsdictMasker()
        case .appleStrings: AppleStringsMasker()
        case .xcstrings: XCStringsMasker()
        case .i18nJSON: I18nJSONMasker(flavor: .json)
        case .arb: I18nJSONMasker(flavor: .arb)
        }
    }
}
