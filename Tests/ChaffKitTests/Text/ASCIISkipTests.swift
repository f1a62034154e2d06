import Testing

@testable import ChaffText

/// `ASCIISkip.nextNonASCII` finds the first byte of 0x80 or above from any start, whichever
/// path (a whole word of ASCII, a word holding the byte, the tail shorter than a word) finds it.
@Suite struct ASCIISkipTests {
    @Test(arguments: [0, 1, 7, 8, 9, 16, 17, 40])
    func findsTheFirstNonASCIIByteFromEveryStart(count: Int) {
        var state: UInt64 = 0x9E37_79B9 &+ UInt64(count)
        for _ in 0..<30 {
            let bytes: [UInt8] = (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // About one byte in six is non-ASCII, so words both with and without one occur.
                return (state >> 60) < 3 ? 0xE4 : UInt8(truncatingIfNeeded: state >> 40) & 0x7F
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...count {
                    let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? count
                    #expect(ASCIISkip.nextNonASCII(buffer, from: start, end: count) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }
}
