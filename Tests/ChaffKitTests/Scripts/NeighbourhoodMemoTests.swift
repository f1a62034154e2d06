import ChaffData
import Testing

@testable import ChaffKinds

/// `NeighbourhoodMemo.sentence` answers what `HanScriptNeighbourhood.sentenceBounds` answers
/// for each finding, in the line window `lineBounds` gives it: over sentences longer and shorter
/// than the window, with marks, line breaks and broken sequences.
@Suite struct NeighbourhoodMemoTests {
    static let pieces: [[UInt8]] =
        ["国", "國", "的", "人", "a", " ", "。", "！", ":", "\n"].map { Array($0.utf8) } + [[0x80], [0xE5, 0x9B]]

    /// `markOneIn`: one piece in so many is a mark, space, line break or broken sequence; at
    /// one in 400, lines and sentences run longer than the line window.
    @Test(arguments: [(0, 5), (1, 5), (2, 60), (3, 400)])
    func boundsAsFindingEachSentenceAnew(seed: Int, markOneIn: Int) {
        var random = SeededGenerator(state: 0x5EED_0000 &+ UInt64(seed))
        func next(_ bound: Int) -> Int { random.next(bound) }
        var bytes: [UInt8] = []
        // Mostly Han characters, so that sentences run past the line window.
        while bytes.count < 12000 {
            bytes += next(markOneIn) > 0 ? Self.pieces[next(4)] : Self.pieces[4 + next(Self.pieces.count - 4)]
        }
        bytes.withUnsafeBufferPointer { text in
            var memo = NeighbourhoodMemo()
            // A finding is a Han character.
            let ranges = RandomFindings.ranges(in: text, step: 40, &random) { (0x4E00..<0xA000).contains($0) }
            #expect(ranges.count > 100)
            for range in ranges {
                let line = HanScriptNeighbourhood.lineBounds(of: range, in: text)
                let expected = HanScriptNeighbourhood.sentenceBounds(of: range, in: text, line: line)
                let found = memo.sentence(around: range, line: line, in: text) {
                    HanScriptNeighbourhood.sentenceBounds(of: $0, in: text, line: $1)
                }
                #expect(found == expected, "\(range) in \(line)")
            }
        }
    }

    @Test func reusesTheSentenceAndBoundsANewOne() {
        // 国國的。人国 : two sentences; findings at 0, 3 and 15.
        let bytes = Array("国國的。人国".utf8)
        bytes.withUnsafeBufferPointer { text in
            var memo = NeighbourhoodMemo()
            var bounded = 0
            func sentence(_ range: Range<Int>) -> Range<Int> {
                memo.sentence(around: range, line: 0..<text.count, in: text) {
                    bounded += 1
                    return HanScriptNeighbourhood.sentenceBounds(of: $0, in: text, line: $1)
                }
            }
            #expect(sentence(0..<3) == 0..<9)
            #expect(sentence(3..<6) == 0..<9)
            #expect(bounded == 1)
            #expect(sentence(15..<18) == 12..<18)
            #expect(bounded == 2)
        }
    }
}
