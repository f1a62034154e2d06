import ChaffData
import Testing

@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

@Suite struct MixedHanScriptRuleTests {
    // The rule file's message says "characters" for a run; this one keeps the word fixed.
    static let message = "{found} character '{match}' in {majority} text; use {suggestion}"

    private func rule(_ options: String = "{}") throws -> Rule {
        try loadRule(kind: "mixed-han-script", message: Self.message, options: options)
    }

    private func findings(_ text: String, _ options: String = "{}") throws -> [String] {
        try lint(rule(options), text).map {
            "\($0.range) \($0.message) fix=\($0.fix ?? "-")"
        }
    }

    @Test func oneFindingPerOccurrenceWithFix() throws {
        let text = "我们的國家正在发展经济，國家的这个时代變化很大。"
        #expect(
            try findings(text) == [
                "9..<12 Traditional character '國' in Simplified text; use '国' fix=国",
                "36..<39 Traditional character '國' in Simplified text; use '国' fix=国",
                "57..<60 Traditional character '變' in Simplified text; use '变' fix=变",
            ])
    }

    @Test func simplifiedWordsOfSharedCharactersInTraditionalText() throws {
        // 于 and 并 exist in Traditional (a surname, a character of its own); the words do not.
        let text = "這個系統基于開放原始碼，並且用于伺服器，于先生說這個系統很穩定。"
        #expect(
            try findings(text) == [
                "15..<18 Simplified character '于' in Traditional text; use '於' fix=於",
                "45..<48 Simplified character '于' in Traditional text; use '於' fix=於",
            ])
        #expect(
            try findings("這個系統并且穩定，我們認為這個系統很好。") == [
                "12..<15 Simplified character '并' in Traditional text; use '並' fix=並"
            ])
        // 若干 keeps 干 and 上游 keeps 游, so 干缺 and 游程 are not read across them; 制 and 了
        // are ordinary Traditional characters, never changed by a word (限制程式, 說明了).
        #expect(try findings("這種方式有若干缺點，追蹤上游程式碼，限制程式，這就說明了問題。") == [])
    }

    @Test func simplifiedWordsWithTraditionalOnlyCharacters() throws {
        #expect(try findings("我们去了大阪和京都，看了哪吒的电影，这个城市很漂亮。") == [])
        // 吒 outside the words Simplified writes with it is still Traditional.
        #expect(try findings("我们看了吒字的电影，这个城市很漂亮，风景也很好看。").map { $0.prefix(8) } == ["12..<15 "])
    }

    @Test func aRecordWrittenInTheOtherSystemIsNotMixing() throws {
        // One review a line: line 2 is a Traditional review behind a Simplified site prefix,
        // line 7 the end of a Traditional review wrapped from line 6; line 4 mixes both.
        let reviews =
            [
                "这家酒店的位置很好，早餐也很丰富，下次还会再来。",
                "补充点评：這家飯店的房間很舒適，服務員態度親切，價格也還算合理。",
                "房间有点小，但是很干净，交通也方便，离地铁站只要五分钟。",
                "前台服務態度很好，房间设施也不错，商務房還配電腦。",
                "这里的环境非常安静，适合带孩子来度假，服务员也很热情。",
                "這家飯店的服務很周到，房間也很乾淨，",
                "只是我再也不考慮了。",
                "我们订的是大床房，价格合理，早餐一般，总体来说还是满意的。",
            ].joined(separator: "\n") + "\n"
        // Line 4's Traditional characters: its sentence mixes both systems.
        #expect(try findings(reviews).map { $0.split(separator: " ")[0] } == ["264..<270", "309..<312", "315..<318", "321..<327"])
        // In Markdown a line is no record: the slips of line 2 are still reported.
        let document = DocumentMaker.document(path: "r.md", source: Array(reviews.utf8), format: "markdown")
        let markdown = Linter(rules: [ActiveRule(try rule())]).lint(document).map(\.matchedText)
        #expect(markdown == ["價", "還", "務態"])
    }

    @Test func aRecordThatSwitchesSystemsWithinASentenceIsMixing() throws {
        // In one review a line, a clause typed in Traditional inside a Simplified sentence is a
        // slip; after a site's prefix and its colon, a Traditional sentence is the writer's own.
        let reviews =
            [
                "这家酒店的位置很好，早餐也很丰富，下次还会再来。",
                "服务差，怎麼會有一間酒店沒熱水呢？我之前看到的点评说没有热水。",
                "补充点评 2007年10月22日 ： 同意先前有網友推介餐廳服務亦算不錯，但菜色欠吸引。",
                "房间有点小，但是很干净，交通也方便，离地铁站只要五分钟。",
                "我们订的是大床房，价格合理，早餐一般，总体来说还是满意的。",
            ].joined(separator: "\n") + "\n"
        let document = DocumentMaker.document(path: "r.txt", source: Array(reviews.utf8), format: "text")
        let found = Linter(rules: [ActiveRule(try rule())]).lint(document).map { "\($0.line) \($0.matchedText)" }
        #expect(found == ["2 麼會", "2 間", "2 沒熱"])
    }

    @Test func aWordBesideItsOtherSpellingIsShownOnPurpose() throws {
        // 汉字漢字 and 发/發 set the systems side by side; 美國国务卿 and 國家 are slips.
        let text = "这是汉字漢字的对照：发/發，发展/發展，美國国务卿访问了这里，我们的國家很好。"
        #expect(try findings(text).map { $0.prefix(12) } == ["59..<62 Trad", "98..<101 Tra"])
    }

    @Test func simplifiedOnlyCharactersThatTraditionalTextWritesToo() throws {
        // 着 is the particle in Hong Kong and OpenCC's standard Traditional; 这 is not.
        #expect(try findings("這個目錄中存放着許多文件，我們將要修改這些文件來定製軟體。") == [])
        #expect(try findings("這個目錄中存放这許多文件，我們將要修改這些文件來定製軟體。").map { $0.prefix(8) } == ["21..<24 "])
        #expect(HanWordForms.traditionalUsage.count == 14)
        #expect(HanWordForms.traditionalUsage.contains(0x7740))  // 着
    }

    @Test func wordTablesArePinned() {
        // One entry per character a word's Traditional spelling changes (6,884 words).
        #expect(HanWordForms.simplifiedOnlyByTrigger.values.reduce(0) { $0 + $1.count } == 7318)
        #expect(HanWordForms.simplifiedOnlyByTrigger[0x4E8E]?.contains { $0.word.simplified == [0x57FA, 0x4E8E] } == true)  // 基于
        #expect(HanWordForms.simplifiedUsageByCharacter[0x962A]?.contains { $0.word == [0x962A] } == true)  // 阪
    }

    @Test func ambiguousCharactersListChoicesWithoutFix() throws {
        #expect(
            try findings("他的頭发很長，這裡說話的人們都很開心。") == [
                "9..<12 Simplified character '发' in Traditional text; use '發' or '髮' fix=-"
            ])
        #expect(
            try findings("这里的闹鍾坏了，我们明天再去买新的。") == [
                "12..<15 Traditional character '鍾' in Simplified text; use '钟' or '锺' fix=-"
            ])
        // Rare forms outside the other system's standard set are not choices: Unihan also
        // pairs 開 with 𫔭 and 伪 with 僞.
        #expect(
            try findings("我们开会的时间已经開始了。") == [
                "27..<30 Traditional character '開' in Simplified text; use '开' fix=开"
            ])
        #expect(
            try findings("這個說法是伪造的，我們已經查過了。") == [
                "15..<18 Simplified character '伪' in Traditional text; use '偽' fix=偽"
            ])
    }

    @Test func unitParagraphJudgesEachParagraph() throws {
        let text = "简体段落这里说的话。\n\n繁體段落這裡說的話。"
        #expect(try findings(text, #"{"unit": "paragraph"}"#) == [])
        // As one document the Traditional paragraph wins 5 to 4, but the Simplified one is a
        // passage of its own: no character in it stands among Traditional ones.
        #expect(try findings(text) == [])
        let mixed = "简体段落这里说的话很多，这个說法没有问题。\n\n繁體段落這裡說的話。"
        #expect(try findings(mixed) == ["42..<45 Traditional character '說' in Simplified text; use '说' fix=说"])
    }

    @Test func paragraphsAreSeparatedByBlankLinesOnly() throws {
        // One line break keeps one paragraph: the Traditional character is outvoted.
        let text = "这里说的话很多。\n這里说的话"
        #expect(try findings(text, #"{"unit": "paragraph"}"#).map { $0.prefix(7) } == ["25..<28"])
        // White space and U+3000 on a line make it blank.
        let spaced = "这里说的话很多。\n \t\u{3000}\r\n這裡說話的時間"
        #expect(try findings(spaced, #"{"unit": "paragraph"}"#) == [])
    }

    @Test func minimumCountsDecisiveCharacters() throws {
        // 关(S) 於(T) 我 们(S): three decisive characters, below the default of four.
        #expect(try findings("关於我们") == [])
        #expect(
            try findings("关於我们", #"{"minimum": 3}"#) == [
                "3..<6 Traditional character '於' in Simplified text; use '于' fix=于"
            ])
        // Shared characters never count: 的 后 台 只 are at home in both systems.
        #expect(try findings("的后台只的后台只國") == [])
    }

    @Test func directionEnforcesOneSystemRegardlessOfCounts() throws {
        let traditional = #"{"direction": "traditional"}"#
        #expect(
            try findings("这", traditional) == [
                "0..<3 Simplified character '这' in Traditional text; use '這' fix=這"
            ])
        // The majority is Simplified, but the site is Traditional. Adjacent characters with one
        // counterpart each are one finding with one fix.
        let enforcedTraditional = try findings("这个国家", traditional)
        #expect(
            enforcedTraditional == [
                "0..<9 Simplified character '这个国' in Traditional text; use '這個國' fix=這個國"
            ])
        // A fixed direction judges text without a decisive character too: a Simplified word of
        // shared characters in Traditional text (by majority such text is not judged).
        let sharedOnly = try findings("基于", traditional)
        #expect(sharedOnly == ["3..<6 Simplified character '于' in Traditional text; use '於' fix=於"])
        #expect(try findings("基于") == [])
        let enforcedSimplified = try findings("這個國家", #"{"direction": "simplified"}"#)
        #expect(
            enforcedSimplified == [
                "0..<9 Traditional character '這個國' in Simplified text; use '这个国' fix=这个国"
            ])
        #expect(try findings("這個國家", traditional) == [])
    }

    @Test func tieGivesNoFindings() throws {
        #expect(try findings("这這个個") == [])
    }

    @Test func japaneseAndKoreanAreNotJudged() throws {
        #expect(try findings("日本の國語は難しいです。学校で勉強しました。") == [])
        #expect(try findings("大韓民國의 國語는 한국어입니다. 學校에서 배웠어요.") == [])
        let enforced = #"{"direction": "simplified"}"#
        #expect(try findings("日本の國語は難しいです。", enforced) == [])
        #expect(try findings("大韓民國의 國語", enforced) == [])
    }

    @Test func documentLeavesOutJapaneseParagraphsButJudgesTheRest() throws {
        let text = "这款产品的质量很好，價格也很实惠。\n\n日本語の説明書も付いています。"
        #expect(
            try findings(text) == [
                "30..<33 Traditional character '價' in Simplified text; use '价' fix=价"
            ])
    }

    @Test func mostlyKoreanDocumentIsSkippedWithItsHanjaHeadings() throws {
        // The heading has no Hangul, but the Korean paragraphs are longer.
        let text = "景福宮 觀覽 記錄\n\n우리는 景福宮에서 韓服을 입고 사진을 찍었습니다.\n"
        #expect(try findings(text, #"{"direction": "simplified"}"#) == [])
        // Judged per paragraph, the heading stands alone.
        let heading = try findings(text, #"{"direction": "simplified", "unit": "paragraph"}"#)
        #expect(
            heading == [
                "6..<9 Traditional character '宮' in Simplified text; use '宫' fix=宫",
                "10..<16 Traditional character '觀覽' in Simplified text; use '观览' fix=观览",
                "17..<23 Traditional character '記錄' in Simplified text; use '记录' fix=记录",
            ])
    }

    @Test func optionsAreValidated() {
        let cases: [(String, String)] = [
            (#"{"unit": "sentence"}"#, "'options.unit' must be one of 'document', 'paragraph', found 'sentence'"),
            (#"{"direction": "auto"}"#, "'options.direction' must be one of 'majority', 'simplified', 'traditional', found 'auto'"),
            (#"{"minimum": 0}"#, "'options.minimum' must be between 1 and 1000000, found 0"),
            (#"{"minimun": 2}"#, "unknown key 'options.minimun'; did you mean 'minimum'?"),
        ]
        for (options, expected) in cases {
            #expect(throws: SourceError.self) { try rule(options) }
            do {
                _ = try rule(options)
            } catch let error as SourceError {
                #expect(error.message == expected)
            } catch {}
        }
    }

    @Test func everyCertainFixLeavesTheMinority() {
        // A fix must never produce another character of the minority system, or `--fix` would
        // chase its own tail. Checked over every character Unihan pairs.
        let forms = HanVariants.formLookup
        var offending: [UInt32] = []
        for scalar in HanVariants.charactersWithSimplifiedVariants
        where forms.form(of: scalar) == .traditionalOnly {
            let targets = HanVariants.simplifiedSuggestions(for: scalar)
            if targets.count == 1 && forms.form(of: targets[0]) == .traditionalOnly { offending.append(scalar) }
        }
        for scalar in HanVariants.charactersWithTraditionalVariants
        where forms.form(of: scalar) == .simplifiedOnly {
            let targets = HanVariants.traditionalSuggestions(for: scalar)
            if targets.count == 1 && forms.form(of: targets[0]) == .simplifiedOnly { offending.append(scalar) }
        }
        #expect(offending == [])
    }
}

/// The quick test before comparing words around a finding rules out only findings that the
/// comparison rejects too, over random windows of variant pairs, other characters and
/// separators.
@Suite struct CounterpartTestTests {
    @Test func quickTestRulesOutOnlyWhatTheComparisonRejects() {
        let alphabet = Array("发發髮国國汉漢字体體学學的是/、 ".unicodeScalars.map(\.value))
        var generator = SeededGenerator(state: 17)
        var accepted = 0
        var ruledOut = 0
        for _ in 0..<20_000 {
            let count = 2 + generator.next(14)
            let window = (0..<count).map { _ in alphabet[generator.next(alphabet.count)] }
            window.withUnsafeBufferPointer { characters in
                for at in characters.indices {
                    let compared = MixedHanScriptRule.wordsBesideTheirCounterparts(characters, at: at)
                    let quick = MixedHanScriptRule.mayStandBesideItsCounterpart(characters, at: at)
                    if compared { #expect(quick, "\(window) at \(at)") }
                    #expect(MixedHanScriptRule.standsBesideItsCounterpart(characters, at: at) == compared)
                    if compared { accepted += 1 }
                    if !quick { ruledOut += 1 }
                }
            }
        }
        // Both answers occur often, so the comparison above can fail either way.
        #expect(accepted > 1_000 && ruledOut > 10_000)
    }
}
