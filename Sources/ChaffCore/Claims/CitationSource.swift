/// The text in which citation marks of a document are looked for: its source, with comments
/// (and code, when the code scope was built for the run) blanked.
///
/// Masking blanks link targets in the prose scope, so citations (`[1]`, `<a href>`, a URL) are
/// read from the source; but a URL inside an HTML comment, or a link inside a code span, points
/// the reader at nothing, and must not source a claim. Line breaks are kept and offsets are the
/// source's. The code scope is built only when a rule reads it, so a link in a code span still
/// counts when none does: the maskers do not yet hand kinds their code spans as a side table.
enum CitationSource {
    static func bytes(of document: Document) -> [UInt8] {
        let masked = document.masked
        var bytes = document.source
        for range in masked.commentRanges { blank(&bytes, range) }
        switch masked.storage(of: .code) {
        case .bytes(let code):
            // A code byte is kept in the code scope and blanked elsewhere.
            for i in 0..<min(code.count, bytes.count) where code[i] == bytes[i] && code[i] != 0x20 && code[i] != 0x0A {
                bytes[i] = 0x20
            }
        case .source:
            return ScopeBytes.blank(bytes)
        case .blank, .omitted:
            break
        }
        return bytes
    }

    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for i in range.clamped(to: 0..<bytes.count) where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = 0x20 }
    }
}
