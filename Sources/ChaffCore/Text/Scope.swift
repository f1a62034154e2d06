/// The parts of a document a rule can look at.
///
/// Markup maskers split a document into scopes; each scope is a copy of the source bytes of the
/// same length in which every byte outside the scope is a space (newlines are kept), so byte
/// offsets found in any scope are offsets into the source.
public enum Scope: String, CaseIterable, Sendable, Codable {
    /// Natural-language text: paragraphs, list items, headings, table cells, link text, alt text.
    case prose
    /// Headings only (a subset of prose).
    case heading
    /// Code blocks and code spans, `<pre>`, `<code>`.
    case code
    /// HTML and Markdown comments.
    case comment
    /// The whole file, unmasked.
    case raw
}
