import Testing

@testable import ChaffText

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return splitter.sentences(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func ranges(_ text: String) -> [Range<Int>] { splitter.sentences(in: Array(text.utf8)) }

    // MARK: Chinese

    @Test func chineseTerminatorsWithExactOffsets() {
        // 每个汉字和全角标点 3 字节。
        #expect(ranges("今天下雨。明天晴！后天呢？") == [0..<15, 15..<27, 27..<39])
        #expect(ranges("第一句；第二句…第三句……第四句") == [0..<12, 12..<24, 24..<39, 39..<48])
        #expect(split("真的吗？！不会吧。。") == ["真的吗？！", "不会吧。。"])
        #expect(split("古文｡結尾") == ["古文｡", "結尾"])
    }

    @Test func closingQuotesAndBracketsStayWithTheSentence() {
        #expect(split("他说：“今天下雨。”然后走了。") == ["他说：“今天下雨。”", "然后走了。"])
        #expect(ranges("他说：“今天下雨。”然后走了。") == [0..<30, 30..<45])
        #expect(split("「好的！」』）】》下一句。") == ["「好的！」』）】》", "下一句。"])
        #expect(split("（见附件。）正文继续。") == ["（见附件。）", "正文继续。"])
        #expect(split("他问‘真的吗？’我点头。") == ["他问‘真的吗？’", "我点头。"])
    }

    @Test func asciiPunctuationInsideChineseText() {
        #expect(split("今天下雨.明天晴!后天呢?再后天;完") == ["今天下雨.", "明天晴!", "后天呢?", "再后天;", "完"])
        #expect(split("模型叫ChatGPT.它很火") == ["模型叫ChatGPT.", "它很火"])
        #expect(split("他说\"好的.\"然后走了") == ["他说\"好的.\"", "然后走了"])
        // Decimal points and list numbers are not terminators.
        #expect(split("增长了3.5倍。下降2.0%。") == ["增长了3.5倍。", "下降2.0%。"])
        #expect(split("1.积极推动数据联盟。2.大力推动算力联盟。") == ["1.积极推动数据联盟。", "2.大力推动算力联盟。"])
        // Full-width full stop between digits is a decimal point.
        #expect(split("约１．５倍．完") == ["约１．５倍．", "完"])
        // &nbsp; is an entity, not a clause.
        #expect(split("甲&nbsp;乙。") == ["甲&nbsp;乙。"])
    }

    @Test func ellipsisInChinese() {
        #expect(split("等等……我还没说完。") == ["等等……", "我还没说完。"])
        #expect(split("等等...我还没说完") == ["等等...", "我还没说完"])
    }

    @Test func addressesInChineseText() {
        #expect(split("访问https://example.com/a?b=1!c了解详情。下一句") == ["访问https://example.com/a?b=1!c了解详情。", "下一句"])
        #expect(split("根据http://a.cn/x?q=1;r=2统计。完") == ["根据http://a.cn/x?q=1;r=2统计。", "完"])
        // Han text ends an address, so punctuation after it is the text's own.
        #expect(split("见www.example.com/页面?真的") == ["见www.example.com/页面?", "真的"])
        #expect(split("联系service@example.com.cn咨询。完") == ["联系service@example.com.cn咨询。", "完"])
    }

    // MARK: English

    @Test func englishBasicsWithExactOffsets() {
        #expect(ranges("It rained. Then it cleared! Did it? Yes.") == [0..<10, 11..<27, 28..<35, 36..<40])
        #expect(split("\"Stop!\" he said. She stopped.") == ["\"Stop!\" he said.", "She stopped."])
        #expect(split("He said \"no.\" Then he left.") == ["He said \"no.\"", "Then he left."])
        #expect(split("It was late (very late.) We left.") == ["It was late (very late.)", "We left."])
        #expect(split("It ended in 2019. 2020 was worse.") == ["It ended in 2019.", "2020 was worse."])
    }

    @Test func abbreviations() {
        #expect(split("Mr. Smith met Dr. Jones. They talked.") == ["Mr. Smith met Dr. Jones.", "They talked."])
        #expect(split("Use fruit, e.g. Apples, i.e. Red ones. Fine.") == ["Use fruit, e.g. Apples, i.e. Red ones.", "Fine."])
        #expect(split("Bring pens, paper, etc. and a bag. Go.") == ["Bring pens, paper, etc. and a bag.", "Go."])
        #expect(split("Bring pens, paper, etc. The bus leaves.") == ["Bring pens, paper, etc.", "The bus leaves."])
        #expect(split("He moved to the U.S. The job was new.") == ["He moved to the U.S.", "The job was new."])
        #expect(split("The U.S. Army said so. Ok.") == ["The U.S. Army said so.", "Ok."])
        #expect(split("He works at Apple Inc. It is big.") == ["He works at Apple Inc.", "It is big."])
        #expect(split("Apple Inc. Chairman spoke.") == ["Apple Inc. Chairman spoke."])
        #expect(split("Red vs. Blue. Next.") == ["Red vs. Blue.", "Next."])
        #expect(split("See No. 5 and Fig. 2 here. Done.") == ["See No. 5 and Fig. 2 here.", "Done."])
        #expect(split("The answer is no. Then we left.") == ["The answer is no.", "Then we left."])
        #expect(split("Smith et al. Reported it. Yes.") == ["Smith et al. Reported it.", "Yes."])
    }

    @Test func initialsDecimalsVersionsAddresses() {
        #expect(split("J. K. Rowling wrote it. It sold.") == ["J. K. Rowling wrote it.", "It sold."])
        #expect(split("We need Plan B. The rest failed.") == ["We need Plan B.", "The rest failed."])
        #expect(split("Pi is 3.14 or so. Next.") == ["Pi is 3.14 or so.", "Next."])
        #expect(split("Swift 6.3.1 is out. Upgrade to 6.3. Then test.") == ["Swift 6.3.1 is out.", "Upgrade to 6.3.", "Then test."])
        #expect(split("See https://example.com/a?b=1!x. Then go.") == ["See https://example.com/a?b=1!x.", "Then go."])
        #expect(split("Visit www.example.org. It is free.") == ["Visit www.example.org.", "It is free."])
        #expect(split("Mail j.doe@example.com. He replies.") == ["Mail j.doe@example.com.", "He replies."])
    }

    @Test func englishEllipsis() {
        #expect(split("Wait... what happened? Nothing.") == ["Wait... what happened?", "Nothing."])
        #expect(split("I paused... Then I left.") == ["I paused...", "Then I left."])
        #expect(split("I paused… Then I left.") == ["I paused…", "Then I left."])
        #expect(split("So...maybe.") == ["So...maybe."])
    }

    @Test func footnotesStayWithTheSentence() {
        #expect(split("Studies show it.[1] Next one.") == ["Studies show it.[1]", "Next one."])
        #expect(split("Studies show it.[^a1] Next.") == ["Studies show it.[^a1]", "Next."])
        #expect(split("研究表明如此。¹²下一句。") == ["研究表明如此。¹²", "下一句。"])
        #expect(split("It is so.<sup>3</sup> Next.") == ["It is so.<sup>3</sup>", "Next."])
        #expect(split("据统计如此。[1,2]下一句") == ["据统计如此。[1,2]", "下一句"])
    }

    // MARK: Mixed and structure

    @Test func mixedChineseAndEnglish() {
        #expect(split("OpenAI发布了GPT-4。It is big. 然后呢？没有了") == ["OpenAI发布了GPT-4。", "It is big.", "然后呢？", "没有了"])
        #expect(split("他说Hello. 我说你好。") == ["他说Hello.", "我说你好。"])
    }

    @Test func blankLinesEndSentencesAndParagraphs() {
        let text = "  第一段没有句号\n\n第二段。第二句\n  \n\u{3000}Third para.\r\n\r\nLast"
        let bytes = Array(text.utf8)
        let paragraphs = splitter.paragraphs(in: bytes)
        #expect(paragraphs.map { String(decoding: bytes[$0], as: UTF8.self) } == ["第一段没有句号", "第二段。第二句", "Third para.", "Last"])
        #expect(paragraphs == [2..<23, 25..<46, 53..<64, 68..<72])
        #expect(split(text) == ["第一段没有句号", "第二段。", "第二句", "Third para.", "Last"])
        let segmented = splitter.segment(bytes)
        #expect(segmented.map(\.sentences.count) == [1, 2, 1, 1])
        #expect(segmented[1].sentences == [25..<37, 37..<46])
    }

    @Test func singleLineBreaksJoinButBlocksSplit() {
        #expect(split("This sentence is\nwrapped here. Next.") == ["This sentence is\nwrapped here.", "Next."])
        #expect(split("# Title\nBody text here.") == ["# Title", "Body text here."])
        #expect(split("Items:\n- one\n- two") == ["Items:", "- one", "- two"])
        #expect(split("列表\n1、第一\n2、第二") == ["列表", "1、第一", "2、第二"])
        #expect(split("1. First item\n2. Second item") == ["1. First item", "2. Second item"])
    }

    @Test func whitespaceIsTrimmedAndEmptyInputHasNoSentences() {
        #expect(ranges("") == [])
        #expect(ranges("   \n\n \u{3000} ") == [])
        #expect(ranges(" \u{00A0}Hi. ") == [3..<6])
        #expect(ranges("\u{FEFF}你好。") == [3..<12])
    }

    @Test func maskedTextKeepsOffsets() {
        // A masked code block is spaces and line breaks: it separates paragraphs.
        let text = "Before it.\n          \n     \nAfter it."
        #expect(ranges(text) == [0..<10, 28..<37])
    }

    /// `paragraph(containing:)` reads only the lines around an offset, and finds the paragraph
    /// `paragraphs(in:)` finds there, at every offset of a text with blank lines of spaces,
    /// ideographic spaces and carriage returns, leading and trailing white space, and no final
    /// line feed.
    @Test func theParagraphAroundAnOffsetIsTheOneOfTheWholeText() {
        let text = Array(
            "  First line\nsecond line  \n\n   \n\u{3000}\nThird 第三段\r\n\r\nFourth\n\t\nlast line ends here".utf8)
        text.withUnsafeBufferPointer { buffer in
            let whole = splitter.paragraphs(in: buffer)
            #expect(whole.count == 4)
            for offset in -1...(text.count) {
                let expected = whole.first { $0.contains(offset) }
                let found = splitter.paragraph(containing: offset, in: buffer)
                #expect(found.map { $0.contains(offset) ? $0 : nil } ?? nil == expected, "at \(offset)")
                if let found { #expect(whole.contains(found), "at \(offset)") }
            }
        }
    }
}
