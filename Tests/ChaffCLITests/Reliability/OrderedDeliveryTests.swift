import Dispatch
import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffRunner

/// Results finished in any order by several workers reach the consumer in sequence order, one
/// call at a time, however small the backlog the workers may run ahead by.
@Suite struct OrderedDeliveryTests {
    final class Log: @unchecked Sendable {
        var delivered: [Int] = []
        var inside = 0
        var overlapped = false
    }

    @Test(arguments: [1, 4, 1024])
    func everyResultArrivesOnceInOrderAndOneAtATime(backlog: Int) {
        let count = 5_000
        let log = Log()
        let delivery = OrderedDelivery<Int>(count: count, backlog: backlog) { index, value in
            log.inside += 1
            if log.inside > 1 { log.overlapped = true }
            // Slow consumer now and then: workers must either go on or wait, never deliver.
            if index % 97 == 0 { usleep(200) }
            log.delivered.append(value)
            log.inside -= 1
        }
        // Each worker finishes a scrambled share of the sequence numbers.
        let workers = 4
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var mine = Array(stride(from: worker, to: count, by: workers))
            mine.reverse()
            for index in mine { delivery.finish(index, index * 3) }
        }
        #expect(!log.overlapped)
        #expect(log.delivered == (0..<count).map { $0 * 3 })
    }
}
