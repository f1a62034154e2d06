import Testing

@testable import ChaffEngine

@Suite struct GettextReaderTests {
    static let catalogue = """
        # Chinese translations for demo.
        msgid ""
        msgstr ""
        "Language: zh_TW\\n"
        "Plural-Forms: nplurals=1; plural=0;\\n"

        #: src/main.c:10
        #, c-format, fuzzy
        msgctxt "menu"
        msgid "Open %s"
        msgstr "開啟 \\"%s\\""

        msgid "One file"
        msgid_plural "%d files"
        msgstr[0] "%d 個"
        "檔案"

        #~ msgid "Old"
        #~ msgstr "舊的"

        """

    @Test func translationsAreProseWithEscapesDecodedInPlace() {
        let source = Array(Self.catalogue.utf8)
        let document = DocumentFormat.gettext.masker.mask(source)
        let prose = String(decoding: document.bytes(for: .prose), as: UTF8.self)
        // Only msgstr text is prose: the header, msgid, msgctxt, comments, keywords, quotes and
        // obsolete entries are not; `\"` is `"` and a space; the `%s` and `%d` the parity rules
        // compare are taken out.
        let lines = prose.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        #expect(lines[10] == "        開啟 \"   \"")
        #expect(lines[14] == "              個")
        #expect(lines[15] == " 檔案")
        #expect(lines[0] == "" && lines[3] == "" && lines[9] == "" && lines[18] == "")
        #expect(document.bytes(for: .prose).count == source.count)
        let comment = String(decoding: document.bytes(for: .comment), as: UTF8.self).split(separator: "\n")
        #expect(comment.first == "  Chinese translations for demo.")
        #expect(comment.contains("   msgid \"Old\""))
        #expect(comment.contains("   c-format, fuzzy"))
    }

    @Test func pairsFlagsPluralsAndLocale() throws {
        let table = try #require(DocumentFormat.gettext.masker.mask(Array(Self.catalogue.utf8)).localization)
        #expect(table.declaredLocale == "zh-TW")
        #expect(table.pluralCount == 1)
        #expect(table.problems.isEmpty)
        #expect(table.pairs.count == 2)
        let first = table.pairs[0]
        #expect(first.source.string == "Open %s")
        #expect(first.translation.string == "開啟 \"%s\"")
        #expect(first.declared == .printf && first.isFuzzy && first.pluralIndex == nil)
        // With one plural form, msgstr[0] is compared with msgid_plural; pieces are joined.
        let plural = table.pairs[1]
        #expect(plural.source.string == "%d files")
        #expect(plural.translation.string == "%d 個檔案")
        #expect(plural.pluralIndex == 0 && plural.declared.isEmpty)
    }

    @Test func decodedBytesMapBackToTheirEscapes() throws {
        let source = Array(Self.catalogue.utf8)
        let table = try #require(DocumentFormat.gettext.masker.mask(source).localization)
        let translation = table.pairs[0].translation
        // `開啟 "%s"`: the quote is decoded from `\"`, two file bytes.
        let quote = try #require(translation.bytes.firstIndex(of: 0x22))
        let file = translation.fileRange(of: quote..<(quote + 4))
        #expect(String(decoding: source[file], as: UTF8.self) == "\\\"%s\\\"")
        #expect(String(decoding: source[translation.span], as: UTF8.self) == "開啟 \\\"%s\\\"")
        // A string continued on the next line spans both pieces.
        let plural = table.pairs[1].translation
        #expect(String(decoding: source[plural.span], as: UTF8.self) == "%d 個\"\n\"檔案")
    }

    @Test func problemsAreReportedWhereTheyAre() throws {
        let text = "msgid \"a\"\nmsgstr \"b\n\"orphan\"\nmsgstr \"c\"\nmsgid \"d\"\nmsgstr \"\\q\"\nwhat is this\nmsgid \"e\"\n"
        let source = Array(text.utf8)
        let table = try #require(DocumentFormat.gettext.masker.mask(source).localization)
        let found = table.problems.map { "\(String(decoding: source[$0.range], as: UTF8.self))|\($0.message)" }
        #expect(
            found == [
                "\"b|string not closed by a quote on its line",
                "msgstr|a second msgstr for one msgid",
                "\\q|unknown escape; write \\\\ for a backslash",
                "what|cannot read this line: expected msgctxt, msgid, msgid_plural, msgstr, a quoted string or a # comment",
                "msgid \"e\"|msgid without msgstr",
            ])
        // The orphan continuation is read as part of the unclosed msgstr's field.
        #expect(table.pairs.map(\.translation.string) == ["borphan", "c", "q"])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let text = "\u{FEFF}# comment\nmsgid \"a\"\nmsgstr \"甲\"\n"
        let table = try #require(DocumentFormat.gettext.masker.mask(Array(text.utf8)).localization)
        #expect(table.problems.isEmpty && table.pairs.map(\.translation.string) == ["甲"])
    }

    @Test func obsoleteEntriesAndTheHeaderMakeNoPairs() throws {
        let text = "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n#~ msgid \"x\"\n#~ msgstr \"y\"\n"
        let table = try #require(DocumentFormat.gettext.masker.mask(Array(text.utf8)).localization)
        #expect(table.pairs.isEmpty && table.problems.isEmpty && table.declaredLocale == "zh-CN")
    }
}
