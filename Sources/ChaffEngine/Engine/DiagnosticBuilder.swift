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
    /// How often each rule and matched text was reported, in first-seen order, with their
    /// hashes and slots (`HashSlots`): a dictionary's keyed hash of the key cost a tenth of a
    /// diagnostic.
    private var occurrences: [Occurrences] = []
    private var occurrenceHashes: [UInt64] = []
    private var occurrenceSlots = HashSlots(capacity: 64)
    private let unit: ColumnUnit
    /// The rule of the diagnostic before and its fingerprint's hash state (`Fingerprint.Prefix`).
    private var lastRule: (id: String, state: UInt64)?
    private var lastMessage = LastMessage()

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
        let entry = occurrenceEntry(ruleID: ruleID, matched: matched, prefix: prefix)
        var occurrence = 0
        var text = ""
        Self.visit(&occurrences[entry], &lastMessage) { seen, lastMessage in
            occurrence = seen.count
            seen.count += 1
            // A rule that reports the same text with the same arguments again (spun text
            // repeats its few slipped characters, 國 and 這, hundreds of times) gets the
            // message made for the first: the arguments are then mostly the very dictionary
            // the rule shared, which compares at once.
            if let made = seen.message, seen.template == message.source, seen.arguments == finding.arguments {
                text = made
            } else {
                text = lastMessage.rendered(message, ruleID: ruleID, arguments: finding.arguments, match: matched)
                (seen.template, seen.arguments, seen.message) = (message.source, finding.arguments, text)
            }
        }
        return Diagnostic(
            path: document.path, range: reported, line: start.line, column: start.column, endLine: end.line,
            endColumn: end.column, severity: severity, ruleID: ruleID, message: text,
            matchedText: matched, fix: finding.fix, fingerprintHash: prefix.value(occurrence: occurrence)
        )
    }

    /// The index in `occurrences` of the rule `ruleID` and the matched text `matched`, whose
    /// fingerprint prefix is `prefix`; a new entry when they were not reported before.
    private mutating func occurrenceEntry(ruleID: String, matched: String, prefix: Fingerprint.Prefix) -> Int {
        // The prefix is an FNV state, whose high bits (those `HashSlots` reads) are mixed once more.
        let hash = prefix.state &* 0x9E37_79B9_7F4A_7C15
        let (found, slot) = occurrenceSlots.find(hash) {
            occurrenceHashes[$0] == hash && occurrences[$0].prefix == prefix && occurrences[$0].ruleID == ruleID
                && occurrences[$0].matched == matched
        }
        if let found { return found }
        occurrences.append(Occurrences(ruleID: ruleID, matched: matched, prefix: prefix))
        occurrenceHashes.append(hash)
        occurrenceSlots.insert(occurrences.count - 1, at: slot, hashes: occurrenceHashes)
        return occurrences.count - 1
    }

    /// The message of the diagnostic before, its parts apart: compared in place, where an
    /// optional tuple was copied (its strings retained) for every diagnostic.
    private struct LastMessage {
        var rule = ""
        var arguments: [String: String] = [:]
        /// Whether the message before may not be reused (there is none, or it shows the match).
        var readsMatch = true
        var text = ""

        /// `message` rendered for `arguments` and `match`; the message before when it was the
        /// same rule's with the same arguments (and the template does not show the match). A
        /// rule's findings mostly repeat a few messages, and rendering each anew cost a fifth
        /// of a diagnostic; the repeated message is also the same string, which the reports
        /// compare at once.
        mutating func rendered(_ message: MessageTemplate, ruleID: String, arguments: [String: String], match: String) -> String {
            if !readsMatch && rule == ruleID && self.arguments == arguments { return text }
            let made = message.render(arguments, match: match)
            (rule, self.arguments, readsMatch, text) = (ruleID, arguments, message.readsMatch, made)
            return made
        }
    }

    /// Runs `body` on a dictionary entry in place: the count and the message of a rule and a
    /// matched text are read and updated in one dictionary access.
    @inline(__always) private static func visit(
        _ seen: inout Occurrences, _ lastMessage: inout LastMessage, _ body: (inout Occurrences, inout LastMessage) -> Void
    ) {
        body(&seen, &lastMessage)
    }

    /// How often a rule has reported a matched text so far, and the message made the last time,
    /// with the template and arguments it was made from. The rule and the text are counted
    /// apart, found by their fingerprint prefix, which is computed anyway: hashing both
    /// strings again cost as much as the rest of the diagnostic.
    private struct Occurrences {
        let ruleID: String
        let matched: String
        let prefix: Fingerprint.Prefix
        var count = 0
        var template = ""
        var arguments: [String: String] = [:]
        var message: String?

        init(ruleID: String, matched: String, prefix: Fingerprint.Prefix) {
            self.ruleID = ruleID
            self.matched = matched
            self.prefix = prefix
        }
    }

    /// The 1-based column of `offset` of the transcoding counted in bytes of the file.
    private func originalColumn(of offset: Int, origin: SourceOrigin) -> Int {
        let lineStart = index.lineStarts[index.lineIndex(of: offset)]
        let clamped = max(lineStart, min(offset, document.source.count))
        return origin.originalOffset(clamped) - origin.originalOffset(lineStart) + 1
    }
}
