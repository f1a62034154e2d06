import ChaffText

/// Builds a `MaskedDocument` from one class per byte.
enum MaskAssembler {
    /// The document whose scopes take their bytes from `text` where `classes` says so.
    ///
    /// `text` is the source with container syntax (such as Markdown block-quote markers inside
    /// a paragraph) already blanked; it has the source's line breaks. With `refineProse`, bare
    /// URLs and e-mail addresses are blanked and character references decoded in prose and
    /// heading (character references only with `decodesCharacterReferences`: they are HTML's);
    /// `literalAmpersands` (ascending) are `&` that start no reference (escaped ones).
    ///
    /// `decodedSpans` (sorted, disjoint) are escapes the reader already decoded in place in
    /// `text`'s prose; they join the character-reference spans.
    ///
    /// Only the scopes in `scopes` are built (the others are `.omitted`); a scope no byte
    /// belongs to is stored as `.blank` instead of a copy. `presentClasses` (bit `c` for class
    /// `c`) and `codeRuns` (see `codeRuns(in:)`), when the masker kept them while scanning,
    /// spare passes over `classes`.
    static func document(
        format: DocumentFormat, source: [UInt8], text: [UInt8], classes: [UInt8],
        commentRanges: [Range<Int>], refineProse: Bool, decodesCharacterReferences: Bool = true,
        literalAmpersands: [Int] = [], scopes: Set<Scope> = Set(Scope.allCases), decodedSpans: [Range<Int>] = [],
        marks: MarkupMarks = MarkupMarks(), presentClasses known: UInt32? = nil, codeRuns knownRuns: [Range<Int>]? = nil
    ) -> MaskedDocument {
        let present = known ?? presentClasses(classes)
        func has(_ scopeClass: UInt8) -> Bool { present & (1 << scopeClass) != 0 }
        func build(_ needed: Bool, _ first: UInt8, _ second: UInt8) -> ScopeBytes {
            guard needed else { return .omitted }
            guard has(first) || has(second) else { return .blank }
            return .bytes(fill(text: text, classes: classes, first, second))
        }
        // Prose is also built when only heading is asked for: the decoded character-reference
        // spans, which heading findings are widened with, come from prose.
        let proseNeeded = scopes.contains(.prose) || scopes.contains(.heading)
        var prose = build(proseNeeded, ScopeClass.prose, ScopeClass.heading)
        var heading = build(scopes.contains(.heading), ScopeClass.heading, ScopeClass.heading)
        let code = build(scopes.contains(.code), ScopeClass.code, ScopeClass.code)
        let comment = build(scopes.contains(.comment), ScopeClass.comment, ScopeClass.comment)
        var spans: [Range<Int>] = []
        var addresses: [MarkupReference] = []
        if refineProse {
            if case .bytes(var bytes) = prose {
                prose = .omitted  // drop the enum's reference so the refinement edits in place
                addresses = BareURLMasking.apply(to: &bytes)
                if decodesCharacterReferences {
                    spans = CharacterReferenceDecoding.apply(to: &bytes, literal: literalAmpersands)
                }
                prose = .bytes(bytes)
            }
            if case .bytes(var bytes) = heading {
                heading = .omitted
                BareURLMasking.apply(to: &bytes)
                if decodesCharacterReferences {
                    _ = CharacterReferenceDecoding.apply(to: &bytes, literal: literalAmpersands)
                }
                heading = .bytes(bytes)
            }
        }
        if !scopes.contains(.prose) { prose = .omitted }
        // Escapes a reader decoded in place (a catalogue's `\u4E2D`): findings on them are
        // widened to the whole escape, as on character references.
        if !decodedSpans.isEmpty { spans = (spans + decodedSpans).sorted { $0.lowerBound < $1.lowerBound } }
        let codeRanges = has(ScopeClass.code) ? knownRuns ?? codeRuns(in: classes) : []
        return MaskedDocument(
            format: format, source: source, prose: prose, heading: heading, code: code, comment: comment,
            commentRanges: commentRanges, characterReferenceSpans: spans, codeRanges: codeRanges,
            marks: marks.merged(with: MarkupMarks(references: addresses)).outside(codeRanges))
    }

