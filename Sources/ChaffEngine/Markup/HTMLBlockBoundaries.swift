/// Where HTML blocks start and end in a source: a browser shows `<dt>…</dt><dd>…</dd>` or
/// `<p>…</p><p>…</p>` as separate blocks even on one source line, but masking turns the tags into
/// spaces, so text-based paragraph splitting would join them. Rules that judge a paragraph or a
/// sentence as a whole (a claim and the citation that sources it) split at these offsets too.
/// Besides the blocks, tags that break a line or stand apart from the page's text (`br`, `hr`,
/// `title`) split too.
package enum HTMLBlockBoundaries {
    /// `range` cut at every block tag of `raw` inside it, with empty pieces left out. `raw` is the
    /// unmasked source, at the same offsets as the text `range` was found in.
    package static func split(_ range: Range<Int>, raw: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            i = MarkupBytes.index(of: 0x3C, in: raw, from: i, end: range.upperBound)
            guard i < range.upperBound else { break }
            if let tagEnd = blockTagEnd(at: i, in: raw, limit: range.upperBound) {
                if i > start { pieces.append(start..<i) }
                start = tagEnd
                i = tagEnd
            } else {
                i += 1
            }
        }
        if start < range.upperBound { pieces.append(start..<range.upperBound) }
        return pieces
    }

    /// The end of the block start or end tag at `<` at `i`, or nil when no block tag starts there.
    private static func blockTagEnd(at i: Int, in raw: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        var nameStart = i + 1
        if nameStart < limit && raw[nameStart] == 0x2F { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < limit && MarkupBytes.isAlnum(raw[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart, nameEnd < limit else { return nil }
        let after = raw[nameEnd]
        guard after == 0x3E || after == 0x2F || MarkupBytes.isHTMLWhitespace(after) else { return nil }
        let name = nameStart..<nameEnd
        switch HTMLTagName.identify(name, in: raw) {
        case let tag where tag.isBlock: break
        case .br, .hr, .title: break
        default: return nil
        }
        let close = MarkupBytes.index(of: 0x3E, in: raw, from: nameEnd, end: limit)
        return close < limit ? close + 1 : nil
    }
}
