import ChaffText

/// Masks Markdown (CommonMark, pragmatically extended) so that only the words a reader sees
/// are prose.
///
/// Not prose: front matter; code blocks and code spans (they go to the code scope); link and
/// image destinations, titles and reference labels; reference definitions; autolinks and bare
/// URLs; raw HTML tags (except the attribute values a reader sees, such as `alt`; see
/// `HTMLScanner`) and comments (their text goes to the comment scope); `$$` math; heading markers, block-quote and list markers, thematic breaks,
/// fence lines, escaping backslashes. Headings are prose and also the heading scope. Emphasis
/// markers stay. HTML blocks are masked by the same rules as HTML files.
///
/// Front matter is a first line `---` closed by `---` or `...`, or `+++` closed by `+++`, at the
/// very start (after an optional byte order mark); without a closing line it is not front matter.
///
/// See `MarkdownBlockParser`, `MarkdownInlineScanner`, `HTMLScanner`, `BareURLMasking` and
/// `CharacterReferenceDecoding` for the details of each construct.
package struct MarkdownMasker: MarkupMasker {
    /// The size from which a chunk of a large document may end (see `MarkdownChunkMasking`):
    /// small enough that the chunks in flight cost little memory, large enough that a chunk's
    /// fixed costs do not show.
    static let defaultChunkBytes = 1 << 20
    /// The size up to which one worker masks a document whole: masking whole holds about five
    /// copies of the document at its peak, under twice its size plus 64 MiB up to here.
    static let defaultWholeDocumentBytes = 16 << 20

    /// The size from which a chunk may end.
    let chunkBytes: Int
    /// How many threads mask the chunks of one document.
    let workers: Int
    /// With one worker, documents up to this size are masked whole (see `MarkdownChunkMasking`).
    let wholeDocumentBytes: Int

    /// A Markdown masker that masks the chunks of a large document on `workers` threads.
    package init(workers: Int = 1) {
        self.init(chunkBytes: Self.defaultChunkBytes, workers: workers, wholeDocumentBytes: Self.defaultWholeDocumentBytes)
    }

    /// A Markdown masker with chunks from `chunkBytes` (tests use small chunks, and chunk even
    /// on one worker).
    init(chunkBytes: Int, workers: Int = 1, wholeDocumentBytes: Int = 0) {
        self.chunkBytes = chunkBytes
        self.workers = workers
        self.wholeDocumentBytes = wholeDocumentBytes
    }

    /// The scopes of `source`, building only `scopes`.
    package func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        var masking = MarkdownChunkMasking(
            source: source, scopes: scopes, chunkBytes: chunkBytes, workers: workers, wholeDocumentBytes: wholeDocumentBytes)
        return masking.document()
    }

    /// Where the text after front matter starting at `start` begins, or nil without front matter.
    static func frontMatterEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = text.count
        let fence: UInt8
        if MarkupBytes.hasPrefix(text, at: start, end: end, "---") {
            fence = 0x2D
        } else if MarkupBytes.hasPrefix(text, at: start, end: end, "+++") {
            fence = 0x2B
        } else {
            return nil
        }
        guard var p = MarkdownLinkSyntax.restOfLineIsBlank(text, from: start + 3, end: end), p < end else { return nil }
        while p < end {
            let isFence = MarkupBytes.hasPrefix(text, at: p, end: end, fence == 0x2D ? "---" : "+++")
            let isDots = fence == 0x2D && MarkupBytes.hasPrefix(text, at: p, end: end, "...")
            if isFence || isDots, let next = MarkdownLinkSyntax.restOfLineIsBlank(text, from: p + 3, end: end) {
                return next
            }
            while p < end && !MarkupBytes.isLineBreak(text[p]) { p += 1 }
            if p < end { p += text[p] == 0x0D && p + 1 < end && text[p + 1] == 0x0A ? 2 : 1 }
        }
        return nil
    }
}
