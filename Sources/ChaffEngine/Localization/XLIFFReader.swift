/// Reads an XLIFF file (1.2 and 2.x, `.xlf`, `.xliff`) into a class per byte, and the pairs of
/// source and translation.
///
/// Target text is prose; source text (`<source>`, and `<seg-source>`, which a segmented unit
/// pairs with its target instead), attributes and tags are no scope; `<note>` and XML
/// comments are comments. Inline elements (`<x/>`, `<g>`, `<ph>`, `<bpt>`/`<ept>`, `<pc>`,
/// `<sc>`/`<ec>`) are placeholders compared by name and id, and the native code inside
/// `<ph>`, `<bpt>`, `<ept>` and `<it>` is no text. A target that is empty, or whose state
/// says it is not translated (1.2 `new`, `needs-translation`; 2.x segment `initial`), is not
/// compared. The locale is the 1.2 `<file target-language>` or the 2.x `<xliff trgLang>`.
enum XLIFFReader {
    /// XLIFF 1.2 and 2.x elements that carry native code rather than text.
    static let nativeCode: Set<String> = ["ph", "bpt", "ept", "it"]
    /// Target states of an untranslated unit.
    static let untranslatedStates: Set<String> = ["new", "needs-translation", "initial"]

    /// What the walk over a file has read so far.
    private struct Walk {
        var state: XMLReadState
        var table = LocalizationTable()
        /// The `<source>` of the current unit or segment.
        var pendingSource: LocalizedText?
        /// The 2.x segment's `state`.
        var segmentState: String?
        /// Whether the current unit is to be translated (`translate="no"` is not).
        var unitTranslatable = true
    }

    static func read(_ source: [UInt8]) -> XMLCatalogueRead {
        var walk = Walk(state: XMLReadState(source))
        let start = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let tokens = XMLScanner.tokens(source, from: start, problems: &walk.state.problems)
        let ends = XMLScanner.matchElements(tokens, source, problems: &walk.state.problems)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .comment {
                walk.state.mark(token.content, ScopeClass.comment)
                walk.state.commentRanges.append(token.range)
            } else if token.kind == .startTag || token.kind == .emptyTag {
                let end = token.kind == .emptyTag ? index : (ends[index] ?? tokens.count)
                if visit(source, tokens, index, end: end, ends: ends, &walk) { index = end }
            }
            index += 1
        }
        walk.state.problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        walk.table.problems = walk.state.problems
        LocalizationMarking.takePlaceholdersOutOfProse(walk.table.pairs, &walk.state)
        return XMLCatalogueRead(
            text: walk.state.text, classes: walk.state.classes, commentRanges: walk.state.commentRanges,
            literalAmpersands: LocalizationMarking.cdataAmpersands(tokens, source), table: walk.table)
    }

    /// Reads the element that starts at `tokens[index]` and ends at `end`; true when its
    /// content has been read (or is to be skipped) and the walk goes on after `end`.
    private static func visit(
        _ source: [UInt8], _ tokens: [XMLToken], _ index: Int, end: Int, ends: [Int?], _ walk: inout Walk
    ) -> Bool {
        let token = tokens[index]
        switch XMLScanner.localName(token, in: source) {
        case "xliff":
            if let language = XMLScanner.attribute(token, "trgLang", in: source) {
                walk.table.declaredLocale = LocaleName.normalized(language)
            }
        case "file":
            if walk.table.declaredLocale == nil, let language = XMLScanner.attribute(token, "target-language", in: source) {
                walk.table.declaredLocale = LocaleName.normalized(language)
            }
        case "trans-unit", "unit":
            walk.pendingSource = nil
            walk.segmentState = nil
            walk.unitTranslatable = XMLScanner.attribute(token, "translate", in: source) != "no"
        case "segment", "ignorable":
            walk.pendingSource = nil
            walk.segmentState = XMLScanner.attribute(token, "state", in: source)
        case "alt-trans", "match", "matches":
            // Suggestions and segmentation are not the translation: no scope, no pairs.
            return true
        case "note":
            if token.kind == .startTag {
                let contentEnd = end < tokens.count ? tokens[end].range.lowerBound : source.count
                walk.state.mark(token.range.upperBound..<contentEnd, ScopeClass.comment)
            }
            return true
        case "source" where token.kind == .startTag, "seg-source" where token.kind == .startTag:
            // A segmented 1.2 unit's `<seg-source>` (after `<source>`) is what its target's
            // `<mrk mtype="seg">` segments match.
            let policy = XMLContentPolicy(textClass: ScopeClass.none, nativeCode: nativeCode)
            walk.pendingSource = XMLContent.read(source, tokens, start: index, end: end, ends: ends, policy: policy, state: &walk.state)
            return true
        case "target" where token.kind == .startTag:
            let policy = XMLContentPolicy(textClass: ScopeClass.prose, nativeCode: nativeCode)
            let target = XMLContent.read(source, tokens, start: index, end: end, ends: ends, policy: policy, state: &walk.state)
            let targetState = XMLScanner.attribute(token, "state", in: source) ?? walk.segmentState
            let untranslated = target.bytes.allSatisfy(XMLScanner.isSpace) || targetState.map(untranslatedStates.contains) == true
            if let sourceText = walk.pendingSource, walk.unitTranslatable, !untranslated {
                walk.table.pairs.append(TranslationPair(source: sourceText, translation: target, declared: .markup))
            }
            return true
        default:
            break
        }
        return false
    }
}

/// What every localization reader does once its pairs are read.
enum LocalizationMarking {
    /// Takes the placeholders the parity rules compare out of prose, so that the placeholder
    /// rules, which read prose, do not report a `%s` the source has too.
    static func takePlaceholdersOutOfProse(_ pairs: [TranslationPair], _ state: inout XMLReadState) {
        for pair in pairs {
            for range in PlaceholderParity.comparedPlaceholders(pair) {
                state.mark(pair.translation.fileRange(of: range), ScopeClass.none)
            }
        }
    }

    /// Takes the placeholders of `texts`, strings with no source to compare with (the
    /// source file itself, or a translation whose source is not known), out of prose as if
    /// each were its own source: `%1$s` in a format string is syntax either way.
    static func takeOwnPlaceholdersOutOfProse(_ texts: [LocalizedText], _ state: inout XMLReadState) {
        takePlaceholdersOutOfProse(texts.map { TranslationPair(source: $0, translation: $0, declared: .markup) }, &state)
    }

    /// The offsets of every `&` inside a CDATA section, which is literal text.
    static func cdataAmpersands(_ tokens: [XMLToken], _ source: [UInt8]) -> [Int] {
        var out: [Int] = []
        for token in tokens where token.kind == .cdata {
            for p in token.content where source[p] == 0x26 { out.append(p) }
        }
        return out
    }
}
