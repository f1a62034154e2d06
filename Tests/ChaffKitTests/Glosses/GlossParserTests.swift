import ChaffData
import Testing

@testable import ChaffKinds

/// Finding parenthesised glosses, with byte offsets.
@Suite struct GlossParserTests {
    struct Summary: Equatable, CustomStringConvertible {
        var base: String
        var baseRanges: [Range<Int>]
        var syllables: [String]
        var glossRange: Range<Int>
        var textRange: Range<Int>
        var context: String
        var basePosition: Int
        var repeated: [String]?
        var description: String {
            "\(base) \(baseRanges) \(syllables) \(glossRange) \(textRange) \(context)@\(basePosition) \(repeated ?? [])"
        }
    }

    static func text(_ characters: some Sequence<GlossCharacter>) -> String {
        String(String.UnicodeScalarView(characters.map { Unicode.Scalar($0.scalar)! }))
    }

    static func summaries(_ text: String) -> [Summary] {
        GlossParser.glosses(in: text).map {
            Summary(
                base: Self.text($0.base), baseRanges: $0.base.map(\.range),
                syllables: $0.syllables.map(\.numbered), glossRange: $0.glossRange,
                textRange: $0.textRange, context: Self.text($0.context), basePosition: $0.basePosition,
                repeated: $0.repeatedSyllables?.map(\.numbered))
        }
    }

    @Test func wordGlosses() {
        #expect(
            Self.summaries("银行(yinhang)") == [
                Summary(
                    base: "银行", baseRanges: [0..<3, 3..<6], syllables: ["yin", "hang"],
                    glossRange: 6..<15, textRange: 7..<14, context: "银行", basePosition: 0)
            ])
        #expect(
            Self.summaries("去银行（yín háng）。") == [
                Summary(
                    base: "银行", baseRanges: [3..<6, 6..<9], syllables: ["yin2", "hang2"],
                    glossRange: 9..<25, textRange: 12..<22, context: "去银行", basePosition: 1)
            ])
    }

    @Test func characterGlosses() {
        #expect(
            Self.summaries("好(hao3)") == [
                Summary(
                    base: "好", baseRanges: [0..<3], syllables: ["hao3"], glossRange: 3..<9,
                    textRange: 4..<8, context: "好", basePosition: 0)
            ])
        #expect(Self.summaries("女(nü)").map(\.syllables) == [["nv"]])
        #expect(Self.summaries("绿(lv4)").map(\.syllables) == [["lv4"]])
        // The gloss annotates the LAST characters of the run; the context reads through glosses.
        #expect(
            Self.summaries("是人類(lei)歷(li)史") == [
                Summary(
                    base: "類", baseRanges: [6..<9], syllables: ["lei"], glossRange: 9..<14,
                    textRange: 10..<13, context: "是人類歷史", basePosition: 2),
                Summary(
                    base: "歷", baseRanges: [14..<17], syllables: ["li"], glossRange: 17..<21,
                    textRange: 18..<20, context: "是人類歷史", basePosition: 3),
            ])
    }

    @Test func splitThatFitsTheCharacters() {
        #expect(Self.summaries("西安(xian)").map(\.syllables) == [["xi", "an"]])
        #expect(Self.summaries("首先(xian)").map(\.syllables) == [["xian"]])
        #expect(Self.summaries("反感(fangan)").map(\.syllables) == [["fan", "gan"]])
        #expect(Self.summaries("方案(fangan)").map(\.syllables) == [["fang", "an"]])
    }

    @Test func doubledGloss() {
        let found = Self.summaries("證著(zhu)(zhe)由")
        #expect(
            found == [
                Summary(
                    base: "著", baseRanges: [3..<6], syllables: ["zhu"], glossRange: 6..<11,
                    textRange: 7..<10, context: "證著由", basePosition: 1),
                Summary(
                    base: "著", baseRanges: [3..<6], syllables: ["zhe"], glossRange: 11..<16,
                    textRange: 12..<15, context: "證著由", basePosition: 1, repeated: ["zhu"]),
            ])
    }

    @Test func oneLetterGlossesOnlyOnACharacterThatReadsSo() {
        #expect(
            Self.summaries("儿(r)童") == [
                Summary(
                    base: "儿", baseRanges: [0..<3], syllables: ["r"], glossRange: 3..<6,
                    textRange: 4..<5, context: "儿童", basePosition: 0)
            ])
        #expect(Self.summaries("阿(e)胶").map(\.syllables) == [["e"]])
    }

    @Test func notGlosses() {
        #expect(Self.summaries("(见下文)") == [])
        #expect(Self.summaries("成立于(2023)年") == [])
        #expect(Self.summaries("详见(see below)") == [])
        #expect(Self.summaries("人工智能(AI)") == [])
        #expect(Self.summaries("AI(人工智能)") == [])
        #expect(Self.summaries("如图(a)所示") == [])
        #expect(Self.summaries("见附录(e)") == [])
        #expect(Self.summaries("公司(Apple)") == [])
        #expect(Self.summaries("公司(Ping An)") == [])
        #expect(Self.summaries("华为(Huawei)") == [])
        // Lowercase brand names split into syllables, but none lands on a reading of 品牌.
        #expect(Self.summaries("品牌(huawei)") == [])
        // Not directly after a Han character.
        #expect(Self.summaries("银行 (yinhang)") == [])
        #expect(Self.summaries("bank(yinhang)") == [])
        // More syllables than characters.
        #expect(Self.summaries("行(yinhang)") == [])
        // Unclosed, or closed too far away.
        #expect(Self.summaries("行(hang") == [])
        #expect(Self.summaries("行(" + String(repeating: "a", count: 70) + ")") == [])
    }

    @Test func offsetsAfterMultibyteText() {
        let text = "é😀角(jiao)色"
        let glosses = GlossParser.glosses(in: text)
        #expect(glosses.map(\.glossRange) == [9..<15])
        #expect(glosses.map { $0.base.map(\.range) } == [[6..<9]])
        #expect(Array(text.utf8)[glosses[0].textRange] == Array("jiao".utf8)[...])
    }
}

