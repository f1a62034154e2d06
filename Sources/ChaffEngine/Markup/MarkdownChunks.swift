import ChaffText
import Dispatch

/// Masks a Markdown document chunk by chunk, writing each chunk's scopes straight into the
/// document's scope arrays.
///
/// Masking a whole file at once held five copies of it (the source, the container-blanked
/// text, one class per byte, the prose scope and the comment scope); by chunks it holds the
/// source and the scopes a rule reads, plus a few megabytes per chunk in flight.
///
/// A chunk ends at a line where no block is open (`MarkdownBlockParser.parse(from:stoppingAt:)`),
/// so its block structure is what the whole document's is, and the HTML and inline scanners
/// start each region afresh; what one chunk can need from the others is only the reference
/// definitions (a link may use a label defined later) and where the last `$$` is. A first pass
/// (`MarkdownChunkPlan`) parses the blocks of the whole document to find the chunks and the
/// definitions; the second masks the chunks, on several threads when asked, and joins their
/// code runs, comments and character-reference spans in order, so that the document is byte
/// for byte the one a single pass over the whole file gives.
struct MarkdownChunkMasking {
    let source: [UInt8]
    let scopes: Set<Scope>
    /// The size from which a chunk may end; a chunk is longer when no block boundary comes
    /// sooner.
    let chunkBytes: Int
    let workers: Int
    /// With one worker, documents up to this size are masked whole, in one parse.
    let wholeDocumentBytes: Int

    /// Where the chunks start (the first at 0), and the document's end.
    private(set) var bounds: [Int] = [0]
    /// Per chunk, the top-level fenced code block it starts inside, if any: a chunk may end
    /// inside a long code block (an unclosed fence runs to the end of the file).
    private(set) var fences: [MarkdownBlockParser.OpenFence?] = [nil]
    /// Where block parsing starts, after a byte order mark and front matter.
    private var contentStart = 0
    private var lastDoubleDollar = -1
    /// Every reference definition of the document, when it has more than one chunk (a single
    /// chunk collects its own).
    private var definitions: Set<String>? = nil

    init(source: [UInt8], scopes: Set<Scope>, chunkBytes: Int, workers: Int, wholeDocumentBytes: Int) {
        self.source = source
        self.scopes = scopes
        self.chunkBytes = max(1, chunkBytes)
        self.workers = max(1, workers)
        self.wholeDocumentBytes = wholeDocumentBytes
    }

    /// The masked document.
    mutating func document() -> MaskedDocument {
        plan()
        let needs = Needs(scopes: scopes)
        let count = source.count
        // Left uninitialized: every chunk writes each byte of its range (`maskChunk`), so
        // zeroing them first only page-faulted three document-sized arrays on one thread.
        var prose = Self.uninitializedBytes(needs.keepsProse ? count : 0)
        var heading = Self.uninitializedBytes(needs.heading ? count : 0)
        var code = Self.uninitializedBytes(needs.code ? count : 0)
        var results: [ChunkResult] = []
        prose.withUnsafeMutableBufferPointer { prose in
            heading.withUnsafeMutableBufferPointer { heading in
                code.withUnsafeMutableBufferPointer { code in
                    let outputs = Outputs(prose: prose, heading: heading, code: code)
                    results = maskChunks(into: outputs, needs: needs)
                }
            }
        }
        return assemble(results, prose: &prose, heading: &heading, code: &code, needs: needs)
    }

