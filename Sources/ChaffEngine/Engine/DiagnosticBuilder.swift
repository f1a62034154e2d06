import ChaffText

/// Turns findings of one document into diagnostics: positions converted once, by a cursor over
/// the document's line index, messages rendered, fingerprints numbered per rule and matched text.
///
/// For a document transcoded from another encoding (`Document.origin`), the range reported is
/// the range in the file's own bytes; lines are the same in both; columns in `utf8` count the
/// file's bytes, and in the other units (which count characters) are those of the transcoding,
/// which has the same characters.
struct DiagnosticBuilder {
    private let document: Document
    private let index: LineIndex
    private var cursor: PositionCursor
    private var occurrences: [OccurrenceKey: Int] = [:]
    private let unit: ColumnUnit
    /// The rule of the diagnostic before and its fingerprint's hash state (`Fingerprint.Prefix`).
    private var lastRule: (id: String, state: UInt64)?
    /// The message of the diagnostic before, for `rendered`, its parts apart: compared in
    /// place, where an optional tuple was copied (its strings retained) for every diagnostic.
    private var lastMessageRule = ""
    private var lastMessageArguments: [String: String] = [:]
    /// Whether the message before may not be reused (there is none, or it shows the match).
    private var lastMessageReadsMatch = true
    private var lastMessageText = ""

    init(document: Document, unit: ColumnUnit) {
        self.document = document
        self.unit = unit
        index = document.masked.lineIndex
        self.cursor = PositionCursor(index: index, bytes: document.source, unit: unit, validUTF8: document.isValidUTF8)
    }

    mutating func diagnostic(_ finding: Finding, rule: Rule, severity: Severity) -> Diagnostic {
        diagnostic(finding, ruleID: rule.id, message: rule.message, severity: severity)
    }

    /// The diagnostic of `finding` for the rule `ruleID` with `message`: the linter passes
    /// these two rather than the rule, whose copy per finding cost as much as the message.
    mutating func diagnostic(_ finding: Finding, ruleID: String, message: MessageTemplate, severity: Severity) -> Diagnostic {
        let source = document.source
        let range = finding.range.clamped(to: 0..<source.count)
        var matched = String(decoding: source[range], as: UTF8.self)
        var (start, end) = cursor.positions(of: range)
        var reported = range
        if let origin = document.origin {
            reported = origin.originalRange(range)
            if unit == .utf8 {
                start.column = originalColumn(of: range.lowerBound, origin: origin)
                end.column = originalColumn(of: range.upperBound, origin: origin)
            }
        }
        // The occurrence number keeps equal matches apart without using line numbers, so the
        // fingerprint survives edits elsewhere in the file.
        // The matched text as reported (invalid bytes repaired), as the fingerprint always hashed it.
        let ruleState: UInt64
        if let lastRule, lastRule.id == ruleID {
            ruleState = lastRule.state
        } else {
            ruleState = Fingerprint.Prefix.rule(ruleID)
            lastRule = (ruleID, ruleState)
        }
        let prefix = matched.withUTF8 { Fingerprint.Prefix(rule: ruleState, matched: $0) }
        let key = OccurrenceKey(ruleID: ruleID, matched: matched, prefix: prefix)
        var occurrence = 0
        Self.count(&occurrences[key, default: 0], into: &occurrence)
        return Diagnostic(
            path: document.path, range: reported, line: start.line, column: start.column, endLine: end.line,
            endColumn: end.column, severity: severity, ruleID: ruleID,
            message: rendered(message, ruleID: ruleID, arguments: finding.arguments, match: matched),
            matchedText: matched, fix: finding.fix, fingerprint: prefix.hash(occurrence: occurrence)
        )
    }

    /// `message` rendered for `arguments` and `match`; the message before when it was the same
    /// rule's with the same arguments (and the template does not show the match). A rule's
    /// findings mostly repeat a few messages, and rendering each anew cost a fifth of a
    /// diagnostic; the repeated message is also the same string, which the reports compare
    /// at once.
    private mutating func rendered(_ message: MessageTemplate, ruleID: String, arguments: [String: String], match: String) -> String {
        if !lastMessageReadsMatch && lastMessageRule == ruleID && lastMessageArguments == arguments {
            return lastMessageText
        }
        let text = message.render(arguments, match: match)
        (lastMessageRule, lastMessageArguments, lastMessageReadsMatch, lastMessageText) = (ruleID, arguments, message.readsMatch, text)
        return text
    }

    /// Reads the count so far into `occurrence` and counts one more, in one dictionary access.
    @inline(__always) private static func count(_ seen: inout Int, into occurrence: inout Int) {
        occurrence = seen
        seen += 1
    }

    /// A rule and a matched text, counted apart. Hashed by their fingerprint prefix, which is
    /// computed anyway: hashing both strings again cost as much as the rest of the diagnostic.
    private struct OccurrenceKey: Hashable {
        var ruleID: String
        var matched: String
        var prefix: Fingerprint.Prefix

        func hash(into hasher: inout Hasher) { hasher.combine(prefix.state) }

        static func == (a: Self, b: Self) -> Bool {
            a.prefix == b.prefix && a.ruleID == b.ruleID && a.matched == b.matched
        }
    }

    /// The 1-based column of `offset` of the transcoding counted in bytes of the file.
    private func originalColumn(of offset: Int, origin: SourceOrigin) -> Int {
        let lineStart = index.lineStarts[index.lineIndex(of: offset)]
        let clamped = max(lineStart, min(offset, document.source.count))
        return origin.originalOffset(clamped) - origin.originalOffset(lineStart) + 1
    }
}
