import ChaffData
import Testing

@testable import ChaffEngine

/// Taiwan's and Hong Kong's forms in catalogues whose locale names the region.
@Suite struct RegionalFormTests {
    /// One translation holding Hong Kong forms (裏, 着, 説), a variant neither region writes (爲),
    /// Hong Kong's 温 (which the Simplified/Traditional tables call Simplified), and Big5
    /// variants Taiwanese text uses (祕, 纔, 濕), in a catalogue of the given locale.
    static func catalogue(_ locale: String) -> String {
        """
        msgid ""
        msgstr ""
        "Language: \(locale)\\n"

        msgid "a"
        msgstr "裏面，看着，説明，爲了，温度，祕密，纔能，潮濕。"

        """
    }

    @Test func aTaiwanCatalogueIsToldOfHongKongForms() throws {
        let document = DocumentMaker.document(path: "po/x.po", source: Array(Self.catalogue("zh_TW").utf8), format: "po")
        let diagnostics = try Linter(rules: shippedRules(["mixed-han-script"])).lint(document).sorted(by: Diagnostic.reportOrder)
        #expect(
            diagnostics.map { "\($0.line):\($0.column) \($0.message) fix=\($0.fix ?? "-")" } == [
                "6:9 Hong Kong character '裏' in Taiwan text; use '裡' fix=裡",
                "6:13 Hong Kong character '着' in Taiwan text; use '著' fix=著",
                "6:15 Hong Kong character '説' in Taiwan text; use '說' fix=說",
                "6:18 Variant character '爲' in Taiwan text; use '為' fix=為",
                "6:21 Simplified character '温' in Traditional text; use '溫' fix=溫",
            ])
    }

    @Test func aHongKongCatalogueKeepsItsOwnForms() throws {
        #expect(try localizationFindings(["mixed-han-script"], Self.catalogue("zh_HK"), path: "po/x.po").isEmpty)
        #expect(try localizationFindings(["mixed-han-script"], Self.catalogue("zh-MO"), path: "po/x.po").isEmpty)
        // A Simplified character that is no Hong Kong form is still reported.
        let leak = Self.catalogue("zh_HK").replacingOccurrences(of: "潮濕", with: "潮湿")
        #expect(try localizationFindings(["mixed-han-script"], leak, path: "po/x.po") == ["6:31-6:32 mixed-han-script 湿"])
    }

    @Test func withoutARegionOnlyTheSystemIsJudged() throws {
        // zh-Hant names no region: both regions' forms are Traditional; 温 is still Simplified.
        #expect(
            try localizationFindings(["mixed-han-script"], Self.catalogue("zh_Hant"), path: "po/x.po") == ["6:21-6:22 mixed-han-script 温"])
    }

    @Test func theRegionComesFromTheLocale() {
        #expect(LocaleName.hanRegion(of: "zh-TW") == .taiwan)
        #expect(LocaleName.hanRegion(of: "zh-Hant-TW") == .taiwan)
        #expect(LocaleName.hanRegion(of: "zh-HK") == .hongKong)
        #expect(LocaleName.hanRegion(of: "zh-MO") == .hongKong)
        #expect(LocaleName.hanRegion(of: "yue") == .hongKong)
        #expect(LocaleName.hanRegion(of: "zh-Hans-HK") == nil)
        #expect(LocaleName.hanRegion(of: "zh-Hant") == nil)
        #expect(LocaleName.hanRegion(of: "zh-CN") == nil)
    }

    @Test func everyTaiwanFormIsOneTaiwanTextMayHold() {
        // A replacement never leads to another finding: no Taiwan form is itself replaced, and
        // none is Simplified-only.
        for (character, replacement) in HanRegionalForms.taiwanReplacements {
            for form in replacement.taiwanForms {
                #expect(HanRegionalForms.taiwanReplacements[form] == nil, "\(character) → \(form)")
                #expect(HanVariants.form(of: form) != .simplifiedOnly, "\(character) → \(form)")
            }
        }
        #expect(HanRegionalForms.taiwanReplacements.count == 59)
    }
}
