import Testing

/// `chaff check` on a tree of Apple, i18next, ARB and Xcode catalogues: each file is read in its
/// format, paired with the source-locale file beside it, and judged by its locale.
@Suite struct CatalogueCheckTests {
    static func tree() -> Scratch {
        let scratch = Scratch()
        scratch.write("App/en.lproj/Localizable.strings", "/* Greeting */\n\"greeting\" = \"Hello, %@!\";\n\"count\" = \"%lld items\";\n")
        // Xcode writes UTF-16: 𠀀 is a surrogate pair, `\"` an escape, before the findings.
        scratch.write(
            "App/zh-Hant.lproj/Localizable.strings",
            bytes: [0xFF, 0xFE]
                + "/* 問候 */\n\"greeting\" = \"𠀀\\\"%d\\\"！\";\n\"count\" = \"%lld 个項目\"\n\"Delete %@?\" = \"刪除 %@？\";\n".utf16
                .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        scratch.write(
            "web/locales/en/common.json", "{\"welcome\": \"Welcome, {{name}}!\", \"nested\": {\"open\": \"$t(common.open) now\"}}\n")
        scratch.write("web/locales/zh-TW/common.json", "{\"welcome\": \"欢迎，{{user}}！\", \"nested\": {\"open\": \"立即$t(common.open)\"}}\n")
        scratch.write("lib/l10n/app_en.arb", "{\"@@locale\": \"en\", \"items\": \"{count, plural, one{One item} other{{count} items}}\"}\n")
        scratch.write("lib/l10n/app_zh_CN.arb", "{\"@@locale\": \"zh_CN\", \"items\": \"{count, select, other{{count} 個项目}}\",}\n")
        scratch.write("config/settings.json", "{\"title\": \"%s 的设置 {{ x }}\"}\n")
        return scratch
    }

    @Test func checkReportsEveryCatalogueInItsFormat() {
        let scratch = Self.tree()
        let run = chaff(["check", "--no-config", scratch.root], in: scratch.root)
        #expect(
            run.out == """
                App/zh-Hant.lproj/Localizable.strings:2:18: error: Placeholder '%d' has another type than the source's '%@' [translation-placeholder-changed]
                App/zh-Hant.lproj/Localizable.strings:3:17: warning: Simplified character '个' in Traditional text; use '個' [mixed-han-script]
                App/zh-Hant.lproj/Localizable.strings:3:20: error: Cannot read the localization file: missing ';' after the value [localization-syntax]
                lib/l10n/app_zh_CN.arb:1:33: error: Placeholder '{count, select' has another type than the source's '{count, plural' [translation-placeholder-changed]
                lib/l10n/app_zh_CN.arb:1:63: warning: Traditional character '個' in Simplified text; use '个' [mixed-han-script]
                lib/l10n/app_zh_CN.arb:1:69: error: Cannot read the localization file: invalid JSON: a trailing comma (JSON.parse rejects it) [localization-syntax]
                web/locales/zh-TW/common.json:1:14: warning: Simplified character '欢' in Traditional text; use '歡' [mixed-han-script]
                web/locales/zh-TW/common.json:1:14: error: Translation is missing placeholder '{{name}}' of its source [translation-placeholder-missing]
                web/locales/zh-TW/common.json:1:17: error: Translation has placeholder '{{user}}' that its source does not [translation-placeholder-extra]

                """)
        #expect(run.err == "App/zh-Hant.lproj/Localizable.strings: note: read as UTF-16LE, not UTF-8\n")
        #expect(run.status == 1)
    }

    @Test func columnsInTheUTF16FileAreThoseOfEachUnit() {
        let scratch = Self.tree()
        for (unit, column) in [("utf8", 37), ("utf16", 19), ("scalar", 18)] {
            let run = chaff(
                ["check", "--no-config", "-q", "--column-unit", unit, "--select", "translation-placeholder-changed", scratch.path("App")],
                in: scratch.root)
            #expect(
                run.out
                    == "App/zh-Hant.lproj/Localizable.strings:2:\(column): error: Placeholder '%d' has another type than the source's '%@' [translation-placeholder-changed]\n",
                "\(unit)")
        }
    }

    @Test func theSourceCatalogueIsReadEachRunEvenWithTheCache() {
        let scratch = Self.tree()
        let arguments = [
            "check", "--no-config", "--cache=" + scratch.path(".cache"), "--select", "translation-placeholder-missing",
            scratch.path("web"),
        ]
        #expect(
            chaff(arguments, in: scratch.root).out
                == "web/locales/zh-TW/common.json:1:14: error: Translation is missing placeholder '{{name}}' of its source [translation-placeholder-missing]\n"
        )
        // Only the source changes: the translation's finding follows it.
        scratch.write(
            "web/locales/en/common.json", "{\"welcome\": \"Welcome, {{user}}!\", \"nested\": {\"open\": \"$t(common.open) now\"}}\n")
        let run = chaff(arguments, in: scratch.root)
        #expect(run.out == "")
        #expect(run.status == 0)
    }
}
