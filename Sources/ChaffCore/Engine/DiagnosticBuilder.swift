/// Turns findings of one document into diagnostics: positions converted once, by a cursor over
/// the document's line index, messages rendered, fingerprints numbered per rule and matched text.
struct DiagnosticBuilder {
    private let document: Document
    private var cursor: PositionCursor
    private var occurrences: [String: Int] = [:]

    init(document: Document, unit: ColumnUnit) {
        self.document = document
        self.cursor = PositionCursor(index: LineIndex(document.source), bytes: document.source, unit: unit)
    }

    mutating func diagnostic(_ finding: Finding, rule: Rule, severity: Severity) -> Diagnostic {
        let source = document.source
        let range = finding.range.clamped(to: 0..<source.count)
        let matched = String(decoding: source[range], as: UTF8.self)
        var arguments = finding.arguments
        if arguments["match"] == nil { arguments["match"] = matched }
        let (start, end) = cursor.positions(of: range)
        // The occurrence number keeps equal matches apart without using line numbers, so the
        // fingerprint survives edits elsewhere in the file.
        let key = rule.id + "\u{0}" + matched
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        return Diagnostic(
            path: document.path, range: range, line: start.line, column: start.column, endLine: end.line,
            endColumn: end.column, severity: severity, ruleID: rule.id, message: rule.message.render(arguments),
            matchedText: matched, fix: finding.fix, fingerprint: Fingerprint.hash([rule.id, matched, String(occurrence)]))
    }
}
