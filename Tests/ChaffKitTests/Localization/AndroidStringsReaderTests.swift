import Testing

@testable import ChaffEngine

@Suite struct AndroidStringsReaderTests {
    /// `res/values/strings.xml`: the source strings.
    static let source = """
        <?xml version="1.0" encoding="utf-8"?>
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
            <string name="app_name" translatable="false">Chaff</string>
            <string name="welcome">Welcome, <b>%1$s</b>!</string>
            <string name="count">%1$s has %2$d items</string>
            <string name="share">Share <xliff:g id="link">%s</xliff:g> with friends</string>
            <plurals name="files">
                <item quantity="one">%d file</item>
                <item quantity="other">%d files</item>
            </plurals>
            <string-array name="days">
                <item>Monday</item>
                <item>Tuesday %s</item>
            </string-array>
            <string name="percent" formatted="false">100% sure</string>
            <string name="order">%s of %d</string>
        </resources>

        """

    /// `res/values-zh-rTW/strings.xml`: a translation with escapes, entities and CDATA before
    /// its findings.
    static let translation = """
        <?xml version="1.0" encoding="utf-8"?>
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
            <!-- 繁體中文 设置 -->
            <string name="welcome">歡迎，\\"<b>%1$s</b>\\"！</string>
            <string name="count">\\u4E2D &amp; %1$s 有 %2$s 個项目</string>
            <string name="share"><![CDATA[<a href="s">分享</a>]]> <xliff:g id="link">%s</xliff:g> 給朋友</string>
            <plurals name="files">
                <item quantity="other">%d 個檔案</item>
            </plurals>
            <string-array name="days">
                <item>星期一</item>
                <item>星期二</item>
            </string-array>
            <string name="percent" formatted="false">百分之百 100% 確定</string>
            <string name="extra">多餘 %s</string>
            <string name="order">%d 中的 %s</string>
        </resources>

        """

    func document(_ text: String, path: String, sourceFile: String?) -> Document {
        DocumentMaker.document(
            path: path, source: Array(text.utf8), format: DocumentMaker.format(forPath: path), sourceFile: sourceFile.map { Array($0.utf8) }
        )
    }

    func findings(_ ids: [String], _ text: String, path: String, sourceFile: String?) throws -> [String] {
        try Linter(rules: shippedRules(ids)).lint(document(text, path: path, sourceFile: sourceFile)).sorted(by: Diagnostic.reportOrder).map
        {
            "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.ruleID) \($0.matchedText)"
        }
    }

    @Test func theFormatComesFromTheFileNameOrValuesFolder() {
        #expect(DocumentFormat(forPath: "app/src/main/res/values-zh-rTW/strings.xml") == .androidStrings)
        #expect(DocumentFormat(forPath: "res/values/arrays.xml") == .androidStrings)
        #expect(DocumentFormat(forPath: "res/values-b+zh+Hant+TW/plurals.xml") == .androidStrings)
        #expect(DocumentFormat(forPath: "strings_extra.xml") == .androidStrings)
        #expect(DocumentFormat(forPath: "res/layout/main.xml") == .plainText)
        #expect(DocumentFormat(forPath: "res/valuesx/a.xml") == .plainText)
        #expect(
            DocumentFormat.sourceFileCandidates(forPath: "res/values-zh-rTW/strings.xml", format: .androidStrings) == [
                "res/values/strings.xml"
            ])
        #expect(DocumentFormat.sourceFileCandidates(forPath: "res/values/strings.xml", format: .androidStrings) == [])
        #expect(DocumentFormat.sourceFileCandidates(forPath: "values-zh/x.xml", format: .androidStrings) == ["values/x.xml"])
    }

    @Test func stringsAreProseWithEscapesDecodedInPlace() throws {
        let document = document(Self.translation, path: "res/values-zh-rTW/strings.xml", sourceFile: Self.source)
        let lines = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        // `\"` is `"` and a space; the tags and the compared `%1$s` are out.
        #expect(lines[3] == "                           歡迎，\"            \" ！")
        // `\u4E2D` is 中 and three spaces; `&amp;` is decoded in place.
        #expect(lines[4] == "                         中    &          有      個项目")
        // CDATA's tags and the protected `<xliff:g>` content are out.
        #expect(lines[5] == String(repeating: " ", count: 46) + "分享" + String(repeating: " ", count: 40) + "給朋友")
        #expect(lines[2] == "")
        let table = try #require(document.masked.localization)
        #expect(table.pathLocale == "zh-TW")
        #expect(
            table.pairs.map(\.source.string) == [
                "Welcome, <b>%1$s</b>!", "%1$s has %2$d items", "Share <xliff:g id=\"link\">%s</xliff:g> with friends", "%d files",
                "Monday", "Tuesday %s", "100% sure", "%s of %d",
            ])
        #expect(table.pairs[1].translation.string == "中 & %1$s 有 %2$s 個项目")
        #expect(table.problems.isEmpty)
    }

    @Test func parityAndScriptFindings() throws {
        let found = try findings(
            parityRules + ["mixed-han-script"], Self.translation, path: "res/values-zh-rTW/strings.xml", sourceFile: Self.source)
        #expect(
            found == [
                "5:46-5:50 translation-placeholder-changed %2$s",
                "5:52-5:53 mixed-han-script 项",
                // A tag inside CDATA is HTML too.
                "6:35-6:47 translation-placeholder-extra <a href=\"s\">",
                "12:15-12:18 translation-placeholder-missing 星期二",
                "16:26-16:34 translation-placeholder-reordered %d 中的 %s",
            ])
    }

    @Test func stylingTagsAreTheTranslatorsToAdapt() throws {
        let source = "<resources><string name=\"a\">Allow <b>%1$s</b> to <i>see</i> <Untitled>?</string></resources>"
        let translation = "<resources><string name=\"a\">要允許「%1$s」看見 &lt;未命名&gt; 嗎？</string></resources>"
        #expect(try findings(parityRules, translation, path: "values-zh-rTW/strings.xml", sourceFile: source).isEmpty)
    }

    @Test func withoutTheSourceFileThereAreNoPairsButProseRulesRun() throws {
        let found = try findings(
            parityRules + ["mixed-han-script"], Self.translation, path: "res/values-zh-rTW/strings.xml", sourceFile: nil)
        #expect(found == ["5:52-5:53 mixed-han-script 项"])
    }

    @Test func aFileWhoseRootIsNotResourcesHasNoProse() {
        let document = document("<manifest>\n<string>设置 開啟</string>\n</manifest>\n", path: "res/values/strings.xml", sourceFile: nil)
        #expect(document.masked.localization == nil)
        #expect(document.masked.bytes(for: .prose).allSatisfy { $0 == 0x20 || $0 == 0x0A })
    }

    @Test func escapeProblems() throws {
        let text = "<resources>\n<string name=\"a\">不 \\k 好 \\u12 </string>\n<string name=\"b\">開\n</resources>\n"
        let table = try #require(document(text, path: "values-zh-rCN/strings.xml", sourceFile: nil).masked.localization)
        #expect(
            table.problems.map { "\($0.range) \($0.message)" } == [
                "33..<35 unknown escape; write \\\\ for a backslash",
                "40..<44 \\u needs four hexadecimal digits",
                "55..<72 <string> is not closed before </resources>",
            ])
    }
}
