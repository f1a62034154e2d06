import ChaffText

/// Runs a rule's examples: invalid ones must produce exactly the marked findings, valid ones
/// none. Used by `chaff test-rules` and by the test suite, so both judge rules the same way.
public enum RuleExampleRunner {
    /// One example that did not behave.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The rule.
        public var ruleID: String
        /// Where the rule came from.
        public var origin: String
        /// `valid` or `invalid`.
        public var list: String
        /// Index in that list.
        public var index: Int
        /// The example with the expected markers.
        public var expected: String
        /// The example with markers where findings actually started.
        public var actual: String
        /// When the starts agree: what differs in a finding's match, message or fix.
        public var details: [String] = []

        public var description: String {
            var out =
                "\(origin): \(ruleID): examples.\(list)[\(index)]\n  expected: \(TerminalSafe.escape(expected))\n  actual:   \(TerminalSafe.escape(actual))"
            for detail in details { out += "\n  \(TerminalSafe.escape(detail))" }
            return out
        }
    }

    /// The failures of `rule`'s examples; empty when all pass.
    public static func run(_ rule: Rule) -> [Failure] {
        let linter = Linter(rules: [ActiveRule(rule)])
        var failures: [Failure] = []
        for (list, examples) in [("valid", rule.examples.valid), ("invalid", rule.examples.invalid)] {
            for (i, example) in examples.enumerated() {
                let document = DocumentMaker.document(path: "example", source: Array(example.text.utf8), format: example.format)
                let found = linter.lint(document).filter { $0.ruleID == rule.id }.sorted { $0.range.lowerBound < $1.range.lowerBound }
                let starts = found.map(\.range.lowerBound)
                let details = starts == example.expectedStarts ? differences(found, example.expectedFindings) : []
                if starts != example.expectedStarts || !details.isEmpty {
                    failures.append(
                        Failure(
                            ruleID: rule.id, origin: rule.origin, list: list, index: i,
                            expected: example.marked(example.expectedStarts), actual: example.marked(starts), details: details))
                }
            }
        }
        return failures
    }

    /// How each finding differs from its expectation, one line per difference.
    private static func differences(_ found: [Diagnostic], _ expected: [RuleExamples.ExpectedFinding]) -> [String] {
        var out: [String] = []
        for (k, (diagnostic, expectation)) in zip(found, expected).enumerated() {
            let name = "finding \(k + 1)"
            if let match = expectation.match, match != diagnostic.matchedText {
                out.append("\(name): match '\(match)' expected, found '\(diagnostic.matchedText)'")
            }
            if let message = expectation.message, message != diagnostic.message {
                out.append("\(name): message '\(message)' expected, found '\(diagnostic.message)'")
            }
            switch expectation.fix {
            case .unchecked:
                break
            case .none:
                if let fix = diagnostic.fix { out.append("\(name): no fix expected, found '\(fix)'") }
            case .text(let fix):
                if diagnostic.fix != fix {
                    out.append("\(name): fix '\(fix)' expected, found \(diagnostic.fix.map { "'\($0)'" } ?? "none")")
                }
            }
        }
        return out
    }
}
