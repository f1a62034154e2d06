import Dispatch
import Foundation

/// Hands results that workers finish in any order to one consumer in sequence order: a result
/// waits only until every earlier one has been handed over, then it is dropped here.
///
/// The consumer runs outside the lock, on one worker at a time: a worker that finishes while
/// another is handing results over files its result and goes back to work, rather than waiting
/// for the whole hand-over (when results come fast, from a cache, the hand-over was otherwise
/// the run's bottleneck). A worker that gets more than `backlog` results ahead of the consumer
/// waits, so memory stays bounded when the consumer is slow (a terminal, a full pipe).
final class OrderedDelivery<T>: @unchecked Sendable {
    private var waiting: [T?]
    private var next = 0
    private var delivering = false
    private let condition = NSCondition()
    private let consume: (Int, T) -> Void
    private let backlog: Int

    /// A delivery of `count` results calling `consume` with each sequence number and result, in
    /// order, one call at a time (on whichever worker completed the sequence).
    init(count: Int, backlog: Int = 1024, consume: @escaping (Int, T) -> Void) {
        self.waiting = Array(repeating: nil, count: count)
        self.consume = consume
        self.backlog = max(1, backlog)
    }

    /// Files the result for sequence number `index` and, unless another worker is at it,
    /// delivers whatever is now in order.
    func finish(_ index: Int, _ value: T) {
        condition.lock()
        waiting[index] = value
        if delivering {
            // Far ahead of the consumer: wait until it catches up (it signals after each batch).
            while delivering && index - next > backlog { condition.wait() }
            if delivering {
                condition.unlock()
                return
            }
        }
        delivering = true
        var batch: [(Int, T)] = []
        while true {
            while next < waiting.count, let ready = waiting[next] {
                waiting[next] = nil
                batch.append((next, ready))
                next += 1
            }
            if batch.isEmpty {
                delivering = false
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()
            for (sequence, ready) in batch { consume(sequence, ready) }
            batch.removeAll(keepingCapacity: true)
            condition.lock()
            condition.broadcast()
        }
    }
}

/// The number of cores available.
package enum ProcessInfoCores {
    package static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// A value handed to worker threads that the compiler cannot prove safe to share; the caller
/// promises it is (here: a closure that only reads atomics and polls a descriptor).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
