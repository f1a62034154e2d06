import Foundation
import Testing

@testable import ChaffText

/// `RegexText`'s checkpoints give every UTF-16 offset the byte offset a full per-unit table
/// gives, whatever mix of ASCII, CJK, astral characters and invalid bytes the text holds.
@Suite struct RegexTextTests {
    /// One byte offset per UTF-16 unit, plus the end: the table `RegexText` used to keep.
    static func table(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let (scalar, length) = buffer[i] < 0x80 ? (UInt32(buffer[i]), 1) : UTF8Decoding.decode(buffer, at: i)
                offsets.append(i)
                if (scalar ?? 0xFFFD) > 0xFFFF { offsets.append(i) }
                i += length
            }
        }
        return offsets + [bytes.count]
    }

    @Test func everyOffsetMatchesAFullTable() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("中".utf8), Array("𠀀".utf8), Array("é".utf8), [0xFF], [0xE4, 0xB8], [0x80],
            Array("\u{FFFD}".utf8), Array("ab c".utf8),
        ]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...300, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let expected = Self.table(bytes)
            let text = RegexText(bytes)
            #expect(text.utf16Count == expected.count - 1)
            #expect(text.string.length == text.utf16Count)
            for u in 0..<expected.count where text.byteOffset(u) != expected[u] {
                Issue.record("offset \(u) of \(bytes): \(text.byteOffset(u)) != \(expected[u])")
                break
            }
        }
    }

    @Test func surrogatePairOnACheckpoint() {
        // 63 ASCII units, then an astral character whose second half is unit 64.
        let bytes = Array((String(repeating: "x", count: 63) + "𠀀y").utf8)
        let text = RegexText(bytes)
        #expect(text.utf16Count == 66)
        #expect(text.byteOffset(63) == 63)
        #expect(text.byteOffset(64) == 63)
        #expect(text.byteOffset(65) == 67)
        #expect(text.byteOffset(66) == 68)
        #expect(text.byteRange(NSRange(location: 63, length: 2)) == 63..<67)
    }
}
