import ChaffText

/// Finds suppression directives in a masked document.
///
/// Markdown and HTML: each comment in `MaskedDocument.commentRanges` whose text, after leading
/// whitespace, starts with `chaff-` is a directive or a malformed one; comments inside code
/// blocks are code, not comments, so examples of directives in code never act. Plain text: a
/// line whose first non-blank characters are `#` or `//` followed by optional whitespace and
/// `chaff-`; and `chaff-disable-line` after a `#` or `//` that follows a blank later in a line
/// (`text {{ x }}  # chaff-disable-line placeholder`). Any other comment is ignored.
///
/// `chaff-disable-line` must start and end on one line. reStructuredText comments are whole
/// lines (`.. ` starts an explicit markup block), so there it can never share a line with text
/// and is reported as malformed, pointing to `chaff-disable-next-line`.
///
/// Grammar after `chaff-`: a keyword (`chaff-disable`, `chaff-enable`,
/// `chaff-disable-next-line`, `chaff-disable-file`), then rule ids or family prefixes separated
/// by commas or whitespace (`[A-Za-z0-9][A-Za-z0-9._/-]*`), then optionally `--` and a reason.
/// The keyword is matched exactly; an unknown keyword or an invalid id makes the whole comment a
/// `MalformedSuppression`, which never suppresses anything.
public enum SuppressionParser {
    /// Whether `text` contains `chaff-` in any case, as every directive does.
    static func containsMarker(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 5
        while let hyphen = ByteSearch.next(0x2D, in: text, from: from) {
            if MarkupBytes.hasPrefixIgnoringCase(text, at: hyphen - 5, end: hyphen + 1, "chaff-") { return true }
            from = hyphen + 1
        }
        return false
    }

    /// The directives of `document`.
    public static func parse(_ document: MaskedDocument) -> ParsedSuppressions {
        // Plain text takes its directives from the source, and a document without comments has
        // none to read: its comment scope, a blank copy of the whole file, is not built.
        let unread = document.format == .plainText || document.commentRanges.isEmpty
        // A comment scope held as segments is only built when a segment holds a directive.
        if !unread, case .segments(let scope) = document.storage(of: .comment),
            !scope.segments.contains(where: { $0.bytes.withUnsafeBufferPointer(Self.containsMarker) })
        {
            return ParsedSuppressions()
        }
        return parse(
            source: document.source, commentScope: unread ? [] : document.bytes(for: .comment), format: document.format,
            commentRanges: document.commentRanges, lines: { document.lineIndex })
    }

    /// The directives of `source`, given the comment scope and comment ranges its masker made.
    ///
    /// Directive text is read from the comment scope, where the comment delimiters and any
    /// container syntax inside a comment (such as `> ` on a second line of a comment in a Markdown
    /// block quote) are already blanked. Plain text is read from `source` line by line.
    public static func parse(
        source: [UInt8], commentScope: [UInt8], format: DocumentFormat, commentRanges: [Range<Int>],
        lines lineIndex: () -> LineIndex
    ) -> ParsedSuppressions {
        // Every directive holds `chaff-`; most documents hold none, and splitting them into
        // lines only to find that out cost as much as a rule.
        let hasMarker = (format == .plainText ? source : commentScope).withUnsafeBufferPointer(Self.containsMarker)
        guard hasMarker, format == .plainText || !commentRanges.isEmpty else { return ParsedSuppressions() }
        let lines = lineIndex()
        var result = ParsedSuppressions()
        switch format {
        case .markdown, .html, .restructuredText, .gettext, .xliff, .androidStrings, .stringsdict, .appleStrings, .xcstrings, .i18nJSON,
            .arb:
            commentScope.withUnsafeBufferPointer { bytes in
                for comment in commentRanges where comment.upperBound <= bytes.count {
                    read(comment, whole: comment, in: bytes, lines: lines, format: format, into: &result)
                }
            }
        case .plainText:
            source.withUnsafeBufferPointer { bytes in
                for (index, start) in lines.lineStarts.enumerated() {
                    let lineEnd =
                        index + 1 < lines.lineStarts.count
                        ? lineContentEnd(bytes, before: lines.lineStarts[index + 1], from: start) : bytes.count
                    var p = start == 0 && MarkupBytes.hasPrefix(bytes, at: 0, end: lineEnd, "\u{FEFF}") ? 3 : start
                    while p < lineEnd && MarkupBytes.isSpaceOrTab(bytes[p]) { p += 1 }
                    let markerStart = p
                    if p < lineEnd && bytes[p] == 0x23 {
                        p += 1
                    } else if p + 1 < lineEnd && bytes[p] == 0x2F && bytes[p + 1] == 0x2F {
                        p += 2
                    } else {
                        p = markerStart
                    }
                    if p > markerStart && startsDirective(bytes, from: p, end: lineEnd) {
                        read(p..<lineEnd, whole: markerStart..<lineEnd, in: bytes, lines: lines, format: format, into: &result)
                    } else if let (marker, text) = trailingDisableLine(bytes, from: p, end: lineEnd) {
                        read(text..<lineEnd, whole: marker..<lineEnd, in: bytes, lines: lines, format: format, into: &result)
                    }
                }
            }
        }
        return result
    }

    /// Whether the text from `p` is blanks then `chaff-`.
    private static func startsDirective(_ bytes: UnsafeBufferPointer<UInt8>, from p: Int, end: Int) -> Bool {
        var p = p
        while p < end && MarkupBytes.isWhitespace(bytes[p]) { p += 1 }
        return MarkupBytes.hasPrefixIgnoringCase(bytes, at: p, end: end, "chaff-")
    }

