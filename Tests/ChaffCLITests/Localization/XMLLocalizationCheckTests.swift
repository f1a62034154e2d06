import Foundation
import Testing

/// `chaff check` on a project with Android, Apple and XLIFF catalogues: each file read by its format,
/// Android and `.stringsdict` strings paired with the source file beside them.
@Suite struct XMLLocalizationCheckTests {
    static func project() -> Scratch {
        let scratch = Scratch()
        scratch.write(
            "app/res/layout/main.xml",
            """
            <LinearLayout><TextView android:text="设置 開啟 %s"/></LinearLayout>

            """)
        scratch.write(
            "app/res/values-zh-rTW/strings.xml",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <resources>
                <string name="welcome">歡迎，\\'%1$s\\'！</string>
                <string name="count">%1$s 有 %2$s 个項目</string>
            </resources>

            """)
        scratch.write(
            "app/res/values/strings.xml",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <resources>
                <string name="welcome">Welcome, %1$s!</string>
                <string name="count">%1$s has %2$d items</string>
            </resources>

            """)
        scratch.write(
            "ios/en.lproj/Localizable.stringsdict",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0">
            <dict>
            \t<key>files</key>
            \t<dict>
            \t\t<key>NSStringLocalizedFormatKey</key>
            \t\t<string>%#@n@</string>
            \t\t<key>n</key>
            \t\t<dict>
            \t\t\t<key>NSStringFormatSpecTypeKey</key>
            \t\t\t<string>NSStringPluralRuleType</string>
            \t\t\t<key>one</key>
            \t\t\t<string>%d file</string>
            \t\t\t<key>other</key>
            \t\t\t<string>%d files</string>
            \t\t</dict>
            \t</dict>
            </dict>
            </plist>

            """)
        scratch.write(
            "ios/zh-Hans.lproj/Localizable.stringsdict",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <plist version="1.0">
            <dict>
            \t<key>files</key>
            \t<dict>
            \t\t<key>NSStringLocalizedFormatKey</key>
            \t\t<string>%#@n@</string>
            \t\t<key>n</key>
            \t\t<dict>
            \t\t\t<key>NSStringFormatSpecTypeKey</key>
            \t\t\t<string>NSStringPluralRuleType</string>
            \t\t\t<key>other</key>
            \t\t\t<string>共 %@ 個文件</string>
            \t\t</dict>
            \t</dict>
            </dict>
            </plist>

            """)
        scratch.write(
            "web/messages.zh-TW.xlf",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2">
              <file source-language="en" target-language="zh-TW">
                <body>
                  <trans-unit id="a">
                    <source>Delete <x id="1"/> &amp; <x id="2"/></source>
                    <target>删除 <x id="1"/> &amp; <x id="3"/></target>
                  </trans-unit>
                  <trans-unit id="b">
                    <source>Broken</source>
                    <target>壞&nbsp;的</target>
                  </trans-unit>
                </body>
              </file>
            </xliff>

            """)
        return scratch
    }

    @Test func findingsInEveryFormatWithExactPositionsAndStatus() {
        let scratch = Self.project()
        let run = chaff(["check", "--no-config", scratch.root], in: scratch.root)
        #expect(
            run.out.split(separator: "\n").map(String.init) == [
                "app/res/values-zh-rTW/strings.xml:4:33: error: Placeholder '%2$s' has another type than the source's '%2$d' [translation-placeholder-changed]",
                "app/res/values-zh-rTW/strings.xml:4:38: warning: Simplified character '个' in Traditional text; use '個' [mixed-han-script]",
                "ios/zh-Hans.lproj/Localizable.stringsdict:13:14: error: Placeholder '%@' has another type than the source's '%d' [translation-placeholder-changed]",
                "ios/zh-Hans.lproj/Localizable.stringsdict:13:17: warning: Traditional character '個' in Simplified text; use '个' [mixed-han-script]",
                "web/messages.zh-TW.xlf:7:17: warning: Simplified character '删' in Traditional text; use '刪' [mixed-han-script]",
                "web/messages.zh-TW.xlf:7:17: error: Translation is missing placeholder '<x id=\"2\"/>' of its source [translation-placeholder-missing]",
                "web/messages.zh-TW.xlf:7:38: error: Translation has placeholder '<x id=\"3\"/>' that its source does not [translation-placeholder-extra]",
                "web/messages.zh-TW.xlf:11:18: error: Cannot read the localization file: unknown entity '&nbsp;'; XML knows &amp; &lt; &gt; &quot; &apos; and &#…; [localization-syntax]",
            ])
        #expect(run.status == 1)
    }

    @Test func withoutTheSourceFileTheProseRulesStillRun() throws {
        let scratch = Self.project()
        try FileManager.default.removeItem(atPath: scratch.path("app/res/values/strings.xml"))
        let run = chaff(["check", "--no-config", scratch.path("app")], in: scratch.root)
        #expect(
            run.out
                == "app/res/values-zh-rTW/strings.xml:4:38: warning: Simplified character '个' in Traditional text; use '個' [mixed-han-script]\n"
        )
        // A warning fails the run by default.
        #expect(run.status == 1)
    }

    @Test func theSourceFileIsReadEachRunEvenWithTheCache() throws {
        let scratch = Self.project()
        let arguments = ["check", "--no-config", "--cache=" + scratch.path(".cache"), scratch.path("app")]
        #expect(chaff(arguments, in: scratch.root).status == 1)
        // Only the source changes: the translation's finding follows it.
        scratch.write("app/res/values/strings.xml", "<resources><string name=\"count\">%1$s has %2$s items</string></resources>\n")
        let run = chaff(arguments, in: scratch.root)
        #expect(
            run.out
                == "app/res/values-zh-rTW/strings.xml:4:38: warning: Simplified character '个' in Traditional text; use '個' [mixed-han-script]\n"
        )
    }
}
