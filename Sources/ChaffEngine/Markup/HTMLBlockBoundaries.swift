/// Where HTML blocks start and end in a source: a browser shows `<dt>…</dt><dd>…</dd>` or
/// `<p>…</p><p>…</p>` as separate blocks even on one source line, but masking turns the tags into
/// spaces, so text-based paragraph splitting would join them. Rules that judge a paragraph or a
/// sentence as a whole (a claim and the citation that sources it) split at these tags too; the
/// masker records them (`MarkupMarks.blockTags`: blocks, and `br`, `hr`, `title`, which break a
/// line or stand apart from the page's text).
package enum HTMLBlockBoundaries {
    /// `range` cut at every block tag of `marks` that starts inside it, with empty pieces left
    /// out.
    package static func split(_ range: Range<Int>, at marks: MarkupMarks) -> [Range<Int>] {
        let tags = marks.blockTags(startingIn: range)
        if tags.isEmpty { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for tag in tags.lazy.map(\.range) where tag.lowerBound >= start {
            if tag.lowerBound > start { pieces.append(start..<tag.lowerBound) }
            start = min(tag.upperBound, range.upperBound)
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }
}
