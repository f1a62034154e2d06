import ChaffText

/// What a catalogue reader (Apple `.strings`, `.xcstrings`, i18n JSON and ARB) made of a file: the
/// text with escapes decoded in place, a scope class per byte, comment ranges and the table, and
/// the masked document built from them.
struct CatalogueRead {
    /// The source with every translation's escapes decoded in place (see `CatalogueString`).
    var text: [UInt8]
    /// The scope class of each byte (`ScopeClass`); none until a reader marks it.
    var classes: [UInt8]
    /// Whole comments, for suppression directives.
    var commentRanges: [Range<Int>] = []
    /// Pairs, locale and problems.
    var table = LocalizationTable()

    /// A read of `source` with nothing marked yet.
    init(source: [UInt8]) {
        text = source
        classes = [UInt8](repeating: ScopeClass.none, count: source.count)
    }

    /// The escapes decoded in place in prose (`\u4E2D`, `\"`): a finding on what one decodes
    /// to is widened to the whole escape, and a fix replaces all of it.
    var escapes: [Range<Int>] = []

    /// Marks a translation's text as prose and notes its escapes.
    mutating func markProse(_ value: LocalizedText) {
        mark(value.span, ScopeClass.prose)
        var previous: Range<Int>?
        for origin in value.origins where origin.count > 1 && origin != previous {
            escapes.append(origin)
            previous = origin
        }
    }

    /// Marks `range` as `value` (a `ScopeClass`).
    mutating func mark(_ range: Range<Int>, _ value: UInt8) {
        guard range.lowerBound >= 0, range.upperBound <= classes.count else { return }
        classes.withUnsafeMutableBufferPointer { ScopeClass.mark($0, range, value) }
    }

    /// Marks a `//` or `/* */` comment: its text (not the delimiters) is comment scope, and the
    /// whole is a range suppression directives are read from.
    mutating func markComment(_ range: Range<Int>) {
        var inner = range
        if range.count >= 2 && text[range.lowerBound] == 0x2F {
            let block = text[range.lowerBound + 1] == 0x2A
            inner = (range.lowerBound + 2)..<range.upperBound
            if block && inner.count >= 2 && text[inner.upperBound - 2] == 0x2A && text[inner.upperBound - 1] == 0x2F {
                inner = inner.lowerBound..<(inner.upperBound - 2)
            }
        }
        mark(inner, ScopeClass.comment)
        commentRanges.append(range)
    }

    /// Takes the placeholders of `syntaxes` in a translation without a source out of prose: a
    /// source-locale catalogue's `%@` or `{count}` is meant, not a slot left unfilled.
    mutating func markUnpairedPlaceholders(_ text: LocalizedText, syntaxes: PlaceholderSyntaxes) {
        guard !text.bytes.isEmpty else { return }
        for token in FormatPlaceholderScanner.scan(text.bytes, syntaxes: syntaxes, strict: false) where token.family != .icu {
            mark(text.fileRange(of: token.range), ScopeClass.none)
        }
        if syntaxes.contains(.icu) {
            for range in ICUMessageScanner.scan(text.bytes, skipTemplates: syntaxes.contains(.template)).syntax {
                mark(text.fileRange(of: range), ScopeClass.none)
            }
        }
    }

    /// Takes the placeholders the parity rules compare out of prose (see
    /// `PlaceholderParity.comparedPlaceholders`), sorts the problems, and builds the document.
    func document(format: DocumentFormat, source: [UInt8], scopes: Set<Scope>) -> MaskedDocument {
        var read = self
        for pair in table.pairs {
            for range in PlaceholderParity.comparedPlaceholders(pair) {
                read.mark(pair.translation.fileRange(of: range), ScopeClass.none)
            }
        }
        read.table.problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        read.commentRanges.sort { $0.lowerBound < $1.lowerBound }
        read.escapes.sort { $0.lowerBound < $1.lowerBound }
        var document = MaskAssembler.document(
            format: format, source: source, text: read.text, classes: read.classes, commentRanges: read.commentRanges,
            refineProse: true, decodesCharacterReferences: false, scopes: scopes, decodedSpans: read.escapes)
        document.localization = read.table
        return document
    }
}
