import Testing

@testable import ChaffKinds

@Suite struct HanScriptParagraphsTests {
    private func ranges(_ text: String) -> [Range<Int>] {
        Array(text.utf8).withUnsafeBufferPointer { HanScriptParagraphs.ranges(in: $0) }
    }

    @Test func blankLinesSeparate() {
        #expect(ranges("") == [])
        #expect(ranges("\n\n \n") == [])
        #expect(ranges("a\nb\n\nc") == [0..<3, 5..<6])
        #expect(ranges("\n\na\n \t\nb\n") == [2..<3, 7..<8])
        // CRLF: the CR stays in the line, which is still blank when it holds nothing else.
        #expect(ranges("a\r\n\r\nb\r\n") == [0..<2, 5..<7])
        // U+3000 IDEOGRAPHIC SPACE alone makes a line blank; inside text it does not.
        #expect(ranges("甲\n\u{3000}\n乙\u{3000}丙") == [0..<3, 8..<17])
    }

    @Test func loneCarriageReturnsWhenThereIsNoLineFeed() {
        #expect(ranges("a\rb\r\rc") == [0..<3, 5..<6])
    }

    /// `mixed-han-script` reads a document's paragraphs a batch at a time through `Reader`.
    @Test func theReaderGivesTheParagraphsOneAtATime() {
        Array("a\nb\n\nc\n\n\nd".utf8).withUnsafeBufferPointer { buffer in
            var reader = HanScriptParagraphs.Reader(buffer)
            var read: [Range<Int>] = []
            while let paragraph = reader.next() { read.append(paragraph) }
            #expect(read == [0..<3, 5..<6, 9..<10])
            #expect(reader.next() == nil)
        }
    }
}
