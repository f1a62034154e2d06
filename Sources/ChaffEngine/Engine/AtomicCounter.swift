import Foundation

/// A counter that threads share to hand out work items (files to the runner's workers, rules to
/// the threads checking one large document), each index exactly once.
public final class AtomicCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()

    /// A counter whose first value is 0.
    public init() {}

    /// The next value, starting at 0.
    public func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
