import Testing

@testable import ChaffText

@Suite struct LineIndexTests {
    func position(_ text: String, _ offset: Int, _ unit: ColumnUnit) -> String {
        let bytes = Array(text.utf8)
        let p = LineIndex(bytes).position(of: offset, in: bytes, unit: unit)
        return "\(p.line):\(p.column)"
    }

    @Test func lineEndings() {
        let text = "a\r\nb\rc\nd"
        #expect(position(text, 0, .scalar) == "1:1")
        #expect(position(text, 3, .scalar) == "2:1")
        #expect(position(text, 5, .scalar) == "3:1")
        #expect(position(text, 7, .scalar) == "4:1")
        #expect(LineIndex(Array(text.utf8)).lineStarts == [0, 3, 5, 7])
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let text = "\u{FEFF}ab"
        #expect(position(text, 3, .utf8) == "1:1")
        #expect(position(text, 4, .scalar) == "1:2")
    }

    @Test func everyUnitOnAstralAndWideText() {
        // "𠀀" 4 bytes / 2 UTF-16 / 1 scalar / 2 display; "中" 3/1/1/2; "é" 2/1/1/1.
        let text = "x𠀀中é|"
        let bar = Array(text.utf8).firstIndex(of: UInt8(ascii: "|"))!
        #expect(bar == 10)
        #expect(position(text, bar, .utf8) == "1:11")
        #expect(position(text, bar, .utf16) == "1:6")
        #expect(position(text, bar, .scalar) == "1:5")
        #expect(position(text, bar, .display) == "1:7")
    }

    @Test func tabsAdvanceToTheNextStopInDisplayColumns() {
        let text = "ab\tc"
        #expect(position(text, 3, .display) == "1:9")
        #expect(position(text, 3, .scalar) == "1:4")
    }

    @Test func invalidBytesCountAsOneUnitEach() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xE4, 0xB8, 0x62]
        let p = LineIndex(bytes).position(of: 4, in: bytes, unit: .scalar)
        #expect(p.column == 5)
        #expect(UTF8Decoding.firstInvalidOffset(bytes) == 1)
        #expect(UTF8Decoding.firstInvalidOffset(Array("中文".utf8)) == nil)
    }
}
