import Foundation
import Synchronization

/// A value made either at once or on first read, once, whichever thread reads it first.
///
/// Rule files hold parts that a run may never need: a built-in rule's kind (the claim rules
/// compile some 1,700 phrases) and its examples (read only by `test-rules`, the rule
/// documentation and the tests). Built-in rule files are validated by the test suite, so those
/// parts may be decoded late (`RuleKindBox`, `Rule.examples`); user rule files are decoded at
/// load so that their mistakes are reported with positions. Documents are linted on several
/// threads, hence the lock.
package final class DeferredValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock` until set; never changes afterwards.
    private var made: Value?
    private let make: (@Sendable () -> Value)?
    /// Set (releasing) once `made` is, so that later reads need no lock: the engine reads a
    /// rule's kind for every rule and document.
    private let isMade: Atomic<Bool>

    /// A value made already.
    package init(_ value: Value) {
        made = value
        make = nil
        isMade = Atomic(true)
    }

    /// A value that `make` makes when it is first read.
    package init(deferring make: @escaping @Sendable () -> Value) {
        self.make = make
        isMade = Atomic(false)
    }

    /// Whether the value is made (a deferred one has been read).
    package var hasValue: Bool { isMade.load(ordering: .acquiring) }

    /// The value, made now if it was deferred.
    package var value: Value {
        if isMade.load(ordering: .acquiring), let made { return made }
        return lock.withLock {
            if let made { return made }
            let value = make!()
            made = value
            isMade.store(true, ordering: .releasing)
            return value
        }
    }
}
