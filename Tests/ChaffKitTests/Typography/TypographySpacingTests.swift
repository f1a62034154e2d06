import Testing

@testable import ChaffText

/// `typography-space-cjk-latin` and `typography-space-cjk-bracket`: where a space goes, in each
/// mode, and what is never touched.
@Suite struct TypographySpacingTests {
    @Test func insertsSpacesBetweenHanAndLatinWordsAndNumbers() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        let result = typography([rule], "在Linux上安装2.0版")
        #expect(result.findings == ["1:2 ' '", "1:7 ' '", "1:10 ' '", "1:13 ' '"])
        #expect(result.fixed == "在 Linux 上安装 2.0 版")
    }

    @Test func numbersKeepTheirSignsUnitsDatesTimesAndVersions() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        #expect(typographyFixed([rule], "增长了50%以上，温度10°C左右") == "增长了 50% 以上，温度 10°C 左右")
        #expect(typographyFixed([rule], "重5kg，长3.5cm的盒子") == "重 5kg，长 3.5cm 的盒子")
        #expect(typographyFixed([rule], "于2024-01-02 10:30发布v1.2.3-rc1版本") == "于 2024-01-02 10:30 发布 v1.2.3-rc1 版本")
        #expect(typographyFixed([rule], "用C++和C#写的") == "用 C++ 和 C# 写的")
    }

    @Test func markdownEmphasisAndLinksAreLookedThroughAndNeverBroken() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        // The space goes outside the emphasis, so `**` still closes it.
        #expect(typographyFixed([rule], "这是**粗体**text。", format: "markdown") == "这是**粗体** text。")
        #expect(typographyFixed([rule], "这是text**粗体**。", format: "markdown") == "这是 text **粗体**。")
        #expect(typographyFixed([rule], "见[link](https://example.com/a)中文", format: "markdown") == "见 [link](https://example.com/a) 中文")
        // Chinese on both sides: nothing to do.
        let same = "见[链接](https://example.com/a)中文"
        #expect(typography([rule], same, format: "markdown").findings == [])
        // `snake_case` is a word, not emphasis.
        #expect(typographyFixed([rule], "变量snake_case的值", format: "markdown") == "变量 snake_case 的值")
    }

    @Test func inlineCodeIsSpacedButNeverChanged() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        #expect(typographyFixed([rule], "运行`make install`命令", format: "markdown") == "运行 `make install` 命令")
        // Not across markup: autocorrect's way.
        let strict = try typographyRule("typography-space-cjk-latin", options: #"{"acrossMarkup": false}"#)
        #expect(typography([strict], "运行`make`命令，**粗体**text", format: "markdown").findings == [])
        // Inside code blocks nothing is reported.
        #expect(typography([rule], "```\n代码code中文\n```\n", format: "markdown").findings == [])
    }

    @Test func japaneseKoreanFrontMatterAndAttributesAreLeftAlone() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        #expect(typography([rule], "日本語のテキストEnglishです").findings == [])
        #expect(typography([rule], "한국어text입니다").findings == [])
        #expect(typography([rule], "---\ntitle: 标题Title\n---\n\n正文\n", format: "markdown").findings == [])
        let html = "<p title=\"提示Tip\"><img alt=\"图片Image\" src=\"a.png\">文字</p>\n"
        #expect(typography([rule], html, format: "html").findings == [])
        #expect(typographyFixed([rule], "<p>见<b>粗体</b>text</p>\n", format: "html") == "<p>见<b>粗体</b> text</p>\n")
    }

    /// Lines without a non-ASCII byte are only read for where tags open and close (the last
    /// `<` or `>` of a tag decides) and whether they hold prose: a tag left open across them
    /// keeps its shown values unchanged, and text after a tag closed on them is judged.
    @Test func tagsOpenAcrossPlainLinesAreFollowed() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        // Open across an ASCII line whose last tag byte is a `<` inside a value, not markup.
        let open = "<img src=\"a.png\"\n  data-x=\"a<b\" width=\"10\"\n  alt=\"图片Image\">文字\n"
        #expect(typography([rule], open, format: "html").findings == [])
        // Closed on an ASCII line whose first tag byte is a `>` in a value: the text after is prose.
        let closed = "<p\n  title=\"a>b\">\n第3章</p>\n"
        #expect(typography([rule], closed, format: "html").findings == ["3:2 ' '", "3:3 ' '"])
        // A line of only markup between two Chinese lines holds no prose.
        let between = "<p>第一段English</p>\n<hr>\n<p>English第二段</p>\n"
        #expect(typography([rule], between, format: "html").findings == ["1:7 ' '", "3:11 ' '"])
    }

    @Test func urlsAndEmailAddressesGetSpacesOutsideOnly() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        #expect(typographyFixed([rule], "访问https://example.com/a获取") == "访问 https://example.com/a 获取")
        #expect(typographyFixed([rule], "写信给user@example.com联系") == "写信给 user@example.com 联系")
    }

    @Test func englishInsideChineseQuotesIsNotSpaced() throws {
        let rule = try typographyRule("typography-space-cjk-latin")
        #expect(typography([rule], "他说“hello world”然后走了").findings == [])
        #expect(typography([rule], "他说「hello」然后走了").findings == [])
    }

    @Test func neverModeRemovesSpaces() throws {
        let rule = try typographyRule("typography-space-cjk-latin", options: #"{"mode": "never"}"#)
        let result = typography([rule], "在 Linux 上安装 2.0 版")
        #expect(result.findings == ["1:2 ''", "1:8 ''", "1:12 ''", "1:16 ''"])
        #expect(result.fixed == "在Linux上安装2.0版")
    }

    @Test func consistentModeFollowsTheMajority() throws {
        let rule = try typographyRule("typography-space-cjk-latin", options: #"{"mode": "consistent"}"#)
        // Three spaced boundaries, one not: the one is reported.
        let spaced = typography([rule], "在 Linux 上安装\n用 Git 管理代码Yes\n")
        #expect(spaced.findings == ["2:11 ' '"])
        #expect(spaced.fixed == "在 Linux 上安装\n用 Git 管理代码 Yes\n")
        // Three without, one with: the space goes.
        let unspaced = typography([rule], "在Linux上安装\n用Git管理代码 Yes\n")
        #expect(unspaced.findings == ["2:9 ''"])
        #expect(unspaced.fixed == "在Linux上安装\n用Git管理代码Yes\n")
        // A tie reports nothing.
        #expect(typography([rule], "在Linux 上安装").findings == [])
    }

    @Test func halfwidthBracketsTakeSpacesFromChinese() throws {
        let rule = try typographyRule("typography-space-cjk-bracket")
        #expect(typographyFixed([rule], "中文(English)中文，见[1]") == "中文 (English) 中文，见 [1]")
        #expect(typography([rule], "中文（English）中文，f(x)").findings == [])
    }

    /// The two spacing rules share one pass over the items per reading of markup: together,
    /// and with the markup read differently, each reports what it reports alone.
    @Test func spacingRulesTogetherReportWhatEachReportsAlone() throws {
        let text = "用**粗体**text和(括号)与`code`中文(English)中文\n第3章[1]见"
        let latin = try typographyRule("typography-space-cjk-latin")
        let touching = try typographyRule("typography-space-cjk-latin", options: #"{"acrossMarkup": false}"#)
        let bracket = try typographyRule("typography-space-cjk-bracket")
        let alone = [latin, touching, bracket].map { typography([$0], text, format: "markdown").findings }
        #expect(alone[0] != alone[1])
        #expect(alone[2] == ["1:13 ' '", "1:17 ' '", "1:26 ' '", "1:35 ' '", "2:4 ' '", "2:7 ' '"])
        // Indices into `alone`.
        for chosen in [[0, 2], [2, 0], [1, 2, 0]] {
            let together = typography(chosen.map { [latin, touching, bracket][$0] }, text, format: "markdown").findings
            #expect(together.sorted() == chosen.flatMap { alone[$0] }.sorted(), "\(chosen)")
        }
    }

    @Test func modeIsCheckedWhenTheRuleIsConfigured() throws {
        #expect(throws: ObjectReader.Failure.self) { try typographyRule("typography-space-cjk-latin", options: #"{"mode": "sometimes"}"#) }
        #expect(throws: ObjectReader.Failure.self) { try typographyRule("typography-ellipsis", options: #"{"mode": "always"}"#) }
        #expect(throws: ObjectReader.Failure.self) {
            try typographyRule("typography-halfwidth-punctuation", options: #"{"marks": ",x"}"#)
        }
    }
}
