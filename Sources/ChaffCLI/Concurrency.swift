import ChaffCore
import Dispatch
import Foundation

/// Fixed slots written by concurrent workers, each slot by exactly one worker.
final class ResultSlots<T>: @unchecked Sendable {
    private var storage: [T]
    private let lock = NSLock()

    init(count: Int, initial: T) { storage = Array(repeating: initial, count: count) }

    subscript(index: Int) -> T {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [T] { lock.withLock { storage } }
}

/// A shared counter handing out work items.
final class AtomicCounter: @unchecked Sendable {
    private var value = -1
    private let lock = NSLock()

    /// The next value, starting at 0.
    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// The number of cores available.
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// A value handed to worker threads that the compiler cannot prove safe to share; the caller
/// promises it is (here: a closure that only reads atomics and polls a descriptor).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
