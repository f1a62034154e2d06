import ChaffCore
import Dispatch
import Foundation

/// Hands results that workers finish in any order to one consumer in sequence order: a result
/// waits only until every earlier one has been handed over, then it is dropped here.
final class OrderedDelivery<T>: @unchecked Sendable {
    private var waiting: [T?]
    private var next = 0
    private let lock = NSLock()
    private let consume: (Int, T) -> Void

    /// A delivery of `count` results calling `consume` with each sequence number and result, in
    /// order, one call at a time (under the lock, on whichever worker completed the sequence).
    init(count: Int, consume: @escaping (Int, T) -> Void) {
        self.waiting = Array(repeating: nil, count: count)
        self.consume = consume
    }

    /// Files the result for sequence number `index` and delivers whatever is now in order.
    func finish(_ index: Int, _ value: T) {
        lock.withLock {
            waiting[index] = value
            while next < waiting.count, let ready = waiting[next] {
                waiting[next] = nil
                consume(next, ready)
                next += 1
            }
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
