import Foundation

/// Holds a rule's examples, decoded either at load or on first use.
///
/// Only `chaff test-rules`, the rule documentation and the test suite read examples, and a
/// check run loads every built-in rule: decoding their examples was a twelfth of checking one
/// small file. Built-in rule files are validated by the test suite, so their examples may be
/// decoded late (as their options are, see `RuleKindBox`); user rule files' examples are
/// decoded at load so that their mistakes are reported with positions.
package final class RuleExamplesBox: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock` until set; never changes afterwards.
    private var decoded: RuleExamples?
    private let decode: (@Sendable () -> RuleExamples)?

    /// A box holding `examples`.
    package init(_ examples: RuleExamples) {
        decoded = examples
        decode = nil
    }

    /// A box that calls `decode` when the examples are first read.
    package init(deferring decode: @escaping @Sendable () -> RuleExamples) {
        self.decode = decode
    }

    /// The examples, decoded now if they were deferred.
    var examples: RuleExamples {
        lock.withLock {
            if let decoded { return decoded }
            let made = decode!()
            decoded = made
            return made
        }
    }
}