    /// In plain text, the first `#` or `//` after a blank in `from..<end` that is followed by
    /// blanks and the word `chaff-disable-line`: the marker's offset and the text after it.
    private static func trailingDisableLine(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (Int, Int)? {
        var q = max(from, 1)
        while q < end {
            defer { q += 1 }
            guard MarkupBytes.isSpaceOrTab(bytes[q - 1]) else { continue }
            let textStart: Int
            if bytes[q] == 0x23 {
                textStart = q + 1
            } else if bytes[q] == 0x2F && q + 1 < end && bytes[q + 1] == 0x2F {
                textStart = q + 2
            } else {
                continue
            }
            var p = textStart
            while p < end && MarkupBytes.isSpaceOrTab(bytes[p]) { p += 1 }
            guard MarkupBytes.hasPrefix(bytes, at: p, end: end, "chaff-disable-line") else { continue }
            let after = p + 18
            guard after == end || MarkupBytes.isWhitespace(bytes[after]) || bytes[after] == 0x2C else { continue }
            return (q, textStart)
        }
        return nil
    }

    /// The end of a line's text, before its line break.
    private static func lineContentEnd(_ bytes: UnsafeBufferPointer<UInt8>, before nextStart: Int, from start: Int) -> Int {
        var end = nextStart
        while end > start && MarkupBytes.isLineBreak(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// Reads the directive, if any, in `text`, which lies inside the comment `whole`.
    private static func read(
        _ text: Range<Int>, whole: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex,
        format: DocumentFormat, into result: inout ParsedSuppressions
    ) {
        let end = text.upperBound
        var p = text.lowerBound
        while p < end && MarkupBytes.isWhitespace(bytes[p]) { p += 1 }
        guard MarkupBytes.hasPrefixIgnoringCase(bytes, at: p, end: end, "chaff-") else { return }
        let wordStart = p
        while p < end && !MarkupBytes.isWhitespace(bytes[p]) && bytes[p] != 0x2C { p += 1 }
        let word = string(bytes, wordStart..<p)
        let line = lines.lineIndex(of: whole.lowerBound)
        func malformed(_ range: Range<Int>, _ message: String) {
            result.malformed.append(MalformedSuppression(range: whole, line: line, wordRange: range, message: message))
        }
        guard let kind = SuppressionDirective.Kind(rawValue: word) else {
            let kinds = SuppressionDirective.Kind.allCases.map(\.rawValue)
            let hint = Suggestion.didYouMean(word, in: kinds) ?? "; expected one of \(kinds.map { "'\($0)'" }.joined(separator: ", "))"
            malformed(wordStart..<p, "unknown suppression directive '\(word)'\(hint)")
            return
        }
        let rules: [RuleSelector]
        let reason: String?
        switch selectorsAndReason(bytes, from: p, to: end, word: word) {
        case .success(let read): (rules, reason) = read
        case .failure(let problem):
            malformed(problem.range, problem.message)
            return
        }
        let endLine = lines.lineIndex(of: max(whole.lowerBound, whole.upperBound - 1))
        if kind == .disableLine, let message = disableLineProblem(format: format, line: line, endLine: endLine) {
            malformed(wordStart..<wordStart + word.utf8.count, message)
            return
        }
        result.directives.append(
            SuppressionDirective(kind: kind, rules: rules, reason: reason, range: whole, line: line, endLine: endLine))
    }

    /// What makes a directive malformed: where, and why.
    private struct Problem: Error {
        var range: Range<Int>
        var message: String
    }

    /// The rule selectors after the directive's word, and the reason after `--`.
    private static func selectorsAndReason(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, word: String
    ) -> Result<([RuleSelector], String?), Problem> {
        var p = start
        var rules: [RuleSelector] = []
        while p < end {
            while p < end && (MarkupBytes.isWhitespace(bytes[p]) || bytes[p] == 0x2C) { p += 1 }
            guard p < end else { break }
            if MarkupBytes.hasPrefix(bytes, at: p, end: end, "--") {
                var reasonStart = p + 2
                while reasonStart < end && MarkupBytes.isWhitespace(bytes[reasonStart]) { reasonStart += 1 }
                var reasonEnd = end
                while reasonEnd > reasonStart && MarkupBytes.isWhitespace(bytes[reasonEnd - 1]) { reasonEnd -= 1 }
                return .success((rules, reasonStart < reasonEnd ? string(bytes, reasonStart..<reasonEnd) : nil))
            }
            let tokenStart = p
            while p < end && !MarkupBytes.isWhitespace(bytes[p]) && bytes[p] != 0x2C { p += 1 }
            guard isRuleID(bytes, tokenStart..<p) else {
                return .failure(Problem(range: tokenStart..<p, message: "'\(string(bytes, tokenStart..<p))' is not a rule id in '\(word)'"))
            }
            rules.append(RuleSelector(string(bytes, tokenStart..<p)))
        }
        return .success((rules, nil))
    }

    /// Why a `chaff-disable-line` at `line` to `endLine` cannot work, or nil when it can.
    private static func disableLineProblem(format: DocumentFormat, line: Int, endLine: Int) -> String? {
        if format == .restructuredText {
            return
                "'chaff-disable-line' cannot share a line with text in reStructuredText, whose '..' comments are whole lines; put 'chaff-disable-next-line' on the line before"
        }
        if endLine != line {
            return
                "'chaff-disable-line' must start and end on the line it suppresses; use 'chaff-disable-next-line' or 'chaff-disable' for more"
        }
        return nil
    }

    private static func isRuleID(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let first = range.first, MarkupBytes.isAlnum(bytes[first]) else { return false }
        for i in range {
            let byte = bytes[i]
            guard MarkupBytes.isAlnum(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F else {
                return false
            }
        }
        return true
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
