import ChaffData
import Testing

@testable import ChaffKinds

/// `ReadingsMemo` answers what `GlossChecker.readingsOf` answers, for characters asked again,
/// for characters that share a slot (code points 1024 apart) and for Traditional characters
/// whose readings come from their Simplified forms.
@Suite struct ReadingsMemoTests {
    @Test func answersAsReadingsOf() {
        let memo = ReadingsMemo()
        var random = SeededGenerator(state: 0x5EAD_0001)
        // 行 and 着 have several readings, 著 an alternative form, 0x4E00 + 1024 shares 一's slot.
        var asked: [UInt32] = [0x884C, 0x7740, 0x8457, 0x4E00, 0x4E00 + 1024, 0x4E00, 0x41]
        for _ in 0..<3000 { asked.append(0x4E00 + UInt32(random.next(0x5200))) }
        var mismatches: [UInt32] = []
        for scalar in asked + asked.reversed() where memo.readings(of: scalar) != GlossChecker.readingsOf(scalar) {
            mismatches.append(scalar)
        }
        #expect(mismatches == [])
        #expect(memo.readings(of: 0x884C).count >= 2)  // 行: xíng, háng
    }
}
