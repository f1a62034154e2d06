import Testing

@testable import ChaffEngine

/// The plan of a large Markdown document (`MarkdownChunkPlan`) parses stretches of it at once from
/// guessed starts; every chunk must still start at a line where the parse of the whole document
/// has nothing open, or only the fence the plan names, whatever the guesses were.
@Suite struct MarkdownChunkPlanTests {
    /// A parse of the whole of `source` from `contentStart`, stopping at the first boundary at
    /// or after `offset` when one is given: where it stopped, the fence open there, and the
    /// reference definitions it read.
    static func wholeParse(
        _ source: [UInt8], contentStart: Int, stoppingAt offset: Int? = nil
    ) -> (stop: Int?, fence: MarkdownBlockParser.OpenFence?, definitions: Set<String>) {
        var text = source
        var classes = [UInt8](repeating: ScopeClass.none, count: source.count)
        return text.withUnsafeMutableBufferPointer { text in
            classes.withUnsafeMutableBufferPointer { classes in
                let last = MarkdownBlockParser.lastDoubleDollar(in: UnsafeBufferPointer(text))
                var blocks = MarkdownBlockParser(text: text, classes: classes, lastDoubleDollar: last)
                let stop = blocks.parse(from: contentStart, stoppingAt: offset)
                return (stop, blocks.fenceAtStop, blocks.definitions)
            }
        }
    }

    static func plan(_ source: [UInt8], chunkBytes: Int, workers: Int, leadBytes: Int) -> (MarkdownChunkPlan, Int) {
        let contentStart = source.withUnsafeBufferPointer { MarkdownMasker.frontMatterEnd($0, from: 0) } ?? 0
        let last = source.withUnsafeBufferPointer { MarkdownBlockParser.lastDoubleDollar(in: $0) }
        let plan = MarkdownChunkPlan(
            source: source, chunkBytes: chunkBytes, workers: workers, contentStart: contentStart, lastDoubleDollar: last,
            leadBytes: leadBytes)
        return (plan, contentStart)
    }

    /// Checks every chunk start of `plan` against the whole parse of `source`.
    static func expectChunksAtWholeBoundaries(
        _ source: [UInt8], _ plan: MarkdownChunkPlan, contentStart: Int, _ note: String
    ) {
        #expect(plan.bounds.first == 0 && plan.bounds.last == source.count, "\(note)")
        #expect(zip(plan.bounds, plan.bounds.dropFirst()).allSatisfy { $0 < $1 }, "\(note)")
        #expect(plan.fences.count == plan.bounds.count - 1, "\(note)")
        for (k, bound) in plan.bounds.enumerated().dropFirst().dropLast() {
            let (stop, fence, _) = wholeParse(source, contentStart: contentStart, stoppingAt: bound)
            #expect(stop == bound, "\(note): chunk \(k) starts at \(bound), the whole parse stops at \(String(describing: stop))")
            #expect(fence == plan.fences[k], "\(note): chunk \(k)")
        }
        #expect(plan.definitions == wholeParse(source, contentStart: contentStart).definitions, "\(note)")
    }

    /// Plans `text` on two workers, checks its chunks against the whole parse and how many
    /// guesses it made and took, and returns the plan.
    @discardableResult
    static func expectTwoWorkerPlan(
        _ text: String, chunkBytes: Int, leadBytes: Int, guesses: Int, taken: Int, _ note: String
    ) -> MarkdownChunkPlan {
        let source = Array(text.utf8)
        let (plan, contentStart) = Self.plan(source, chunkBytes: chunkBytes, workers: 2, leadBytes: leadBytes)
        #expect(plan.guesses == guesses, "\(note)")
        #expect(plan.guessesTaken == taken, "\(note)")
        expectChunksAtWholeBoundaries(source, plan, contentStart: contentStart, note)
        return plan
    }

    @Test func guessedStretchesJoinAtBoundariesOfTheWhole() {
        let source = MarkdownChunkMaskingTests.document(bytes: 30_000)
        for (workers, leadBytes) in [(2, 64 << 10), (2, 200), (3, 40)] {
            let (plan, contentStart) = Self.plan(source, chunkBytes: 300, workers: workers, leadBytes: leadBytes)
            // Four stretches a worker, less those whose guess found no boundary near its share.
            #expect(plan.guesses >= 2 * workers && plan.guesses <= 4 * workers - 1, "\(workers) workers")
            Self.expectChunksAtWholeBoundaries(source, plan, contentStart: contentStart, "\(workers) × lead \(leadBytes)")
        }
        // The front matter and the definition at the end are read once, whatever the stretches.
        let (plan, _) = Self.plan(source, chunkBytes: 300, workers: 2, leadBytes: 200)
        #expect(plan.definitions == ["ref-later"])
    }

