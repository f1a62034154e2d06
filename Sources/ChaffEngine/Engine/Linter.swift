import ChaffText
import Dispatch
import Foundation

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
        var scopes: Set<Scope> = [.prose, .comment]
        for active in rules { scopes.insert(active.rule.scope) }
        self.scopes = scopes
        // Known from the kinds' types, so that no deferred kind is built here.
        checked = rules.indices.filter { !rules[$0].rule.kindType.auditsSuppressions }
        kindBoxes = rules.map(\.rule.kindBox)
        ruleScopes = rules.map(\.rule.scope)
        familiesDone = Self.familiesDone(after: checked, rules: rules)
        suppressionAudit = SuppressionAuditStage(
            auditors: rules.filter { $0.rule.kindType.auditsSuppressions }, activeIDs: rules.map(\.rule.id),
            knownRuleIDs: self.knownRuleIDs)
    }

    /// The rules that read text, by index in `rules`: every rule but the suppression auditors.
    private let checked: [Int]
    /// Each rule's kind and scope, by index in `rules`: read for every rule and document, where
    /// reaching them through `rules` copied the whole rule (a dozen references) each time.
    private let kindBoxes: [RuleKindBox]
    private let ruleScopes: [Scope]
    /// The derived families (`RuleKind.derivedFamily`) no rule reads after rule `index`, by
    /// index in `rules`; empty for most rules.
    private let familiesDone: [[String]]
    /// The stage in which the rules that audit suppressions report.
    private let suppressionAudit: SuppressionAuditStage

    /// Every rule id that exists in this run (active or not), so that suppression directives
    /// naming an unknown rule can be reported.
    public let knownRuleIDs: [String]

    /// Every diagnostic for `document`, in report order.
    ///
    /// Each rule reads its scope; findings in prose are widened to cover whole character
    /// references; findings a suppression directive covers are dropped; then the
    /// suppression-audit stage reports on the directives (`SuppressionAuditStage`).
    ///
    /// With `workers` above 1 the rules check the document on that many threads at once, each
    /// taking the next rule not yet started, and sharing the values derived from the document
    /// (`CheckContext.derived`). What each rule found is kept under the rule and read in rule
    /// order afterwards, so the diagnostics are the same, in the same order, as with one
    /// worker. This is how one large file uses more than one core.
    public func lint(_ document: Document, workers: Int = 1) -> [Diagnostic] {
        // Rules run first and only their findings are kept; positions, suppressions and
        // messages come after, so that the line index and the suppression tables never share
        // the peak with a rule's scratch memory (which on a large file is several copies of it).
        var steps = runRules(checked, on: document, workers: workers)
        var builder = DiagnosticBuilder(document: document, unit: columnUnit)
        var suppressions = SuppressionSet(document: document.masked)
        var diagnostics = unsuppressedDiagnostics(of: steps, suppressions: &suppressions, builder: &builder, path: document.path)
        steps = []
        diagnostics += suppressionAudit.diagnostics(suppressions, builder: &builder)
        Diagnostic.putInReportOrder(&diagnostics)
        return diagnostics
    }

    /// What the rules at `checked` found, in rule order whatever the number of threads.
    private func runRules(_ checked: [Int], on document: Document, workers: Int) -> [Step] {
        let threads = min(max(1, workers), checked.count)
        if threads <= 1 {
            // `checked` ascends, so the steps appended rule by rule are in rule order.
            var steps: [Step] = []
            let shared = DerivedValues(threads: 1)
            // One context per scope, its budget renewed for each rule: a context made for
            // every rule and document cost more than some rules' work on a short file.
            var contexts = ContextsByScope()
            for index in checked {
                let scope = ruleScopes[index]
                let context =
                    contexts[scope] ?? CheckContext(document: document, scope: scope, regexSeconds: regexSeconds, shared: shared)
                contexts[scope] = context
                check(rule: index, in: context, into: &steps)
                context.renewRegexBudget()
                for family in familiesDone[index] { shared.drop(family: family) }
            }
            return steps
        }
        // The costliest kinds start first, so that no thread is left with one long rule
        // after the others have finished (the claim rule alone is a third of the work on
        // man pages); the order of starting changes nothing in the report.
        // Positions in `checked`, which ascends: its slots read in order are in rule order.
        let order = checked.indices.sorted { a, b in
            let (ca, cb) = (rules[checked[a]].rule.kindType.startingPriority, rules[checked[b]].rule.kindType.startingPriority)
            return ca != cb ? ca > cb : a < b
        }
        let shared = DerivedValues()
        let next = AtomicCounter()
        let results = ThreadSlots<[Step]>(count: checked.count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let k = next.increment()
                guard k < order.count else { return }
                let index = checked[order[k]]
                let context = CheckContext(
                    document: document, scope: ruleScopes[index], regexSeconds: regexSeconds, shared: shared,
                    workers: threads)
                var steps: [Step] = []
                check(rule: index, in: context, into: &steps)
                results.set(order[k], steps)
            }
        }
        return results.elements.flatMap { $0 }
    }

    /// For each rule, the derived families whose last reader among `checked` (which ascends)
    /// it is.
    private static func familiesDone(after checked: [Int], rules: [ActiveRule]) -> [[String]] {
        var done = [[String]](repeating: [], count: rules.count)
        // A run has a family or two: a list is searched faster than a set is made.
        var seen: [String] = []
        for index in checked.reversed() {
            guard let family = rules[index].rule.kindType.derivedFamily, !seen.contains(family) else { continue }
            seen.append(family)
            done[index].append(family)
        }
        return done
    }

    /// The diagnostics of `steps` that no suppression directive covers; `suppressions` records
    /// which directives were used, for the auditors.
    private func unsuppressedDiagnostics(
        of steps: [Step], suppressions: inout SuppressionSet, builder: inout DiagnosticBuilder, path: String
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Grown from nothing, a document's thousands of diagnostics were copied a dozen times.
        diagnostics.reserveCapacity(steps.reduce(0) { $0 + $1.count })
        for step in steps {
            switch step {
            case .timeout(let rule):
                diagnostics.append(timeoutDiagnostic(rule: rule, path: path))
            case .findings(let index, let findings):
                // The rule's id, message and severity once: the rule itself, copied per finding,
                // cost as much as rendering the message.
                let ruleID = rules[index].rule.id
                let message = rules[index].rule.message
                let ruleSeverity = rules[index].severity
                // Read in place: a loop over the elements copied each finding (its arguments).
                for k in findings.indices {
                    if suppressions.suppresses(ruleID: ruleID, at: findings[k].range.lowerBound) { continue }
                    // A finding may ask for less than the rule's severity (a weaker case), never more.
                    let severity = findings[k].severity.map { min($0, ruleSeverity) } ?? ruleSeverity
                    diagnostics.append(builder.diagnostic(findings[k], ruleID: ruleID, message: message, severity: severity))
                }
            case .ranges(let index, let ranges):
                let active = rules[index]
                for range in ranges {
                    if suppressions.suppresses(ruleID: active.rule.id, at: range.lowerBound) { continue }
                    diagnostics.append(builder.diagnostic(Finding(range: range), rule: active.rule, severity: active.severity))
                }
            }
        }
        return diagnostics
    }

    /// The diagnostics for a file whose encoding cannot be decided (`SourceDecoder` said
    /// `.undecidable`): one per active rule of kind `encoding` (the built-in `invalid-encoding`)
    /// at the start of the file, saying why; no other rule reads the file, since any text made
    /// from it would be a guess.
    public func undecodable(path: String, reason: String) -> [Diagnostic] {
        rules.filter { $0.rule.kindType.reportsUndecodableFiles }.map { active in
            Diagnostic(
                path: path, range: 0..<0, line: 1, column: 1, endLine: 1, endColumn: 1, severity: active.severity,
                ruleID: active.rule.id, message: active.rule.message.render(["problem": reason, "match": ""]),
                matchedText: "", fingerprint: Fingerprint.hash([active.rule.id, "undecodable"]))
        }
    }

    /// Runs rule `index` over the document of `context` (made for the rule's scope, its budget
    /// unused) and appends to `steps` what it leaves to report: its findings, and a timeout
    /// note when its regular expressions ran out of time.
    private func check(rule index: Int, in context: CheckContext, into steps: inout [Step]) {
        let scope = ruleScopes[index]
        var findings: [Finding] = []
        kindBoxes[index].kind.check(context) { findings.append($0) }
        if context.regexBudgetWasExhausted { steps.append(.timeout(rules[index].rule)) }
        if findings.isEmpty { return }
        // Most rules report in order, which a sort did not spare copying every finding.
        let unordered = findings.withUnsafeBufferPointer { f in (1..<f.count).contains { Self.findingOrder(f[$0], f[$0 - 1]) } }
        if unordered { findings.sort(by: Self.findingOrder) }
        if scope == .prose || scope == .heading {
            let masked = context.document.masked
            for i in findings.indices { findings[i].range = masked.sourceRange(covering: findings[i].range) }
        }
        // Most findings are only a range: kept as such, in an array of exactly their
        // number, they cost a fraction while later rules run.
        if findings.allSatisfy({ $0.arguments.isEmpty && $0.fix == nil }) {
            steps.append(.ranges(rule: index, findings.map(\.range)))
        } else {
            steps.append(.findings(rule: index, findings))
        }
    }

    /// The check contexts of one document on one thread, at most one per scope.
    private struct ContextsByScope {
        private var prose, heading, code, comment, raw: CheckContext?

        subscript(scope: Scope) -> CheckContext? {
            get {
                switch scope {
                case .prose: prose
                case .heading: heading
                case .code: code
                case .comment: comment
                case .raw: raw
                }
            }
            set {
                switch scope {
                case .prose: prose = newValue
                case .heading: heading = newValue
                case .code: code = newValue
                case .comment: comment = newValue
                case .raw: raw = newValue
                }
            }
        }
    }

    /// What one rule left to report, in the order rules ran.
    private enum Step {
        case timeout(Rule)
        case findings(rule: Int, [Finding])
        /// Findings that are only a range (no arguments, no fix).
        case ranges(rule: Int, [Range<Int>])

        /// How many diagnostics the step may make.
        var count: Int {
            switch self {
            case .timeout: 1
            case .findings(_, let findings): findings.count
            case .ranges(_, let ranges): ranges.count
            }
        }
    }

    /// The scopes this linter's rules read, plus those the engine itself reads (prose for
    /// character-reference spans, comment for suppression directives): a document built with
    /// only these (`DocumentMaker.document(path:source:format:scopes:)`) lints the same.
    public let scopes: Set<Scope>

    private static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.upperBound < b.range.upperBound
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
            message:
                "Rule '\(rule.id)' ran out of time (\(seconds) s of regular expressions) on this file and stopped; its findings here may be incomplete",
            matchedText: "", fingerprint: Fingerprint.hash([Self.timeoutRuleID, rule.id]))
    }
}
