import Testing

@testable import ChaffKinds

/// `GlossUTF8.decode(_:endingAt:)` reads a three-byte character in place; what it answers must
/// be what stepping back over continuation bytes and decoding forwards answers, on text with
/// every kind of sequence, broken ones included.
@Suite struct GlossUTF8Tests {
    /// The scalar ending at `end` and its start by stepping back over up to three
    /// continuation bytes and decoding from there: the answer before the in-place reading.
    static func stepBackAndDecode(_ bytes: [UInt8], endingAt end: Int) -> (UInt32, Int)? {
        var start = end - 1
        while start > 0 && start > end - 4 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let (scalar, length) = GlossUTF8.decode(bytes, at: start), start + length == end else { return nil }
        return (scalar, start)
    }

    @Test func decodingBackwardsAgreesWithSteppingBackAndDecoding() {
        let pieces: [[UInt8]] =
            ["a", "é", "中", "國", "。", "😀", "\u{FFFD}", "\u{E000}"].map { Array($0.utf8) }
            + [
                [0xE0, 0x80, 0xAF], [0xE0, 0xA4, 0x85], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0x80], [0xBF, 0xBF], [0xE5, 0x9B],
                [0xF0, 0x9F],
            ]
        var random = SeededGenerator(state: 0x6105_5B0C)
        var decoded = 0
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(30) { bytes += pieces[random.next(pieces.count)] }
            for end in stride(from: bytes.count, through: 1, by: -1) {
                let expected = Self.stepBackAndDecode(bytes, endingAt: end)
                let found = GlossUTF8.decode(bytes, endingAt: end)
                #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(bytes) \(end)")
                if expected != nil { decoded += 1 }
            }
        }
        #expect(decoded > 3000)
        #expect(GlossUTF8.decode(Array("ab中".utf8), endingAt: 5)?.0 == 0x4E2D)
        #expect(GlossUTF8.decode(Array("ab中".utf8), endingAt: 4) == nil)
    }
}
