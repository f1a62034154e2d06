import Testing

@testable import ChaffEngine

@Suite struct I18nJSONReaderTests {
    static let english = """
        {
          "welcome": "Welcome back, {{name}}!",
          "nav": {"home": "Home", "inbox": "$t(nav.home) inbox"},
          "files": "{count, plural, =0 {No files} one {One file} other {# files by {owner}}}",
          "role": "{gender, select, female {She} male {He} other {They}} replied",
          "size": "%d bytes",
          "tips": ["Save often", "Tab \\"moves\\""]
        }

        """

    static let chinese = """
        {
          "welcome": "欢迎回来，{{username}}！",
          "nav": {"home": "首页", "inbox": "$t(nav.main)收件箱"},
          "files": "{count, plural, other {{owner} 的 # 个文件}}",
          "role": "{gender, plural, other {他们}}回复了",
          "size": "%s 字节",
          "tips": ["经常保存", "Tab \\"移动\\"\\u4E2D"],
          "extra": "未翻译 {{x}}"
        }

        """

    @Test func valuesAreProseKeysAndSyntaxAreNot() {
        let lines = proseLines(Self.chinese, format: .i18nJSON, sourceCatalogue: Self.english)
        #expect(lines[1] == "              欢迎回来，            ！")
        #expect(lines[2] == "                   首页                         收件箱")
        // The plural's branch text is prose; its head, selector and braces, and the arguments, are not.
        #expect(lines[3] == "                                           的 # 个文件")
        #expect(lines[6] == "            经常保存    Tab \" 移动\" 中")
        // Without a source value, a placeholder is still not prose.
        #expect(lines[7] == "            未翻译")
        #expect(lines[0].isEmpty && lines[8].isEmpty)
    }

    @Test func pairsByKeyPath() throws {
        let document = SourceCatalogue.document(
            path: "locales/zh-CN/common.json", source: Array(Self.chinese.utf8), format: .i18nJSON,
            sourceCatalogue: Array(Self.english.utf8))
        let table = try #require(document.masked.localization)
        #expect(table.pathLocale == "zh-CN")
        #expect(table.problems.isEmpty)
        #expect(
            table.pairs.map(\.source.string) == [
                "Welcome back, {{name}}!", "Home", "$t(nav.home) inbox",
                "{count, plural, =0 {No files} one {One file} other {# files by {owner}}}",
                "{gender, select, female {She} male {He} other {They}} replied", "%d bytes", "Save often", "Tab \"moves\"",
            ])
        #expect(table.pairs.last?.translation.string == "Tab \"移动\"中")
    }

    @Test func parityForEverySyntax() throws {
        let found = try catalogueFindings(
            parityRules, Array(Self.chinese.utf8), path: "locales/zh-CN/common.json", sourceCatalogue: Self.english)
        #expect(
            found == [
                "2:15-2:33 translation-placeholder-missing 欢迎回来，{{username}}！",
                "2:20-2:32 translation-placeholder-extra {{username}}",
                // A `$t()` the translation leaves out is only reported as the extra one it names.
                "3:35-3:47 translation-placeholder-extra $t(nav.main)",
                "5:12-5:27 translation-placeholder-changed {gender, plural",
                "6:12-6:14 translation-placeholder-changed %s",
            ])
    }

    @Test func mixedHanScriptExpectsThePathLocale() throws {
        let found = try catalogueFindings(
            ["mixed-han-script"], Array(Self.chinese.utf8), path: "locales/zh-TW/common.json", sourceCatalogue: Self.english)
        // 移动 stands in quotes: a quotation of the other system, which the rule leaves alone.
        #expect(
            found == [
                "2:15-2:16 mixed-han-script 欢", "2:18-2:19 mixed-han-script 来", "3:21-3:22 mixed-han-script 页",
                "4:48-4:49 mixed-han-script 个", "5:37-5:38 mixed-han-script 们", "5:41-5:42 mixed-han-script 复",
                "6:16-6:17 mixed-han-script 节", "7:13-7:14 mixed-han-script 经", "8:15-8:16 mixed-han-script 译",
            ])
    }

    static let arbEnglish = """
        {
          "@@locale": "en",
          "itemCount": "{count, plural, =0{No items} one{One item} other{{count} items}}",
          "@itemCount": {"description": "Number of items", "placeholders": {"count": {"type": "int"}}},
          "hello": "Hello {name}, it's {time}"
        }

        """

    @Test func arbMetadataIsNotProseAndLocaleIsDeclared() throws {
        let arb = """
            {
              "@@locale": "zh_TW",
              "itemCount": "{count, plural, other{{n} 個項目}}",
              "@itemCount": {"description": "項目數"},
              "hello": "你好 {name}，现在是 {time}"
            }

            """
        let document = SourceCatalogue.document(
            path: "lib/l10n/intl_zh.arb", source: Array(arb.utf8), format: .arb, sourceCatalogue: Array(Self.arbEnglish.utf8))
        let table = try #require(document.masked.localization)
        #expect(table.declaredLocale == "zh-TW" && table.pathLocale == "zh" && table.locale == "zh-TW")
        #expect(table.pairs.count == 2)
        let prose = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self)
        #expect(!prose.contains("項目數") && !prose.contains("zh_TW") && prose.contains("個項目"))
        let found = try catalogueFindings(
            parityRules + ["mixed-han-script"], Array(arb.utf8), path: "lib/l10n/intl_zh.arb", sourceCatalogue: Self.arbEnglish)
        #expect(found == ["3:39-3:42 translation-placeholder-extra {n}", "5:23-5:24 mixed-han-script 现"])
    }

    @Test func invalidJSONIsReportedWhereItIsAndWhatPrecedesIsRead() throws {
        let broken = """
            {
              "a": "一",
              "b": "二",
            }
            {"c": "三"}
            """
        let document = SourceCatalogue.document(path: "zh-CN.json", source: Array(broken.utf8), format: .i18nJSON, sourceCatalogue: nil)
        let table = try #require(document.masked.localization)
        #expect(
            table.problems.map { "\($0.range) \($0.message)" } == [
                "28..<29 invalid JSON: a trailing comma (JSON.parse rejects it)", "32..<33 invalid JSON: text after the JSON value",
            ])
        let unclosed = "{\"a\": \"一\", \"b\": \"二\n}"
        let second = try #require(
            SourceCatalogue.document(path: "zh-CN.json", source: Array(unclosed.utf8), format: .i18nJSON, sourceCatalogue: nil).masked
                .localization)
        #expect(
            second.problems.map { "\($0.range) \($0.message)" } == ["18..<22 invalid JSON: a string not closed before the end of its line"])
        let prose = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self)
        #expect(prose.contains("一") && prose.contains("二"))
    }

    @Test(arguments: [
        ("locales/zh-TW.json", true), ("src/i18n/zh_CN.json", true), ("zh.json", true), ("locales/de.json", true),
        ("public/locales/en/translation.json", true), ("locales/zh-Hant/common.json", true), ("lang/ja/app.json", true),
        ("package.json", false), ("src/en.json", false), ("data/config.json", false), ("locales/zh-TW/package.json", false),
        ("doc/index.json", false), ("zh-TW.txt", false), ("docs/rules/my-rule.json", false), ("to-do.json", false),
        ("zh-tw.json", true), ("locales/pt-br.json", true), ("pt-BR.json", true), ("sr-Latn.json", true), ("es-419.json", true),
    ])
    func onlyPathsThatNameALocaleAreCatalogues(path: String, expected: Bool) {
        #expect(SourceCatalogue.isCatalogueJSON(path) == expected)
        #expect((DocumentFormat(forPath: path) == .i18nJSON) == expected)
    }

    @Test(arguments: [
        ("locales/zh-TW.json", DocumentFormat.i18nJSON, ["locales/en.json", "locales/en-US.json", "locales/en_US.json"]),
        ("locales/zh-TW/common.json", .i18nJSON, ["locales/en/common.json", "locales/en-US/common.json", "locales/en_US/common.json"]),
        ("lib/l10n/app_zh_TW.arb", .arb, ["lib/l10n/app_en.arb", "lib/l10n/app_en_US.arb"]),
        (
            "App/zh-Hant.lproj/Localizable.strings", .appleStrings,
            [
                "App/en.lproj/Localizable.strings", "App/English.lproj/Localizable.strings", "App/Base.lproj/Localizable.strings",
            ]
        ),
        ("res/values-zh-rTW/strings.xml", .plainText, ["res/values/strings.xml"]),
        ("locales/en.json", .i18nJSON, ["locales/en-US.json", "locales/en_US.json"]),
        ("notes/todo.json", .plainText, []),
    ])
    func sourceCatalogueCandidates(path: String, format: DocumentFormat, expected: [String]) {
        #expect(SourceCatalogue.candidates(forPath: path, format: format) == expected)
    }
}

