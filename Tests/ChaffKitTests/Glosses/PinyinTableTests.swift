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
        // Every syllable is found at its own place, whatever order its packed key sorts in.
        let misplaced = PinyinSyllableTable.all.indices.filter { PinyinSyllableTable.index(of: PinyinSyllableTable.all[$0]) != $0 }
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5).map { PinyinSyllableTable.all[$0] })")
        #expect(PinyinSyllableTable.index(of: "zhuangg") == nil)
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
        #expect(PinyinSyllable("m", tone: 2)?.marked == "m\u{0301}")
        #expect(PinyinSyllable("ng", tone: 3)?.marked == "n\u{030C}g")
    }

    /// The byte-by-byte spelling of `marked` agrees with the scalar one for every syllable of
    /// the table and every tone, and leaves the one non-ASCII syllable (ê) to it.
    @Test func markedSpellingsAgree() {
        var ascii = 0
        for index in PinyinSyllableTable.all.indices {
            for tone in 0...5 {
                let syllable = PinyinSyllable(index: UInt16(index), tone: UInt8(tone))
                if let fast = syllable.markedFromASCII {
                    ascii += 1
                    #expect(fast == syllable.markedFromScalars, "\(syllable.numbered)")
                }
            }
        }
        #expect(ascii == (PinyinSyllableTable.all.count - 1) * 6)
        #expect(PinyinSyllable("ê", tone: 2)?.markedFromASCII == nil)
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

    /// Every character that the reading table's arrays list has exactly the codes they give
    /// it, in order, and a character of the common blocks that they do not list has none: the
    /// lookup reads one entry per code point there and searches the sorted list beyond. The
    /// characters' codes follow one another through the whole code array, each sorted.
    @Test func everyCharacterOfTheReadingTable() {
        let data = PinyinCharacterTableData.self
        var expected: [(scalar: UInt32, codes: Range<Int>)] = []
        for (offset, entry) in data.flat.enumerated() where entry != 0 {
            let start = Int(entry >> 4)
            expected.append((0x3400 + UInt32(offset), start..<(start + Int(entry & 15))))
        }
        for (n, scalar) in data.outsideScalars.enumerated() {
            expected.append((scalar, Int(data.outsideStarts[n])..<Int(data.outsideStarts[n + 1])))
        }
        #expect(expected.count == PinyinReadings.characterCount)
        #expect(expected.map(\.codes.lowerBound) == [0] + expected.dropLast().map(\.codes.upperBound))
        #expect(expected.last?.codes.upperBound == data.codes.count)
        var mismatches: [UInt32] = []
        for (scalar, codes) in expected {
            let readings = data.codes[codes].map { PinyinSyllable(code: Int($0)) }
            if readings.isEmpty || PinyinReadings.readings(of: scalar) != readings || data.codes[codes] != data.codes[codes].sorted()[...] {
                mismatches.append(scalar)
            }
        }
        let listed = Set(expected.map(\.scalar))
        for scalar in UInt32(0x3400)..<0xA000 where !listed.contains(scalar) && !PinyinReadings.readings(of: scalar).isEmpty {
            mismatches.append(scalar)
        }
        #expect(mismatches.isEmpty, "readings differ for \(mismatches.prefix(10).map { "U+" + String($0, radix: 16, uppercase: true) })")
        #expect(data.outsideScalars.contains { $0 >= 0x20000 }, "the table reaches beyond the common blocks")
        #expect(data.outsideScalars == data.outsideScalars.sorted())
    }

    /// The frequency table's facts, one accessor each, on characters its generator documents:
    /// 什 shén needs 么 after it and 卜 bo needs 萝 before it, 掺's shares are those of its words,
    /// 将 qiāng's share is one of words, 万 mò is a standard reading; 觉 is jué 852 times in 1,000
    /// and jiào 148, so jué is its usual reading.
    @Test func frequencyTable() throws {
        func index(_ syllable: String) throws -> UInt16 { UInt16(try #require(PinyinSyllableTable.index(of: syllable))) }
        #expect(PinyinFrequencies.characterCount == 1884)
        let shen = PinyinFrequencies.boundNeighbour(of: 0x4EC0, syllable: try index("shen"))
        #expect(shen?.scalar == 0x4E48 && shen?.before == false)  // 什么
        let bo = PinyinFrequencies.boundNeighbour(of: 0x535C, syllable: try index("bo"))
        #expect(bo?.scalar == 0x841D && bo?.before == true)  // 萝卜
        #expect(PinyinFrequencies.boundNeighbour(of: 0x4EC0, syllable: try index("shi")) == nil)
        #expect(PinyinFrequencies.sharesFromWords(0x63BA))  // 掺
        #expect(!PinyinFrequencies.sharesFromWords(0x957F))  // 长
        #expect(PinyinFrequencies.shareIsFromWords(of: 0x5C06, syllable: try index("qiang")))  // 将
        #expect(PinyinFrequencies.isStandardReading(of: 0x4E07, syllable: try index("mo")))  // 万
        #expect(PinyinFrequencies.usual(0x89C9) == (try index("jue")))  // 觉
        #expect(PinyinFrequencies.share(of: 0x89C9, syllable: try index("jiao")) == 148)
        #expect(PinyinFrequencies.share(of: 0x89C9, syllable: try index("jue")) == 852)
        #expect(PinyinFrequencies.share(of: 0x41, syllable: try index("a")) == nil)
    }

    @Test func normalization() {
        #expect(PinyinHanNormalization.simplified(0x89BA) == 0x89C9)  // 覺 → 觉
        #expect(PinyinHanNormalization.simplified(0x6230) == 0x6218)  // 戰 → 战 (of 战, 𢧐)
        #expect(PinyinHanNormalization.simplified(0x89C9) == 0x89C9)  // 觉 stays
        #expect(PinyinHanNormalization.simplified(0x8457) == 0x8457)  // 著 stays…
        #expect(PinyinHanNormalization.alternative(0x8457) == 0x7740)  // …and also tries 着
        #expect(PinyinHanNormalization.alternative(0x4E7E) == 0x5E72)  // 乾: 干
    }

    /// Every character of the table maps to its listed form, in the common blocks (a flat
    /// array) and outside them (a hashed map) alike, and every other character to itself.
    @Test func normalizationOfEveryCharacter() {
        var listed: [UInt32: UInt32] = [:]
        PinyinHanNormalization.forEachSimplification { character, simplified in listed[character] = simplified }
        #expect(listed.count > 2000)
        #expect(listed.keys.contains { $0 >= 0xA000 || $0 < 0x3400 })
        let wrong = (UInt32(0x3000)...UInt32(0x32000)).filter { PinyinHanNormalization.simplified($0) != listed[$0] ?? $0 }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        let alternatives = (UInt32(0x3400)..<UInt32(0xA000)).filter { PinyinHanNormalization.alternative($0) != nil }
        #expect(alternatives.contains(0x8457) && alternatives.contains(0x4E7E))
        #expect(alternatives.allSatisfy { PinyinHanNormalization.alternative($0) != $0 })
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
        // A reading only one dictionary gives, and few words share, is marked unconfirmed
        // ('?' in the records, read when the word is looked up).
        let dragged = PinyinWords.reading(of: Self.scalars("拖拽"))
        #expect(dragged?.characters.map { $0.map(\.numbered) } == [["tuo1"], ["ye4"]])
        #expect(dragged?.unconfirmed == [false, true])
        #expect(PinyinWords.reading(of: Self.scalars("角色"))?.unconfirmed == [])
        #expect(numbered("角") == nil)
        #expect(numbered("调优") == nil)
    }

    /// Weights are 4 ln(count + 1) of jieba's counts ('#' in the word records, the weight
    /// table for characters), the same for Traditional forms; a unit jieba lacks weighs
    /// `PinyinWeights.unknown`.
    @Test func weights() {
        func word(_ text: String) -> Int32? { PinyinWords.reading(of: Self.scalars(text))?.weight }
        #expect(word("重新") == 36)  // 8,297
        #expect(word("手重") == 6)  // 3
        #expect(word("了解") == 37)
        #expect(word("瞭解") == 37)
        #expect(word("得要") == PinyinWeights.unknown)  // a dictionary word jieba does not count
        #expect(PinyinWeights.character(0x4E86) == 55)  // 了, 883,634 (the highest)
        #expect(PinyinWeights.character(0x7684) == 51)  // 的, 318,825
        #expect(PinyinWeights.character(0x624B) == 41)  // 手, 28,466
        #expect(PinyinWeights.character(0x89BA) == PinyinWeights.character(0x89C9))  // 覺 as 觉
        #expect(PinyinWeights.character(0x2A6D6) == PinyinWeights.unknown)  // 𪛖, uncounted
        #expect(PinyinWeights.unknown == 4)
        // Characters beyond the common blocks are searched in a sorted list: each weighs its own.
        let others = zip(PinyinWeightTableData.otherScalars, PinyinWeightTableData.otherWeights).filter {
            PinyinHanNormalization.simplified($0.0) == $0.0
        }
        #expect(others.count >= 10)
        #expect(others.allSatisfy { PinyinWeights.character($0.0) == Int32($0.1) })
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

/// The flat tables and the first-pair test that speed up word and reading lookups answer as the
/// searches they stand in front of.
@Suite struct PinyinFastLookupTests {
    /// The key alphabet: the code alphabet's characters in byte order.
    static let keyAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_").sorted()

    /// The entries of the `keys` literal, sixteen key characters each: read here from the
    /// literal's text, apart from the lookup's byte arithmetic.
    static func keyEntries() -> [[Character]] {
        let codes = Array(PinyinWordTableData.keys.filter { $0 != "\n" })
        return stride(from: 0, to: codes.count, by: 16).map { Array(codes[$0..<min($0 + 16, codes.count)]) }
    }

    /// `count` key characters of `entry` from `start` as a number, high first.
    static func value(_ entry: [Character], _ start: Int, _ count: Int) -> Int {
        (start..<start + count).reduce(0) { $0 * 64 + keyAlphabet.firstIndex(of: entry[$1])! }
    }

    /// Every word of the generated table, as its code points.
    static func recordWords() -> [[UInt32]] {
        let characters = PinyinWordTableData.characters
        return keyEntries().map { entry in
            (0..<4).compactMap { lane -> UInt32? in
                let dense = value(entry, 3 * lane, 3)
                return dense == 0 ? nil : characters[dense - 1]
            }
        }
    }

    /// The literals hold one key and one record per word, the keys ascending, and each key's
    /// offset is where its record starts.
    @Test func keysAndRecordsAgree() {
        let words = Self.recordWords()
        #expect(words.count == PinyinWords.wordCount)
        #expect(Self.keyEntries().allSatisfy { $0.count == 16 })
        #expect(PinyinWordTableData.records.filter { $0 == " " }.count == words.count)
        #expect(PinyinWords.keysAreSorted)
        #expect(PinyinWords.lineIndexIsEachLinesFirstKey)
        #expect(words.allSatisfy { (2...PinyinWords.maximumLength).contains($0.count) })
        // The generator's order is that of the code points: 㐖毒 (U+3416 U+6BD2) comes first.
        #expect(words.first == [0x3416, 0x6BD2])
        #expect(zip(words, words.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        // A record starts at the literal's start, after each space, and after a line break.
        let records = Array(PinyinWordTableData.records.utf8)
        var starts = [0]
        for (at, byte) in records.enumerated() where byte == UInt8(ascii: " ") && at + 1 < records.count {
            starts.append(records[at + 1] == 0x0A ? at + 2 : at + 1)
        }
        #expect(Self.keyEntries().map { Self.value($0, 12, 4) } == starts)
    }

    /// The key alphabet is the code alphabet in byte order, and its digits and characters are
    /// each other's inverse: the binary search over the keys relies on both.
    @Test func keyAlphabetSortsAsItsValues() {
        let characters = (0..<64).map { PinyinTableCode.keyCharacter($0) }
        #expect(characters == Self.keyAlphabet.map { $0.asciiValue! })
        #expect(zip(characters, characters.dropFirst()).allSatisfy { $0 < $1 })
        #expect((0..<64).allSatisfy { PinyinTableCode.keyDigit(PinyinTableCode.keyCharacter($0)) == $0 })
        #expect(PinyinTableCode.keyDigit(UInt8(ascii: " ")) == -1)
    }

    /// Bit `pairBit(a, b)` of the `pairs` array is set exactly for the pairs that start words:
    /// every word's pair finds its bit set, and the set has no bit that no word's pair explains.
    @Test func pairSetIsTheWordsPairs() {
        let bits: [Bool] = PinyinWordTableData.pairs.flatMap { word in (0..<64).map { word >> UInt64($0) & 1 == 1 } }
        var expected = [Bool](repeating: false, count: bits.count)
        for entry in Self.keyEntries() {
            expected[PinyinWords.pairBit(UInt16(Self.value(entry, 0, 3)), UInt16(Self.value(entry, 3, 3)))] = true
        }
        #expect(bits.count == 1 << 20)
        #expect(bits == expected)
    }

    /// Bit `keyBit(key)` of the `keyBits` array is set exactly for the words' packed keys.
    @Test func keySetIsTheWordsKeys() {
        let bits: [Bool] = PinyinWordTableData.keyBits.flatMap { word in (0..<64).map { word >> UInt64($0) & 1 == 1 } }
        var expected = [Bool](repeating: false, count: bits.count)
        for entry in Self.keyEntries() {
            let key = (0..<4).reduce(UInt64(0)) { $0 << 16 | UInt64(Self.value(entry, 3 * $1, 3)) }
            expected[PinyinWords.keyBit(key)] = true
        }
        #expect(bits.count == 1 << 21)
        #expect(bits == expected)
    }

    @Test func pairTestRulesOutNoWord() {
        let words = Self.recordWords()
        #expect(words.count >= PinyinWords.wordCount)
        var missed: [String] = []
        var found = 0
        for word in words where word.count >= 2 && PinyinWords.readingWithoutPairTest(of: word) != nil {
            found += 1
            if !PinyinWords.mayStartWord(word[0], word[1]) {
                missed.append(String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init))))
            }
        }
        #expect(missed.isEmpty, "\(missed.prefix(20))")
        // The search over the keys finds every word of the table.
        #expect(found == words.count)
    }

    @Test func pairTestKeepsTraditionalAndAlternativeForms() {
        // Every window of Traditional and mixed text: the same reading with and without the test.
        let texts = ["著名的銀行家", "顯著", "乾燥的天氣", "直覺為什麼", "見證著由", "覺得這個問題很重要", "他們都會來"]
        for text in texts {
            let run = text.unicodeScalars.map(\.value)
            for start in run.indices {
                for length in 2...PinyinWords.maximumLength where start + length <= run.count {
                    let window = run[start..<start + length]
                    #expect(
                        PinyinWords.reading(of: window) == PinyinWords.readingWithoutPairTest(of: window),
                        "\(text) \(start) \(length)")
                }
            }
        }
        #expect(PinyinWords.reading(of: "銀行".unicodeScalars.map(\.value)) != nil)
        #expect(!PinyinWords.mayStartWord(0x41, 0x42))
    }

    @Test func flatReadingIndexAgreesWithTheList() {
        // The flat index covers U+3400-U+9FFF; characters outside it are searched.
        let scalars = Array(stride(from: UInt32(0x3300), to: 0xA100, by: 3)) + [0x20000, 0x2A6D6, 0x30000, 0x41, 0x3007]
        for scalar in scalars {
            let readings = PinyinReadings.readings(of: scalar)
            for index in Set(readings.map(\.index)) {
                #expect(PinyinReadings.hasReading(scalar, index: index), "\(scalar)")
            }
            if readings.isEmpty { #expect(!PinyinReadings.hasReading(scalar, index: 0)) }
        }
        #expect(!PinyinReadings.hasReading(0x89D2, index: PinyinSyllable("ma")!.index))  // 角 is never ma
    }

    @Test func flatNormalizationAgreesOutsideTheBlock() {
        #expect(PinyinHanNormalization.simplified(0x45E5) == 0x30CAF)  // 䗥 → 𰲯, lower block
        #expect(PinyinHanNormalization.alternative(0x45E5) == nil)
        #expect(PinyinHanNormalization.simplified(0x41) == 0x41)
        #expect(PinyinHanNormalization.alternative(0x41) == nil)
        #expect(PinyinHanNormalization.simplified(0x20000) == 0x20000)
        #expect(PinyinHanNormalization.simplified(0x30EDE) == 0x30EDD)  // 𰻞 → 𰻝, beyond the flat block
        #expect(PinyinHanNormalization.alternative(0x8986) == 0x590D)  // 覆: 复
        #expect(PinyinHanNormalization.simplified(0x8986) == 0x8986)
    }
}
