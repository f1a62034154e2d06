import Testing

@testable import ChaffEngine

@Suite struct LocaleNameTests {
    @Test func namesAreNormalised() {
        #expect(LocaleName.normalized("zh_TW") == "zh-TW")
        #expect(LocaleName.normalized("zh_CN.UTF-8") == "zh-CN")
        #expect(LocaleName.normalized("ZH-hant-hk") == "zh-Hant-HK")
        #expect(LocaleName.normalized(" pt_BR ") == "pt-BR")
        #expect(LocaleName.normalized("sr@latin") == "sr")
        #expect(LocaleName.normalized("Chinese") == nil)
        #expect(LocaleName.normalized("") == nil)
    }

    @Test func chineseLocalesExpectTheirScript() {
        #expect(LocaleName.hanScript(of: "zh-CN") == .simplified)
        #expect(LocaleName.hanScript(of: "zh-SG") == .simplified)
        #expect(LocaleName.hanScript(of: "zh-Hans") == .simplified)
        #expect(LocaleName.hanScript(of: "zh-TW") == .traditional)
        #expect(LocaleName.hanScript(of: "zh-HK") == .traditional)
        #expect(LocaleName.hanScript(of: "zh-MO") == .traditional)
        #expect(LocaleName.hanScript(of: "zh-Hant") == .traditional)
        // A script wins over a region.
        #expect(LocaleName.hanScript(of: "zh-Hans-HK") == .simplified)
        #expect(LocaleName.hanScript(of: "zh") == nil)
        #expect(LocaleName.hanScript(of: "ja-JP") == nil)
    }

    @Test func localesFromPaths() {
        #expect(LocaleName.fromPath("po/zh_TW.po") == "zh-TW")
        #expect(LocaleName.fromPath("locale/zh_CN/LC_MESSAGES/django.po") == "zh-CN")
        #expect(LocaleName.fromPath("conf/locale/zh_Hant/LC_MESSAGES/djangojs.po") == "zh-Hant")
        #expect(LocaleName.fromPath("app/src/main/res/values-zh-rTW/strings.xml") == "zh-TW")
        #expect(LocaleName.fromPath("res/values-b+zh+Hant+HK/strings.xml") == "zh-Hant-HK")
        #expect(LocaleName.fromPath("Resources/zh-Hans.lproj/Localizable.strings") == "zh-Hans")
        #expect(LocaleName.fromPath("i18n/messages.zh-TW.xlf") == "zh-TW")
        #expect(LocaleName.fromPath("po/app-zh_HK.po") == "zh-HK")
        #expect(LocaleName.fromPath("po/zh.po") == "zh")
        // Folder and file names that are not locales.
        #expect(LocaleName.fromPath("doc/po/messages.po") == nil)
        #expect(LocaleName.fromPath("src/en/main.po") == nil)
        #expect(LocaleName.fromPath("po-files/x.po") == nil)
    }
}
