import Foundation
import Testing

@testable import ChaffCLI

/// The config's `locales` patterns: a file matching one is written in that locale, a
/// catalogue or not, whatever it declares.
@Suite struct ConfiguredLocaleTests {
    /// Mostly Simplified, so that by majority the two Traditional characters would be the
    /// findings; a Traditional locale makes the Simplified ones the findings instead.
    static let simplifiedLeaning = "这个软件的设定很简单，開啟以后就可以使用了。\n"

    @Test func aPatternGivesAnyDocumentItsLocale() {
        let scratch = Scratch()
        scratch.write("docs/zh-tw/guide.md", Self.simplifiedLeaning)
        scratch.write("docs/zh-cn/guide.md", Self.simplifiedLeaning)
        scratch.write(".chaff.json", #"{"select": ["mixed-han-script"], "locales": {"docs/zh-tw/**": "zh_TW"}}"#)
        let run = chaff(["check", scratch.path("docs")], in: scratch.root)
        #expect(
            run.out == """
                docs/zh-cn/guide.md:1:12: warning: Traditional characters '開啟' in Simplified text; use '开启' [mixed-han-script]
                docs/zh-tw/guide.md:1:1: warning: Simplified characters '这个软' in Traditional text; use '這個軟' [mixed-han-script]
                docs/zh-tw/guide.md:1:6: warning: Simplified character '设' in Traditional text; use '設' [mixed-han-script]
                docs/zh-tw/guide.md:1:9: warning: Simplified characters '简单' in Traditional text; use '簡單' [mixed-han-script]
                docs/zh-tw/guide.md:1:15: warning: Simplified character '后' in Traditional text; use '後' [mixed-han-script]

                """)
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func aPatternOverridesTheCataloguesOwnLanguage() {
        let scratch = Scratch()
        let catalogue = "msgid \"\"\nmsgstr \"\"\n\"Language: zh_CN\\n\"\n\nmsgid \"a\"\nmsgstr \"设定裏面\"\n"
        scratch.write("po/app.po", catalogue)
        scratch.write(".chaff.json", #"{"select": ["mixed-han-script"], "locales": {"po/*.po": "zh-TW"}}"#)
        let run = chaff(["check", scratch.path("po")], in: scratch.root)
        #expect(
            run.out == """
                po/app.po:6:9: warning: Simplified character '设' in Traditional text; use '設' [mixed-han-script]
                po/app.po:6:11: warning: Hong Kong character '裏' in Taiwan text; use '裡' [mixed-han-script]

                """)
        #expect(run.status == 1)
    }

    @Test func aValueThatIsNoLocaleIsAnError() {
        let scratch = Scratch()
        scratch.write("a.md", "text\n")
        scratch.write(".chaff.json", "{\"locales\": {\"*.md\": \"not a locale!\"}}")
        let run = chaff(["check", scratch.path("a.md")], in: scratch.root)
        #expect(
            run.err
                == ".chaff.json:1:22: error: 'locales.*.md' must be a locale such as 'zh-TW' or 'zh_Hans', found 'not a locale!'\n")
        #expect(run.status == 2)
    }
}
