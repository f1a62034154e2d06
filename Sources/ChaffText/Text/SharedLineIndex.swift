import Foundation

/// A document's line index, built when first asked for and then shared by every copy of the
/// document and every thread that reads it. Diagnostics, suppression directives and rules that
/// report lines all read this one index, so a document's lines are scanned once.
package final class SharedLineIndex: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var built: LineIndex?

    /// An index not built yet.
    package init() {}

    /// The line index of `bytes`, which must be the same bytes on every call.
    package func index(of bytes: [UInt8]) -> LineIndex {
        lock.withLock {
            if let built { return built }
            let made = LineIndex(bytes)
            built = made
            return made
        }
    }
}
