import ChaffData
import Testing

@testable import ChaffKinds

/// `DecisiveCharacterIndex` counts what `HanScriptNeighbourhood.tallyDecisive` counts reading
/// each range anew: ranges in and out of the stretch read before, starting or ending inside a
/// character, over text with broken sequences.
@Suite struct DecisiveCharacterIndexTests {
    /// Simplified-only, Traditional-only and shared characters, ASCII, a line feed, and bytes
    /// that decode to nothing (a stray continuation byte, a lead byte cut short).
    static let pieces: [[UInt8]] = ["国", "國", "这", "這", "的", "人", "a", " ", "\n", "。"].map { Array($0.utf8) } + [[0x80], [0xE5, 0x9B]]

    @Test(arguments: [16, 64, 7680])
    func countsAsReadingEachRangeAnew(stretchBytes: Int) {
        var random = SeededGenerator(state: 0x1234_5678 &+ UInt64(stretchBytes))
        func next(_ bound: Int) -> Int { random.next(bound) }
        var bytes: [UInt8] = []
        while bytes.count < 600 { bytes += Self.pieces[next(Self.pieces.count)] }
        bytes.withUnsafeBufferPointer { text in
            var index = DecisiveCharacterIndex(stretchBytes: stretchBytes)
            // Ranges mostly moving forward, as findings do, with some going back.
            var start = 0
            for _ in 0..<400 {
                start = next(8) == 0 ? next(text.count) : min(text.count, start + next(12))
                let range = start..<min(text.count, start + next(90))
                for minority in [HanForm.simplifiedOnly, .traditionalOnly] {
                    let expected = HanScriptNeighbourhood.tallyDecisive(in: range, minority: minority, text: text)
                    let counted = index.tally(range, minority: minority, in: text)
                    #expect(counted == expected, "\(range) \(minority)")
                }
            }
        }
    }

    @Test func countsOnlyWholeCharacters() {
        // 国 at 0..<3, 國 at 3..<6, 这 at 6..<9.
        let bytes = Array("国國这".utf8)
        bytes.withUnsafeBufferPointer { text in
            var index = DecisiveCharacterIndex(stretchBytes: 64)
            #expect(index.tally(0..<9, minority: .traditionalOnly, in: text) == (1, 2))
            #expect(index.tally(1..<9, minority: .traditionalOnly, in: text) == (1, 1))
            #expect(index.tally(1..<8, minority: .simplifiedOnly, in: text) == (0, 1))
            #expect(index.tally(4..<5, minority: .simplifiedOnly, in: text) == (0, 0))
        }
    }
}
