import ChaffText

/// Masks HTML: text a browser shows is prose, everything else is masked or goes to the code or
/// comment scope. See `HTMLScanner` for what each construct becomes.
///
/// After scanning, bare URLs and e-mail addresses in prose are blanked (`BareURLMasking`) and
/// character references decoded in place (`CharacterReferenceDecoding`). A leading UTF-8 byte
/// order mark is masked. One forward pass; malformed input is never an error.
package struct HTMLMasker: MarkupMasker {
    /// An HTML masker.
    package init() {}

    /// The scopes of `source`, building only `scopes`.
    package func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        var classes = [UInt8](repeating: ScopeClass.none, count: source.count)
        var comments: [Range<Int>] = []
        var marks = MarkupMarks()
        var present: UInt32 = 0
        var codeRuns: [Range<Int>] = []
        let start = MarkupBytes.hasByteOrderMark(source) ? 3 : 0
        source.withUnsafeBufferPointer { text in
            classes.withUnsafeMutableBufferPointer { classes in
                var scanner = HTMLScanner(text: text, classes: classes, freshClasses: true)
                scanner.scan(start..<text.count)
                codeRuns = scanner.codeRuns(end: text.count)
                comments = scanner.comments
                marks = scanner.marks
                present = scanner.present
            }
        }
        return MaskAssembler.document(
            format: .html, source: source, text: source, classes: classes, commentRanges: comments,
            refineProse: true, scopes: scopes, marks: marks, presentClasses: present,
            codeRuns: codeRuns)
    }
}
