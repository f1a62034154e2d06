import Dispatch

/// Where the chunks of a large Markdown document start, and every reference definition in it:
/// the first pass of `MarkdownChunkMasking`.
///
/// A chunk ends at the first line after `chunkBytes` where no block is open (or only a
/// top-level fenced code block), which only a parse from a known line can tell, so the chunks
/// form a chain. With several workers the document is cut into stretches parsed at once: each
/// stretch but the first starts at a boundary guessed by parsing a little before it, and ends
/// where the next begins. A stretch's reading is taken only when the chain reaches exactly its
/// start, in the state the reading began in; a stretch whose readings all began in another
/// state is read again in the chain's, and where the chain passes a start inside a chunk it
/// goes on alone to the next. Either way every chunk starts at a line the chain from the
/// document's start finds, so the masked document is the one a single pass gives.
struct MarkdownChunkPlan {
    let source: [UInt8]
    let chunkBytes: Int
    let workers: Int
    /// Where block parsing starts, after a byte order mark and front matter.
    let contentStart: Int
    let lastDoubleDollar: Int

    /// Where the chunks start (the first at 0), and the document's end.
    private(set) var bounds: [Int] = []
    /// Per chunk, the top-level fenced code block it starts inside, if any.
    private(set) var fences: [MarkdownBlockParser.OpenFence?] = []
    /// Every reference definition of the document.
    private(set) var definitions = Set<String>()
    /// How many stretch starts were guessed, and how many of those the chain reached in the
    /// state guessed (tests look at them: a stretch not taken is parsed again).
    private(set) var guesses = 0
    private(set) var guessesTaken = 0
    /// How far before its guessed start a stretch's guess is parsed from.
    let leadBytes: Int

    /// The usual `leadBytes`: long enough that most blocks open at a guess began after it.
    static let defaultLeadBytes = 64 << 10

    /// The plan of `source`, its stretches parsed on up to `workers` threads.
    init(
        source: [UInt8], chunkBytes: Int, workers: Int, contentStart: Int, lastDoubleDollar: Int,
        leadBytes: Int = defaultLeadBytes
    ) {
        self.source = source
        self.leadBytes = leadBytes
        self.chunkBytes = max(1, chunkBytes)
        self.workers = max(1, workers)
        self.contentStart = contentStart
        self.lastDoubleDollar = lastDoubleDollar
        let starts = guessedStarts()
        guesses = starts.count
        let origins = [(start: 0, fence: nil)] + starts
        join(origins: origins, firstReadings(origins))
    }

    /// Where a stretch starts, and the fence it starts inside, if any.
    typealias Origin = (start: Int, fence: MarkdownBlockParser.OpenFence?)

    /// A stretch of chunks: where it starts and in which fence, and what its chain found.
    struct Stretch {
        var bounds: [Int]
        var fences: [MarkdownBlockParser.OpenFence?]
        var labels = Set<String>()
        /// Where its last chunk ends: its limit when a boundary was there, later otherwise. A
        /// chunk start before the document's end is also the last of `bounds`.
        var end: Int
        var fenceAtEnd: MarkdownBlockParser.OpenFence?

        init(start: Int, fence: MarkdownBlockParser.OpenFence?) {
            bounds = [start]
            fences = [fence]
            end = start
            fenceAtEnd = fence
        }
    }

    // MARK: - Guessing where stretches start

    /// The start of each stretch after the first, with the fence it starts in: a boundary
    /// found by parsing from `leadBytes` before an even share of the document. There are four
    /// stretches a worker, since lists and tables cost more to parse than paragraphs of the same
    /// size, and a stretch shorter than four chunks is not worth a thread.
    private func guessedStarts() -> [Origin] {
        let count = source.count
        let stretches = workers > 1 ? min(4 * workers, count / (4 * chunkBytes)) : 1
        guard stretches > 1 else { return [] }
        var starts: [Origin] = []
        var buffers = WindowBuffers()
        defer { buffers.deallocate() }
        for k in 1..<stretches {
            let target = count / stretches * k
            let from = lineStart(atOrAfter: max(contentStart, target - leadBytes))
            guard from < target else { continue }
            // A boundary mostly comes within a few lines: a window of the lead's length after the
            // target is tried first, since a chunk's length copied per guess cost more than the
            // guesses' parsing; a chunk's length when it holds none.
            var found: (Int?, Set<String>, MarkdownBlockParser.OpenFence?) = (nil, [], nil)
            for reach in leadBytes < chunkBytes ? [leadBytes, chunkBytes] : [chunkBytes] where found.0 == nil {
                let windowEnd = lineStart(atOrAfter: min(count, target + reach))
                found = blockPass(from..<windowEnd, from: from, stoppingAt: target - from, buffers: &buffers)
            }
            let (stop, _, fence) = found
            guard let stop, from + stop > (starts.last?.start ?? contentStart) + chunkBytes else { continue }
            starts.append((from + stop, fence))
        }
        return starts
    }

