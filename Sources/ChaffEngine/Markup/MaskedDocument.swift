import ChaffText

/// A document split into scopes by a `MarkupMasker`.
///
/// Each scope is a byte array exactly as long as `source`. Inside the scope a byte is the source
/// byte; outside it is an ASCII space, except `\n` and `\r`, which every scope keeps, so that
/// line numbers and byte offsets found in any scope are those of the source. A multi-byte
/// character outside a scope becomes as many spaces as it has bytes.
///
/// One exception, in `prose` and `heading` only: a run of HTML character references such as
/// `&lt;&#20013;` is decoded in place (see `characterReferenceSpans`). Its decoded UTF-8 bytes
/// are written inside the span the references occupy and the rest of the span is spaces, so
/// offsets still fall inside the source text that produced them.
public struct MaskedDocument: Sendable {
    /// The fields, behind one reference: a document is copied into every rule's context (and
    /// for every file that is a dozen copies), and copying fifteen references cost more than
    /// the rules read from a short file.
    private var storage: Storage

    /// The format the document was masked as.
    public var format: DocumentFormat { storage.format }
    /// The unmasked bytes (the `raw` scope).
    public var source: [UInt8] { storage.source }
    /// Byte ranges of whole comments (`<!-- … -->` including the delimiters), in source order.
    ///
    /// Suppression directives are read from these; plain text has none.
    public var commentRanges: [Range<Int>] { storage.commentRanges }
    /// Byte ranges of runs of adjacent character references that were decoded in `prose` and
    /// `heading`, in source order.
    public var characterReferenceSpans: [Range<Int>] { storage.characterReferenceSpans }
    /// Byte ranges of code (code spans and blocks, literal blocks, `<code>` elements, each with
    /// the markup syntax and tags around and inside it), in source order, whether or not the
    /// code scope was built: kinds that read the source for links and citations leave these out
    /// without rediscovering the markup.
    public var codeRanges: [Range<Int>] { storage.codeRanges }
    /// The links, notes, block tags and ruby tags the masker found outside comments and code
    /// (see `MarkupMarks`): kinds read markup that the scopes blank from here, not the source.
    public var marks: MarkupMarks { storage.marks }
    /// For a localization file: the pairs of source and translation, the locale and what the
    /// reader could not read; nil for other documents.
    package var localization: LocalizationTable? {
        get { storage.localization }
        set {
            // Copies share the storage; the one that is changed gets its own.
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.localization = newValue
        }
    }

    /// The line index of `source`, built once, when first asked for (diagnostics, suppression
    /// directives, a rule that reports lines), and shared by every reader and thread.
    public var lineIndex: LineIndex { storage.sharedLines.index(of: storage.source) }

    /// A document from already masked scopes; every scope must be as long as `source`.
    public init(
        format: DocumentFormat, source: [UInt8], prose: [UInt8], heading: [UInt8], code: [UInt8],
        comment: [UInt8], commentRanges: [Range<Int>] = [], characterReferenceSpans: [Range<Int>] = [],
        codeRanges: [Range<Int>] = [], marks: MarkupMarks = MarkupMarks()
    ) {
        self.init(
            format: format, source: source, prose: .bytes(prose), heading: .bytes(heading), code: .bytes(code),
            comment: .bytes(comment), commentRanges: commentRanges, characterReferenceSpans: characterReferenceSpans,
            codeRanges: codeRanges, marks: marks)
    }

    /// A document whose scopes are stored as `ScopeBytes`; every `.bytes` scope must be as long
    /// as `source`.
    public init(
        format: DocumentFormat, source: [UInt8], prose: ScopeBytes, heading: ScopeBytes, code: ScopeBytes,
        comment: ScopeBytes, commentRanges: [Range<Int>] = [], characterReferenceSpans: [Range<Int>] = [],
        codeRanges: [Range<Int>] = [], marks: MarkupMarks = MarkupMarks()
    ) {
        for scope in [prose, heading, code, comment] {
            if case .bytes(let bytes) = scope {
                precondition(bytes.count == source.count, "every scope must be as long as the source")
            }
            if case .segments(let segments) = scope {
                precondition(segments.count == source.count, "every scope must be as long as the source")
            }
        }
        storage = Storage(
            format: format, source: source, commentRanges: commentRanges,
            characterReferenceSpans: characterReferenceSpans, codeRanges: codeRanges, marks: marks,
            localization: nil, sharedLines: SharedLineIndex(), prose: prose, heading: heading, code: code,
            comment: comment)
    }

