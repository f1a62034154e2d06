import Dispatch
import Foundation
import Synchronization

/// Tags the lines of a JSON Lines input on several threads and writes one output record per
/// line, in the input's order.
///
/// Workers take the next line from the reader (under a lock), tag it and hand the record to an
/// ordered ring that writes records as soon as every earlier one is written. At most `window`
/// lines are in flight (read but not written): a worker waits for room before it reads, so a
/// slow document holds back at most `window` records and memory stays flat whatever the
/// input's size. Output is written in blocks, and at once whenever every line read so far is
/// written, so a caller that sends one document and waits for its record is answered.
final class StreamRunner: @unchecked Sendable {
    /// What a run did.
    struct Summary {
        /// Lines read (documents and malformed lines).
        var lines = 0
        /// Lines answered with an error record, and the first of them (1-based line, message).
        var errors = 0
        var firstError: (line: Int, message: String)?
        /// Why the input stopped being readable, if it did.
        var readFailure: String?
        /// Whether the output was closed before everything was written.
        var outputClosed = false
    }

    /// What tagging one line gave: the record text, and whether it is an error record.
    typealias Outcome = (record: [UInt8], error: String?)

    private let reader: StreamLineReader
    private let readLock = NSLock()
    private let window: Int
    private let permits: DispatchSemaphore
    private let deliveryLock = NSLock()
    private var ring: [Outcome?]
    private var nextToWrite = 0
    private let taken = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private var pending: [UInt8] = []
    private var summary = Summary()
    private let write: ([UInt8]) -> Bool
    /// Bytes of output gathered before a write when more lines are in flight.
    static let blockBytes = 1 << 16

    /// A runner reading `reader`; `write` writes a block of output and says whether the output
    /// is still open.
    init(reader: StreamLineReader, window: Int, write: @escaping ([UInt8]) -> Bool) {
        self.reader = reader
        self.window = max(1, window)
        self.permits = DispatchSemaphore(value: self.window)
        self.ring = Array(repeating: nil, count: self.window)
        self.write = write
    }

    /// Runs `jobs` workers until the input ends, is unreadable or the output closes; `tag`
    /// turns a line (1-based number and content) into its record.
    func run(jobs: Int, tag: @escaping @Sendable (Int, StreamLine) -> Outcome) -> Summary {
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
            while !stopped.load(ordering: .relaxed) {
                permits.wait()
                guard let (sequence, line) = take() else {
                    permits.signal()
                    return
                }
                deliver(sequence, tag(sequence + 1, line))
            }
        }
        deliveryLock.withLock { flush() }
        return summary
    }

    /// The next line and its sequence number, or `nil` when there is none (or the run stopped).
    private func take() -> (Int, StreamLine)? {
        readLock.withLock { () -> (Int, StreamLine)? in
            guard !stopped.load(ordering: .relaxed) else { return nil }
            do throws(StreamLineReader.Failure) {
                guard let line = try reader.next() else {
                    stopped.store(true, ordering: .relaxed)
                    return nil
                }
                let sequence = taken.load(ordering: .relaxed)
                taken.store(sequence + 1, ordering: .relaxed)
                return (sequence, line)
            } catch {
                deliveryLock.withLock { summary.readFailure = error.reason }
                stopped.store(true, ordering: .relaxed)
                return nil
            }
        }
    }

    private func deliver(_ sequence: Int, _ outcome: Outcome) {
        deliveryLock.withLock {
            ring[sequence % window] = outcome
            while let ready = ring[nextToWrite % window] {
                ring[nextToWrite % window] = nil
                summary.lines += 1
                if let message = ready.error {
                    summary.errors += 1
                    if summary.firstError == nil { summary.firstError = (nextToWrite + 1, message) }
                }
                pending += ready.record
                nextToWrite += 1
                permits.signal()
            }
            // Caught up with the reader: nobody else will write soon, so the block goes now.
            if pending.count >= Self.blockBytes || nextToWrite == taken.load(ordering: .relaxed) { flush() }
        }
    }

    /// Writes what is pending; called under the delivery lock.
    private func flush() {
        guard !pending.isEmpty, !summary.outputClosed else { return }
        if !write(pending) {
            summary.outputClosed = true
            stopped.store(true, ordering: .relaxed)
        }
        pending.removeAll(keepingCapacity: true)
    }
}
