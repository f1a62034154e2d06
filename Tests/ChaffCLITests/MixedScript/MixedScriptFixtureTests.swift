import Foundation
import Testing

/// The mixed-script rules end to end on the texts in Tests/Fixtures/mixed-script: Simplified,
/// Traditional, each with the other's characters mixed in, Japanese, Korean, multilingual, and
/// spoofed words. The compiler output is compared line for line.
@Suite struct MixedScriptFixtureTests {
    static let directory = repositoryRoot + "/Tests/Fixtures/mixed-script"
    static let files = [
        "simplified.txt", "traditional.txt", "mixed-simplified.txt", "mixed-traditional.txt",
        "japanese.txt", "korean.txt", "multilingual.txt", "words.txt",
    ]
    static let select = ["--no-config", "--select", "mixed-han-script,mixed-script-word"]

    static func check(_ options: [String], _ files: [String]) -> ChaffRun {
        chaff(["check"] + select + options + files.map { directory + "/" + $0 }, in: directory)
    }

    @Test func compilerOutputForEveryFixture() {
        let run = Self.check([], Self.files)
        #expect(run.err == "")
        #expect(run.status == 1)
        #expect(
            run.out.split(separator: "\n", omittingEmptySubsequences: false) == [
                "mixed-simplified.txt:3:14: warning: Traditional character '機' in Simplified text; use '机' [mixed-han-script]",
                "mixed-simplified.txt:3:30: warning: Traditional character '點' in Simplified text; use '点' [mixed-han-script]",
                "mixed-simplified.txt:5:46: warning: Traditional character '線' in Simplified text; use '线' or '缐' [mixed-han-script]",
                "mixed-simplified.txt:7:18: warning: Traditional character '價' in Simplified text; use '价' [mixed-han-script]",
                "mixed-traditional.txt:5:2: warning: Simplified character '发' in Traditional text; use '發' or '髮' [mixed-han-script]",
                "mixed-traditional.txt:5:17: warning: Simplified character '热' in Traditional text; use '熱' [mixed-han-script]",
                "mixed-traditional.txt:5:31: warning: Simplified character '头' in Traditional text; use '頭' [mixed-han-script]",
                "multilingual.txt:5:62: warning: Traditional character '經' in Simplified text; use '经' [mixed-han-script]",
                "multilingual.txt:13:25: warning: Word 'p\u{430}ypal' mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A [mixed-script-word]",
                "multilingual.txt:13:49: warning: Word 'G\u{43E}\u{43E}gle' mixes Latin with Cyrillic: U+043E CYRILLIC SMALL LETTER O [mixed-script-word]",
                "words.txt:3:7: warning: Word 'p\u{430}ypal' mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A [mixed-script-word]",
                "words.txt:4:10: warning: Word '\u{39C}icrosoft' mixes Latin with Greek: U+039C GREEK CAPITAL LETTER MU [mixed-script-word]",
                "words.txt:4:32: warning: Word 'G\u{43E}\u{43E}gl\u{435}' mixes Latin with Cyrillic: U+043E CYRILLIC SMALL LETTER O, U+0435 CYRILLIC SMALL LETTER IE [mixed-script-word]",
                "words.txt:6:15: warning: Word 'Москв\u{61}' mixes Cyrillic with Latin: U+0061 LATIN SMALL LETTER A [mixed-script-word]",
                "words.txt:8:3: warning: Word '\u{410}pple' mixes Latin with Cyrillic: U+0410 CYRILLIC CAPITAL LETTER A [mixed-script-word]",
                "",
            ])
    }

    @Test func cleanTextsGiveNothing() {
        let run = Self.check([], ["simplified.txt", "traditional.txt", "japanese.txt", "korean.txt"])
        #expect(run.out == "")
        #expect(run.status == 0)
    }

    @Test func columnsInOtherUnitsPointAtTheSameCharacter() {
        // 機 is the 14th character of its line: 39 bytes and 13 UTF-16 units precede it, and
        // 13 wide characters take 26 terminal columns.
        let expected = [("utf8", 40), ("utf16", 14), ("scalar", 14), ("display", 27)]
        for (unit, column) in expected {
            let run = Self.check(["--column-unit", unit, "--select", "mixed-han-script"], ["mixed-simplified.txt"])
            #expect(run.out.hasPrefix("mixed-simplified.txt:3:\(column): warning: Traditional character '機'"), "\(unit)")
        }
    }

    @Test func jsonOffersFixesOnlyForOneToOneMappings() throws {
        let run = Self.check(["--format", "json"], ["mixed-traditional.txt"])
        let root = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let diagnostics = root?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.map { $0["match"] as? String } == ["发", "热", "头"])
        #expect(diagnostics.map { $0["fix"] as? String } == [nil, "熱", "頭"])
        // Line 5 starts at byte 148; the characters are its 2nd, 17th and 31st.
        #expect(diagnostics.map { $0["byteOffset"] as? Int } == [151, 196, 238])
        #expect(diagnostics.map { $0["byteLength"] as? Int } == [3, 3, 3])
    }

    @Test func sarifCarriesFixesAndIsValid() throws {
        let scratch = Scratch()
        let output = scratch.path("out.sarif")
        let run = Self.check(["--format", "sarif", "-o", output], ["mixed-traditional.txt", "words.txt"])
        #expect(run.status == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let results = ((root?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == 8)
        let replacements = results.map { result -> String? in
            let fixes = result["fixes"] as? [[String: Any]]
            let changes = fixes?.first?["artifactChanges"] as? [[String: Any]]
            let replacement = (changes?.first?["replacements"] as? [[String: Any]])?.first
            return (replacement?["insertedContent"] as? [String: Any])?["text"] as? String
        }
        #expect(replacements == [nil, "熱", "頭", nil, nil, nil, nil, nil])
        try expectValidSARIF(output)
    }

    @Test func ruleDocumentationIsPrinted() {
        let run = chaff(["rule", "mixed-han-script"], in: Self.directory)
        #expect(run.status == 0)
        #expect(run.out.contains("Traditional"))
        let rules = chaff(["rules"], in: Self.directory)
        #expect(rules.out.contains("mixed-han-script"))
        #expect(rules.out.contains("mixed-script-word"))
    }
}
