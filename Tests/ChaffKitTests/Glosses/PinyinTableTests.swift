import Testing

@testable import ChaffData

/// The generated pinyin tables decode to the values of their sources.
@Suite struct PinyinTableTests {
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
    static func numbered(_ character: Character) -> [String] {
        PinyinReadings.readings(of: character.unicodeScalars.first!.value).map(\.numbered)
    }

    @Test func syllableTable() {
        #expect(PinyinSyllableTable.all.count == 426)
        #expect(PinyinSyllableTable.all.first == "a")
        #expect(PinyinSyllableTable.all.last == "ê")
        #expect(PinyinSyllableTable.index(of: "zhuang") != nil)
        #expect(PinyinSyllableTable.index(of: "lv") != nil)
        #expect(PinyinSyllableTable.index(of: "lü") == nil)
        #expect(PinyinSyllableTable.index(of: "ten") == nil)
        #expect(PinyinSyllableTable.index(of: "") == nil)
    }

    @Test func syllableSpellings() {
        #expect(PinyinSyllable("jue", tone: 2)?.marked == "jué")
        #expect(PinyinSyllable("lv", tone: 4)?.marked == "lǜ")
        #expect(PinyinSyllable("lv", tone: 4)?.numbered == "lv4")
        #expect(PinyinSyllable("lv")?.marked == "lü")
        #expect(PinyinSyllable("gui", tone: 4)?.marked == "guì")
        #expect(PinyinSyllable("liu", tone: 2)?.marked == "liú")
        #expect(PinyinSyllable("zhou", tone: 1)?.marked == "zhōu")
        #expect(PinyinSyllable("me", tone: 5)?.marked == "me")
        #expect(PinyinSyllable("me", tone: 5)?.numbered == "me5")
        #expect(PinyinSyllable("xyz") == nil)
        #expect(PinyinSyllable("ma", tone: 6) == nil)
    }

    @Test func characterReadings() {
        #expect(PinyinReadings.characterCount == 41487)
        #expect(Self.numbered("角") == ["gu3", "jiao3", "jiao5", "jue2", "lu4"])
        #expect(Self.numbered("覺") == ["jiao4", "jue2"])
        #expect(Self.numbered("曾") == ["ceng2", "zeng1"])
        #expect(Self.numbered("省") == ["sheng3", "sheng5", "xian3", "xing3"])
        #expect(Self.numbered("查") == ["cha2", "chai2", "zha1"])
        #expect(Self.numbered("长") == ["chang2", "zhang3"])
        // Word readings add sandhi and neutral tones to Unihan's.
        #expect(Self.numbered("一") == ["yi1", "yi2", "yi4", "yi5"])
        #expect(PinyinReadings.readings(of: 0x41) == [])
    }

    @Test func normalization() {
        #expect(PinyinHanNormalization.simplified(0x89BA) == 0x89C9)  // 覺 → 觉
        #expect(PinyinHanNormalization.simplified(0x6230) == 0x6218)  // 戰 → 战 (of 战, 𢧐)
        #expect(PinyinHanNormalization.simplified(0x89C9) == 0x89C9)  // 觉 stays
        #expect(PinyinHanNormalization.simplified(0x8457) == 0x8457)  // 著 stays…
        #expect(PinyinHanNormalization.alternative(0x8457) == 0x7740)  // …and also tries 着
        #expect(PinyinHanNormalization.alternative(0x4E7E) == 0x5E72)  // 乾: 干
    }

    @Test func wordReadings() {
        #expect(PinyinWords.keysAreSorted)
        #expect(PinyinWords.wordCount == 125958)
        func numbered(_ word: String) -> [[String]]? {
            PinyinWords.reading(of: Self.scalars(word))?.characters.map { $0.map(\.numbered) }
        }
        #expect(numbered("角色") == [["jue2"], ["se4"]])
        #expect(numbered("直覺") == [["zhi2"], ["jue2"]])
        #expect(numbered("為什麼") == [["wei4"], ["shen2"], ["me5"]])
        #expect(numbered("为什么") == [["wei4"], ["shen2"], ["me5"]])
        #expect(numbered("顯著") == [["xian3"], ["zhu4"]])
        #expect(numbered("乾燥") == [["gan1"], ["zao4"]])
        #expect(numbered("乾隆") == [["qian2"], ["long2"]])
        #expect(numbered("银行") == [["yin2"], ["hang2"]])
        #expect(numbered("朝阳") == [["chao2", "zhao1"], ["yang2"]])
        #expect(PinyinWords.reading(of: Self.scalars("朝阳"))?.isAmbiguous == true)
        #expect(PinyinWords.reading(of: Self.scalars("角色"))?.isAmbiguous == false)
        #expect(PinyinWords.reading(of: Self.scalars("们曾"))?.isCollocation == true)
        #expect(PinyinWords.reading(of: Self.scalars("角色"))?.isCollocation == false)
        #expect(numbered("角") == nil)
        #expect(numbered("调优") == nil)
    }

    @Test func wordsAroundAPosition() {
        let run = Self.scalars("主角色扮演")
        let matches = PinyinWords.matches(in: run, containing: 1)
        #expect(matches.map(\.range) == [0..<2, 1..<3])
        #expect(matches.map { $0.readings(atRunPosition: 1).map(\.numbered) } == [["jue2"], ["jue2"]])
        #expect(PinyinWords.longestMatch(in: run, containing: 1)?.range == 0..<2)
        #expect(PinyinWords.matches(in: run).map(\.range) == [0..<2, 1..<3, 3..<5])
        #expect(PinyinWords.longestMatch(in: Self.scalars("故障排查"), containing: 3)?.range == 2..<4)
        #expect(PinyinWords.longestMatch(in: Self.scalars("调优"), containing: 0) == nil)
    }
}
