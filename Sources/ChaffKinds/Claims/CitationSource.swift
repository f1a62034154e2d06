import ChaffEngine

/// The text in which citation marks of a document are looked for: its source, with comments and
/// code blanked.
///
/// Masking blanks link targets in the prose scope, so citations (`[1]`, `<a href>`, a URL) are
/// read from the source; but a URL inside an HTML comment, or a link inside a code span, points
/// the reader at nothing, and must not source a claim. The maskers hand both as side tables
/// (`commentRanges`, `codeRanges`). Line breaks are kept and offsets are the source's.
enum CitationSource {
    static func bytes(of document: Document) -> [UInt8] {
        let masked = document.masked
        var bytes = document.source
        for range in masked.commentRanges { blank(&bytes, range) }
        for range in masked.codeRanges { blank(&bytes, range) }
        return bytes
    }

    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for i in range.clamped(to: 0..<bytes.count) where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = 0x20 }
    }
}
