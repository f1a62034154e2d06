import Foundation

/// One result slot per work item, for threads that share the items out: each slot is set once,
/// by the thread that took its item (under a lock), and read after every thread has finished.
final class ThreadSlots<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element?]

    /// `count` empty slots.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Sets slot `index`.
    func set(_ index: Int, _ element: Element) { lock.withLock { slots[index] = element } }

    /// Every slot's element, in order; each slot must have been set.
    var elements: [Element] { lock.withLock { slots.map { $0! } } }
}
