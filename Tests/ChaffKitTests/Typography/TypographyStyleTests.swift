import Testing

/// The typography rules added for autocorrect's optional rules and zhlint's options, and the
/// `consistent` mode of the rules with a style choice.
@Suite struct TypographyStyleTests {
    @Test func signsBetweenChineseWordsTakeSpaces() throws {
        let rule = try typographyRule("typography-space-cjk-symbol")
        let result = typography([rule], "核查-常见，字符集+换行，选项|说明")
        #expect(result.findings == ["1:3 ' '", "1:4 ' '", "1:10 ' '", "1:11 ' '", "1:16 ' '", "1:17 ' '"])
        #expect(result.fixed == "核查 - 常见，字符集 + 换行，选项 | 说明")
        #expect(typographyFixed([rule], "中文 -中文，“腾讯”-发布，中文-（注），好!!!不管") == "中文 - 中文，“腾讯” - 发布，中文 -（注），好!!! 不管")
        for text in ["GPL-3、LGPL-2", "第1-3章", "中文-English", "中文--中文", "你好!世界", "C++中文", "7月23日-26日", "A|B中文"] {
            #expect(typography([rule], text).findings == [], "\(text)")
        }
        let dashOnly = try typographyRule("typography-space-cjk-symbol", options: #"{"marks": "-"}"#)
        #expect(typographyFixed([dashOnly], "核查-常见+换行!!!好") == "核查 - 常见+换行!!!好")
    }

    @Test func dollarsBesideChineseTakeSpaces() throws {
        let rule = try typographyRule("typography-space-cjk-dollar")
        let result = typography([rule], "若$a>b$则有$c>d$")
        #expect(result.findings == ["1:2 ' '", "1:7 ' '", "1:9 ' '"])
        #expect(result.fixed == "若 $a>b$ 则有 $c>d$")
        #expect(typography([rule], "这是一个例子：$E=mc^2$。costs $5").findings == [])
    }

    @Test func numbersAndUnits() throws {
        let always = try typographyRule("typography-space-number-unit")
        let result = typography([always], "需要10GB的空间，增长了50 %，3.5GHz，温度30 ℃")
        #expect(result.findings == ["1:5 ' '", "1:16 ''", "1:22 ' '", "1:30 ''"])
        #expect(result.fixed == "需要10 GB的空间，增长了50%，3.5 GHz，温度30℃")
        for text in ["使用x86架构", "支持4K和3D", "版本v1.2MB", "10GB free", "文件a_1MB", "共10 GB"] {
            #expect(typography([always], text).findings == [], "\(text)")
        }
        let never = try typographyRule("typography-space-number-unit", options: #"{"mode": "never"}"#)
        #expect(typographyFixed([never], "共 10 GB，速度 100 Mbps") == "共 10GB，速度 100Mbps")
        let consistent = try typographyRule("typography-space-number-unit", options: #"{"mode": "consistent"}"#)
        #expect(typographyFixed([consistent], "共10 GB，速度100 Mbps，内存8GB") == "共10 GB，速度100 Mbps，内存8 GB")
        #expect(typography([consistent], "共10 GB，内存8GB").findings == [])
        #expect(typography([consistent], "共10 GB，内存8GB，增长50 %").findings == ["1:18 ''"])
    }

    @Test func fullwidthPunctuationInEnglishBecomesHalfwidth() throws {
        let rule = try typographyRule("typography-fullwidth-punctuation-in-english")
        let result = typography([rule], "Said：Come and，Join us！\nThe（Convertible Amount）case。\n")
        #expect(result.findings == ["1:5 ': '", "1:14 ', '", "1:22 '!'", "2:4 ' ('", "2:23 ') '", "2:28 '.'"])
        #expect(result.fixed == "Said: Come and, Join us!\nThe (Convertible Amount) case.\n")
        // Chinese sentences quoting English names, and English wrapped in a Chinese paragraph.
        for text in ["使用 GPL-3、LGPL-2", "我们使用 Guide（指南）", "SHA1。", "Escher puzzle（", "参见这本书\nThe Debian Guide，Chapter 6。\n"] {
            #expect(typography([rule], text).findings == [], "\(text)")
        }
        // The full stop after a link to an English title is not in the title's text.
        #expect(typography([rule], "<p><a href=\"x\">Debian security FAQ</a>。</p>\n", format: "html").findings == [])
        #expect(typography([rule], "<p>Come and，<b>Join</b> us！</p>\n", format: "html").findings == ["1:12 ','"])
        #expect(typography([rule], "<p>Come and，Join <b>us</b>！</p>\n", format: "html").findings == ["1:12 ', '"])
        // The space beside the mark is this rule's business there, not the spacing rule's.
        let spacing = try typographyRule("typography-space-fullwidth-punctuation")
        #expect(typographyFixed([rule, spacing], "Come and， Join us！\n") == "Come and, Join us!\n")
    }

    @Test func bracketWidth() throws {
        let fullwidth = try typographyRule("typography-bracket-width")
        let result = typography([fullwidth], "中文 (注释) 中文，f(x)，中文 (English) 中文")
        #expect(result.findings == ["1:3 '（'", "1:7 '）'"])
        #expect(result.fixed == "中文（注释）中文，f(x)，中文 (English) 中文")
        let halfwidth = try typographyRule("typography-bracket-width", options: #"{"mode": "halfwidth"}"#)
        #expect(typographyFixed([halfwidth], "中文（注释）中文") == "中文(注释)中文")
        let consistent = try typographyRule("typography-bracket-width", options: #"{"mode": "consistent"}"#)
        #expect(typographyFixed([consistent], "甲（一）乙（二）丙(三)") == "甲（一）乙（二）丙（三）")
        #expect(typography([consistent], "甲（一）丙(三)").findings == [])
    }

    @Test func consistentQuotesAndEllipses() throws {
        let quotes = try typographyRule("typography-quote-style", options: #"{"mode": "consistent"}"#)
        #expect(typographyFixed([quotes], "「甲」「乙」「戊」“丙”和‘丁’") == "「甲」「乙」「戊」「丙」和『丁』")
        #expect(typography([quotes], "「甲」“丙”").findings == [])
        let ellipsis = try typographyRule("typography-ellipsis", options: #"{"mode": "consistent"}"#)
        #expect(typographyFixed([ellipsis], "等等...然后...他说……") == "等等...然后...他说...")
        #expect(typographyFixed([ellipsis], "等等……然后……他说...") == "等等……然后……他说……")
        #expect(typography([ellipsis], "等等……他说...").findings == [])
    }

    @Test func optionsAreCheckedPerCheck() throws {
        #expect(throws: (any Error).self) { try typographyRule("typography-space-cjk-dollar", options: #"{"mode": "never"}"#) }
        #expect(throws: (any Error).self) { try typographyRule("typography-space-cjk-symbol", options: #"{"marks": ","}"#) }
        #expect(throws: (any Error).self) { try typographyRule("typography-bracket-width", options: #"{"mode": "always"}"#) }
    }
}
