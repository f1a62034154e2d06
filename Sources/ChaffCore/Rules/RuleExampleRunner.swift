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

        public var description: String {
            "\(origin): \(ruleID): examples.\(list)[\(index)]\n  expected: \(TerminalSafe.escape(expected))\n  actual:   \(TerminalSafe.escape(actual))"
        }
    }

    /// The failures of `rule`'s examples; empty when all pass.
    public static func run(_ rule: Rule) -> [Failure] {
        let linter = Linter(rules: [ActiveRule(rule)])
        var failures: [Failure] = []
        for (list, examples) in [("valid", rule.examples.valid), ("invalid", rule.examples.invalid)] {
            for (i, example) in examples.enumerated() {
                let document = DocumentMaker.document(path: "example", source: Array(example.text.utf8), format: example.format)
                let starts = linter.lint(document).filter { $0.ruleID == rule.id }.map(\.range.lowerBound).sorted()
                if starts != example.expectedStarts {
                    failures.append(
                        Failure(ruleID: rule.id, origin: rule.origin, list: list, index: i,
                                expected: example.marked(example.expectedStarts), actual: example.marked(starts)))
                }
            }
        }
        return failures
    }
}
