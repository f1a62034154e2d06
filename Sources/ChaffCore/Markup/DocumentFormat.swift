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

    /// The format of a file from its extension: `.md`, `.markdown`, `.mdx` are Markdown;
    /// `.html`, `.htm`, `.xhtml` are HTML; `.rst`, `.rest` and `.rst.txt` are
    /// reStructuredText; `.po` and `.pot` are gettext catalogues; anything else (or no extension) is plain text.
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

    /// The masker that splits documents of this format into scopes.
    public var masker: any MarkupMasker {
        switch self {
        case .plainText: PlainTextMasker()
        case .markdown: MarkdownMasker()
        case .html: HTMLMasker()
        case .restructuredText: ReStructuredTextMasker()
        case .gettext: GettextMasker()
        }
    }
}
