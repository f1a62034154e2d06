import ChaffEngine

/// Where the citation marks of a sentence are looked for: the text the claim kinds read (a
/// masked scope), for the marks a reader sees in it (`[1]`, `¹`, author–year, `来源：…`), and the
/// masker's `MarkupMarks`, for the links, addresses and note elements that masking blanked.
///
/// The marks hold nothing from comments or code, so a URL in an HTML comment or a link in a
/// code span sources no claim; nothing here reads the source to find markup again.
struct CitationView {
    /// The text, at the source's offsets.
    let text: UnsafeBufferPointer<UInt8>
    /// The markup the masker found in it.
    let marks: MarkupMarks
}

extension SourceCues {
    /// The first citation in `range` of `view`: a link, address or note the masker found
    /// starting there, or else a mark in the text.
    func citation(in view: CitationView, _ range: Range<Int>) -> Range<Int>? {
        if let reference = view.marks.references(startingIn: range).first { return reference.range }
        return citation(in: view.text, range)
    }
}
