import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffText

@Suite struct AppleStringsReaderTests {
    static let english = """
        /* Shown when a file is deleted. */
        "delete.confirm" = "Delete %@?";
        "items.count" = "%lld items in %@";
        "greeting" = "Hello, %1$@! You have %2$lld messages.";

        """

    static let chinese = """
        /* 删除文件时显示。 */
        "delete.confirm" = "删除\\"%@\\"？";
        // 行注释
        "items.count" = "%d 个项目，位于 %@";
        greeting = "%2$lld 条消息，%1$@！";
        "Open File" = "打开文件\\U2026";

        """

    @Test func valuesAreProseKeysAreNotCommentsAreComments() {
        let lines = proseLines(Self.chinese, format: .appleStrings, sourceCatalogue: Self.english)
        // `\"` is a quote and a space; `\U2026` is … and three spaces; placeholders the parity
        // rules compare are out of prose; keys, `=`, quotes and `;` are not prose.
        #expect(lines[1] == "                    删除\"   \" ？")
        #expect(lines[3] == "                    个项目，位于")
        #expect(lines[4] == "                   条消息，    ！")
        #expect(lines[5] == "               打开文件…")
        #expect(lines[0] == "" && lines[2] == "")
        let document = SourceCatalogue.document(path: "x", source: Array(Self.chinese.utf8), format: .appleStrings, sourceCatalogue: nil)
        let comment = String(decoding: document.masked.bytes(for: .comment), as: UTF8.self).split(separator: "\n").filter {
            !$0.allSatisfy(\.isWhitespace)
        }
        #expect(comment.map { $0.trimmingCharacters(in: .whitespaces) } == ["删除文件时显示。", "行注释"])
        #expect(document.masked.commentRanges.count == 2)
    }

    @Test func pairsByKeyWithTheSourceFile() throws {
        let document = SourceCatalogue.document(
            path: "zh-Hans.lproj/Localizable.strings", source: Array(Self.chinese.utf8), format: .appleStrings,
            sourceCatalogue: Array(Self.english.utf8))
        let table = try #require(document.masked.localization)
        #expect(table.pathLocale == "zh-Hans")
        #expect(table.problems.isEmpty)
        #expect(
            table.pairs.map(\.source.string) == ["Delete %@?", "%lld items in %@", "Hello, %1$@! You have %2$lld messages.", "Open File"])
        #expect(table.pairs.map(\.translation.string) == ["删除\"%@\"？", "%d 个项目，位于 %@", "%2$lld 条消息，%1$@！", "打开文件…"])
    }

    @Test func parityFindingsAtExactPositions() throws {
        let found = try catalogueFindings(
            parityRules, Array(Self.chinese.utf8), path: "zh-Hans.lproj/Localizable.strings", sourceCatalogue: Self.english)
        #expect(found == ["4:18-4:20 translation-placeholder-changed %d"])
    }

    @Test func withoutASourceFileAKeyThatReadsAsTextIsTheSource() throws {
        let file = """
            "Delete %@?" = "删除 %d？";
            "Cancel" = "取消 %@";
            "settings.title" = "设置";

            """
        let found = try catalogueFindings(
            parityRules + ["placeholder-printf-specifier"], Array(file.utf8), path: "zh-Hans.lproj/Localizable.strings")
        // `Cancel` reads as an identifier: no pair, and its `%@` is a directive all the same.
        #expect(found == ["1:20-1:22 translation-placeholder-changed %d"])
    }

    /// An astral character (𠀀: 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar) and an escape before
    /// each finding, so that every column unit differs; in UTF-16 every character is 2 or 4 bytes.
    static let utf16File = """
        /* 𠀀 */
        "count" = "𠀀\\"%d\\" 个";
        "open" = "𠀀\\t打開";

        """

    @Test(arguments: [
        // utf8 counts the bytes of the UTF-16 file: `"count" = "` is 11 characters (22 bytes),
        // 𠀀 4, `\"` 4: '%' is byte 30 of its line.
        (ColumnUnit.utf8, ["2:31-2:35 translation-placeholder-changed %d", "3:31-3:33 mixed-han-script 開"]),
        (ColumnUnit.utf16, ["2:16-2:18 translation-placeholder-changed %d", "3:16-3:17 mixed-han-script 開"]),
        (ColumnUnit.scalar, ["2:15-2:17 translation-placeholder-changed %d", "3:15-3:16 mixed-han-script 開"]),
    ])
    func utf16PositionsAreExactInTheOriginalFile(unit: ColumnUnit, expected: [String]) throws {
        let found = try catalogueFindings(
            parityRules + ["mixed-han-script"], utf16LittleEndian(Self.utf16File), path: "zh-Hans.lproj/Localizable.strings",
            sourceCatalogue: "\"count\" = \"%lld items\";\n", unit: unit)
        #expect(found == expected)
    }

    @Test func utf16ByteOffsetsAreTheFilesOwn() throws {
        var document = SourceCatalogue.document(path: "zh-Hans.lproj/a.strings", source: [], format: .appleStrings, sourceCatalogue: nil)
        guard case .decoded(let text, let origin) = SourceDecoder.decode(utf16LittleEndian(Self.utf16File)) else {
            Issue.record("not decoded")
            return
        }
        document = SourceCatalogue.document(
            path: "zh-Hans.lproj/a.strings", source: text, format: .appleStrings, sourceCatalogue: Array("\"count\" = \"%lld\";".utf8))
        document.origin = origin
        let diagnostics = try Linter(rules: shippedRules(["translation-placeholder-changed"])).lint(document)
        // BOM 2 + line 1 (`/* 𠀀 */\n`: 8 units + a surrogate pair = 9 units) 18 + 22 + 4 + 4.
        #expect(diagnostics.map(\.range) == [50..<54])
    }

    @Test func problemsAreReportedWhereTheyAreAndTheRestIsRead() throws {
        let file = """
            "a" = "一";
            "b" = "二"
            "c" "三";
            "d" = ;
            "e" = "五";
            "f" = "六

            """
        let document = SourceCatalogue.document(path: "x.strings", source: Array(file.utf8), format: .appleStrings, sourceCatalogue: nil)
        let table = try #require(document.masked.localization)
        #expect(
            table.problems.map { "\($0.range) \($0.message)" } == [
                "23..<24 missing ';' after the value",
                "25..<29 expected '=' after the key",
                "42..<43 expected a quoted value after '='",
                "63..<64 a string not closed by a quote",
            ])
        let prose = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self)
        #expect(prose.contains("一") && prose.contains("二") && prose.contains("五") && !prose.contains("三"))
    }
}
