import Testing

@testable import ChaffEngine

@Suite struct StringsdictReaderTests {
    static func plist(_ format: String, _ one: String?, _ other: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        \t<key>files_count</key>
        \t<dict>
        \t\t<key>NSStringLocalizedFormatKey</key>
        \t\t<string>\(format)</string>
        \t\t<key>files</key>
        \t\t<dict>
        \t\t\t<key>NSStringFormatSpecTypeKey</key>
        \t\t\t<string>NSStringPluralRuleType</string>
        \t\t\t<key>NSStringFormatValueTypeKey</key>
        \t\t\t<string>d</string>
        \(one.map { "\t\t\t<key>one</key>\n\t\t\t<string>\($0)</string>\n" } ?? "")\t\t\t<key>other</key>
        \t\t\t<string>\(other)</string>
        \t\t</dict>
        \t</dict>
        </dict>
        </plist>

        """
    }

    static let english = plist("%#@files@ in %@", "%d file", "%d files")
    static let chinese = plist("&lt;%@&gt; 中的 %#@files@", nil, "%s 个檔案")

    @Test func valuesAreProseKeysAndSyntaxAreNot() throws {
        let document = DocumentMaker.document(
            path: "App/zh-Hans.lproj/Localizable.stringsdict", source: Array(Self.chinese.utf8), format: "stringsdict",
            sourceFile: Array(Self.english.utf8))
        let lines = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        // The variable `%#@files@` and the compared `%@` are out; `&lt;` is decoded in place.
        #expect(lines[7] == "             <  >    中的")
        #expect(lines[11] == "")
        #expect(lines[13] == "")
        #expect(lines[15] == "              个檔案")
        #expect(lines[4] == "")
        let table = try #require(document.masked.localization)
        #expect(table.pathLocale == "zh-Hans")
        #expect(table.pairs.map(\.source.string) == ["%#@files@ in %@", "%d files"])
        #expect(table.pairs.map(\.translation.string) == ["<%@> 中的 %#@files@", "%s 个檔案"])
    }

    @Test func parityAndScriptFindings() throws {
        let path = "App/zh-Hans.lproj/Localizable.stringsdict"
        let document = DocumentMaker.document(
            path: path, source: Array(Self.chinese.utf8), format: "stringsdict", sourceFile: Array(Self.english.utf8))
        let found = try Linter(rules: shippedRules(parityRules + ["mixed-han-script"])).lint(document).sorted(by: Diagnostic.reportOrder)
            .map { "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.ruleID) \($0.matchedText)" }
        #expect(
            found == [
                "16:12-16:14 translation-placeholder-changed %s",
                "16:16-16:17 mixed-han-script 檔",
            ])
        // A dropped variable is missing.
        let dropped = DocumentMaker.document(
            path: path, source: Array(Self.plist("全部", nil, "%d 个").utf8), format: "stringsdict", sourceFile: Array(Self.english.utf8))
        let missing = try Linter(rules: shippedRules(parityRules)).lint(dropped).map { "\($0.line):\($0.column) \($0.message)" }
        #expect(
            missing == [
                "8:11 Translation is missing placeholder '%#@files@' of its source",
                "8:11 Translation is missing placeholder '%@' of its source",
            ])
        // Unnumbered directives swapped.
        let swapped = DocumentMaker.document(
            path: path, source: Array(Self.plist("%d 项属于 %@", nil, "%d 个").utf8), format: "stringsdict",
            sourceFile: Array(Self.plist("%@ has %d", nil, "%d files").utf8))
        let reordered = try Linter(rules: shippedRules(parityRules)).lint(swapped).map {
            "\($0.line):\($0.column)-\($0.endColumn) \($0.ruleID)"
        }
        #expect(reordered == ["8:11-20 translation-placeholder-reordered"])
    }

    @Test func sourceFileCandidates() {
        #expect(
            DocumentFormat.sourceFileCandidates(forPath: "App/zh-Hant.lproj/Localizable.stringsdict", format: .stringsdict)
                == ["App/en.lproj/Localizable.stringsdict", "App/Base.lproj/Localizable.stringsdict"])
        #expect(DocumentFormat.sourceFileCandidates(forPath: "App/en.lproj/Localizable.stringsdict", format: .stringsdict) == [])
        #expect(DocumentFormat.sourceFileCandidates(forPath: "Localizable.stringsdict", format: .stringsdict) == [])
    }
}
