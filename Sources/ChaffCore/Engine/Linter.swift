/// Runs rules over documents and turns their findings into positioned diagnostics.
public struct Linter: Sendable {
    /// The rules that run, in a stable order.
    public let rules: [ActiveRule]
    /// The unit of every column this linter reports.
    public let columnUnit: ColumnUnit
    /// Seconds of regular-expression time allowed per document.
    public let regexSeconds: Double

    /// A linter running `rules`; `knownRuleIDs` defaults to their ids.
    public init(rules: [ActiveRule], columnUnit: ColumnUnit = .scalar, regexSeconds: Double = 5, knownRuleIDs: [String]? = nil) {
        self.rules = rules
        self.columnUnit = columnUnit
        self.regexSeconds = regexSeconds
        self.knownRuleIDs = knownRuleIDs ?? rules.map(\.rule.id)
    }

    /// Every rule id that exists in this run (active or not), so that suppression directives
    /// naming an unknown rule can be reported.
    public let knownRuleIDs: [String]

    /// Every diagnostic for `document`, in report order.
    ///
    /// Each rule reads its scope; findings in prose are widened to cover whole character
    /// references; findings a suppression directive covers are dropped; then rules that audit
    /// suppressions report on the directives.
    public func lint(_ document: Document) -> [Diagnostic] {
        let context = CheckContext(document: document, regexSeconds: regexSeconds)
        var builder = DiagnosticBuilder(document: document, unit: columnUnit)
        var suppressions = SuppressionSet(document: document.masked)
        var diagnostics: [Diagnostic] = []
        var auditors: [ActiveRule] = []
        for active in rules {
            let rule = active.rule
            if rule.implementation is any SuppressionAuditing {
                auditors.append(active)
                continue
            }
            context.currentScope = rule.scope
            context.regexBudget = RegexBudget(seconds: regexSeconds)
            var findings: [Finding] = []
            rule.implementation.check(context) { findings.append($0) }
            if context.regexBudget.wasExhausted {
                diagnostics.append(timeoutDiagnostic(rule: rule, path: document.path))
            }
            let widen = rule.scope == .prose || rule.scope == .heading
            for var finding in findings.sorted(by: Self.findingOrder) {
                if widen { finding.range = document.masked.sourceRange(covering: finding.range) }
                if suppressions.suppresses(ruleID: rule.id, at: finding.range.lowerBound) { continue }
                diagnostics.append(builder.diagnostic(finding, rule: rule, severity: active.severity))
            }
        }
        if !auditors.isEmpty {
            let audit = self.audit(suppressions)
            for active in auditors {
                guard let auditor = active.rule.implementation as? any SuppressionAuditing else { continue }
                var findings: [Finding] = []
                auditor.audit(audit) { findings.append($0) }
                for finding in findings.sorted(by: Self.findingOrder) {
                    diagnostics.append(builder.diagnostic(finding, rule: active.rule, severity: active.severity))
                }
            }
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        return diagnostics
    }

    private static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.upperBound < b.range.upperBound
    }

    private func audit(_ suppressions: SuppressionSet) -> SuppressionAudit {
        let activeIDs = rules.map(\.rule.id)
        // A directive for a rule that did not run this time (--select, --ignore) is not stale.
        let unused = suppressions.unusedDirectives().filter { directive in
            directive.rules.allSatisfy { selector in activeIDs.contains { selector.matches($0) } }
        }
        var unknown: [(directive: SuppressionDirective, rule: String)] = []
        for directive in suppressions.directives {
            for selector in directive.rules where !knownRuleIDs.contains(where: { selector.matches($0) }) {
                unknown.append((directive, selector.id))
            }
        }
        return SuppressionAudit(unused: unused, malformed: suppressions.malformed, unknownRules: unknown)
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
