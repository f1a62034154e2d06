import Testing

@testable import ChaffEngine
@testable import ChaffText

/// A large Markdown document is masked in chunks (`MarkdownChunkMasking`); the document must be
/// byte for byte the one masking it whole gives, whatever the chunk size and threads.
@Suite struct MarkdownChunkMaskingTests {
    /// Blocks that keep a chunk open across blank lines (fenced and indented code, HTML blocks of
    /// every kind, lists, quotes, math) or reach across chunks (a reference defined at the end,
    /// code runs at chunk edges), among paragraphs with glosses and character references.
    static let blocks: [String] = [
        "中文（zhōngwén）的例子，据不完全统计，用户很多。See [the guide][ref-later] and `code span` here.\n",
        "```swift\nlet a = 1\n\n\n<!-- not a comment -->\nlet b = 2\n```\n",
        "<pre>\nverbatim line\n\n\nstill verbatim &lt;b&gt;\n</pre>\n",
        "<!-- chaff-note first line\n\nsecond line of a comment -->\n",
        "<div class=\"note\">\n<p>HTML block text 漢字</p>\n\n</div>\n",
        "- item one\n\n  continued 繁體字 paragraph\n\n  ```\n  code in a list\n\n  more code\n  ```\n- item two\n  1. nested\n\n     nested paragraph\n",
        "> quoted 引用 text\nlazy continuation line\n> > nested quote with [link](https://example.com/x \"title\")\n",
        "$$\nx^2 = y\n\n$$\n",
        "Setext heading 标题\n=================\n",
        "    indented code\n\n    more indented code\n",
        "&lt;关键词&gt; and &#20013;&#25991; decoded; a bare URL https://example.com/path here.\n",
        "<script>\nvar x = 1;\n\nvar y = 2;\n</script>\n",
        "* * *\n",
        "| table | cell |\n|---|---|\n| 值 | value |\n",
        "Text with <code>inline code</code> and <kbd>Ctrl</kbd> and an e-mail a@example.com.\n",
    ]

    /// A document of about `bytes` bytes cycling through `blocks`, ending with the definition
    /// the paragraphs use.
    static func document(bytes: Int) -> [UInt8] {
        var text = "---\ntitle: front matter\n---\n"
        var k = 0
        while text.utf8.count < bytes {
            text += blocks[k % blocks.count]
            // Sometimes no blank line: the next block must interrupt or continue this one.
            text += k % 7 == 3 ? "" : "\n"
            k += 1
        }
        text += "\n[ref-later]: https://example.com/later \"defined after its uses\"\n"
        return Array(text.utf8)
    }

    static func expectSame(_ a: MaskedDocument, _ b: MaskedDocument, _ note: String) {
        #expect(a.maskedScopes == b.maskedScopes, "\(note)")
        #expect(a.commentRanges == b.commentRanges, "\(note)")
        #expect(a.characterReferenceSpans == b.characterReferenceSpans, "\(note)")
        #expect(a.codeRanges == b.codeRanges, "\(note)")
        #expect(a.marks == b.marks, "\(note)")
    }

    @Test func chunksMaskAsTheWholeDocument() {
        let source = Self.document(bytes: 25_000)
        let whole = MarkdownMasker(chunkBytes: Int.max).mask(source)
        #expect(!whole.codeRanges.isEmpty && !whole.commentRanges.isEmpty && !whole.characterReferenceSpans.isEmpty)
        #expect(!whole.marks.references.isEmpty && !whole.marks.blockTags.isEmpty)
        for chunkBytes in [1, 300, 4000] {
            var masking = MarkdownChunkMasking(
                source: source, scopes: Set(Scope.allCases), chunkBytes: chunkBytes, workers: 1, wholeDocumentBytes: 0)
            _ = masking.document()
            #expect(masking.bounds.count > 3, "chunks of \(chunkBytes)")
            for workers in [1, 3] {
                Self.expectSame(MarkdownMasker(chunkBytes: chunkBytes, workers: workers).mask(source), whole, "\(chunkBytes) × \(workers)")
            }
        }
    }

