import ChaffText

/// Turns a file's bytes into a `Document` by choosing its format and masking its markup.
public enum DocumentMaker {
    /// The format name of `path` from its extension: `markdown` for `.md`, `.markdown`, `.mdx`;
    /// `html` for `.html`, `.htm`, `.xhtml`; otherwise `text`.
    public static func format(forPath path: String) -> String {
        DocumentFormat(forPath: path).rawValue
    }

    /// A document for `source` read as `format` (`text`, `markdown`, `html` or `rst`; anything
    /// else is read as text).
    /// `sourceFile` is the file that holds the source strings of a localization format that
    /// keeps them apart (`DocumentFormat.sourceFileCandidates(forPath:)`).
    public static func document(path: String, source: [UInt8], format: String, sourceFile: [UInt8]? = nil) -> Document {
        let documentFormat = documentFormat(format, source)
        var masked = documentFormat.masker(sourceFile: sourceFile).mask(source)
        if masked.localization != nil { masked.localization?.pathLocale = SourceCatalogue.pathLocale(path, format: documentFormat) }
        return Document(path: path, masked: masked)
    }

    /// A document for `source` read as `format` in which only `scopes` are built (see
    /// `Linter.scopes` for the ones a run reads); the others are omitted, to save memory.
    /// `locale` is the one the configuration gives the file's path: it makes any document, a
    /// catalogue or not, one of that locale (a Markdown tree under `docs/zh-TW/` expects
    /// Traditional). `sourceFile` is the UTF-8 text of the file that holds the source strings of
    /// a catalogue that keeps them apart, which the runner reads
    /// (`DocumentFormat.sourceFileCandidates`). A large Markdown document is masked by `workers`
    /// threads.
    public static func document(
        path: String, source: [UInt8], format: String, scopes: Set<Scope>, locale: String? = nil, sourceFile: [UInt8]? = nil,
        workers: Int = 1
    ) -> Document {
        let documentFormat = documentFormat(format, source)
        let masker: any MarkupMasker =
            documentFormat == .markdown && workers > 1 ? MarkdownMasker(workers: workers) : documentFormat.masker(sourceFile: sourceFile)
        var masked = masker.mask(source, scopes: scopes)
        if masked.localization != nil { masked.localization?.pathLocale = SourceCatalogue.pathLocale(path, format: documentFormat) }
        if let locale {
            if masked.localization == nil { masked.localization = LocalizationTable() }
            masked.localization?.configuredLocale = locale
        }
        return Document(path: path, masked: masked)
    }

    /// The format to read `source` in. Plain text with reStructuredText's explicit markup is
    /// reStructuredText: docutils, Sphinx and many packages write `.txt` files in it, and read
    /// as plain text their literal blocks would be prose.
    private static func documentFormat(_ name: String, _ source: [UInt8]) -> DocumentFormat {
        let format = DocumentFormat(rawValue: name) ?? .plainText
        if format == .plainText && ReStructuredTextMasker.looksLikeReStructuredText(source) { return .restructuredText }
        return format
    }

    /// A document for a file whose content `SourceDecoder` checked or transcoded: `text` is
    /// valid UTF-8, the file itself (`origin` nil) or its transcoding (`origin` maps it back).
    public static func document(
        path: String, text: [UInt8], origin: SourceOrigin?, format: String, scopes: Set<Scope>, locale: String? = nil,
        sourceFile: [UInt8]? = nil, workers: Int = 1
    ) -> Document {
        var document = document(
            path: path, source: text, format: format, scopes: scopes, locale: locale, sourceFile: sourceFile, workers: workers)
        document.origin = origin
        document.isValidUTF8 = true
        return document
    }
}
