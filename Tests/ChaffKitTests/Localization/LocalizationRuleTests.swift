import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffText

@Suite struct LocalizationRuleTests {
    /// An astral character (𠀀: 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar) and an escape before
    /// each finding, so that every column unit differs.
    static let catalogue = """
        msgid ""
        msgstr ""
        "Language: zh_CN\\n"

        #, c-format
        msgid "%s of %d"
        msgstr "𠀀\\"%d\\" 的 %d"

        msgid "Open"
        msgstr "𠀀\\t打開"

        """

    @Test(arguments: [
        (ColumnUnit.utf8, ["7:15-7:17 translation-placeholder-changed %d", "10:18-10:21 mixed-han-script 開"]),
        (ColumnUnit.utf16, ["7:13-7:15 translation-placeholder-changed %d", "10:14-10:15 mixed-han-script 開"]),
        (ColumnUnit.scalar, ["7:12-7:14 translation-placeholder-changed %d", "10:13-10:14 mixed-han-script 開"]),
    ])
    func positionsAreExactInEveryColumnUnit(unit: ColumnUnit, expected: [String]) throws {
        let found = try localizationFindings(parityRules + ["mixed-han-script"], Self.catalogue, path: "po/zh_CN.po", unit: unit)
        #expect(found == expected)
    }

    @Test func theFixIsTheSourceDirective() throws {
        let document = DocumentMaker.document(path: "zh_CN.po", source: Array(Self.catalogue.utf8), format: "po")
        let diagnostics = try Linter(rules: shippedRules(["translation-placeholder-changed"])).lint(document)
        #expect(diagnostics.map(\.fix) == ["%s"])
        #expect(diagnostics.map(\.message) == ["Placeholder '%d' has another type than the source's '%s'"])
    }

    static let traditional = """
        msgid ""
        msgstr ""
        "Language: zh_TW\\n"

        msgid "Settings"
        msgstr "设置"

        msgid "Open the file"
        msgstr "開啟檔案"

        """

    @Test func theLocaleDecidesTheExpectedScript() throws {
        // One Simplified character (设; 置 is both) among Traditional ones: wrong for zh-TW.
        #expect(
            try localizationFindings(["mixed-han-script"], Self.traditional, path: "zh_TW.po")
                == ["6:9-6:10 mixed-han-script 设"])
        // The same entries in a catalogue declared zh-CN: the Traditional ones are wrong, however
        // many (by majority, 设 would be the one reported).
        let simplified = Self.traditional.replacingOccurrences(of: "zh_TW", with: "zh_CN")
        #expect(
            try localizationFindings(["mixed-han-script"], simplified, path: "x.po")
                == ["9:9-9:12 mixed-han-script 開啟檔"])
        // The header wins over the path.
        #expect(
            try localizationFindings(["mixed-han-script"], simplified, path: "zh_TW.po")
                == ["9:9-9:12 mixed-han-script 開啟檔"])
        // No header: the path names the locale.
        let headless = "msgid \"Settings\"\nmsgstr \"设置\"\n\nmsgid \"File\"\nmsgstr \"檔案與資料\"\n"
        #expect(try localizationFindings(["mixed-han-script"], headless, path: "po/zh_TW.po") == ["2:9-2:10 mixed-han-script 设"])
        #expect(
            try localizationFindings(["mixed-han-script"], headless, path: "po/zh_CN/LC_MESSAGES/app.po")
                == ["5:9-5:10 mixed-han-script 檔", "5:11-5:13 mixed-han-script 與資"])
    }

    @Test func sourceStringsAndCommentsAreNotProse() throws {
        // Traditional msgid and comments in a Simplified catalogue are not judged.
        let text = "# 繁體註解\nmsgid \"開啟檔案\"\nmsgstr \"打开文件\"\n"
        #expect(try localizationFindings(["mixed-han-script"], text, path: "zh_CN.po").isEmpty)
    }

    @Test func placeholderRulesLeaveComparedDirectivesToTheParityRules() throws {
        let rules = ["placeholder-printf-specifier", "placeholder-brace-slot"] + parityRules
        let text = """
            #, c-format
            msgid "Open %s"
            msgstr "打开 %s"

            msgid "Open the file"
            msgstr "打开 %s 文件"

            #, python-brace-format
            msgid "Hello {name}"
            msgstr "你好 {名字}"

            msgid "Hello {name}"
            msgstr "你好 {名字}"

            """
        #expect(
            try localizationFindings(rules, text, path: "zh_CN.po") == [
                "6:12-6:14 translation-placeholder-extra %s",
                "10:9-10:16 translation-placeholder-missing 你好 {名字}",
                "10:12-10:16 translation-placeholder-extra {名字}",
                "13:9-13:16 translation-placeholder-missing 你好 {名字}",
                "13:12-13:16 placeholder-brace-slot {名字}",
            ])
    }

    @Test func pluralFormsUsedForSeveralNumbersKeepTheNumber() throws {
        let header = { (forms: String) in "msgid \"\"\nmsgstr \"Plural-Forms: \(forms)\\n\"\n\n" }
        let entry =
            "#, python-format\nmsgid \"an hour ago\"\nmsgid_plural \"%(count)s hours ago\"\nmsgstr[0] \"pre sat\"\nmsgstr[1] \"pre %(count)s sata\"\nmsgstr[2] \"pre %(count)s sati\"\n"
        // Serbian: form 0 serves 1, 21, 31, …: the number must stay.
        let serbian = header("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
        #expect(
            try localizationFindings(parityRules, serbian + entry, path: "sr.po") == ["7:12-7:19 translation-placeholder-missing pre sat"])
        // English-like: form 0 is 1 only.
        let german = header("nplurals=2; plural=(n != 1);") + entry.replacingOccurrences(of: "msgstr[2] \"pre %(count)s sati\"\n", with: "")
        #expect(try localizationFindings(parityRules, german, path: "de.po").isEmpty)
    }

    @Test func anEmptyPluralFormBesideTranslatedOnesLosesThePlaceholder() throws {
        let text =
            "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=n != 1;\\n\"\n\n#, python-format\nmsgid \"%(max)s item\"\nmsgid_plural \"%(max)s items\"\nmsgstr[0] \"%(max)s enhet\"\nmsgstr[1] \"\"\n\nmsgid \"Untranslated\"\nmsgstr \"\"\n"
        #expect(try localizationFindings(parityRules, text, path: "nb.po") == ["8:11-8:13 translation-placeholder-missing \"\""])
    }

    @Test func fuzzyEntriesAreNotes() throws {
        let text = "#, fuzzy, c-format\nmsgid \"Open %s\"\nmsgstr \"打开\"\n\n#, c-format\nmsgid \"Close %s\"\nmsgstr \"关闭\"\n"
        let document = DocumentMaker.document(path: "zh_CN.po", source: Array(text.utf8), format: "po")
        let found = try Linter(rules: shippedRules(parityRules)).lint(document).sorted(by: Diagnostic.reportOrder)
        #expect(found.map { "\($0.line):\($0.column) \($0.severity.rawValue)" } == ["3:9 note", "7:9 error"])
    }

    @Test func readerProblemsAreFindings() throws {
        let text = "msgid \"a\"\nmsgstr \"b\nmsgid \"c\"\n"
        #expect(
            try localizationFindings(["localization-syntax"], text, path: "x.po") == [
                "2:8-2:10 localization-syntax \"b", "3:1-3:10 localization-syntax msgid \"c\"",
            ])
    }
}
