import ChaffData
import ChaffEngine
import Testing

@testable import ChaffKinds

@Suite struct HanScriptMixTests {
    @Test func traditionalCharactersInSimplifiedText() {
        let fixture = MarkedFixture("我们的⟦國⟧家正在发展经济，这个时代⟦發⟧生了很多变化。")
        let report = HanScriptMix.analyze(fixture.bytes)
        #expect(
            report.units == [
                HanScriptUnitResult(
                    range: 0..<fixture.bytes.count, simplifiedCount: 8, traditionalCount: 2,
                    verdict: .simplified)
            ])
        #expect(report.findings.map(\.range) == fixture.marked)
        #expect(fixture.marked == [9..<12, 48..<51])
        #expect(
            report.findings == [
                HanScriptMixFinding(
                    range: 9..<12, scalar: 0x570B, form: .traditionalOnly,
                    suggestions: scalarValues("国"), unitIndex: 0),
                HanScriptMixFinding(
                    range: 48..<51, scalar: 0x767C, form: .traditionalOnly,
                    suggestions: scalarValues("发"), unitIndex: 0),
            ])
        #expect(report.findings.allSatisfy { !$0.isAmbiguous })
    }

    @Test func simplifiedCharacterInTraditionalText() {
        let fixture = MarkedFixture("我們的國家正在發展經濟，⟦这⟧個時代發生了很多變化。")
        let report = HanScriptMix.analyze(fixture.bytes)
        #expect(report.units.map(\.verdict) == [.traditional])
        #expect(report.units.map(\.simplifiedCount) == [1])
        #expect(report.units.map(\.traditionalCount) == [9])
        #expect(report.findings.map(\.range) == [36..<39])
        #expect(report.findings.map(\.range) == fixture.marked)
        #expect(report.findings.first?.suggestions == scalarValues("這"))
        #expect(report.findings.first?.form == .simplifiedOnly)
    }

    @Test func ambiguousSuggestionIsFlagged() {
        let fixture = MarkedFixture("他的頭⟦发⟧很長，這裡說話的人們都很開心。")
        let report = HanScriptMix.analyze(fixture.bytes)
        #expect(report.units.map(\.traditionalCount) == [8])
        #expect(report.findings.count == 1)
        #expect(report.findings[0].range == 9..<12)
        #expect(report.findings[0].suggestions == scalarValues("發髮"))
        #expect(report.findings[0].isAmbiguous)
    }

    @Test func tieAndTooFewGiveNoFindings() {
        let tie = HanScriptMix.analyze(Array("这這个個".utf8))
        #expect(tie.units.map(\.verdict) == [.tie])
        #expect(tie.findings.isEmpty)

        let few = HanScriptMix.analyze(Array("国國后".utf8))
        #expect(
            few.units == [
                HanScriptUnitResult(
                    range: 0..<9, simplifiedCount: 1, traditionalCount: 1,
                    verdict: .tooFewDecisiveCharacters)
            ])

        let lowered = HanScriptMix.analyze(
            Array("国国國".utf8), configuration: .init(minimumDecisiveCharacters: 3))
        #expect(lowered.units.map(\.verdict) == [.simplified])
        #expect(lowered.findings.map(\.range) == [6..<9])
    }

    @Test func fixedDirectionIgnoresCountsAndMinimum() {
        let text = Array("只有一個國".utf8)
        let simplified = HanScriptMix.analyze(text, configuration: .init(direction: .simplified))
        #expect(simplified.units.map(\.verdict) == [.simplified])
        #expect(simplified.findings.map(\.range) == [9..<12, 12..<15])
        #expect(simplified.findings.map(\.suggestions) == [scalarValues("个"), scalarValues("国")])

        let traditional = HanScriptMix.analyze(text, configuration: .init(direction: .traditional))
        #expect(traditional.units.map(\.verdict) == [.traditional])
        #expect(traditional.findings.isEmpty)
    }

    @Test func japaneseAndKoreanUnitsAreSkipped() {
        let text = Array("日本の國語は難しい。\n大韓民國의 國語\n".utf8)
        let japanese = 0..<30
        let korean = 31..<(text.count - 1)
        #expect(text[30] == 0x0A)
        let report = HanScriptMix.analyze(
            text, units: [japanese, korean], configuration: .init(direction: .simplified))
        #expect(report.units.map(\.verdict) == [.japanese, .korean])
        #expect(report.units.map(\.traditionalCount) == [3, 4])
        #expect(report.findings.isEmpty)

        let unskipped = HanScriptMix.analyze(
            text, units: [korean],
            configuration: .init(direction: .simplified, skipJapaneseAndKorean: false))
        #expect(unskipped.findings.count == 4)
    }

    @Test func unitsAreJudgedSeparately() {
        let text = Array("简体段落这里说的话。\n\n繁體段落這裡說的話。".utf8)
        let first = 0..<30
        let second = 32..<text.count
        let perParagraph = HanScriptMix.analyze(text, units: [first, second])
        #expect(perParagraph.units.map(\.verdict) == [.simplified, .traditional])
        #expect(perParagraph.units.map(\.simplifiedCount) == [4, 0])
        #expect(perParagraph.units.map(\.traditionalCount) == [0, 5])
        #expect(perParagraph.findings.isEmpty)

        // As one unit, the Traditional paragraph wins 5 to 4 and the Simplified one is reported.
        let whole = HanScriptMix.analyze(text)
        #expect(whole.units.map(\.verdict) == [.traditional])
        #expect(whole.findings.map(\.range) == [0..<3, 12..<15, 18..<21, 24..<27])
        #expect(whole.findings.map(\.scalar) == scalarValues("简这说话"))
        #expect(whole.findings.map(\.unitIndex) == [0, 0, 0, 0])
    }

    /// The minority's characters read out of counted units are what `analyze` reports when it
    /// judges those units in the other system: same ranges, characters, suggestions and unit
    /// indices, in order; units past the text are clamped.
    @Test func findingsOfAFormAsAnalyze() {
        let text = Array("简体段落里有繁體字：這個國家發展。\n\n繁體段落這裡說的话。Résumé 😀 𠮷".utf8)
        let units = [0..<51, 53..<text.count, 53..<(text.count + 10)]
        for (form, direction) in [(HanForm.traditionalOnly, HanScriptDirection.simplified), (.simplifiedOnly, .traditional)] {
            let expected = HanScriptMix.analyze(
                text, units: units, configuration: HanScriptMixConfiguration(direction: direction, skipJapaneseAndKorean: false)
            ).findings
            let found = text.withUnsafeBufferPointer { HanScriptMix.findings(of: form, in: $0, units: units) }
            #expect(!expected.isEmpty)
            #expect(found == expected, "\(form)")
        }
    }

    @Test func multilingualTextAndOffsets() {
        // ASCII, Latin-1, Cyrillic, emoji and a supplementary Han character before the finding
        // make every UTF-8 length appear ahead of it.
        let fixture = MarkedFixture(
            "Résumé: 这个产品在俄罗斯（Россия）很受欢迎 😀，𠮷野家的价格也变了；⟦樂⟧观的说法。")
        let report = HanScriptMix.analyze(fixture.bytes)
        #expect(report.units.map(\.verdict) == [.simplified])
        #expect(report.findings.map(\.range) == fixture.marked)
        #expect(report.findings.map(\.suggestions) == [scalarValues("乐")])
        #expect(String(decoding: fixture.bytes[fixture.marked[0]], as: UTF8.self) == "樂")
    }

    @Test func rangesAreClampedAndMalformedBytesIgnored() {
        var text = Array("国国国國".utf8)
        text.insert(0xFF, at: 3)  // a stray byte between the first two characters
        let report = HanScriptMix.analyze(text, units: [0..<1000])
        #expect(report.units.map(\.range) == [0..<13])
        #expect(report.units.map(\.simplifiedCount) == [3])
        #expect(report.findings.map(\.range) == [10..<13])
    }

    @Test func largeMinorityFallsBackToSecondPass() {
        // More minority characters than the first pass remembers offsets for.
        let text = Array(
            (String(repeating: "国", count: 10_000)
                + String(repeating: "國", count: 4_100)).utf8)
        let report = HanScriptMix.analyze(text)
        #expect(report.units.map(\.verdict) == [.simplified])
        #expect(report.findings.count == 4_100)
        #expect(report.findings.first?.range == 30_000..<30_003)
        #expect(report.findings.last?.range == 42_297..<42_300)
        #expect(report.findings.allSatisfy { $0.suggestions == [0x56FD] })
    }
}
