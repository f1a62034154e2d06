import Testing

@testable import ChaffText

@Suite struct UTF8DecodingTests {
    /// The encoding rule steps over three-byte characters without decoding them; every triple
    /// with a lead byte E0–EF must be judged as decoding judges it.
    @Test func plainThreeByteShortcutAgreesWithDecoding() {
        var disagreements: [String] = []
        var bytes: [UInt8] = [0, 0, 0]
        for lead in 0xE0...0xEF {
            for b1 in 0...255 {
                for b2 in 0...255 {
                    bytes[0] = UInt8(lead)
                    bytes[1] = UInt8(b1)
                    bytes[2] = UInt8(b2)
                    let (fast, decoded) = bytes.withUnsafeBufferPointer {
                        (UTF8Decoding.isPlainThreeByteCharacter($0, at: 0), UTF8Decoding.decode($0, at: 0))
                    }
                    let expected = decoded.length == 3 && decoded.scalar != 0xFFFD
                    // The shortcut may decline a well-formed character (E0, ED leads): decoding
                    // then handles it. It must never accept anything else.
                    if fast && !expected || (!fast && expected && lead != 0xE0 && lead != 0xED) {
                        disagreements.append(String(format: "%02X %02X %02X", lead, b1, b2))
                    }
                }
            }
        }
        #expect(disagreements.isEmpty)
        #expect([UInt8]([0xE4, 0xB8]).withUnsafeBufferPointer { UTF8Decoding.isPlainThreeByteCharacter($0, at: 0) } == false)
    }
}