    // MARK: - Parsing the stretches

    /// The chain of each stretch from its origin to its limit (by default the next one's start,
    /// the last's the document's end), on up to `workers` threads, each taking the next
    /// stretch when done.
    private func runStretches(_ origins: [Origin], limits given: [Int]? = nil) -> [Stretch] {
        let limits = given ?? origins.dropFirst().map(\.start) + [source.count]
        if origins.isEmpty { return [] }
        if origins.count == 1 { return [chain(from: origins[0].start, inside: origins[0].fence, until: limits[0])] }
        let table = ThreadSlots<Stretch>(count: origins.count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: min(workers, origins.count)) { _ in
            while true {
                let k = next.increment()
                guard k < origins.count else { return }
                table.set(k, chain(from: origins[k].start, inside: origins[k].fence, until: limits[k]))
            }
        }
        return table.elements
    }

    /// The first readings of the stretches, on up to `workers` threads taking them in order
    /// and sharing what the chain is known to reach (`StretchBoard`): a stretch is read in the
    /// state the chain reaches its start in when that is known, and the furthest stretch
    /// known is read again when its readings began in another state. On a 100 MB file whose
    /// one fence never closed, reading every stretch from its guess read all but the first as
    /// Markdown and then again inside the fence, which made planning on two threads slower
    /// than on one. `join` checks every reading either way.
    private func firstReadings(_ origins: [Origin]) -> [[Stretch]] {
        guard origins.count > 1 else { return runStretches(origins).map { [$0] } }
        let board = StretchBoard(starts: origins.map(\.start), guesses: origins.map(\.fence))
        DispatchQueue.concurrentPerform(iterations: min(workers, origins.count)) { _ in
            while let (k, fence) = board.next() {
                board.finish(k, chain(from: origins[k].start, inside: fence, until: stretchEnd(after: k, origins)))
            }
        }
        return board.allReadings
    }

    /// Joins the stretches: at each start the chain reaches, the reading that began in the
    /// state the chain is in there. When none did, that stretch and the next ones not read in
    /// that state, as many as there are workers, are read in it at once; where the chain
    /// passes a start inside a chunk, it goes on alone to the next start.
    private mutating func join(origins: [Origin], _ firstReadings: [[Stretch]]) {
        var readings = firstReadings
        // The first stretch starts at the document's start, where the board knows the state:
        // its one reading began there.
        var joined = readings[0][0]
        var k = 1
        while joined.end < source.count {
            while k < readings.count && origins[k].start < joined.end { k += 1 }
            if k < readings.count && origins[k].start == joined.end {
                let state = joined.fenceAtEnd
                if let reading = readings[k].first(where: { $0.fences[0] == state }) {
                    append(reading, to: &joined)
                    guessesTaken += 1
                    k += 1
                    continue
                }
                let unread = (k..<readings.count).filter { j in !readings[j].contains { $0.fences[0] == state } }.prefix(workers)
                let again = runStretches(
                    unread.map { (start: origins[$0].start, fence: state) }, limits: unread.map { stretchEnd(after: $0, origins) })
                for (j, reading) in zip(unread, again) { readings[j].append(reading) }
                continue
            }
            let limit = k < readings.count ? origins[k].start : source.count
            append(chain(from: joined.end, inside: joined.fenceAtEnd, until: limit), to: &joined)
        }
        bounds = joined.bounds + [source.count]
        fences = joined.fences
        definitions = joined.labels
    }

    /// Where stretch `k` of `origins` ends: the next one's start, or the document's end.
    private func stretchEnd(after k: Int, _ origins: [Origin]) -> Int {
        k + 1 < origins.count ? origins[k + 1].start : source.count
    }

    /// `next`, which starts where `stretch` ends (its first bound is the last of `stretch`),
    /// added to it.
    private func append(_ next: Stretch, to stretch: inout Stretch) {
        guard next.bounds[0] < source.count else { return }
        stretch.bounds += next.bounds.dropFirst()
        stretch.fences += next.fences.dropFirst()
        stretch.labels.formUnion(next.labels)
        stretch.end = next.end
        stretch.fenceAtEnd = next.fenceAtEnd
    }

