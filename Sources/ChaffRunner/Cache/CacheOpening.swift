import Dispatch

/// A `--cache` directory being opened on a thread of its own: reading its segments (10 MB for
/// 10,000 files) overlaps the walk instead of following it, and a second run over an unchanged
/// tree is mostly these two.
package final class CacheOpening: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once on the opening thread before `leave`, read only after `wait`.
    private var outcome: Result<ResultCache, FileReader.Failure>?

    /// Starts opening the cache at `directory` (absolute) for entries made by `toolVersion`.
    package init(directory: String, toolVersion: String) {
        let cache = ResultCache(directory: directory, toolVersion: toolVersion)
        group.enter()
        DispatchQueue.global().async {
            do throws(FileReader.Failure) {
                try cache.prepare()
                self.outcome = .success(cache)
            } catch {
                self.outcome = .failure(error)
            }
            self.group.leave()
        }
    }

    /// The opened cache, or why it could not be opened; waits for the opening to end.
    package func wait() -> Result<ResultCache, FileReader.Failure> {
        group.wait()
        return outcome!
    }
}
