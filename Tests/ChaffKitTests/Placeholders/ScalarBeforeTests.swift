import ChaffText
import Testing

@testable import ChaffKinds

/// `ScalarClass.scalar(before:in:)` reads ASCII and well-formed three-byte characters in
/// place; everything it answers must be what stepping back over continuation bytes and
/// decoding forwards answers, on text with every kind of sequence, broken ones included.
@Suite struct ScalarBeforeTests {
    /// The scalar ending at `offset` by stepping back over up to three continuation bytes and
    /// decoding from there: the answer before the in-place reading.
    static func stepBackAndDecode(_ offset: Int, in text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0 && offset - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = UTF8Decoding.decode(text, at: start)
        return start + length == offset ? scalar : nil
    }

    @Test func agreesWithSteppingBackAndDecoding() {
        // ASCII, two-, three- and four-byte characters, U+FFFD, an overlong E0 sequence, a
        // surrogate, stray continuation bytes and leads cut short.
        let pieces: [[UInt8]] =
            ["a", "é", "中", "國", "。", "😀", "\u{FFFD}"].map { Array($0.utf8) }
            + [[0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xBF, 0xBF], [0xE5, 0x9B], [0xF0, 0x9F], [0xC3]]
        var random = SeededGenerator(state: 0x5CA1_AB1E)
        var checked = 0
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(30) { bytes += pieces[random.next(pieces.count)] }
            bytes.withUnsafeBufferPointer { text in
                for offset in 0...text.count {
                    #expect(ScalarClass.scalar(before: offset, in: text) == Self.stepBackAndDecode(offset, in: text), "\(bytes) \(offset)")
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
        Array("ab中".utf8).withUnsafeBufferPointer { text in
            #expect(ScalarClass.scalar(before: 5, in: text) == 0x4E2D)
            #expect(ScalarClass.scalar(before: 4, in: text) == nil)
            #expect(ScalarClass.scalar(before: 2, in: text) == 0x62)
        }
    }
}
