import Testing

@testable import ChaffKinds
@testable import ChaffText

@Suite struct ClaimLexiconTests {
    func load(_ json: String) throws(ObjectReader.Failure) -> ClaimLexicon {
        let node: JSONNode
        do {
            node = try JSONParser.parse(Array(json.utf8))
        } catch {
            throw ObjectReader.Failure(offset: error.offset, message: error.message)
        }
        var reader = try ObjectReader(node, path: "options")
        let lexicon = try ClaimLexicon(options: &reader)
        try reader.finish()
        return lexicon
    }

    func failure(_ json: String) -> ObjectReader.Failure? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return error
        }
    }

    @Test func draftsLoadWithEveryCategory() {
        let lexicon = ClaimTestSupport.lexicon
        #expect(
            lexicon.groups.map(\.category) == [
                "unnamed-counting", "unnamed-reports", "hearsay", "unnamed-research", "unnamed-experts", "anonymous-consensus", "rhetoric",
            ])
        // Traditional listings fold into their Simplified pattern, so fewer phrases than listings.
        #expect(lexicon.phrases.count > 1100)
        #expect(lexicon.phrases.contains { $0.text == "据不完全统计" && $0.mode == .always })
        #expect(lexicon.phrases.contains { $0.text == "研究表明" && $0.mode == .unlessNamed })
        #expect(lexicon.phrases.contains { $0.text == "据…统计" && $0.isFrame })
    }

    @Test func optionsDecode() throws {
        let lexicon = try load(
            """
            {"groups": [{"category": "c", "missing": "names nobody", "always": ["Some  say"], "unlessNamed": ["研究表明"],
                         "frames": ["据…统计"], "exceptions": ["研究表明的"]}],
             "vagueQualifiers": ["坊间"], "sourceSuffixes": ["研究会"]}
            """)
        #expect(lexicon.phrases.map(\.text) == ["Some say", "研究表明", "据…统计"])
        #expect(lexicon.phrases.map(\.mode) == [.always, .unlessNamed, .unlessNamed])
        let detector = ClaimDetector(lexicon: lexicon)
        let findings = detector.findings(in: Array("SOME SAY so. 研究表明的事。据某机构统计如此。".utf8))
        #expect(findings.map(\.text) == ["SOME SAY", "据某机构统计"])
        #expect(findings.map(\.missing) == ["names nobody", "names nobody"])
    }

    @Test func extraWordsReachTheJudges() throws {
        let base = #"{"groups": [{"category": "c", "unlessNamed": ["研究表明", "studies show"]}]"#
        let plain = try load(base + "}")
        let extended = try load(base + #", "vagueQualifiers": ["wonderful"], "sourceSuffixes": ["促进会"]}"#)
        let names = "老年保健促进会研究表明如此。Wonderful studies show it."
        #expect(ClaimDetector(lexicon: plain).findings(in: Array(names.utf8)).map(\.text) == ["研究表明"])
        #expect(ClaimDetector(lexicon: extended).findings(in: Array(names.utf8)).map(\.text) == ["studies show"])
    }

    @Test func errorsPointAtTheValue() {
        #expect(failure("{}")?.message == "missing required key 'options.groups'")
        #expect(failure(#"{"groups": []}"#)?.message == "'options.groups' must be a non-empty array of objects")
        #expect(failure(#"{"groups": [{"always": ["x"]}]}"#)?.message == "missing required key 'options.groups[0].category'")
        #expect(
            failure(#"{"groups": [{"category": "c"}]}"#)?.message
                == "'options.groups[0]' needs at least one entry in 'always', 'unlessNamed' or 'frames'")
        let empty = failure(#"{"groups": [{"category": "c", "always": ["a", " "]}]}"#)
        #expect(empty?.message == "'options.groups[0].always[1]' is empty")
        #expect(empty?.offset == 46)
        let repeated = failure(#"{"groups": [{"category": "c", "always": ["Some say"]}, {"category": "d", "unlessNamed": ["some SAY"]}]}"#)
        #expect(
            repeated?.message == "'options.groups[1].unlessNamed[0]' repeats 'some SAY', already listed at 'options.groups[0].always[0]'")
        #expect(
            failure(#"{"groups": [{"category": "c", "frames": ["据统计"]}]}"#)?.message
                == "'options.groups[0].frames[0]' must be an opening and a closing word joined by '…', such as '据…统计'")
        #expect(
            failure(#"{"groups": [{"category": "c", "always": ["x"], "alway": ["y"]}]}"#)?.message
                == "unknown key 'options.groups[0].alway'; did you mean 'always'?")
    }

    @Test func framesSplitAtTheirOneSeparator() {
        #expect(ClaimLexicon.frameParts("据…统计")! == ("据", "统计"))
        #expect(ClaimLexicon.frameParts("according to...survey")! == ("according to", "survey"))
        #expect(ClaimLexicon.frameParts(" according  to … new  survey ")! == ("according to", "new survey"))
        // With a `…` in the frame, `...` is text.
        #expect(ClaimLexicon.frameParts("a...b…c")! == ("a...b", "c"))
        for broken in ["据统计", "…统计", "据…", "据…统…计", "a...b...c", "....", "…"] {
            #expect(ClaimLexicon.frameParts(broken) == nil, "\(broken)")
        }
    }

    @Test func programmaticGroupsSkipRepeatsAndEmpties() {
        let lexicon = ClaimLexicon(groups: [
            ClaimLexicon.Group(category: "a", always: ["x y", "", "X  Y"], frames: ["according to...survey"]),
            ClaimLexicon.Group(category: "b", unlessNamed: ["x y", "z"]),
        ])
        #expect(lexicon.phrases.map(\.text) == ["x y", "z", "according to…survey"])
        #expect(lexicon.phrases.map(\.group) == [0, 1, 0])
    }
}
