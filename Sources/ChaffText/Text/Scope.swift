/// The parts of a document a rule can look at.
///
/// Markup maskers split a document into scopes; each scope is a copy of the source bytes of the
/// same length in which every byte outside the scope is a space (newlines are kept), so byte
/// offsets found in any scope are offsets into the source.
public enum Scope: String, CaseIterable, Sendable, Codable {
    /// Natural-language text: paragraphs, list items, headings, table cells, link text, alt text.
    case prose
    /// Headings only: a subset of prose, every heading byte is also a prose byte.
    case heading
    /// Code blocks and code spans, `<pre>`, `<code>`.
    case code
    /// The text inside HTML and Markdown comments, without the `<!--` and `-->` delimiters.
    case comment
    /// The whole file, unmasked.
    case raw
}
