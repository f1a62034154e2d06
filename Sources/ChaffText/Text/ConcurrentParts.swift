import Dispatch
import Foundation

/// Runs the parts of one job at once on several threads, for work split over a buffer (checking
/// its UTF-8, reading a file into it) where the whole succeeds only if every part does.
package enum ConcurrentParts {
    /// Whether `part` returns true for every index in `0..<count`, the indices run at once on up
    /// to `count` threads. It returns once every part has run, so `part` may read and write
    /// memory the caller owns, each part its own share.
    package static func all(_ count: Int, _ part: (Int) -> Bool) -> Bool {
        withoutActuallyEscaping(part) { part in
            let run = Run(part)
            DispatchQueue.concurrentPerform(iterations: count) { run.run($0) }
            return run.allSucceeded
        }
    }

    /// The parts' closure, shared by the threads, and whether one failed.
    private final class Run: @unchecked Sendable {
        private let part: (Int) -> Bool
        private let lock = NSLock()
        private var failed = false

        init(_ part: @escaping (Int) -> Bool) { self.part = part }

        func run(_ index: Int) {
            if !part(index) { lock.withLock { failed = true } }
        }

        var allSucceeded: Bool { lock.withLock { !failed } }
    }
}
