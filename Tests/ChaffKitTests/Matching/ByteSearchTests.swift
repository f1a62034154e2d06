import Testing

@testable import ChaffText

/// `ByteSearch.last` finds the last matching byte of any range, whichever path (a whole word
/// holding it, a word holding several, the head shorter than a word) finds it.
@Suite struct ByteSearchTests {
    @Test(arguments: [0, 1, 7, 8, 9, 16, 17, 40])
    func lastFindsTheLastMatchInEveryRange(count: Int) {
        var random = SeededGenerator(state: 0x2545_F491 &+ UInt64(count))
        for _ in 0..<20 {
            // About one byte in eight is a line feed, so words both with and without one occur.
            let bytes: [UInt8] = (0..<count).map { _ in random.next(8) == 0 ? 0x0A : UInt8(0x80 + random.next(128)) }
            bytes.withUnsafeBufferPointer { buffer in
                for lower in 0...count {
                    for upper in lower...count {
                        let expected = bytes[lower..<upper].lastIndex(of: 0x0A)
                        #expect(ByteSearch.last(0x0A, in: buffer, lower..<upper) == expected, "\(bytes) in \(lower)..<\(upper)")
                    }
                }
            }
        }
    }

    @Test func lastReportsNothingWithoutAMatch() {
        let bytes = [UInt8](repeating: 0x41, count: 24)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteSearch.last(0x0A, in: buffer, 0..<24) == nil)
            #expect(ByteSearch.last(0x41, in: buffer, 3..<19) == 18)
        }
    }
}
