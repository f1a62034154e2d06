import ChaffData
import Testing

@Suite struct EastAsianWidthTests {
    @Test func wideAndNarrow() {
        #expect(!EastAsianWidth.isWide(0x41))
        #expect(!EastAsianWidth.isWide(0xE9))
        #expect(!EastAsianWidth.isWide(0x0430))
        #expect(EastAsianWidth.isWide(0x1100))  // Hangul Choseong Kiyeok
        #expect(EastAsianWidth.isWide(0x4E2D))  // 中
        #expect(EastAsianWidth.isWide(0x3002))  // 。
        #expect(EastAsianWidth.isWide(0xFF01))  // ！ fullwidth
        #expect(!EastAsianWidth.isWide(0xFF61))  // ｡ halfwidth
        #expect(EastAsianWidth.isWide(0xAC00))  // 가
        #expect(EastAsianWidth.isWide(0x1F600))  // 😀
        #expect(EastAsianWidth.isWide(0x20BB7))  // 𠮷
        #expect(EastAsianWidth.isWide(0x2FFFD))  // unassigned plane 2: wide by default
        #expect(!EastAsianWidth.isWide(0x00B7))  // · is Ambiguous: narrow
        #expect(!EastAsianWidth.isWide(0x2019))  // ’ is Ambiguous: narrow
        #expect(!EastAsianWidth.isWide(0xE0001))
    }
}
