/// Turns a file's bytes into a `Document` by choosing its format and masking its markup.
public enum DocumentMaker {
    /// The format of `path` from its extension: `markdown` for `.md`, `.markdown`, `.mdx`;
    /// `html` for `.html`, `.htm`, `.xhtml`; otherwise `text`.
    public static func format(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "text" }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdx": return "markdown"
        case "html", "htm", "xhtml": return "html"
        default: return "text"
        }
    }

    /// A document for `source` read as `format`.
    public static func document(path: String, source: [UInt8], format: String) -> Document {
        Document(path: path, source: source, scopes: [.prose: source])
    }
}
