import ChaffText

/// The linter's last stage: once every rule that reads text has reported and suppression
/// directives have dropped what they cover, the rules whose kind audits suppressions
/// (`SuppressionAuditing`) report on the directives themselves: unused, malformed, or naming a
/// rule that does not exist.
struct SuppressionAuditStage: Sendable {
    /// The rules whose kind audits suppressions, in rule order.
    let auditors: [ActiveRule]
    /// The ids of the rules that run.
    let activeIDs: [String]
    /// Every rule id that exists in this run, active or not.
    let knownRuleIDs: [String]
    /// The auditors' kinds, reached without copying the rules.
    private let kindBoxes: [RuleKindBox]

    init(auditors: [ActiveRule], activeIDs: [String], knownRuleIDs: [String]) {
        self.auditors = auditors
        self.activeIDs = activeIDs
        self.knownRuleIDs = knownRuleIDs
        kindBoxes = auditors.map(\.rule.kindBox)
    }

    /// The auditors' diagnostics about `suppressions`, whose use the other rules' findings have
    /// recorded; positions come from `builder`.
    func diagnostics(_ suppressions: SuppressionSet, builder: inout DiagnosticBuilder) -> [Diagnostic] {
        guard !auditors.isEmpty else { return [] }
        let audit = self.audit(suppressions)
        var diagnostics: [Diagnostic] = []
        for (k, box) in kindBoxes.enumerated() {
            guard let auditor = box.kind.suppressionAuditor else { continue }
            var findings: [Finding] = []
            auditor.audit(audit) { findings.append($0) }
            if findings.isEmpty { continue }
            findings.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            // The rule is copied only where it reports: a copy for every auditor and document
            // cost more than the audit of a document without directives.
            let active = auditors[k]
            for finding in findings {
                diagnostics.append(builder.diagnostic(finding, rule: active.rule, severity: active.severity))
            }
        }
        return diagnostics
    }

    /// What the directives of `suppressions` did.
    private func audit(_ suppressions: SuppressionSet) -> SuppressionAudit {
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
        var audit = SuppressionAudit(unused: unused, malformed: suppressions.malformed, unknownRules: unknown)
        if !unknown.isEmpty {
            let names = Suggestion.ruleNames(knownRuleIDs)
            for (_, rule) in unknown {
                if let near = Suggestion.closest(to: rule, in: names) { audit.suggestions[rule] = near }
            }
        }
        return audit
    }
}
