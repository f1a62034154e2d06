import Testing

@testable import ChaffText

/// `ByteWriter`, the sized buffer the JSON report is written into, writes what an array would,
/// and `JSONBytes.quotedBound` is enough for the string that escapes most.
@Suite struct ByteWriterTests {
    static let strings = [
        "", "plain ASCII text that is longer than a word", "中文，“引号”", "tab\there \"quoted\" back\\slash",
        "\u{1}\u{2}\u{7F}\u{85}\u{200E}\u{2028}\u{FEFF}", "a\nb\rc", "12345678\"12345678\\1234567\u{1F}",
    ]

    @Test func writesWhatAnArrayWould() {
        for string in Self.strings {
            var array: [UInt8] = []
            JSONBytes.appendString(string, to: &array)
            JSONBytes.append(-42, to: &array)
            let written = ByteWriter.bytes(capacity: JSONBytes.quotedBound(string.utf8.count) + JSONBytes.decimalBound) { out in
                JSONBytes.appendString(string, to: &out)
                JSONBytes.append(-42, to: &out)
            }
            #expect(written == array, "\(string.debugDescription)")
        }
    }

    @Test func theBoundHoldsTheWorstString() {
        // Every byte a one-byte control character: six bytes each once escaped.
        let controls = String(decoding: [UInt8](repeating: 0x01, count: 10), as: UTF8.self)
        let written = ByteWriter.bytes(capacity: JSONBytes.quotedBound(controls.utf8.count)) { out in
            JSONBytes.appendString(controls, to: &out)
        }
        #expect(written.count == JSONBytes.quotedBound(controls.utf8.count))
        #expect(Array(written.prefix(7)) == Array("\"\\u0001".utf8))
    }
}
