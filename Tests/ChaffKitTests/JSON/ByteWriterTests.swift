import Testing

@testable import ChaffText

/// `ByteWriter`, the sized buffer the JSON report is written into, writes what an array would,
/// `JSONBytes.quotedBound` is enough for the string that escapes most, and the buffer goes out
/// in pieces where room is made.
@Suite struct ByteWriterTests {
    /// The pieces a streaming writer of `chunk` bytes hands out while `body` writes.
    static func pieces(chunk: Int, _ body: (inout ByteWriter, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        let sink: (UnsafeBufferPointer<UInt8>) -> Void = { pieces.append(Array($0)) }
        ByteWriter.streaming(chunk: chunk, to: sink) { out in body(&out, sink) }
        return pieces
    }

    static let strings = [
        "", "plain ASCII text that is longer than a word", "中文，“引号”", "tab\there \"quoted\" back\\slash",
        "\u{1}\u{2}\u{7F}\u{85}\u{200E}\u{2028}\u{FEFF}", "a\nb\rc", "12345678\"12345678\\1234567\u{1F}",
    ]

    @Test func writesWhatAnArrayWould() {
        for string in Self.strings {
            var array: [UInt8] = []
            JSONBytes.appendString(string, to: &array)
            JSONBytes.append(-42, to: &array)
            let written = Self.pieces(chunk: JSONBytes.quotedBound(string.utf8.count) + JSONBytes.decimalBound) { out, _ in
                JSONBytes.appendString(string, to: &out)
                JSONBytes.append(-42, to: &out)
            }
            #expect(written == [array], "\(string.debugDescription)")
        }
    }

    @Test func theBoundHoldsTheWorstString() {
        // Every byte a one-byte control character: six bytes each once escaped.
        let controls = String(decoding: [UInt8](repeating: 0x01, count: 10), as: UTF8.self)
        let pieces = Self.pieces(chunk: JSONBytes.quotedBound(controls.utf8.count)) { out, _ in
            JSONBytes.appendString(controls, to: &out)
        }
        #expect(pieces.count == 1)
        let written = pieces.flatMap { $0 }
        #expect(written.count == JSONBytes.quotedBound(controls.utf8.count))
        #expect(Array(written.prefix(7)) == Array("\"\\u0001".utf8))
    }

    @Test func makingRoomSendsWhatWasWrittenAndGrowsForMore() {
        var answers: [Bool] = []
        let pieces = Self.pieces(chunk: 6) { out, sink in
            JSONBytes.append("ab", to: &out)
            answers.append(out.makeRoom(4, flushingTo: sink))
            answers.append(out.makeRoom(5, flushingTo: sink))
            JSONBytes.append("cde", to: &out)
            // A copy of bytes still in the buffer.
            out.rewrite(1..<3)
            answers.append(out.makeRoom(10, flushingTo: sink))
            JSONBytes.append("0123456789", to: &out)
        }
        #expect(answers == [false, true, true])
        #expect(pieces == [Array("ab".utf8), Array("cdede".utf8), Array("0123456789".utf8)])
    }
}
