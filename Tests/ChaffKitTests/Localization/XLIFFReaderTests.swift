import Testing

@testable import ChaffEngine

@Suite struct XLIFFReaderTests {
    /// XLIFF 1.2 as Xcode and Okapi write it: entities, an inline `<g>`, CDATA and an
    /// untranslated unit, for zh-TW.
    static let version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="en" target-language="zh-TW" datatype="plaintext" original="messages">
            <body>
              <trans-unit id="open">
                <source>Open &quot;%s&quot; in <g id="1">%d</g> windows</source>
                <target>在 <g id="1">%d</g> 個視窗開啟 &#x300C;%s&#x300D;</target>
                <note>Shown in the File menu 设置</note>
              </trans-unit>
              <trans-unit id="save">
                <source>Save <x id="1"/> now</source>
                <target>&lt;现在&gt;儲存</target>
              </trans-unit>
              <trans-unit id="count">
                <source>%1$s has %2$d items</source>
                <target state="translated"><![CDATA[%1$s 有 & %2$s 項]]></target>
              </trans-unit>
              <trans-unit id="new">
                <source>New %s</source>
                <target state="new">New %d</target>
              </trans-unit>
              <!-- 註解 设置 -->
            </body>
          </file>
        </xliff>

        """

    @Test func targetsAreProseAndSourcesNotesAttributesAreNot() throws {
        let document = XLIFFMasker().mask(Array(Self.version1.utf8))
        let prose = String(decoding: document.bytes(for: .prose), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func trimmed(_ line: Substring) -> String { String(line.reversed().drop { $0 == " " }.reversed()) }
        // Line 7: tags and the compared %d, %s are out; the references are decoded in place.
        // `&#x300C;` goes before the text it opens, `&#x300D;` after the text it closes.
        #expect(trimmed(prose[6]) == "                在                  個視窗開啟      「  」")
        #expect(trimmed(prose[5]) == "")
        #expect(trimmed(prose[7]) == "")
        #expect(trimmed(prose[11]).hasSuffix("<现在>   儲存"))
        let comment = String(decoding: document.bytes(for: .comment), as: UTF8.self)
        #expect(comment.contains("Shown in the File menu 设置"))
        #expect(comment.contains(" 註解 设置 "))
        #expect(document.commentRanges.count == 1)
        let table = try #require(document.localization)
        #expect(table.declaredLocale == "zh-TW")
        #expect(table.problems.isEmpty)
        // The unit in state `new` is not compared.
        #expect(
            table.pairs.map(\.source.string) == [
                "Open \"%s\" in <g id=\"1\">%d</g> windows", "Save <x id=\"1\"/> now", "%1$s has %2$d items",
            ])
        #expect(table.pairs[0].translation.string == "在 <g id=\"1\">%d</g> 個視窗開啟 「%s」")
        #expect(table.pairs[2].translation.string == "%1$s 有 & %2$s 項")
    }

    @Test func parityAndScriptFindingsAtExactPositions() throws {
        let found = try localizationFindings(parityRules + ["mixed-han-script"], Self.version1, path: "Resources/zh-Hant.xliff")
        #expect(
            found == [
                // Sequential %s and %d swapped (behind a tag and an entity).
                "7:29-7:52 translation-placeholder-reordered %d</g> 個視窗開啟 &#x300C;%s",
                "12:17-12:29 translation-placeholder-missing &lt;现在&gt;儲存",
                "12:21-12:22 mixed-han-script 现",
                // After CDATA's opening and a literal `&`.
                "16:54-16:58 translation-placeholder-changed %2$s",
            ])
    }

    /// XLIFF 2.0 as Angular and Okapi write it, for zh-CN.
    static let version2 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
         <file id="f1">
          <unit id="1">
           <notes><note>注釋：對話框</note></notes>
           <segment state="translated">
            <source>Delete <ph id="1" disp="{name}"/>?</source>
            <target>删除<ph id="2"/>吗？</target>
           </segment>
          </unit>
          <unit id="2">
           <segment>
            <source>Welcome, <pc id="1">{user}</pc></source>
            <target>歡迎，<pc id="1">{user}</pc> {extra}</target>
           </segment>
          </unit>
          <unit id="3">
           <segment state="initial">
            <source>Not yet %s</source>
            <target>尚未</target>
           </segment>
          </unit>
         </file>
        </xliff>

        """

    @Test func version2InlineElementsMatchById() throws {
        let found = try localizationFindings(parityRules + ["mixed-han-script"], Self.version2, path: "src/locale/messages.xlf")
        #expect(
            found == [
                "7:13-7:29 translation-placeholder-missing 删除<ph id=\"2\"/>吗？",
                "7:15-7:27 translation-placeholder-extra <ph id=\"2\"/>",
                "13:13-13:14 mixed-han-script 歡",
                "13:39-13:46 translation-placeholder-extra {extra}",
            ])
        let table = try #require(XLIFFMasker().mask(Array(Self.version2.utf8)).localization)
        #expect(table.declaredLocale == "zh-CN")
        #expect(table.pairs.count == 2)
    }

    @Test func problemsAreReportedWhereTheyAreAndTheRestIsRead() throws {
        let text = """
            \u{FEFF}<xliff version="1.2"><file target-language="zh-CN"><body>
            <trans-unit id="a"><source>A &amp; B</source><target>甲 &nbsp; 乙 & 丙</target></trans-unit>
            <trans-unit id="b"><source>x</source><target>未闭合</source></trans-unit>
            <trans-unit id="c"><source>%s</source><target>開 %d</target></trans-unit>
            </body></file></xliff>

            """
        let found = try localizationFindings(
            ["localization-syntax", "translation-placeholder-changed", "mixed-han-script"], text, path: "a.xlf")
        #expect(
            found == [
                "2:56-2:62 localization-syntax &nbsp;",
                "2:65-2:66 localization-syntax &",
                "3:38-3:46 localization-syntax <target>",
                "3:49-3:58 localization-syntax </source>",
                "4:47-4:48 mixed-han-script 開",
                "4:49-4:51 translation-placeholder-changed %d",
            ])
        let table = try #require(XLIFFMasker().mask(Array(text.utf8)).localization)
        #expect(
            table.problems.map(\.message) == [
                "unknown entity '&nbsp;'; XML knows &amp; &lt; &gt; &quot; &apos; and &#…;",
                "a bare '&'; write &amp; for the character",
                "<target> is not closed before </trans-unit>",
                "</source> closes no open element",
            ])
    }

    @Test func aSegmentedUnitPairsItsSegSource() throws {
        let text = """
            <xliff version="1.2"><file target-language="zh-CN"><body><trans-unit id="1">
            <source>One. Two %s.</source>
            <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two %s.</mrk></seg-source>
            <target><mrk mtype="seg" mid="1">一。</mrk><mrk mtype="seg" mid="2">二 %d。</mrk></target>
            </trans-unit></body></file></xliff>

            """
        #expect(try localizationFindings(parityRules, text, path: "a.xlf") == ["4:69-4:71 translation-placeholder-changed %d"])
    }

    @Test func unclosedMarkupAtTheEndOfTheFile() throws {
        let text = "<xliff><file target-language=\"zh-TW\"><trans-unit><source>a</source><target>b <!-- c"
        let table = try #require(XLIFFMasker().mask(Array(text.utf8)).localization)
        #expect(
            table.problems.map(\.message) == [
                "<xliff> is never closed", "<file> is never closed", "<trans-unit> is never closed", "<target> is never closed",
                "comment not closed by -->",
            ])
        #expect(table.pairs.map(\.translation.string) == ["b "])
    }
}
