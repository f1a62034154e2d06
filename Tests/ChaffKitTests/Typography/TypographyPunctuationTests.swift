import Testing

@testable import ChaffKinds

/// The punctuation rules of the typography family, and the presets together.
@Suite struct TypographyPunctuationTests {
    @Test func halfwidthMarksInChineseBecomeFullwidth() throws {
        let rule = try typographyRule("typography-halfwidth-punctuation")
        let result = typography([rule], "你好,世界. 再见:明天!好吗?")
        #expect(result.findings == ["1:3 '，'", "1:6 '。'", "1:10 '：'", "1:13 '！'", "1:16 '？'"])
        #expect(result.fixed == "你好，世界。再见：明天！好吗？")
        #expect(typographyFixed([rule], "使用Rust,以达到目的") == "使用Rust，以达到目的")
        #expect(typographyFixed([rule], "还是喜欢《青春》!它象是") == "还是喜欢《青春》！它象是")
    }

    @Test func marksThatBelongToSomethingElseStay() throws {
        let rule = try typographyRule("typography-halfwidth-punctuation")
        for text in [
            "Hello, world.", "打开说明.txt", "版本1.5", "真的吗?!", "等等...", "1,000元", "时间10:30", "列表Pollak, 和",
            "不同.)", "见`a.b`", "他说：ok.", "上网:-) 很好",
        ] {
            #expect(typography([rule], text, format: "markdown").findings == [], "\(text)")
        }
    }

    @Test func spacesBesideFullwidthPunctuationGo() throws {
        let rule = try typographyRule("typography-space-fullwidth-punctuation")
        let result = typography([rule], "你好 ，世界。 再见（ 注 ）\n  缩进，保留 \n")
        #expect(result.findings == ["1:3 ''", "1:8 ''", "1:12 ''", "1:14 ''"])
        #expect(result.fixed == "你好，世界。再见（注）\n  缩进，保留 \n")
        // HTML's layout spaces before a tag stay.
        #expect(typography([rule], "<p>你好。 </p>\n", format: "html").findings == [])
    }

    @Test func spacesBesideChineseQuotesGo() throws {
        let rule = try typographyRule("typography-space-fullwidth-quote")
        #expect(typographyFixed([rule], "他说 “你好” 然后“ 走了 ”") == "他说“你好”然后“走了”")
        #expect(typographyFixed([rule], "使用 shell “pattern”查找") == "使用 shell“pattern”查找")
        // The Chinese after the quotation is on the next line of the paragraph.
        #expect(
            typographyFixed([rule], "<p>使用 shell “<code>pattern</code>”\n查找文件</p>\n", format: "html")
                == "<p>使用 shell“<code>pattern</code>”\n查找文件</p>\n")
        #expect(typography([rule], "He said “hello” to me. Debian’s 软件").findings == [])
    }

    @Test func fullwidthLettersAndDigitsBecomeHalfwidth() throws {
        let rule = try typographyRule("typography-fullwidth-alphanumeric")
        let result = typography([rule], "型号ＡＢＣ１２３，共５个")
        #expect(result.findings == ["1:3 'ABC123'", "1:11 '5'"])
        #expect(result.fixed == "型号ABC123，共5个")
        // A full-width colon between digits is a time's.
        #expect(typographyFixed([rule], "晚上１０：３０到，19：30后") == "晚上10:30到，19:30后")
        #expect(typography([rule], "注意：请先备份").findings == [])
        // Japanese keeps its full-width digits.
        #expect(typography([rule], "第１章です").findings == [])
    }

    @Test func repeatedMarksEllipsesAndQuoteStyle() throws {
        let repeated = try typographyRule("typography-repeated-punctuation")
        #expect(typographyFixed([repeated], "真的吗？？太好了！！！……——") == "真的吗？太好了！……——")
        let ellipsis = try typographyRule("typography-ellipsis")
        #expect(typographyFixed([ellipsis], "等等...然后。。。他说…Wait...") == "等等……然后……他说……Wait...")
        let corner = try typographyRule("typography-quote-style", options: #"{"mode": "corner"}"#)
        #expect(typographyFixed([corner], "他说“你好”和‘再见’，He said “hi”") == "他说「你好」和『再见』，He said “hi”")
        let curly = try typographyRule("typography-quote-style")
        #expect(typographyFixed([curly], "他说「你好」和『再见』") == "他说“你好”和‘再见’")
    }

    @Test func autocorrectPresetFixesAMixedParagraphAndIsIdempotent() throws {
        let rules = try presetRules("autocorrect")
        let text = "在Linux上安装2.0版 ,很好.他说 “你好” 然后用ＡＰＰ(应用)下载\n"
        let fixed = typographyFixed(rules, text)
        #expect(fixed == "在 Linux 上安装 2.0 版，很好。他说“你好”然后用 APP(应用) 下载\n")
        #expect(typography(rules, fixed).findings == [])
        let english = "核查-常见!!!好\n\nCome and，Join us！\n"
        #expect(typographyFixed(rules, english) == "核查 - 常见!!! 好\n\nCome and, Join us!\n")
    }

    @Test func copywritingAndTaiwanPresetsDifferInQuotes() throws {
        let text = "他说“你好”，然后用Git提交。。。\n"
        #expect(typographyFixed(try presetRules("copywriting"), text) == "他说“你好”，然后用 Git 提交……\n")
        #expect(typographyFixed(try presetRules("zh-TW"), text) == "他说「你好」，然后用 Git 提交……\n")
        let units = "需要10GB (约) 空间\n"
        #expect(typographyFixed(try presetRules("copywriting"), units) == "需要 10 GB（约）空间\n")
    }

    @Test func everyPresetRuleExistsAndEveryPresetHasADistinctName() throws {
        #expect(TypographyPresets.names == ["autocorrect", "copywriting", "zh-TW"])
        for name in TypographyPresets.names {
            #expect(try presetRules(name).allSatisfy { $0.tags.contains("typography") && !$0.enabledByDefault })
        }
    }
}

/// The content flags of ASCII characters come from bit masks; each character's flags, spelled
/// out by class.
@Suite struct TypographyLineContentTests {
    @Test func asciiCharactersHaveTheContentOfTheirClass() {
        for b in UInt8(0)..<128 {
            let c = Character(Unicode.Scalar(b))
            var expected: TypographyLineContent = []
            if c.isASCII && (c.isLetter || c.isNumber) { expected.insert(.word) }
            if ",.:;!?".contains(c) { expected.insert(.halfwidthMark) }
            if "-+|$".contains(c) { expected.insert(.sign) }
            if "()[]".contains(c) { expected.insert(.bracket) }
            if c == "%" { expected.insert(.percent) }
            #expect(TypographyLineContent.ofASCII(b) == expected, "\(b)")
            #expect(TypographyLineContent.of(UInt32(b)) == expected, "\(b)")
        }
    }
}