    @Test func someScopesOnly() {
        let source = Self.document(bytes: 20_000)
        for scopes: Set<Scope> in [[.prose], [.heading], [.code, .comment], [.prose, .comment]] {
            let whole = MarkdownMasker(chunkBytes: Int.max).mask(source, scopes: scopes)
            Self.expectSame(MarkdownMasker(chunkBytes: 500, workers: 2).mask(source, scopes: scopes), whole, "\(scopes)")
        }
    }

    @Test func unclosedBlocksAtTheEnd() {
        // A fence never closed runs to the end of the file; chunks end inside it too, and the
        // next one starts inside the fence.
        let source = Array(("para\n\n```\n" + String(repeating: "code line\n\n", count: 500)).utf8)
        let whole = MarkdownMasker(chunkBytes: Int.max).mask(source)
        Self.expectSame(MarkdownMasker(chunkBytes: 64, workers: 2).mask(source), whole, "open fence")
        #expect(whole.codeRanges == [4..<source.count])
        var masking = MarkdownChunkMasking(
            source: source, scopes: Set(Scope.allCases), chunkBytes: 64, workers: 1, wholeDocumentBytes: 0)
        _ = masking.document()
        #expect(masking.bounds.count - 1 == 84)
        #expect(masking.fences.dropFirst().allSatisfy { $0 == MarkdownBlockParser.OpenFence(fence: 0x60, length: 3, offset: 0) })
    }

    /// Chunks end inside a long fenced code block only at the top level, and a closing fence,
    /// a fence in a list item or quote, or a longer or other fence character inside, reads the
    /// same as the whole document.
    @Test func chunksEndInsideTopLevelFencesOnly() {
        let code = String(repeating: "code 代码 &lt; line\n", count: 40)
        let text =
            "~~~~ text\n" + code + "~~~\nstill code\n```\n" + code + "~~~~~\nafter 据不完全统计\n\n"
            + "- item\n\n  ```\n" + code.replacingOccurrences(of: "code", with: "  code") + "  ```\n\n"
            + "> ```\n" + code.replacingOccurrences(of: "code", with: "> code") + "\npara &#20013; again\n\n"
            + "   ```` indented fence\n" + code + "```\n   ````\ntail text\n"
        let source = Array(text.utf8)
        let whole = MarkdownMasker(chunkBytes: Int.max).mask(source)
        for chunkBytes in [1, 50, 333] {
            for workers in [1, 2] {
                Self.expectSame(MarkdownMasker(chunkBytes: chunkBytes, workers: workers).mask(source), whole, "\(chunkBytes) × \(workers)")
            }
        }
    }

    @Test func commentScopeIsHeldAsSegments() {
        let source = Self.document(bytes: 20_000)
        let masked = MarkdownMasker(chunkBytes: 1000).mask(source)
        guard case .segments(let scope) = masked.storage(of: .comment) else {
            Issue.record("comment scope not segmented")
            return
        }
        #expect(scope.segments.reduce(0) { $0 + $1.bytes.count } < source.count / 4)
        #expect(masked.bytes(for: .comment).count == source.count)
    }

    /// Chunks cost a second block parse, so one worker masks a document whole unless it is larger
    /// than `wholeDocumentBytes`; a second worker always takes chunks.
    @Test func oneWorkerMasksWholeUpToTheWholeDocumentSize() {
        let source = Array(String(repeating: "A paragraph of text.\n\n", count: 1_000).utf8)
        func chunks(workers: Int, wholeDocumentBytes: Int) -> Int {
            var masking = MarkdownChunkMasking(
                source: source, scopes: [.prose], chunkBytes: 1_024, workers: workers, wholeDocumentBytes: wholeDocumentBytes)
            _ = masking.document()
            return masking.bounds.count - 1
        }
        #expect(chunks(workers: 1, wholeDocumentBytes: 1 << 20) == 1)
        // Two workers plan the document in five stretches, whose starts are chunk starts too.
        #expect(chunks(workers: 2, wholeDocumentBytes: 1 << 20) == 25)
        #expect(chunks(workers: 1, wholeDocumentBytes: 4_096) == 22)
    }
}
