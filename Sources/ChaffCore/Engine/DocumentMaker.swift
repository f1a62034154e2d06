/// Turns a file's bytes into a `Document` by choosing its format and masking its markup.
public enum DocumentMaker {
    /// The format name of `path` from its extension: `markdown` for `.md`, `.markdown`, `.mdx`;
    /// `html` for `.html`, `.htm`, `.xhtml`; otherwise `text`.
    public static func format(forPath path: String) -> String {
        DocumentFormat(forPath: path).rawValue
    }

    /// A document for `source` read as `format` (`text`, `markdown` or `html`; anything else
    /// is read as text).
    public static func document(path: String, source: [UInt8], format: String) -> Document {
        let documentFormat = DocumentFormat(rawValue: format) ?? .plainText
        return Document(path: path, masked: documentFormat.masker.mask(source))
    }

    /// A document for `source` read as `format` in which only `scopes` are built (see
    /// `Linter.scopes` for the ones a run reads); the others are omitted, to save memory.
    public static func document(path: String, source: [UInt8], format: String, scopes: Set<Scope>) -> Document {
        let documentFormat = DocumentFormat(rawValue: format) ?? .plainText
        return Document(path: path, masked: documentFormat.masker.mask(source, scopes: scopes))
    }

    /// A document for a file whose content `SourceDecoder` checked or transcoded: `text` is
    /// valid UTF-8, the file itself (`origin` nil) or its transcoding (`origin` maps it back).
    public static func document(path: String, text: [UInt8], origin: SourceOrigin?, format: String, scopes: Set<Scope>) -> Document {
        var document = document(path: path, source: text, format: format, scopes: scopes)
        document.origin = origin
        document.isValidUTF8 = true
        return document
    }
}
