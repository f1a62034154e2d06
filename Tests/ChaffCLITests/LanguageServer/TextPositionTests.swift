import ChaffText
import Testing

@testable import ChaffCLI

/// Protocol positions and byte offsets, in both encodings, without a process.
@Suite struct TextPositionTests {
    /// "a😀b\r\n字\rc": 😀 is four bytes and two UTF-16 units, 字 three bytes and one unit;
    /// lines end at `\r\n` and at a lone `\r`.
    static let text = Array("a😀b\r\n字\rc".utf8)

    @Test func offsetsOfPositionsInUTF16() {
        let positions = TextPositions(Self.text, unit: .utf16)
        let cases: [(Int, Int, Int)] = [
            (0, 0, 0), (0, 1, 1), (0, 3, 5), (0, 4, 6),
            (0, 2, 5),  // inside the surrogate pair: the end of the character
            (0, 99, 6),  // past the end of the line: before its break
            (1, 0, 8), (1, 1, 11), (2, 0, 12), (2, 1, 13), (9, 0, 13),
        ]
        for (line, character, offset) in cases {
            #expect(positions.offset(of: TextPosition(line: line, character: character)) == offset, "\(line):\(character)")
        }
    }

    @Test func offsetsOfPositionsInUTF8() {
        let positions = TextPositions(Self.text, unit: .utf8)
        let cases: [(Int, Int, Int)] = [(0, 1, 1), (0, 3, 5), (0, 5, 5), (0, 6, 6), (1, 3, 11), (1, 2, 11), (2, 1, 13)]
        for (line, character, offset) in cases {
            #expect(positions.offset(of: TextPosition(line: line, character: character)) == offset, "\(line):\(character)")
        }
    }

    @Test func positionsOfOffsetsRoundTrip() {
        for unit in [ColumnUnit.utf8, .utf16] {
            let positions = TextPositions(Self.text, unit: unit)
            for offset in [0, 1, 5, 6, 8, 11, 12, 13] {
                #expect(positions.offset(of: positions.position(of: offset)) == offset, "\(unit) \(offset)")
            }
        }
        #expect(TextPositions(Self.text, unit: .utf16).position(of: 5) == TextPosition(line: 0, character: 3))
        #expect(TextPositions(Self.text, unit: .utf8).position(of: 5) == TextPosition(line: 0, character: 5))
        // The offset between `\r` and `\n` is the end of line 0, not a place on line 1.
        #expect(TextPositions(Self.text, unit: .utf16).position(of: 7) == TextPosition(line: 0, character: 4))
    }

    @Test func fileURIsDecodeAndEncode() {
        #expect(FileURI.path("file:///tmp/a%20b/%E6%96%87.md") == "/tmp/a b/文.md")
        #expect(FileURI.path("file://localhost/x") == "/x")
        #expect(FileURI.path("untitled:Untitled-1") == nil)
        #expect(FileURI.uri("/tmp/a b/文.md") == "file:///tmp/a%20b/%E6%96%87.md")
    }

    @Test func framingSplitsMessagesAndReportsBadHeaders() {
        var framing = MessageFraming()
        let stream = Array("Content-Length: 2\r\n\r\n{}Content-Type: x\r\n\r\ncontent-length:3\r\n\r\n[1]".utf8)
        var frames: [MessageFraming.Frame] = []
        for byte in stream {
            framing.append([byte])
            while let frame = framing.next() { frames.append(frame) }
        }
        #expect(frames == [.message(Array("{}".utf8)), .malformed("header without Content-Length"), .message(Array("[1]".utf8))])
        #expect(!framing.hasPartialMessage)
    }
}
