/// Builds a `MaskedDocument` from one class per byte.
enum MaskAssembler {
    /// The document whose scopes take their bytes from `text` where `classes` says so.
    ///
    /// `text` is the source with container syntax (such as Markdown block-quote markers inside
    /// a paragraph) already blanked; it has the source's line breaks. With `refineProse`, bare
    /// URLs and e-mail addresses are blanked and character references decoded in prose and
    /// heading; `literalAmpersands` (ascending) are `&` that start no reference (escaped ones).
    static func document(
        format: DocumentFormat, source: [UInt8], text: [UInt8], classes: [UInt8],
        commentRanges: [Range<Int>], refineProse: Bool, literalAmpersands: [Int] = []
    ) -> MaskedDocument {
        let count = source.count
        var prose = [UInt8](repeating: 0, count: count)
        var heading = [UInt8](repeating: 0, count: count)
        var code = [UInt8](repeating: 0, count: count)
        var comment = [UInt8](repeating: 0, count: count)
        text.withUnsafeBufferPointer { text in
            classes.withUnsafeBufferPointer { classes in
                prose.withUnsafeMutableBufferPointer { prose in
                    heading.withUnsafeMutableBufferPointer { heading in
                        code.withUnsafeMutableBufferPointer { code in
                            comment.withUnsafeMutableBufferPointer { comment in
                                for i in 0..<count {
                                    let byte = text[i]
                                    let keep = byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn
                                    let scope = classes[i]
                                    prose[i] = keep || scope == ScopeClass.prose || scope == ScopeClass.heading ? byte : 0x20
                                    heading[i] = keep || scope == ScopeClass.heading ? byte : 0x20
                                    code[i] = keep || scope == ScopeClass.code ? byte : 0x20
                                    comment[i] = keep || scope == ScopeClass.comment ? byte : 0x20
                                }
                            }
                        }
                    }
                }
            }
        }
        var spans: [Range<Int>] = []
        if refineProse {
            BareURLMasking.apply(to: &prose)
            BareURLMasking.apply(to: &heading)
            spans = CharacterReferenceDecoding.apply(to: &prose, literal: literalAmpersands)
            _ = CharacterReferenceDecoding.apply(to: &heading, literal: literalAmpersands)
        }
        return MaskedDocument(
            format: format, source: source, prose: prose, heading: heading, code: code, comment: comment,
            commentRanges: commentRanges, characterReferenceSpans: spans)
    }
}