    /// The chunks from `start`, a line where nothing but `fence` is open, each ending at the
    /// first boundary after `chunkBytes` or at `limit`, until one ends at or after `limit`.
    private func chain(from start: Int, inside fence: MarkdownBlockParser.OpenFence?, until limit: Int) -> Stretch {
        let count = source.count
        var stretch = Stretch(start: start, fence: fence)
        var chunkStart = start
        var fence = fence
        // A chunk ends at the first boundary after `chunkBytes`, mostly within a few lines: a
        // window a quarter longer holds it, and copies less than one twice as long did.
        let firstWindow = chunkBytes + chunkBytes / 4 + 1
        var window = firstWindow
        // One pair of buffers for every window: a fresh pair per window cost a page fault for
        // every page of it (a third of this pass on a 100 MB file).
        var buffers = WindowBuffers()
        defer { buffers.deallocate() }
        while chunkStart < limit {
            let windowEnd = lineStart(atOrAfter: min(count, chunkStart + window))
            let (stop, labels, nextFence) = blockPass(
                chunkStart..<windowEnd, from: max(contentStart, chunkStart), inside: fence,
                stoppingAt: min(chunkBytes, limit - chunkStart), buffers: &buffers)
            if let stop {
                stretch.labels.formUnion(labels)
                chunkStart += stop
                fence = nextFence
                if chunkStart < count {
                    stretch.bounds.append(chunkStart)
                    stretch.fences.append(fence)
                }
                window = firstWindow
            } else if windowEnd == count {
                stretch.labels.formUnion(labels)
                chunkStart = count
                fence = nil
            } else {
                // No block boundary in the window (a long list or code block): read more.
                window *= 2
            }
        }
        stretch.end = chunkStart
        stretch.fenceAtEnd = fence
        return stretch
    }

    /// Parses the blocks of `window` from `start`, inside `fence` when the window starts in
    /// one: the first boundary at or after `stoppingAt` (relative to the window's start), nil
    /// when none is in the window; the definitions read; and the fenced code block open at
    /// that boundary, if any.
    private func blockPass(
        _ window: Range<Int>, from start: Int, inside fence: MarkdownBlockParser.OpenFence? = nil, stoppingAt stop: Int,
        buffers: inout WindowBuffers
    ) -> (Int?, Set<String>, MarkdownBlockParser.OpenFence?) {
        let (text, classes) = buffers.load(source, window)
        var blocks = MarkdownBlockParser(
            text: text, classes: classes, lastDoubleDollar: lastDoubleDollar - window.lowerBound, openFence: fence)
        let stop = blocks.parse(from: start - window.lowerBound, stoppingAt: stop)
        return (stop, blocks.definitions, blocks.fenceAtStop)
    }

    /// The first line start at or after `offset`, or the end of the source.
    private func lineStart(atOrAfter offset: Int) -> Int {
        let count = source.count
        return source.withUnsafeBufferPointer { src in
            var p = offset
            while p > 0 && p < count {
                let previous = src[p - 1]
                if previous == MarkupBytes.lineFeed || (previous == MarkupBytes.carriageReturn && src[p] != MarkupBytes.lineFeed) {
                    return p
                }
                p += 1
            }
            return min(p, count)
        }
    }

    /// The text and class buffers a thread's windows are parsed in, grown to the largest window.
    private struct WindowBuffers {
        private var text = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
        private var classes = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

        /// Buffers of exactly `window.count` bytes: a copy of the window's source, and classes
        /// all `ScopeClass.none`.
        mutating func load(
            _ source: [UInt8], _ window: Range<Int>
        ) -> (UnsafeMutableBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>) {
            if text.count < window.count {
                deallocate()
                text = .allocate(capacity: window.count)
                classes = .allocate(capacity: window.count)
            }
            let textWindow = UnsafeMutableBufferPointer(rebasing: text[0..<window.count])
            let classWindow = UnsafeMutableBufferPointer(rebasing: classes[0..<window.count])
            _ = source.withUnsafeBufferPointer { textWindow.initialize(from: $0[window]) }
            classWindow.initialize(repeating: ScopeClass.none)
            return (textWindow, classWindow)
        }

        mutating func deallocate() {
            text.deallocate()
            classes.deallocate()
            text = .init(start: nil, count: 0)
            classes = .init(start: nil, count: 0)
        }
    }
}