    /// An array of `count` bytes whose contents the caller writes in full before reading.
    private static func uninitializedBytes(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    // MARK: - Planning

    /// Finds the chunks and, when there are several, the definitions of the whole document.
    private mutating func plan() {
        let count = source.count
        source.withUnsafeBufferPointer { src in
            var start = MarkupBytes.hasByteOrderMark(source) ? 3 : 0
            start = MarkdownMasker.frontMatterEnd(src, from: start) ?? start
            contentStart = start
            lastDoubleDollar = MarkdownBlockParser.lastDoubleDollar(in: src)
        }
        // Chunks cost a second block parse (about 10 % more instructions on a 5 MB file). They
        // pay for themselves with a second thread, or when the document is large enough that
        // masking it whole would hold several copies of it at once (see `wholeDocumentBytes`).
        guard count > chunkBytes, workers > 1 || count > wholeDocumentBytes else {
            bounds = [0, count]
            return
        }
        let plan = MarkdownChunkPlan(
            source: source, chunkBytes: chunkBytes, workers: workers, contentStart: contentStart, lastDoubleDollar: lastDoubleDollar)
        bounds = plan.bounds
        fences = plan.fences
        definitions = plan.definitions
    }

    // MARK: - Masking the chunks

    /// Which scopes are built: prose also when only heading is asked for, since the decoded
    /// character-reference spans that widen heading findings come from prose.
    struct Needs {
        var prose: Bool
        var keepsProse: Bool
        var heading: Bool
        var code: Bool
        var comment: Bool

        init(scopes: Set<Scope>) {
            prose = scopes.contains(.prose) || scopes.contains(.heading)
            keepsProse = scopes.contains(.prose)
            heading = scopes.contains(.heading)
            code = scopes.contains(.code)
            comment = scopes.contains(.comment)
        }
    }

    /// The document-sized scope arrays the chunks write into (empty where not built); chunks
    /// write disjoint ranges, so threads share them.
    struct Outputs: @unchecked Sendable {
        var prose: UnsafeMutableBufferPointer<UInt8>
        var heading: UnsafeMutableBufferPointer<UInt8>
        var code: UnsafeMutableBufferPointer<UInt8>
    }

    /// Masks every chunk, on up to `workers` threads, and returns their results in order.
    private func maskChunks(into outputs: Outputs, needs: Needs) -> [ChunkResult] {
        let chunkCount = bounds.count - 1
        let threads = min(workers, chunkCount)
        if threads <= 1 {
            return (0..<chunkCount).map { maskChunk($0, into: outputs, needs: needs) }
        }
        let table = ThreadSlots<ChunkResult>(count: chunkCount)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let k = next.increment()
                guard k < chunkCount else { return }
                table.set(k, maskChunk(k, into: outputs, needs: needs))
            }
        }
        return table.elements
    }

    /// What masking one chunk found, in document offsets.
    struct ChunkResult {
        var comments: [Range<Int>] = []
        var spans: [Range<Int>] = []
        var present: UInt32 = 0
        var codeRuns = MaskAssembler.CodeRuns()
        var commentSegments: [ScopeSegments.Segment] = []
        var marks = MarkupMarks()
    }

    /// Masks chunk `k` and writes its scopes into `outputs`.
    private func maskChunk(_ k: Int, into outputs: Outputs, needs: Needs) -> ChunkResult {
        let range = bounds[k]..<bounds[k + 1]
        let base = range.lowerBound
        var text = Array(source[range])
        var classes = [UInt8](repeating: ScopeClass.none, count: range.count)
        var result = ChunkResult()
        var literalAmpersands: [Int] = []
        text.withUnsafeMutableBufferPointer { text in
            classes.withUnsafeMutableBufferPointer { classes in
                let reader = UnsafeBufferPointer(text)
                var blocks = MarkdownBlockParser(
                    text: text, classes: classes, lastDoubleDollar: lastDoubleDollar - base, openFence: fences[k])
                blocks.parse(from: max(contentStart, base) - base)
                var html = HTMLScanner(text: reader, classes: classes)
                for region in blocks.htmlRegions { html.scan(region) }
                var inline = MarkdownInlineScanner(text: reader, classes: classes, definitions: definitions ?? blocks.definitions)
                for region in blocks.inlineRegions { inline.scan(region.range, base: region.base) }
                result.comments = (html.comments + inline.comments).sorted { $0.lowerBound < $1.lowerBound }
                result.marks = html.marks.merged(with: inline.marks)
                literalAmpersands = inline.literalAmpersands.sorted()
            }
        }
        result.present = MaskAssembler.presentClasses(classes)
        func has(_ scopeClass: UInt8) -> Bool { result.present & (1 << scopeClass) != 0 }
        result.codeRuns = MaskAssembler.codeRunsWithEdges(in: classes)
        if needs.comment && has(ScopeClass.comment) {
            result.commentSegments = ScopeSegments.segments(of: text, classes: classes, ScopeClass.comment, base: base)
        }
        if needs.code {
            MaskAssembler.fill(text: text, classes: classes, ScopeClass.code, ScopeClass.code, into: outputs.code, at: base)
        }
        if needs.heading {
            var heading = MaskAssembler.fill(text: text, classes: classes, ScopeClass.heading, ScopeClass.heading)
            BareURLMasking.apply(to: &heading)
            _ = CharacterReferenceDecoding.apply(to: &heading, literal: literalAmpersands)
            MaskAssembler.copy(heading, into: outputs.heading, at: base)
        }
        if needs.prose {
            // The chunk's own text becomes its prose: one chunk-sized buffer, not two.
            MaskAssembler.fillInPlace(&text, classes: classes, ScopeClass.prose, ScopeClass.heading)
            classes = []
            result.marks = result.marks.merged(with: MarkupMarks(references: BareURLMasking.apply(to: &text)))
            let spans = CharacterReferenceDecoding.apply(to: &text, literal: literalAmpersands)
            result.spans = spans.map { ($0.lowerBound + base)..<($0.upperBound + base) }
            if needs.keepsProse { MaskAssembler.copy(text, into: outputs.prose, at: base) }
        }
        result.comments = result.comments.map { ($0.lowerBound + base)..<($0.upperBound + base) }
        result.marks = result.marks.shifted(by: base)
        return result
    }

    // MARK: - Joining

    /// The document from the chunks' results and the scope arrays they filled.
    private func assemble(
        _ results: [ChunkResult], prose: inout [UInt8], heading: inout [UInt8], code: inout [UInt8], needs: Needs
    ) -> MaskedDocument {
        var present: UInt32 = 0
        var comments: [Range<Int>] = []
        var spans: [Range<Int>] = []
        var segments: [ScopeSegments.Segment] = []
        var marks = MarkupMarks()
        var runs = MaskAssembler.CodeRunJoiner()
        for (k, result) in results.enumerated() {
            present |= result.present
            comments += result.comments
            spans += result.spans
            segments += result.commentSegments
            marks.append(result.marks)
            runs.add(result.codeRuns, at: bounds[k])
        }
        func has(_ scopeClass: UInt8) -> Bool { present & (1 << scopeClass) != 0 }
        func storage(_ needed: Bool, _ bytes: inout [UInt8], present: Bool) -> ScopeBytes {
            guard needed else { return .omitted }
            guard present else { return .blank }
            let scope = ScopeBytes.bytes(bytes)
            bytes = []
            return scope
        }
        let proseScope = storage(needs.keepsProse, &prose, present: has(ScopeClass.prose) || has(ScopeClass.heading))
        let headingScope = storage(needs.heading, &heading, present: has(ScopeClass.heading))
        let codeScope = storage(needs.code, &code, present: has(ScopeClass.code))
        let commentScope: ScopeBytes =
            !needs.comment ? .omitted : has(ScopeClass.comment) ? .segments(ScopeSegments(count: source.count, segments)) : .blank
        let codeRanges = has(ScopeClass.code) ? runs.finish(at: source.count) : []
        return MaskedDocument(
            format: .markdown, source: source, prose: proseScope, heading: headingScope, code: codeScope, comment: commentScope,
            commentRanges: comments, characterReferenceSpans: spans, codeRanges: codeRanges, marks: marks.outside(codeRanges))
    }
}
