/// Runs rules over documents and turns their findings into positioned diagnostics.
public struct Linter: Sendable {
    /// The rules that run, in a stable order.
    public let rules: [ActiveRule]
    /// The unit of every column this linter reports.
    public let columnUnit: ColumnUnit
    /// Seconds of regular-expression time allowed per document.
    public let regexSeconds: Double

    /// A linter running `rules`.
    public init(rules: [ActiveRule], columnUnit: ColumnUnit = .scalar, regexSeconds: Double = 5) {
        self.rules = rules
        self.columnUnit = columnUnit
        self.regexSeconds = regexSeconds
    }

    /// Every diagnostic for `document`, in report order.
    public func lint(_ document: Document) -> [Diagnostic] {
        let context = CheckContext(document: document, regexSeconds: regexSeconds)
        let source = document.source
        let index = LineIndex(source)
        var cursor = PositionCursor(index: index, bytes: source, unit: columnUnit)
        var diagnostics: [Diagnostic] = []
        var occurrences: [String: Int] = [:]
        for active in rules {
            let rule = active.rule
            context.currentScope = rule.scope
            context.regexBudget = RegexBudget(seconds: regexSeconds)
            var findings: [Finding] = []
            rule.implementation.check(context) { findings.append($0) }
            if context.regexBudget.wasExhausted {
                diagnostics.append(timeoutDiagnostic(rule: rule, path: document.path))
            }
            findings.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound < $1.range.upperBound }
            for finding in findings {
                let range = finding.range.clamped(to: 0..<source.count)
                let matched = String(decoding: source[range], as: UTF8.self)
                var arguments = finding.arguments
                if arguments["match"] == nil { arguments["match"] = matched }
                let (start, end) = cursor.positions(of: range)
                let key = rule.id + "\u{0}" + matched
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                diagnostics.append(
                    Diagnostic(
                        path: document.path, range: range, line: start.line, column: start.column,
                        endLine: end.line, endColumn: end.column, severity: active.severity,
                        ruleID: rule.id, message: rule.message.render(arguments), matchedText: matched,
                        fix: finding.fix,
                        fingerprint: Fingerprint.hash([rule.id, matched, String(occurrence)])))
            }
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        return diagnostics
    }

    /// The id of the note reported when a rule runs out of time on a file.
    public static let timeoutRuleID = "rule-timeout"

    // A pathological user pattern must not hang a CI job; the user learns which rule stopped
    // and that its findings for this file may be incomplete.
    private func timeoutDiagnostic(rule: Rule, path: String) -> Diagnostic {
        let seconds = regexSeconds == regexSeconds.rounded() ? String(Int(regexSeconds)) : String(regexSeconds)
        return Diagnostic(
            path: path, range: 0..<0, line: 1, column: 1, endLine: 1, endColumn: 1, severity: .note,
            ruleID: Self.timeoutRuleID,
            message: "Rule '\(rule.id)' ran out of time (\(seconds) s of regular expressions) on this file and stopped; its findings here may be incomplete",
            matchedText: "", fingerprint: Fingerprint.hash([Self.timeoutRuleID, rule.id]))
    }
}
