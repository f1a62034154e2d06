import Testing

@testable import ChaffText

/// `TerminalSafe`'s word-at-a-time test for bytes that may start a scalar needing an escape
/// finds what the byte-at-a-time test finds, at every position of a word and in the tail.
@Suite struct TerminalSafeTests {
    /// Every byte value, alone at every offset of a 19-byte text of plain letters.
    @Test func findsEachSuspectByteAtEveryOffset() {
        var mismatches: [String] = []
        for byte in 0...255 {
            for offset in 0..<19 {
                var bytes = [UInt8](repeating: 0x61, count: 19)
                bytes[offset] = UInt8(byte)
                let found = bytes.withUnsafeBufferPointer { TerminalSafe.containsSuspect($0) }
                if found != TerminalSafe.suspect(UInt8(byte)) { mismatches.append("\(byte) at \(offset)") }
            }
        }
        #expect(mismatches == [])
    }

    @Test func plainAndChineseTextHaveNone() {
        let text = Array("Traditional character '國' in Simplified text; use '国'".utf8)
        #expect(text.withUnsafeBufferPointer { TerminalSafe.containsSuspect($0) } == false)
        #expect(TerminalSafe.escape("a\u{1B}b\u{202E}c") == "a\\x1bb\\u{202E}c")
    }
}