/// A long document splits each repeated gloss text once (`GlossTextSplits`); what it reads must
/// be what each line read alone (too few texts for the cache) gives.
@Suite struct GlossTextSplitsTests {
    @Test func repeatedTextsReadAsAlone() {
        let lines = [
            "他扮演角(jue)色。", "銀行（yín háng）很大。", "长(zhang)大以后", "西安(xi an)和先(xian)生",
            "著(zhu)(zhe)名", "好(hǎo)奇心", "見(jian)證(zheng)著(zhe)", "他们都(dū)会来", "函数(hanshu)的参数(f)",
        ]
        // Distinct filler texts push the slots around, so that hits, misses and overwritten
        // slots all occur.
        var document: [String] = []
        for round in 0..<30 {
            for (n, line) in lines.enumerated() where (n + round) % 3 != 0 { document.append(line) }
            document.append("字(zi\(round % 5))典")
        }
        let whole = GlossParser.glosses(in: document.joined(separator: "\n"))
        let alone = document.flatMap { GlossParser.glosses(in: $0) }
        #expect(whole.count == alone.count)
        #expect(whole.count > 200)
        #expect(whole.map(\.syllables) == alone.map(\.syllables))
        #expect(whole.map(\.base.count) == alone.map(\.base.count))
    }

    /// Texts met again after the table has grown, and texts beyond its limit, split as they do
    /// alone.
    @Test(arguments: [4, 1 << 16])
    func rememberedTextsSplitAsAlone(maximumTexts: Int) {
        // 1,600 distinct texts (the table grows from 1,024 slots at 512), each met twice, and
        // a few texts met throughout.
        let syllables = ["zhang", "xi", "an", "hao", "jue", "se", "ming", "zhe", "yin", "hang"]
        var texts: [String] = []
        for n in 0..<1600 {
            texts.append(syllables[n % 10] + syllables[(n / 10) % 10] + syllables[(n / 100) % 10] + String(n % 5))
            texts.append(["xian", "shi", "guo"][n % 3])
        }
        texts += texts
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for text in texts {
            ranges.append(bytes.count..<(bytes.count + text.utf8.count))
            bytes += Array(text.utf8) + [0x20]
        }
        var table = GlossTextSplits(maximumTexts: maximumTexts)
        bytes.withUnsafeBufferPointer { buffer in
            for (text, range) in zip(texts, ranges) {
                let expected = PinyinGlossText.segmentations(Array(text.utf8))
                #expect(table.splits(of: range, in: buffer) == expected, "\(text)")
            }
        }
    }
}
