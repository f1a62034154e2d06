import ChaffData
import Testing

@testable import ChaffKinds

/// Reading the text of one gloss into syllables.
@Suite struct PinyinGlossTextTests {
    static func splits(_ text: String) -> [[String]] {
        PinyinGlossText.segmentations(Array(text.utf8)).map { $0.map(\.numbered) }
    }

    @Test func toneStyles() {
        #expect(Self.splits("jué") == [["jue2"], ["ju5", "e2"]])
        #expect(Self.splits("hao3") == [["hao3"], ["ha5", "o3"]])
        #expect(Self.splits("hao") == [["hao"], ["ha", "o"]])
        #expect(Self.splits("me5") == [["me5"]])
        #expect(Self.splits("ma0") == [["ma5"]])
        // Precomposed and combining marks read alike.
        #expect(Self.splits("ju\u{0065}\u{0301}") == Self.splits("jué"))
        // A mark and a digit that agree are accepted; two tones for one syllable are not.
        #expect(Self.splits("hǎo3").first == ["hao3"])
        #expect(Self.splits("hǎo4").contains(["hao3"]) == false)
    }

    @Test func umlaut() {
        #expect(Self.splits("nü") == [["nv"]])
        #expect(Self.splits("lv4") == [["lv4"]])
        #expect(Self.splits("nu:3") == [["nv3"]])
        #expect(Self.splits("lǜ") == [["lv4"]])
        #expect(Self.splits("nu\u{0308}") == [["nv"]])
        #expect(Self.splits("lüè") == [["lve4"], ["lv5", "e4"]])
    }

    @Test func multiSyllable() {
        #expect(Self.splits("yinhang") == [["yin", "hang"]])
        #expect(Self.splits("yín háng") == [["yin2", "hang2"]])
        #expect(Self.splits("yin2 hang2") == [["yin2", "hang2"]])
        #expect(Self.splits("yin2hang2") == [["yin2", "hang2"]])
        #expect(Self.splits("xi'an") == [["xi", "an"]])
        #expect(Self.splits("xi’an") == [["xi", "an"]])
        #expect(Self.splits("xian") == [["xian"], ["xi", "an"]])
        #expect(Self.splits("fangan") == [["fang", "an"], ["fan", "gan"]])
        #expect(Self.splits("zhuang") == [["zhuang"], ["zhu", "ang"]])
        // With tones, unmarked syllables are neutral.
        #expect(Self.splits("wèi shén me") == [["wei4", "shen2", "me5"]])
        // Textbook letter forms ɑ and ɡ.
        #expect(Self.splits("ɡuɑ").first == ["gua"])
    }

    @Test func interjectionsOnlyAlone() {
        #expect(Self.splits("ng") == [["ng"]])
        #expect(Self.splits("hm") == [["hm"]])
        // `ng` inside a longer token would let English words split; it never does.
        #expect(Self.splits("ngng") == [])
    }

    @Test func notPinyin() {
        #expect(Self.splits("Ping An") == [])
        #expect(Self.splits("AI") == [])
        #expect(Self.splits("apple") == [])
        #expect(Self.splits("see below") == [])
        #expect(Self.splits("2023") == [])
        #expect(Self.splits("3hao") == [])
        #expect(Self.splits("hao35") == [])
        #expect(Self.splits("hao6") == [])
        #expect(Self.splits("见下文") == [])
        #expect(Self.splits("a:b") == [])
        #expect(Self.splits("") == [])
        #expect(PinyinGlossText.parse("Huawei") == nil)
        #expect(PinyinGlossText.parse("huawei")?.map(\.numbered) == ["hua", "wei"])
    }
}
