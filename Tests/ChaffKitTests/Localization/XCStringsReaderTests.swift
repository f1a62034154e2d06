import Testing

@testable import ChaffEngine

@Suite struct XCStringsReaderTests {
    static let catalogue = """
        {
          "sourceLanguage" : "en",
          "strings" : {
            "%lld files" : {
              "comment" : "文件数",
              "localizations" : {
                "en" : {"variations" : {"plural" : {
                  "one" : {"stringUnit" : {"state" : "translated", "value" : "%lld file"}},
                  "other" : {"stringUnit" : {"state" : "translated", "value" : "%lld files"}}}}},
                "zh-Hans" : {"variations" : {"plural" : {
                  "other" : {"stringUnit" : {"state" : "translated", "value" : "%lld 个檔案"}}}}},
                "zh-Hant" : {"variations" : {"plural" : {
                  "other" : {"stringUnit" : {"state" : "needs_review", "value" : "%@ 个檔案"}}}}}
              }
            },
            "Open %@" : {
              "localizations" : {
                "zh-Hant" : {"stringUnit" : {"state" : "translated", "value" : "打开 %@"}},
                "fr" : {"stringUnit" : {"state" : "translated", "value" : "Ouvrir %@"}}
              }
            }
          },
          "version" : "1.0"
        }

        """

    @Test func translationsArePairedWithTheSourceLanguageEachWithItsLocale() throws {
        let document = SourceCatalogue.document(
            path: "Localizable.xcstrings", source: Array(Self.catalogue.utf8), format: .xcstrings, sourceCatalogue: nil)
        let table = try #require(document.masked.localization)
        #expect(table.problems.isEmpty)
        #expect(
            table.pairs.map { "\($0.locale ?? "-") \($0.source.string) → \($0.translation.string)" } == [
                "zh-Hans %lld files → %lld 个檔案", "zh-Hant %lld files → %@ 个檔案", "zh-Hant Open %@ → 打开 %@", "fr Open %@ → Ouvrir %@",
            ])
        #expect(table.pairs.map(\.isFuzzy) == [false, true, false, false])
        let prose = String(decoding: document.masked.bytes(for: .prose), as: UTF8.self)
        // The source language's values and the keys are not prose; the comment is a comment.
        #expect(!prose.contains("file") && !prose.contains("文件数") && prose.contains("Ouvrir"))
        #expect(String(decoding: document.masked.bytes(for: .comment), as: UTF8.self).contains("文件数"))
    }

    @Test func eachTranslationIsJudgedByItsOwnLocale() throws {
        let found = try catalogueFindings(parityRules + ["mixed-han-script"], Array(Self.catalogue.utf8), path: "App/Localizable.xcstrings")
        #expect(
            found == [
                "11:79-11:80 mixed-han-script 檔",
                "13:75-13:77 translation-placeholder-changed %@",
                "13:78-13:79 mixed-han-script 个",
                "18:74-18:75 mixed-han-script 开",
            ])
    }
}
