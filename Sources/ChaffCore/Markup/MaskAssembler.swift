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
    private static func codeRuns(in classes: [UInt8]) -> [Range<Int>] {
        classes.withUnsafeBufferPointer { classes in
            var out: [Range<Int>] = []
            var i = 0
            while i < classes.count {
                let c = classes[i]
                guard c == ScopeClass.code || c == ScopeClass.none else {
                    i += 1
                    continue
                }
                let start = i
                var hasCode = false
                while i < classes.count, classes[i] == ScopeClass.code || classes[i] == ScopeClass.none {
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
    /// kept).
    private static func fill(text: [UInt8], classes: [UInt8], _ first: UInt8, _ second: UInt8) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: text.count) { out, initialized in
            text.withUnsafeBufferPointer { text in
                classes.withUnsafeBufferPointer { classes in
                    for i in 0..<text.count {
                        let byte = text[i]
                        let keep = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn
                        let scope = classes[i]
                        out[i] = keep || scope == first || scope == second ? byte : 0x20
                    }
                }
            }
            initialized = text.count
        }
    }
}
