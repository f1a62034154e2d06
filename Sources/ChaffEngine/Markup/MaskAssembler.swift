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
    /// belongs to is stored as `.blank` instead of a copy.
    static func document(
        format: DocumentFormat, source: [UInt8], text: [UInt8], classes: [UInt8],
        commentRanges: [Range<Int>], refineProse: Bool, decodesCharacterReferences: Bool = true,
        literalAmpersands: [Int] = [], scopes: Set<Scope> = Set(Scope.allCases), decodedSpans: [Range<Int>] = []
    ) -> MaskedDocument {
        let present = presentClasses(classes)
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
        if refineProse {
            if case .bytes(var bytes) = prose {
                prose = .omitted  // drop the enum's reference so the refinement edits in place
                BareURLMasking.apply(to: &bytes)
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
        return MaskedDocument(
            format: format, source: source, prose: prose, heading: heading, code: code, comment: comment,
            commentRanges: commentRanges, characterReferenceSpans: spans,
            codeRanges: has(ScopeClass.code) ? codeRuns(in: classes) : [])
    }

    /// The maximal runs of code and markup bytes that hold at least one code byte, in order: a
    /// code span or element with its own syntax and tags (`<code><a href="…">[1]</a></code>`),
    /// up to the prose around it.
    ///
    /// Eight classes at a time where they are all in a run or all outside one: tag-dense HTML
    /// alternates short runs with short text, and a test per byte cost ten instructions a byte.
    private static func codeRuns(in classes: [UInt8]) -> [Range<Int>] {
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

    /// A bit set of the classes that occur in `classes` (bit `c` for class `c`).
    private static func presentClasses(_ classes: [UInt8]) -> UInt32 {
        classes.withUnsafeBufferPointer { classes in
            var seen: UInt32 = 0
            for c in classes { seen |= 1 << UInt32(c & 31) }
            return seen
        }
    }

    /// `text` with every byte whose class is neither `first` nor `second` blanked (line breaks
    /// kept). Eight bytes at a time: a byte is kept where its class matches or it is a line
    /// break, and replaced by a space elsewhere, with no branch per byte.
    private static func fill(text: [UInt8], classes: [UInt8], _ first: UInt8, _ second: UInt8) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.count) { out, initialized in
            text.withUnsafeBufferPointer { text in
                classes.withUnsafeBufferPointer { classes in
                    let count = text.count
                    var i = 0
                    if let textBase = text.baseAddress, let classBase = classes.baseAddress, let outBase = out.baseAddress {
                        let firstWord = ByteWords.broadcast(first)
                        let secondWord = ByteWords.broadcast(second)
                        let lineFeeds = ByteWords.broadcast(MarkupBytes.lineFeed)
                        let returns = ByteWords.broadcast(MarkupBytes.carriageReturn)
                        let spaces = ByteWords.broadcast(0x20)
                        while i + 8 <= count {
                            let bytes = ByteWords.load(textBase, i)
                            let scopes = ByteWords.load(classBase, i)
                            let keep = ByteWords.widened(
                                ByteWords.equalBytes(scopes, firstWord) | ByteWords.equalBytes(scopes, secondWord)
                                    | ByteWords.equalBytes(bytes, lineFeeds) | ByteWords.equalBytes(bytes, returns))
                            let word = (bytes & keep) | (spaces & ~keep)
                            UnsafeMutableRawPointer(outBase + i).storeBytes(of: word.littleEndian, as: UInt64.self)
                            i += 8
                        }
                    }
                    while i < count {
                        let byte = text[i]
                        let keep = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn
                        let scope = classes[i]
                        out[i] = keep || scope == first || scope == second ? byte : 0x20
                        i += 1
                    }
                }
            }
            initialized = text.count
        }
    }
}
