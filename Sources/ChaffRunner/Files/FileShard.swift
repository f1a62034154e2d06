/// One of `count` parts of a run's files (`--shard INDEX/COUNT`), so that `count` CI jobs
/// together check each file exactly once.
///
/// A file's part depends on its path alone (64-bit FNV-1a of the path's UTF-8 bytes, modulo
/// `count`): it does not move when other files are added or removed, every job computes it
/// alone without talking to the others, and each file falls in exactly one part.
public struct FileShard: Sendable, Equatable {
    /// This job's part, from 0.
    public let index: Int
    /// How many parts there are, at least 1.
    public let count: Int

    /// A shard; `index` must be below `count`.
    public init(index: Int, count: Int) {
        precondition(count >= 1 && index >= 0 && index < count, "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// Parses `I/N` (`0/3`); `nil` when it is not two whole numbers with `0 <= I < N`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
            parts[0].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
            count >= 1, index >= 0, index < count
        else { return nil }
        self.init(index: index, count: count)
    }

    /// The part `path` falls in. Paths are compared as reported (relative to the working
    /// directory), so jobs that run from the same directory agree.
    public static func part(of path: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }

    /// Whether `path` is in this shard.
    public func contains(_ path: String) -> Bool {
        Self.part(of: path, count: count) == index
    }
}
