import ChaffData
import Testing

@testable import ChaffKinds

/// Messages and fixes answer in the style of the gloss they are about.
@Suite struct GlossSpellingTests {
    static func style(_ text: String) -> GlossSpelling { GlossSpelling(of: Array(text.utf8)) }

    @Test func styles() {
        #expect(Self.style("jiao") == GlossSpelling(tones: .none))
        #expect(Self.style("jiǎo") == GlossSpelling(tones: .marks))
        #expect(Self.style("jiao3") == GlossSpelling(tones: .digits))
        #expect(Self.style("nü") == GlossSpelling(tones: .none))
        #expect(Self.style("lv4") == GlossSpelling(tones: .digits, umlaut: "v"))
        #expect(Self.style("nu:3") == GlossSpelling(tones: .digits, umlaut: "u:"))
        #expect(Self.style("yín háng") == GlossSpelling(tones: .marks))
    }

    @Test func spelling() {
        let jue = PinyinSyllable("jue", tone: 2)!
        let lv = PinyinSyllable("lv", tone: 4)!
        let me = PinyinSyllable("me", tone: 5)!
        #expect(GlossSpelling(tones: .none).spell(jue) == "jue")
        #expect(GlossSpelling(tones: .marks).spell(jue) == "jué")
        #expect(GlossSpelling(tones: .digits).spell(jue) == "jue2")
        #expect(GlossSpelling(tones: .none).spell(lv) == "lü")
        #expect(GlossSpelling(tones: .none, umlaut: "v").spell(lv) == "lv")
        #expect(GlossSpelling(tones: .digits, umlaut: "v").spell(lv) == "lv4")
        #expect(GlossSpelling(tones: .digits, umlaut: "u:").spell(lv) == "lu:4")
        #expect(GlossSpelling(tones: .marks, umlaut: "v").spell(lv) == "lǜ")
        #expect(GlossSpelling(tones: .marks).spell(me) == "me")
        #expect(GlossSpelling(tones: .digits).spell(me) == "me5")
        #expect(GlossSpelling(tones: .marks).spell([jue, PinyinSyllable("se", tone: 4)!]) == "jué sè")
    }

    @Test func openParentheses() {
        let text = Array("a（b，c(d）（(".utf8)
        var found: [Int] = []
        text.withUnsafeBufferPointer { bytes in
            var search = OpenParenthesisSearch(bytes)
            var i = 0
            while let (offset, length) = search.next(from: i) {
                found.append(offset)
                i = offset + length
            }
        }
        #expect(found == [1, 9, 14, 17])
        #expect(text[9] == UInt8(ascii: "(") && text[17] == UInt8(ascii: "("))
    }

    /// The room a parse reserves: every `(` and `（` from the offset on, and no other
    /// character that ends in `（`'s last byte (丈 is E4 B8 88).
    @Test func theCountIsOfOpeningParenthesesFromTheOffset() {
        let text = Array("a(b（c丈d(e)f（g）h丈(".utf8)
        func count(from: Int) -> Int { text.withUnsafeBufferPointer { OpenParenthesisSearch.count(in: $0, from: from) } }
        #expect(count(from: 0) == 5)
        #expect(count(from: 2) == 4)
        #expect(count(from: text.count - 1) == 1)
        #expect(count(from: text.count) == 0)
        // Every start (mid-character ones too), against the characters counted one by one.
        for from in 0...text.count {
            let rest = String(decoding: text[from...], as: UTF8.self)
            #expect(count(from: from) == rest.filter { $0 == "(" || $0 == "（" }.count, "from \(from)")
        }
    }
}