@Suite struct CatalogueEscapeFindingTests {
    @Test func aFindingOnAnEscapeCoversTheWholeEscapeAndItsFixReplacesIt() throws {
        // 删除 written as escapes, as JSON exporters do, in a zh-TW file.
        let source = Array("{\"delete\": \"\\u5220\\u9664 file\"}\n".utf8)
        let document = SourceCatalogue.document(path: "locales/zh-TW.json", source: source, format: .i18nJSON, sourceCatalogue: nil)
        let diagnostics = try Linter(rules: shippedRules(["mixed-han-script"])).lint(document)
        #expect(diagnostics.map { "\($0.range) \($0.matchedText) \($0.fix ?? "-")" } == ["12..<18 \\u5220 刪"])
        #expect(FixApplier.apply(diagnostics, to: source).bytes == Array("{\"delete\": \"刪\\u9664 file\"}\n".utf8))
    }
}

@Suite struct I18nextPluralFormTests {
    static let english = """
        {"files_one": "{{count}} file", "files_other": "{{count}} files", "tags_one": "All tags (1)",
         "clear": "Clear $t(run_one)", "open": "Open $t(run_one)"}
        """

    @Test(arguments: [
        // A single-number form may spell the number out; `{{count}}` is always passed to a
        // plural form; a nested string may be written out.
        (
            "de",
            "{\"files_one\": \"eine Datei\", \"files_other\": \"{{count}} Dateien\", \"tags_one\": \"Alle ({{count}})\", \"clear\": \"Lauf leeren\", \"open\": \"$t(runs) öffnen\"}",
            [
                "1:130-1:138 translation-placeholder-extra $t(runs)"
            ]
        ),
        // Russian `one` also takes 21, 31, …: the count must stay; `other` always keeps it.
        (
            "ru", "{\"files_one\": \"один файл\", \"files_other\": \"файлов\"}",
            [
                "1:16-1:25 translation-placeholder-missing один файл", "1:44-1:50 translation-placeholder-missing файлов",
            ]
        ),
    ])
    func pluralFormsAndNesting(locale: String, file: String, expected: [String]) throws {
        let found = try catalogueFindings(parityRules, Array(file.utf8), path: "locales/\(locale)/app.json", sourceCatalogue: Self.english)
        #expect(found == expected)
    }
}