    /// The maximal runs of code and markup bytes that hold at least one code byte, in order: a
    /// code span or element with its own syntax and tags (`<code><a href="…">[1]</a></code>`),
    /// up to the prose around it.
    ///
    /// Eight classes at a time where they are all in a run or all outside one: tag-dense HTML
    /// alternates short runs with short text, and a test per byte cost ten instructions a byte.
    static func codeRuns(in classes: [UInt8]) -> [Range<Int>] {
        classes.withUnsafeBufferPointer { classes in
            var out: [Range<Int>] = []
            guard let base = classes.baseAddress else { return out }
            let count = classes.count
            let code = ByteWords.broadcast(ScopeClass.code)
            let allBytes: UInt64 = 0x8080_8080_8080_8080
            func inRun(_ c: UInt8) -> Bool { c == ScopeClass.code || c == ScopeClass.none }
            var i = 0
            while i < count {
                // Outside a run: to the first code or markup byte, a word at a time.
                while i + 8 <= count {
                    let word = ByteWords.load(base, i)
                    let runBytes = ByteWords.zeroBytes(word) | ByteWords.equalBytes(word, code)
                    if runBytes != 0 {
                        i += runBytes.trailingZeroBitCount / 8
                        break
                    }
                    i += 8
                }
                while i < count && !inRun(classes[i]) { i += 1 }
                guard i < count else { break }
                let start = i
                var hasCode = false
                while i < count {
                    if i + 8 <= count {
                        let word = ByteWords.load(base, i)
                        let codeBytes = ByteWords.equalBytes(word, code)
                        let runBytes = ByteWords.zeroBytes(word) | codeBytes
                        if runBytes == allBytes {
                            hasCode = hasCode || codeBytes != 0
                            i += 8
                            continue
                        }
                        // The run ends inside this word, at its first other byte.
                        let inside = (~runBytes & allBytes).trailingZeroBitCount / 8
                        if inside > 0 && codeBytes & (allBytes >> UInt64(64 - 8 * inside)) != 0 { hasCode = true }
                        i += inside
                        break
                    }
                    guard inRun(classes[i]) else { break }
                    if classes[i] == ScopeClass.code { hasCode = true }
                    i += 1
                }
                if hasCode { out.append(start..<i) }
            }
            return out
        }
    }

    /// The code runs of one chunk of a document (see `codeRuns(in:)`), with what joining them
    /// to the chunks around needs: a run may go on across a chunk boundary.
    struct CodeRuns {
        /// The runs holding code, relative to the chunk.
        var runs: [Range<Int>] = []
        /// The chunk's length.
        var count = 0
        /// The length of the run of code and markup bytes the chunk starts with (0 when none).
        var lead = 0
        /// Where the run of code and markup bytes the chunk ends with starts (`count` when none).
        var trail = 0
    }

    /// The code runs of `classes`, one chunk of a document.
    static func codeRunsWithEdges(in classes: [UInt8]) -> CodeRuns {
        func inRun(_ c: UInt8) -> Bool { c == ScopeClass.code || c == ScopeClass.none }
        var edges = CodeRuns(runs: codeRuns(in: classes), count: classes.count)
        while edges.lead < classes.count && inRun(classes[edges.lead]) { edges.lead += 1 }
        edges.trail = classes.count
        if edges.lead < classes.count {
            while edges.trail > 0 && inRun(classes[edges.trail - 1]) { edges.trail -= 1 }
        } else {
            edges.trail = 0
        }
        return edges
    }

    /// Joins the code runs of consecutive chunks into those of the whole document, exactly as
    /// `codeRuns(in:)` over all of it.
    struct CodeRunJoiner {
        private var out: [Range<Int>] = []
        /// A run reaching the end of the chunks added so far: where it starts, whether it holds code.
        private var open: (start: Int, hasCode: Bool)?

        /// Adds the runs of the chunk that starts at `base` (right after the previous one).
        mutating func add(_ chunk: CodeRuns, at base: Int) {
            var runs = chunk.runs[...]
            if chunk.lead == chunk.count {
                // The chunk is all one run, which may go on from the previous chunk.
                open = (open?.start ?? base, (open?.hasCode ?? false) || !runs.isEmpty)
                return
            }
            if let current = open {
                var hasCode = current.hasCode
                if chunk.lead > 0, let first = runs.first, first.lowerBound == 0 {
                    hasCode = true
                    runs = runs.dropFirst()
                }
                if hasCode { out.append(current.start..<(base + chunk.lead)) }
                open = nil
            }
            if chunk.trail < chunk.count {
                let trailingHasCode = runs.last?.upperBound == chunk.count
                if trailingHasCode { runs = runs.dropLast() }
                open = (base + chunk.trail, trailingHasCode)
            }
            for run in runs { out.append((base + run.lowerBound)..<(base + run.upperBound)) }
        }

        /// The runs of the document, which ends at `end`.
        mutating func finish(at end: Int) -> [Range<Int>] {
            if let current = open, current.hasCode { out.append(current.start..<end) }
            open = nil
            return out
        }
    }