    /// A guess made inside a long fenced block (its blank lines and headings look like a fresh
    /// start from just before them) is wrong: that stretch is read again inside the fence,
    /// and each start takes the reading that matches the chain, however the threads met.
    @Test func aGuessInsideCodeIsTakenOnItsSecondReading() {
        let code = String(repeating: "# not a heading\n\ncode line\n\n", count: 120)
        let text =
            String(repeating: "A paragraph of text.\n\n", count: 150) + "```\n" + code + "```\n\n"
            + String(repeating: "Another paragraph.\n\n", count: 600)
        for _ in 0..<20 {
            Self.expectTwoWorkerPlan(text, chunkBytes: 200, leadBytes: 60, guesses: 7, taken: 7, "closed fence")
        }
    }

    /// A fence never closed makes every guess after it wrong: the stretches from there are
    /// read inside that fence, and taken.
    @Test func guessesAfterAnUnclosedFenceAreTakenInsideIt() {
        let text =
            String(repeating: "A paragraph of text.\n\n", count: 200) + "~~~ |\n"
            + String(repeating: "# code\n\nline\n\n", count: 500)
        for _ in 0..<20 {
            let plan = Self.expectTwoWorkerPlan(text, chunkBytes: 250, leadBytes: 60, guesses: 7, taken: 7, "unclosed fence")
            let fence = MarkdownBlockParser.OpenFence(fence: 0x7E, length: 3, offset: 0)
            #expect(plan.fences.last == fence)
        }
    }

    /// Two fences, each crossing a guessed start: each start is read in the fence the chain
    /// meets there (the second's backticks are not the first's tildes), and every guess is
    /// taken.
    @Test func eachFenceIsReadWhereTheChainMeetsIt() {
        let code = String(repeating: "# code\n\nline\n\n", count: 120)
        let text =
            String(repeating: "A paragraph of text.\n\n", count: 100) + "~~~\n" + code + "~~~\n\n"
            + String(repeating: "Another paragraph.\n\n", count: 100) + "```\n" + code + "```\n\n"
            + String(repeating: "A last paragraph.\n\n", count: 100)
        for _ in 0..<20 {
            Self.expectTwoWorkerPlan(text, chunkBytes: 250, leadBytes: 30, guesses: 7, taken: 7, "two fences")
        }
    }

    /// The board the threads share, driven one call at a time: a stretch whose start the chain
    /// is known to reach in another state than its reading began in is read again first, and
    /// while the furthest start known is inside a fence, new stretches are read inside it.
    @Test func stretchBoardReadsAgainAndFollowsAFence() throws {
        typealias Fence = MarkdownBlockParser.OpenFence
        let fence = Fence(fence: 0x60, length: 3, offset: 0)
        func reading(_ start: Int, in open: Fence?, end: Int, openAtEnd: Fence?) -> MarkdownChunkPlan.Stretch {
            var stretch = MarkdownChunkPlan.Stretch(start: start, fence: open)
            stretch.end = end
            stretch.fenceAtEnd = openAtEnd
            return stretch
        }
        let board = StretchBoard(starts: [0, 100, 200, 300], guesses: [nil, nil, nil, nil])
        #expect(try #require(board.next()) == (0, nil))
        #expect(try #require(board.next()) == (1, nil))
        board.finish(1, reading(100, in: nil, end: 200, openAtEnd: nil))
        board.finish(0, reading(0, in: nil, end: 100, openAtEnd: fence))
        // The chain reaches 100 inside the fence; stretch 1 was read as if it did not.
        #expect(try #require(board.next()) == (1, fence))
        #expect(try #require(board.next()) == (2, fence))
        // The fence closes within stretch 1: stretch 3 is read from its guess, and stretch 2,
        // once read, again outside the fence.
        board.finish(1, reading(100, in: fence, end: 200, openAtEnd: nil))
        #expect(try #require(board.next()) == (3, nil))
        board.finish(2, reading(200, in: fence, end: 300, openAtEnd: fence))
        #expect(try #require(board.next()) == (2, nil))
        board.finish(2, reading(200, in: nil, end: 300, openAtEnd: nil))
        board.finish(3, reading(300, in: nil, end: 400, openAtEnd: nil))
        #expect(board.next() == nil)
        #expect(board.allReadings.map(\.count) == [1, 2, 2, 1])
    }

    /// One worker plans one chain, as before stretches: no guesses.
    @Test func oneWorkerGuessesNothing() {
        let source = MarkdownChunkMaskingTests.document(bytes: 20_000)
        let (plan, contentStart) = Self.plan(source, chunkBytes: 300, workers: 1, leadBytes: 100)
        #expect(plan.guesses == 0)
        Self.expectChunksAtWholeBoundaries(source, plan, contentStart: contentStart, "one worker")
    }
}
