import ChaffText

/// Masks reStructuredText so that only the words a reader sees are prose.
///
/// Documentation written in reStructuredText (Python's, Sphinx's, docutils', most PyPI READMEs)
/// is full of code that a plain-text reading takes for prose: `'%5.3f' % x` in a literal block,
/// `<target_name>` in a cross-reference, `{{ super() }}` in a template example. The masker reads
/// the block structure line by line and the inline markup of each paragraph:
///
/// - code: literal blocks (the indented block after a paragraph ending in `::`), the bodies of
///   code directives (`code-block`, `literalinclude`, `doctest`, `productionlist` …), doctest
///   blocks (`>>>`), inline literals (` ``x`` `), interpreted text and roles other than the few
///   that show words (`:ref:`, `:term:`, `:doc:` …), and the signatures of description
///   directives (`.. function:: open(file, mode='r')`);
/// - comment: explicit markup that is no directive, target or footnote (`.. a remark`);
/// - heading: section titles (the text over an underline of repeated punctuation);
/// - nothing: directive names and options, hyperlink targets, underlines and transitions, the
///   targets of references (`` `text <https://…>`_ ``, `` :ref:`text <label>` ``), and the
///   markers of inline markup;
/// - prose: everything else, including the bodies of admonitions and the visible text of links.
///
/// It is a reader of the common constructs, not a full parser: tables, lists and field lists are
/// prose with their punctuation, which no rule reports.
package struct ReStructuredTextMasker: MarkupMasker {
    /// A reStructuredText masker.
    package init() {}

    /// The scopes of `source`, building only `scopes`.
    package func mask(_ source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        var classes = [UInt8](repeating: ScopeClass.none, count: source.count)
        var comments: [Range<Int>] = []
        var marks = MarkupMarks()
        source.withUnsafeBufferPointer { text in
            classes.withUnsafeMutableBufferPointer { classes in
                var blocks = ReStructuredTextBlocks(text: text, classes: classes)
                blocks.parse(from: MarkupBytes.hasByteOrderMark(source) ? 3 : 0)
                comments = blocks.comments
                marks = blocks.marks
            }
        }
        return MaskAssembler.document(
            format: .restructuredText, source: source, text: source, classes: classes, commentRanges: comments,
            refineProse: true, decodesCharacterReferences: false, scopes: scopes, marks: marks)
    }

    /// Whether a file that names no format (`.txt`) is reStructuredText: it has explicit markup
    /// that only reStructuredText writes, a directive (`.. note::`) or a hyperlink target
    /// (`.. _label:`) at the start of a line. Plain prose never starts a line with `.. ` followed
    /// by a name and `::`.
    package static func looksLikeReStructuredText(_ source: [UInt8]) -> Bool {
        source.withUnsafeBufferPointer { text in
            var index = 0
            while let dots = ByteSearch.next([0x2E, 0x2E, 0x20], in: text, from: index) {
                index = dots + 3
                guard dots == 0 || text[dots - 1] == 0x0A else { continue }
                var p = dots + 3
                if p < text.count && text[p] == 0x5F { p += 1 }  // `.. _target:`
                let nameStart = p
                // A name; a colon inside it only before a letter (`py:function`).
                while p < text.count,
                    MarkupBytes.isAlnum(text[p]) || text[p] == 0x2D || text[p] == 0x5F
                        || (text[p] == 0x3A && p + 1 < text.count && MarkupBytes.isAlpha(text[p + 1]))
                {
                    p += 1
                }
                guard p > nameStart, p < text.count, text[p] == 0x3A else { continue }
                if text[nameStart - 1] == 0x5F { return true }
                if p + 1 < text.count && text[p + 1] == 0x3A { return true }
            }
            return false
        }
    }
}
