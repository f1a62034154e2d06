import ChaffData
import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// The gloss kinds as the engine runs them: messages, ranges, fixes, options and scopes.
@Suite struct GlossRuleKindTests {
    static func rule(_ kind: String, _ options: String = "{}", message: String) throws -> Rule {
        let json = """
            {"id": "probe", "kind": "\(kind)", "summary": "Probe.", "description": "A rule built by the tests.",
             "message": "\(message)", "options": \(options), "examples": {"valid": ["a"], "invalid": ["↓a"]}}
            """
        return try RuleLoader.load(path: "probe.json", fileStem: "probe", bytes: Array(json.utf8))
    }

    static func loadError(_ kind: String, _ options: String) -> String? {
        do {
            _ = try rule(kind, options, message: "{match}")
            return nil
        } catch {
            return (error as? SourceError)?.message
        }
    }

    struct Result: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var message: String
        var fix: String?
        var description: String { "\(range) \(message) fix=\(fix ?? "-")" }
    }

    static func run(_ rule: Rule, _ document: Document) -> [Result] {
        Linter(rules: [ActiveRule(rule)]).lint(document).map { Result(range: $0.range, message: $0.message, fix: $0.fix) }
    }

    static func run(_ rule: Rule, _ text: String, format: String = "text") -> [Result] {
        run(rule, DocumentMaker.document(path: "t", source: Array(text.utf8), format: format))
    }

    static let readingMessage = "Gloss '{gloss}' for {character} {problem}"

    @Test func readingMessagesAndFixesFollowTheGlossStyle() throws {
        let rule = try Self.rule("gloss-reading", message: Self.readingMessage)
        #expect(
            Self.run(rule, "角(jiao)色") == [
                Result(range: 3..<9, message: "Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue'", fix: "(jue)")
            ])
        #expect(
            Self.run(rule, "角（jiǎo）色") == [
                Result(range: 3..<14, message: "Gloss 'jiǎo' for 角 does not fit 角色 (jué); expected 'jué'", fix: "（jué）")
            ])
        #expect(
            Self.run(rule, "角(jiao3)色") == [
                Result(range: 3..<10, message: "Gloss 'jiao3' for 角 does not fit 角色 (jué); expected 'jue2'", fix: "(jue2)")
            ])
        // A multi-syllable gloss names the wrong syllable and offers no fix.
        #expect(
            Self.run(rule, "角色(jiao se)") == [
                Result(range: 6..<15, message: "Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue'", fix: nil)
            ])
        // Ruby: the finding covers the <rt> element, and the fix keeps its tags.
        #expect(
            Self.run(rule, "<ruby>角<rt class=\"py\">jiǎo</rt>色<rt>sè</rt></ruby>", format: "html") == [
                Result(
                    range: 9..<34, message: "Gloss 'jiǎo' for 角 does not fit 角色 (jué); expected 'jué'",
                    fix: "<rt class=\"py\">jué</rt>")
            ])
        // Spaces inside the parentheses are not part of the gloss as quoted.
        #expect(Self.run(rule, "角( jiao )色").map(\.message) == ["Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue'"])
        // Tones belong to the other report.
        #expect(Self.run(rule, "好(hǎo)奇") == [])
    }

    @Test func notAReadingNeedsADocumentThatGlosses() throws {
        let rule = try Self.rule("gloss-reading", message: Self.readingMessage)
        #expect(Self.run(rule, "型(xin)") == [])
        #expect(Self.run(rule, "大(dà)模(mó)型(xin)") == [])
        #expect(
            Self.run(rule, "大(dà)模(mó)型(xin)训(xùn)") == [
                Result(range: 19..<24, message: "Gloss 'xin' for 型 is not a reading of 型; expected 'xing' as in 模型 (xíng)", fix: nil)
            ])
        let eager = try Self.rule("gloss-reading", #"{"minimumConfirmedGlosses": 0}"#, message: Self.readingMessage)
        #expect(Self.run(eager, "型(xin)") == [Result(range: 3..<8, message: "Gloss 'xin' for 型 is not a reading of 型 (xíng)", fix: nil)])
        let arguments = try Self.rule(
            "gloss-reading", #"{"minimumConfirmedGlosses": 0}"#,
            message: "{gloss}|{character}|{word}|{reading}|{expected}|{readings}")
        #expect(Self.run(arguments, "长(zhan)").map(\.message) == ["zhan|长||||cháng, zhǎng"])
        #expect(Self.run(arguments, "角(jiao)色").map(\.message) == ["jiao|角|角色|jué|jue|gǔ, jiǎo, jiao, jué, lù"])
    }

    @Test func grammaticalContextMessagesNameTheContext() throws {
        let rule = try Self.rule("gloss-reading", message: Self.readingMessage)
        #expect(
            Self.run(rule, "他们都(du)会来") == [
                Result(
                    range: 9..<13,
                    message: "Gloss 'du' for 都 does not fit 们都: after 们, 都 is the adverb dōu (all, already); expected 'dou'",
                    fix: "(dou)")
            ])
        #expect(
            Self.run(rule, "他慢慢地（dì）走") == [
                Result(
                    range: 12..<21,
                    message: "Gloss 'dì' for 地 does not fit 慢慢地: after the reduplicated 慢慢, 地 is the particle de that "
                        + "makes an adverb; expected 'de'",
                    fix: "（de）")
            ])
    }

    @Test func rareReadingMessagesSayWhatDecides() throws {
        let rule = try Self.rule("gloss-reading", message: Self.readingMessage)
        #expect(
            Self.run(rule, "他们夯(ben)了") == [
                Result(
                    range: 9..<14,
                    message: "Gloss 'ben' for 夯 is rare for 夯 (83 in 1,000 of the dictionary words with 夯 read it so) "
                        + "and no word around it does; 夯 reads hāng, expected 'hang'",
                    fix: "(hang)")
            ])
        // 谜 has no corpus counts, and mèi only in 谜儿: a bound reading, named with its word.
        #expect(
            Self.run(rule, "这个谜(mei)很难").map(\.message) == [
                "Gloss 'mei' for 谜 is how 谜 reads in 谜儿 and words with it, and no 儿 follows it here; "
                    + "alone 谜 reads mí, expected 'mi'"
            ])
        // With a word of size between: the message names both.
        #expect(
            Self.run(rule, "这是一大幢(chuang)楼").map(\.message) == [
                "Gloss 'chuang' for 幢 does not fit after 一大, where 幢 is a measure word and reads zhuàng; expected 'zhuang'"
            ])
        #expect(
            Self.run(rule, "约有150幢(chuang)民宅") == [
                Result(
                    range: 12..<20,
                    message: "Gloss 'chuang' for 幢 does not fit after a number, where 幢 is a measure word and reads "
                        + "zhuàng; expected 'zhuang'",
                    fix: "(zhuang)")
            ])
        #expect(
            Self.run(rule, "希什(shen)曼").map(\.message) == [
                "Gloss 'shen' for 什 is how 什 reads in 什么 and words with it, and no 么 follows it here; "
                    + "alone 什 reads shí, expected 'shi'"
            ])
        #expect(
            Self.run(rule, "他抱着(zhao)孩子").map(\.message) == [
                "Gloss 'zhao' for 着 is how 着 reads only after 不 or 得 or before 了 (睡不着, 用得着, 点着了); "
                    + "after a verb 着 reads zhe, expected 'zhe'"
            ])
        #expect(
            Self.run(rule, "不久他便(pian)走了").map(\.message) == [
                "Gloss 'pian' for 便 is how 便 reads only in 便宜 and 便便 (大腹便便); before a verb 便 is the "
                    + "adverb biàn, expected 'bian'"
            ])
        #expect(
            Self.run(rule, "回国后曾(zeng)出任校长").map(\.message) == [
                "Gloss 'zeng' for 曾 is how 曾 reads only in words (曾孙, 曾祖) and as a surname; after another "
                    + "character 曾 is the adverb céng, expected 'ceng'"
            ])
        #expect(
            Self.run(rule, "跑了三圈(juan)").map(\.message) == [
                "Gloss 'juan' for 圈 does not fit after 三, where 圈 is a measure word and reads quān; expected 'quan'"
            ])
        #expect(
            Self.run(rule, "它掺(can)杂").map(\.message) == [
                "Gloss 'can' for 掺 is rare for 掺 (none of the dictionary words with 掺 reads it so) and no "
                    + "word around it does; 掺 reads chān, expected 'chan'"
            ])
    }

    @Test func toneReport() throws {
        let rule = try Self.rule("gloss-reading", #"{"report": "tone"}"#, message: Self.readingMessage)
        #expect(
            Self.run(rule, "好(hǎo)奇") == [
                Result(range: 3..<9, message: "Gloss 'hǎo' for 好 has the wrong tone for 好奇 (hào); expected 'hào'", fix: "(hào)")
            ])
        #expect(
            Self.run(rule, "模型(xīng)") == [
                Result(range: 6..<13, message: "Gloss 'xīng' for 型 has a tone 型 never takes (xíng)", fix: nil)
            ])
        #expect(Self.run(rule, "角(jiao)色") == [])
        #expect(Self.run(rule, "好(hao)奇") == [])
    }

    @Test func consistencyMessages() throws {
        let rule = try Self.rule(
            "gloss-consistency", message: "{subject} {action} '{found}' here but '{first}' {where}; {term} {word} {line}")
        #expect(
            Self.run(rule, "見證著(zhu)(zhe)由") == [
                Result(range: 14..<19, message: "'著' glossed 'zhe' here but 'zhu' right before it; 著  1", fix: nil)
            ])
        #expect(
            Self.run(rule, "單小明(dan xiao ming)說。\n\n單小明(shan xiao ming)") == [
                Result(range: 41..<57, message: "'單' in '單小明' glossed 'shan' here but 'dan' at line 1; 單 單小明 1", fix: nil)
            ])
        #expect(
            Self.run(rule, "AGI (Artificial General Intelligence)\nx\nAGI (Artificial Generative Intelligence)") == [
                Result(
                    range: 45..<79,
                    message:
                        "'AGI' expanded as 'Artificial Generative Intelligence' here but 'Artificial General Intelligence' at line 1; AGI  1",
                    fix: nil)
            ])
        let glossesOnly = try Self.rule("gloss-consistency", #"{"acronyms": false}"#, message: "{subject}")
        #expect(Self.run(glossesOnly, "AI (Artificial Intelligence), AI (Artificial Imbecility)") == [])
        let acronymsOnly = try Self.rule("gloss-consistency", #"{"glosses": false}"#, message: "{subject}")
        #expect(Self.run(acronymsOnly, "著(zhu)(zhe)") == [])
        #expect(Self.run(acronymsOnly, "AI (Artificial Intelligence), AI (Artificial Imbecility)").map(\.range) == [34..<55])
    }

    @Test func densityMessage() throws {
        let rule = try Self.rule(
            "gloss-density", #"{"minimumGlosses": 3, "minimumParagraphCharacters": 10}"#,
            message: "{count} {glossed} {characters} {percent}")
        let text = "前言\n\n通(tong)用(yong)人工智能(ren gong zhi neng)是一种元革命。"
        #expect(Self.run(rule, text) == [Result(range: 11..<17, message: "3 6 12 50", fix: nil)])
        let strict = try Self.rule("gloss-density", #"{"minimumGlosses": 3, "minimumParagraphCharacters": 13}"#, message: "{count}")
        #expect(Self.run(strict, text) == [])
    }

    @Test func densityCountsRubyOnlyWhenAsked() throws {
        let text = "<p>" + String(repeating: "<ruby>中<rt>zhōng</rt></ruby>文句子。", count: 4) + "</p>"
        let plain = try Self.rule("gloss-density", #"{"minimumGlosses": 3, "minimumParagraphCharacters": 10}"#, message: "{count}")
        #expect(Self.run(plain, text, format: "html") == [])
        let ruby = try Self.rule(
            "gloss-density", #"{"minimumGlosses": 3, "minimumParagraphCharacters": 10, "includeRuby": true}"#, message: "{count}")
        #expect(Self.run(ruby, text, format: "html").map(\.message) == ["4"])
        // In plain text the tags are text, not ruby.
        #expect(Self.run(ruby, text) == [])
    }

    @Test func glossesComeFromTheScopeAndRubyFromTheMasksTags() throws {
        let rule = try Self.rule("gloss-reading", message: Self.readingMessage)
        // A masker blanked the first gloss (say, a code span): only the second is read.
        let source = Array("`角(jiao)色` 角(jiao)色".utf8)
        var prose = source
        for i in 0..<14 { prose[i] = 0x20 }
        let document = Document(path: "t", source: source, scopes: [.prose: prose])
        #expect(Self.run(rule, document).map(\.range) == [18..<24])
        // The masker finds the ruby tags; the base characters and the annotation are read
        // from the scope, where the tags are blank.
        let html = "<ruby>角<rt>jiǎo</rt>色<rt>sè</rt></ruby>"
        #expect(Self.run(rule, html, format: "html").map(\.range) == [9..<23])
        #expect(Self.run(rule, "前言 " + html, format: "markdown").map(\.range) == [16..<30])
        // Ruby outside the scope (a comment, a code span) is not read.
        #expect(Self.run(rule, "<!-- " + html + " -->", format: "html") == [])
        #expect(Self.run(rule, "前言 `" + html + "`", format: "markdown") == [])
    }

    @Test func optionErrors() {
        #expect(
            Self.loadError("gloss-reading", #"{"report": "both"}"#) == "'options.report' must be one of 'syllable', 'tone', found 'both'")
        #expect(
            Self.loadError("gloss-reading", #"{"minimumConfirmedGlosses": -1}"#)
                == "'options.minimumConfirmedGlosses' must be between 0 and 1000000, found -1")
        #expect(Self.loadError("gloss-reading", #"{"minimumConfirmed": 1}"#)?.hasPrefix("unknown key 'options.minimumConfirmed'") == true)
        #expect(
            Self.loadError("gloss-consistency", #"{"glosses": false, "acronyms": false}"#)
                == "'options' turns off both 'glosses' and 'acronyms'; the rule would check nothing")
        #expect(
            Self.loadError("gloss-density", #"{"minimumDensity": 5}"#) == "'options.minimumDensity' must be between 0.0 and 1.0, found 5.0")
        #expect(
            Self.loadError("gloss-density", #"{"minimumGlosses": 0}"#) == "'options.minimumGlosses' must be between 1 and 1000000, found 0")
        #expect(Self.loadError("gloss-density", #"{"includeRuby": "yes"}"#) == "'options.includeRuby' must be a boolean, found a string")
    }

    @Test func unknownMessageArgumentsAreRejected() {
        #expect(throws: SourceError.self) { try Self.rule("gloss-reading", message: "{acronym}") }
        #expect(throws: SourceError.self) { try Self.rule("gloss-density", message: "{gloss}") }
    }
}

/// The quick pre-check agrees with the full checker: it may only skip glosses that the checker
/// would pass.
@Suite struct GlossQuickCheckTests {
    @Test(arguments: [
        "角(jiao)色", "模型(xin)", "好(hǎo)奇", "为(wěi)什么", "直覺(jiao)", "著(zhu)(zhe)", "强劲(jin)", "行(hang)",
    ])
    func glossesThatMayBeWrongAreChecked(text: String) {
        #expect(GlossParser.glosses(in: text).contains(where: GlossChecker.mayFind))
    }

    /// A document's pre-check, which decides each character and syllable once, gives every
    /// gloss what the pre-check of that gloss alone gives; and a gloss's syllables and base
    /// characters read in place are those of its views. Glosses right and wrong, toned and
    /// not, repeated, over one character and over several, each many times in one document.
    @Test func aDocumentsPreCheckIsEachGlosssOwn() {
        let pieces = [
            "角(jiao)色", "模型(xin)", "好(hǎo)奇", "人(ren)们", "一(yí)样", "型(xíng)", "银行(yin hang)", "著(zhu)(zhe)",
            "模(mó)", "行(hang)", "长(zhang)大", "的(de)", "是(shì)", "好(hào)学", "人(rén)", "直覺(zhi jiao)",
        ]
        let text = (0..<12).map { round in pieces.indices.map { pieces[($0 * 7 + round) % pieces.count] }.joined(separator: "，") }
            .joined(separator: "。\n")
        let glosses = GlossParser.glosses(in: text)
        let each = glosses.map(GlossChecker.mayFind)
        #expect(GlossChecker.mayFind(glosses) == each)
        #expect(each.contains(true) && each.contains(false))
        #expect(glosses.count >= pieces.count * 12)
        for gloss in glosses {
            #expect((0..<gloss.syllableCount).map(gloss.syllable) == Array(gloss.syllables))
            #expect((0..<gloss.syllableCount).map(gloss.baseScalar) == gloss.base.map(\.scalar))
            #expect(gloss.repeatsAGloss == (gloss.repeatedSyllables != nil))
        }
    }

    @Test func singleReadingCharactersAreSkipped() {
        #expect(!GlossChecker.mayFind(GlossParser.glosses(in: "型(xíng)")[0]))
        #expect(GlossChecker.mayFind(GlossParser.glosses(in: "模(mó)")[0]))  // mó, mú
        #expect(!GlossChecker.mayFind(GlossParser.glosses(in: "人(ren)")[0]))
        #expect(!GlossChecker.mayFind(GlossParser.glosses(in: "一(yí)")[0]))
        #expect(GlossChecker.hasSingleReading(0x4EBA))  // 人
        #expect(!GlossChecker.hasSingleReading(0x597D))  // 好: hǎo, hào
        #expect(!GlossChecker.hasSingleReading(0x884C))  // 行: xíng, háng
        #expect(GlossChecker.hasSingleReading(0x4E00))  // 一: yī, yí, yì, tones never compared
    }

    /// For characters with other lookup forms (Traditional ones, 著 with 着), the pre-check
    /// reads every form's readings from the table and answers as the rule it documents does
    /// over `readingsOf`'s list of them.
    @Test func otherFormsAnswerAsTheirReadingList() {
        func settled(_ syllable: PinyinSyllable, _ scalar: UInt32, _ readings: [PinyinSyllable]) -> Bool {
            if readings.isEmpty { return true }
            guard readings.allSatisfy({ $0.index == syllable.index }) else { return false }
            let comparesTones = !GlossChecker.sandhiCharacters.contains(scalar)
            if comparesTones && Set(readings.filter(\.hasFullTone).map(\.tone)).count > 1 { return false }
            return !syllable.hasFullTone || !comparesTones || readings.contains { $0.tone == syllable.tone }
        }
        var checked = 0
        var skipped = 0
        for scalar in UInt32(0x3400)..<0xA000
        where PinyinHanNormalization.simplified(scalar) != scalar || PinyinHanNormalization.alternative(scalar) != nil {
            let readings = GlossChecker.readingsOf(scalar)
            let character = GlossCharacter(scalar: scalar, range: 0..<3)
            for syllable in readings + [PinyinSyllable("a", tone: 4)!, PinyinSyllable("ba")!] {
                let gloss = Gloss(
                    form: .parenthesized, base: [character], syllables: [syllable], glossRange: 3..<8, textRange: 4..<7,
                    hasTones: syllable.tone != 0, repeatedSyllables: nil, context: [character], basePosition: 0)
                let expected = !settled(syllable, scalar, readings)
                #expect(GlossChecker.mayFind(gloss) == expected, "U+\(String(scalar, radix: 16)) \(syllable.numbered)")
                checked += 1
                if !expected { skipped += 1 }
            }
        }
        #expect(checked > 5000 && skipped > 1000)
    }

    @Test func fixturesAgree() throws {
        // Every gloss the pre-check skips gets no finding from the checker.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/glosses")
        var skipped = 0
        for name in ["correct.txt", "wrong.txt"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for gloss in GlossParser.glosses(in: text) where !GlossChecker.mayFind(gloss) {
                skipped += 1
                #expect(GlossChecker.check(gloss) == [], "\(gloss)")
            }
        }
        #expect(skipped > 3000)
    }
}