    /// How `scope` is stored; `raw` is always `.source`.
    public func storage(of scope: Scope) -> ScopeBytes {
        switch scope {
        case .prose: storage.prose
        case .heading: storage.heading
        case .code: storage.code
        case .comment: storage.comment
        case .raw: .source
        }
    }

    /// Whether `scope` holds no text at all (every byte a space or line break), known without
    /// building its bytes.
    public func isBlank(_ scope: Scope) -> Bool { storage(of: scope) == .blank }

    /// The bytes of `scope`; `raw` is the source itself.
    ///
    /// A blank or segmented scope is built on each call (callers that only need to know that it is blank use
    /// `isBlank`); asking for a scope that was omitted is a programming error.
    public func bytes(for scope: Scope) -> [UInt8] {
        switch storage(of: scope) {
        case .source: storage.source
        case .blank: ScopeBytes.blank(storage.source)
        case .bytes(let bytes): bytes
        case .segments(let segments): segments.materialized(over: storage.source)
        case .omitted: preconditionFailure("the \(scope.rawValue) scope was not built for this document")
        }
    }

    /// The scopes other than `raw` that were built, materialised (tests and tools only: this
    /// builds every blank scope).
    public var maskedScopes: [Scope: [UInt8]] {
        var scopes: [Scope: [UInt8]] = [:]
        for scope in [Scope.prose, .heading, .code, .comment] where storage(of: scope) != .omitted {
            scopes[scope] = bytes(for: scope)
        }
        return scopes
    }

    /// `range`, found in `prose` or `heading`, widened so that it does not cut a decoded run of
    /// character references: a finding on `<关键词>` decoded from `&lt;关键词&gt;` reports the
    /// whole `&lt;关键词&gt;`. Ranges that touch no decoded run are returned unchanged.
    public func sourceRange(covering range: Range<Int>) -> Range<Int> {
        let spans = storage.characterReferenceSpans
        guard !spans.isEmpty else { return range }
        var lower = range.lowerBound
        var upper = range.upperBound
        if let span = Self.span(containing: lower, in: spans) { lower = span.lowerBound }
        if upper > lower, let span = Self.span(containing: upper - 1, in: spans) {
            upper = max(upper, span.upperBound)
        }
        return lower..<max(lower, upper)
    }

    /// The span holding `offset`, by binary search over the sorted, disjoint `spans`.
    private static func span(containing offset: Int, in spans: [Range<Int>]) -> Range<Int>? {
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < spans.count && spans[low].contains(offset) ? spans[low] : nil
    }

    /// The stored fields, shared by copies; only `localization` changes, and only on a copy
    /// that holds the storage alone (see `localization`).
    private final class Storage: @unchecked Sendable {
        let format: DocumentFormat
        let source: [UInt8]
        let commentRanges: [Range<Int>]
        let characterReferenceSpans: [Range<Int>]
        let codeRanges: [Range<Int>]
        let marks: MarkupMarks
        var localization: LocalizationTable?
        /// The line index of `source`, shared by the copies of this document.
        let sharedLines: SharedLineIndex
        let prose: ScopeBytes
        let heading: ScopeBytes
        let code: ScopeBytes
        let comment: ScopeBytes

        init(
            format: DocumentFormat, source: [UInt8], commentRanges: [Range<Int>], characterReferenceSpans: [Range<Int>],
            codeRanges: [Range<Int>], marks: MarkupMarks, localization: LocalizationTable?, sharedLines: SharedLineIndex,
            prose: ScopeBytes, heading: ScopeBytes, code: ScopeBytes, comment: ScopeBytes
        ) {
            self.format = format
            self.source = source
            self.commentRanges = commentRanges
            self.characterReferenceSpans = characterReferenceSpans
            self.codeRanges = codeRanges
            self.marks = marks
            self.localization = localization
            self.sharedLines = sharedLines
            self.prose = prose
            self.heading = heading
            self.code = code
            self.comment = comment
        }

        /// A storage of its own with the same fields (the line index still shared: the
        /// source is the same).
        func copy() -> Storage {
            Storage(
                format: format, source: source, commentRanges: commentRanges,
                characterReferenceSpans: characterReferenceSpans, codeRanges: codeRanges, marks: marks,
                localization: localization, sharedLines: sharedLines, prose: prose, heading: heading, code: code,
                comment: comment)
        }
    }
}
