import ChaffText
import Testing

@testable import ChaffKinds

/// `NewlineSpan` answers what a search of the whole window answers (`ByteSearch.last` and
/// `ByteSearch.next`), whatever the order of the questions and the stretch it remembers.
@Suite struct NewlineSpanTests {
    /// `lineBreakOneIn`: one byte in so many is a line break; at one in 2000 lines run longer
    /// than the windows, as on a spun page.
    @Test(arguments: [(0, 3), (1, 40), (2, 2000)])
    func answersAsTheSearchOfTheWholeWindow(seed: Int, lineBreakOneIn: Int) {
        var random = SeededGenerator(state: 0x0A0A_0000 &+ UInt64(seed))
        let bytes = (0..<6000).map { _ in random.next(lineBreakOneIn) == 0 ? UInt8(0x0A) : UInt8(0x61) }
        bytes.withUnsafeBufferPointer { text in
            var span = NewlineSpan()
            var position = 0
            // Answers that a line break gave rather than the window's edge: both must occur for
            // the comparison to cover both ways a search ends.
            var atBreak = 0
            var atEdge = 0
            for _ in 0..<4000 {
                // Mostly forwards by a little, as findings come; sometimes anywhere.
                position = random.next(8) == 0 ? random.next(text.count + 1) : min(text.count, position + random.next(60))
                let window = random.next(1200)
                let lowest = max(0, position - window)
                let highest = min(text.count, position + window)
                switch random.next(3) {
                case 0:
                    let found = ByteSearch.last(0x0A, in: text, lowest..<position).map { $0 + 1 }
                    if found == nil { atEdge += 1 } else { atBreak += 1 }
                    let expected = found ?? lowest
                    #expect(span.lineStart(before: position, notBelow: lowest, in: text) == expected, "\(lowest)..<\(position)")
                case 1:
                    let found = ByteSearch.next(0x0A, in: UnsafeBufferPointer(rebasing: text[..<highest]), from: position)
                    if found == nil { atEdge += 1 } else { atBreak += 1 }
                    let expected = found ?? highest
                    #expect(span.lineEnd(from: position, below: highest, in: text) == expected, "\(position)..<\(highest)")
                default:
                    span.join(position..<min(text.count, position + random.next(4)), in: text)
                }
            }
            #expect(atBreak > 0 && atEdge > 0, "\(atBreak) at a line break, \(atEdge) at the window's edge")
        }
    }

    @Test func searchesOnlyPastTheKnownStretch() {
        // "ab\ncdefgh\nij": line breaks at 2 and 9.
        let bytes = Array("ab\ncdefgh\nij".utf8)
        bytes.withUnsafeBufferPointer { text in
            var span = NewlineSpan()
            #expect(span.lineStart(before: 6, notBelow: 5, in: text) == 5)
            #expect(span.lineStart(before: 6, notBelow: 0, in: text) == 3)
            #expect(span.lineEnd(from: 6, below: 8, in: text) == 8)
            #expect(span.lineEnd(from: 4, below: 12, in: text) == 9)
            #expect(span.lineEnd(from: 10, below: 12, in: text) == 12)
            #expect(span.lineStart(before: 1, notBelow: 0, in: text) == 0)
        }
    }
}
