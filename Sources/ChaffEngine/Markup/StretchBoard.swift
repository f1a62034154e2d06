import Foundation

/// What the threads reading a Markdown plan's stretches (`MarkdownChunkPlan.firstReadings`)
/// know of one another: which stretch is next, the readings finished, and how far the chain
/// from the document's start is known, with the state it reaches each start in.
///
/// A start's state is known once the stretch before it has a reading that began in that
/// stretch's own known state and ended exactly at the start. When the readings of the
/// furthest stretch known all began in another state, that stretch is read again first, so the
/// chain is known further. A stretch not taken yet is read in the state the chain reaches it
/// in when that is known; when the furthest start known is inside a fenced code block, inside
/// that fence; otherwise from its guess. A guess misses a fence only when the fence opened
/// more than the guess's lead (64 KB) before it: such a fence most often runs on past the next
/// start, and one never closed runs to the end of the file.
final class StretchBoard: @unchecked Sendable {
    typealias Fence = MarkdownBlockParser.OpenFence

    private let lock = NSLock()
    private let starts: [Int]
    private let guesses: [Fence?]
    private var taken = 0
    private var readings: [[MarkdownChunkPlan.Stretch]]
    /// Whether a stretch is being read now, by any thread.
    private var reading: [Bool]
    /// The fence (or none) the chain is open in at each start, for the starts up to `known`.
    private var arrivals: [Fence?]
    private var known = 0

    /// A board for stretches starting at `starts` (the first at the document's start), each
    /// with the fence its guess found open there.
    init(starts: [Int], guesses: [Fence?]) {
        self.starts = starts
        self.guesses = guesses
        readings = Array(repeating: [], count: starts.count)
        reading = Array(repeating: false, count: starts.count)
        arrivals = Array(repeating: nil, count: starts.count)
        arrivals[0] = guesses[0]
    }

    /// The next stretch to read and the fence to read it inside, or nil when every stretch
    /// has been taken and the furthest one known needs no second reading.
    func next() -> (Int, Fence?)? {
        lock.withLock {
            if !reading[known], !readings[known].isEmpty, !readings[known].contains(where: { $0.fences[0] == arrivals[known] }) {
                reading[known] = true
                return (known, arrivals[known])
            }
            guard taken < starts.count else { return nil }
            let k = taken
            taken += 1
            reading[k] = true
            if k <= known { return (k, arrivals[k]) }
            if let fence = arrivals[known] { return (k, fence) }
            return (k, guesses[k])
        }
    }

    /// Files a reading of stretch `k` and carries the known chain as far as the readings go.
    func finish(_ k: Int, _ stretch: MarkdownChunkPlan.Stretch) {
        lock.withLock {
            readings[k].append(stretch)
            reading[k] = false
            while known + 1 < starts.count,
                let next = readings[known].first(where: { $0.fences[0] == arrivals[known] }), next.end == starts[known + 1]
            {
                arrivals[known + 1] = next.fenceAtEnd
                known += 1
            }
        }
    }

    /// Every stretch's readings, in order, once no thread is reading.
    var allReadings: [[MarkdownChunkPlan.Stretch]] { lock.withLock { readings } }
}