    /// A bit set of the classes that occur in `classes` (bit `c` for class `c`).
    static func presentClasses(_ classes: [UInt8]) -> UInt32 {
        classes.withUnsafeBufferPointer { classes in
            var seen: UInt32 = 0
            guard let base = classes.baseAddress else { return seen }
            let count = classes.count
            var i = 0
            // Classes come in long runs: eight bytes of the class last seen add nothing.
            var last: UInt8 = 0
            var run = ByteWords.broadcast(last)
            while i + 8 <= count {
                if ByteWords.load(base, i) != run {
                    for k in i..<(i + 8) { seen |= 1 << UInt32(classes[k] & 31) }
                    last = classes[i + 7]
                    run = ByteWords.broadcast(last)
                } else if i == 0 {
                    seen |= 1 << UInt32(last & 31)
                }
                i += 8
            }
            while i < count {
                seen |= 1 << UInt32(classes[i] & 31)
                i += 1
            }
            return seen
        }
    }

    /// `text` with every byte whose class is neither `first` nor `second` blanked (line breaks
    /// kept).
    static func fill(text: [UInt8], classes: [UInt8], _ first: UInt8, _ second: UInt8) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.count) { out, initialized in
            text.withUnsafeBufferPointer { text in
                classes.withUnsafeBufferPointer { classes in
                    fill(text.baseAddress, classes.baseAddress, count: text.count, first, second, into: out.baseAddress)
                }
            }
            initialized = text.count
        }
    }

    /// `fill(text:classes:_:_:)` written into `out` from offset `at`.
    static func fill(
        text: [UInt8], classes: [UInt8], _ first: UInt8, _ second: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) {
        precondition(offset + text.count <= out.count)
        text.withUnsafeBufferPointer { text in
            classes.withUnsafeBufferPointer { classes in
                fill(text.baseAddress, classes.baseAddress, count: text.count, first, second, into: out.baseAddress.map { $0 + offset })
            }
        }
    }

    /// `fill(text:classes:_:_:)` in place: `text` becomes the scope.
    static func fillInPlace(_ text: inout [UInt8], classes: [UInt8], _ first: UInt8, _ second: UInt8) {
        let count = text.count
        text.withUnsafeMutableBufferPointer { text in
            classes.withUnsafeBufferPointer { classes in
                fill(UnsafePointer(text.baseAddress), classes.baseAddress, count: count, first, second, into: text.baseAddress)
            }
        }
    }

    /// Copies `bytes` into `out` from offset `at`.
    static func copy(_ bytes: [UInt8], into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        precondition(offset + bytes.count <= out.count)
        bytes.withUnsafeBufferPointer { bytes in
            guard let from = bytes.baseAddress, let to = out.baseAddress else { return }
            (to + offset).update(from: from, count: bytes.count)
        }
    }

    /// The bytes of `text` whose class is `first` or `second`, and line breaks, written to
    /// `out`; spaces elsewhere. Eight bytes at a time: a byte is kept where its class matches or
    /// it is a line break, and replaced by a space elsewhere, with no branch per byte. `out` may
    /// be `text` itself: each word is read before it is written.
    private static func fill(
        _ text: UnsafePointer<UInt8>?, _ classes: UnsafePointer<UInt8>?, count: Int, _ first: UInt8, _ second: UInt8,
        into out: UnsafeMutablePointer<UInt8>?
    ) {
        guard let textBase = text, let classBase = classes, let outBase = out else { return }
        var i = 0
        let firstWord = ByteWords.broadcast(first)
        let secondWord = ByteWords.broadcast(second)
        let lineFeeds = ByteWords.broadcast(MarkupBytes.lineFeed)
        let returns = ByteWords.broadcast(MarkupBytes.carriageReturn)
        let spaces = ByteWords.broadcast(0x20)
        while i + 8 <= count {
            let bytes = ByteWords.load(textBase, i)
            let scopes = ByteWords.load(classBase, i)
            // Eight bytes of one kept class (inside a run of text) are kept as they are.
            if scopes == firstWord || scopes == secondWord {
                UnsafeMutableRawPointer(outBase + i).storeBytes(of: bytes.littleEndian, as: UInt64.self)
                i += 8
                continue
            }
            let keep = ByteWords.widened(
                ByteWords.equalBytes(scopes, firstWord) | ByteWords.equalBytes(scopes, secondWord)
                    | ByteWords.equalBytes(bytes, lineFeeds) | ByteWords.equalBytes(bytes, returns))
            let word = (bytes & keep) | (spaces & ~keep)
            UnsafeMutableRawPointer(outBase + i).storeBytes(of: word.littleEndian, as: UInt64.self)
            i += 8
        }
        while i < count {
            let byte = textBase[i]
            let keep = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn
            let scope = classBase[i]
            outBase[i] = keep || scope == first || scope == second ? byte : 0x20
            i += 1
        }
    }
}
