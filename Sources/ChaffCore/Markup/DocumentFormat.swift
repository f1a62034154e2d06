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
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .plainText
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdx": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "rst", "rest": self = .restructuredText
        case "po", "pot": self = .gettext
        case "txt" where name.lowercased().hasSuffix(".rst.txt"): self = .restructuredText
        default: self = .plainText
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
        }
    }
}
