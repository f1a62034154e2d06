/// How a reader wants the content of one element (a translation, a source string) read.
struct XMLContentPolicy {
    /// The scope class of its text: prose for a translation, none for a source string.
    var textClass: UInt8
    /// Whether Android's backslash escapes (`\'`, `\n`, `\u4E2D`) and quotes are decoded.
    var androidEscapes = false
    /// Child elements whose content is native code (XLIFF `<ph>`, `<bpt>`): left out of the
    /// decoded text, whose placeholder is the tag itself, and not prose.
    var nativeCode: Set<String> = []
    /// Child elements whose content stays in the decoded text but is not prose (Android
    /// `<xliff:g>`, which marks text not to translate).
    var protected: Set<String> = []
    /// Whether a CDATA section holds HTML whose tags are not prose (Android).
    var tagsInCDATA = false
}

/// What a reader builds while it reads a file: the text with escapes decoded in place, a
/// scope class per byte, the comments and the problems.
struct XMLReadState {
    /// The source, with Android escapes in translations decoded in place.
    var text: [UInt8]
    /// The scope class of each byte.
    var classes: [UInt8]
    /// Whole `<!-- … -->` comments.
    var commentRanges: [Range<Int>] = []
    /// What the reader could not read.
    var problems: [LocalizationProblem] = []

    /// A state for `source`, every byte no scope.
    init(_ source: [UInt8]) {
        text = source
        classes = [UInt8](repeating: ScopeClass.none, count: source.count)
    }

    mutating func mark(_ range: Range<Int>, _ value: UInt8) {
        classes.withUnsafeMutableBufferPointer { ScopeClass.mark($0, range, value) }
    }

    /// Marks every `<!-- … -->` comment of `tokens` as a comment.
    mutating func markComments(_ tokens: [XMLToken]) {
        for token in tokens where token.kind == .comment {
            mark(token.content, ScopeClass.comment)
            commentRanges.append(token.range)
        }
    }
}

/// Reads the content of an element into a decoded `LocalizedText`, marking scope classes.
enum XMLContent {
    /// The content of the element whose start tag is `tokens[start]` and whose end tag (or the
    /// end of the tokens) is `end`: entities decoded, inline tags kept as written (they are the
    /// placeholders the markup syntax compares), comments left out.
    static func read(
        _ source: [UInt8], _ tokens: [XMLToken], start: Int, end: Int, ends: [Int?], policy: XMLContentPolicy,
        state: inout XMLReadState
    ) -> LocalizedText {
        let contentStart = tokens[start].range.upperBound
        let contentEnd = end < tokens.count ? tokens[end].range.lowerBound : source.count
        var text = LocalizedText(emptyAt: contentStart)
        text.span = contentStart..<max(contentStart, contentEnd)
        var index = start + 1
        // The token index up to which text is protected (kept but not prose).
        var protectedUntil = -1
        while index < end {
            let token = tokens[index]
            let textClass = index < protectedUntil ? ScopeClass.none : policy.textClass
            switch token.kind {
            case .text:
                appendText(source, token.content, textClass: textClass, policy: policy, to: &text, state: &state)
            case .cdata:
                appendRaw(source, token.content, to: &text)
                state.mark(token.content, textClass)
                if policy.tagsInCDATA { markTags(source, token.content, &state) }
            case .comment:
                state.mark(token.content, ScopeClass.comment)
                state.commentRanges.append(token.range)
            case .startTag, .emptyTag, .endTag:
                appendRaw(source, token.range, to: &text)
                let name = XMLScanner.text(source, token.name)
                if token.kind == .startTag, policy.nativeCode.contains(XMLScanner.localName(token, in: source)) {
                    // The native code inside is no text of either language: skip to the end tag.
                    let close = min(ends[index] ?? end, end)
                    if close < end { appendRaw(source, tokens[close].range, to: &text) }
                    index = close + 1
                    continue
                }
                if token.kind == .startTag, policy.protected.contains(name), index >= protectedUntil {
                    protectedUntil = ends[index] ?? end
                }
            case .other:
                break
            }
            index += 1
        }
        return text
    }

    private static func appendRaw(_ source: [UInt8], _ range: Range<Int>, to text: inout LocalizedText) {
        for p in range {
            text.bytes.append(source[p])
            text.origins.append(p..<(p + 1))
        }
    }

    /// Character data: entities decoded (the prose scope decodes them in place itself), and
    /// with `androidEscapes` backslash escapes decoded in place and unescaped quotes dropped.
    private static func appendText(
        _ source: [UInt8], _ range: Range<Int>, textClass: UInt8, policy: XMLContentPolicy, to text: inout LocalizedText,
        state: inout XMLReadState
    ) {
        state.mark(range, textClass)
        var p = range.lowerBound
        while p < range.upperBound {
            let byte = source[p]
            if byte == 0x26 {  // &
                let (decoded, length, problem) = XMLEntity.decode(source, at: p, end: range.upperBound)
                if let problem { state.problems.append(LocalizationProblem(range: p..<(p + length), message: problem)) }
                for b in decoded ?? Array(source[p..<(p + length)]) {
                    text.bytes.append(b)
                    text.origins.append(p..<(p + length))
                }
                p += length
                continue
            }
            if policy.androidEscapes && byte == 0x5C {
                let (decoded, length) = AndroidEscape.decode(source, at: p, end: range.upperBound, problems: &state.problems)
                for b in decoded {
                    text.bytes.append(b)
                    text.origins.append(p..<(p + length))
                }
                if textClass == ScopeClass.prose {
                    // The decoded character where the escape starts, padded with spaces; a
                    // line break or tab reads as a space.
                    let shown = decoded.count <= length && decoded.first.map { $0 >= 0x20 } == true ? decoded : [0x20]
                    for k in 0..<length { state.text[p + k] = k < shown.count ? shown[k] : 0x20 }
                }
                p += length
                continue
            }
            if policy.androidEscapes && byte == 0x22 {
                // An unescaped quote keeps spaces as written; it is not shown.
                state.mark(p..<(p + 1), ScopeClass.none)
                p += 1
                continue
            }
            text.bytes.append(byte)
            text.origins.append(p..<(p + 1))
            p += 1
        }
    }

    /// Marks HTML tags (`<b>`, `</a>`) inside CDATA as no scope.
    private static func markTags(_ source: [UInt8], _ range: Range<Int>, _ state: inout XMLReadState) {
        var p = range.lowerBound
        while p < range.upperBound {
            if source[p] == 0x3C, let end = FormatPlaceholderScanner.tagEnd(source, at: p, limit: range.upperBound) {
                state.mark(p..<end, ScopeClass.none)
                p = end
            } else {
                p += 1
            }
        }
    }
}
