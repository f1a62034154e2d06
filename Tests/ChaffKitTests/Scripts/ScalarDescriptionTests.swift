import Testing

@testable import ChaffKinds

@Suite struct ScalarDescriptionTests {
    @Test func describesCodePoints() {
        #expect(ScalarDescription.describe(0x0430) == "U+0430 CYRILLIC SMALL LETTER A")
        #expect(ScalarDescription.describe(0x570B) == "U+570B CJK UNIFIED IDEOGRAPH-570B")
        #expect(ScalarDescription.describe(0x20BB7) == "U+20BB7 CJK UNIFIED IDEOGRAPH-20BB7")
        #expect(ScalarDescription.describe(0x41) == "U+0041 LATIN CAPITAL LETTER A")
        #expect(ScalarDescription.codePoint(0x9) == "U+0009")
        #expect(ScalarDescription.name(of: 0x0378) == nil)
        #expect(ScalarDescription.describe(0x0378) == "U+0378")
        #expect(ScalarDescription.name(of: 0xD800) == nil)
    }
}
