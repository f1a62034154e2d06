import ChaffKinds
import Foundation
import Testing

@testable import ChaffCLI

/// The four gloss rules end to end on hand-written fixtures (Tests/Fixtures/glosses/rules),
/// Simplified and Traditional, plain text, HTML ruby and Markdown: exact lines and columns.
@Suite struct GlossRulesCLITests {
    static let folder = repositoryRoot + "/Tests/Fixtures/glosses/rules"

    @Test func simplified() {
        let run = chaff(["check", "--select", "gloss", Self.folder + "/spun-simplified.txt"], in: Self.folder)
        #expect(run.status == 1)
        #expect(run.err == "")
        #expect(
            run.out == """
                spun-simplified.txt:5:2: note: Pinyin glosses interleaved through running prose: 12 glosses on 12 of 77 Han characters (16%); remove them and check the text for machine rewording [gloss-interleaved]
                spun-simplified.txt:7:13: error: Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue' [gloss-reading]
                spun-simplified.txt:7:24: error: Gloss 'jin' for 劲 does not fit 强劲 (jìng); expected 'jing' [gloss-reading]
                spun-simplified.txt:7:49: error: Gloss 'zai' for 仔 does not fit 仔细 (zǐ); expected 'zi' [gloss-reading]
                spun-simplified.txt:7:71: error: Gloss 'zha' for 查 does not fit 排查 (chá); expected 'cha' [gloss-reading]
                spun-simplified.txt:7:82: error: Gloss 'sheng' for 省 does not fit 自省 (xǐng); expected 'xing' [gloss-reading]
                spun-simplified.txt:11:8: error: Gloss 'zhao' for 着 is how 着 reads only after 不 or 得 or before 了 (睡不着, 用得着, 点着了); after a verb 着 reads zhe, expected 'zhe' [gloss-reading]
                spun-simplified.txt:11:14: warning: '着' glossed 'zhe' here but 'zhao' right before it [gloss-inconsistent]
                spun-simplified.txt:11:27: warning: Gloss 'hǎo' for 好 has the wrong tone for 好奇心 (hào); expected 'hào' [gloss-tone]
                spun-simplified.txt:11:38: error: Gloss 'xin' for 型 is not a reading of 型; expected 'xing' as in 模型 (xíng) [gloss-reading]
                spun-simplified.txt:13:77: warning: 'AGI' expanded as 'Artificial Generative Intelligence' here but 'Artificial General Intelligence' at line 13 [gloss-inconsistent]
                spun-simplified.txt:13:131: warning: 'API' expanded as '应用程序接口' here but '应用程序编程接口' at line 13 [gloss-inconsistent]

                """)
    }

    @Test func traditional() {
        let run = chaff(["check", "--select", "gloss", Self.folder + "/spun-traditional.txt"], in: Self.folder)
        #expect(run.status == 1)
        #expect(
            run.out == """
                spun-traditional.txt:5:2: note: Pinyin glosses interleaved through running prose: 12 glosses on 12 of 77 Han characters (16%); remove them and check the text for machine rewording [gloss-interleaved]
                spun-traditional.txt:7:13: error: Gloss 'jiao' for 角 does not fit 角色 (jué); expected 'jue' [gloss-reading]
                spun-traditional.txt:7:24: error: Gloss 'jin' for 勁 does not fit 強勁 (jìng); expected 'jing' [gloss-reading]
                spun-traditional.txt:7:49: error: Gloss 'zai' for 仔 does not fit 仔細 (zǐ); expected 'zi' [gloss-reading]
                spun-traditional.txt:7:71: error: Gloss 'zha' for 查 does not fit 排查 (chá); expected 'cha' [gloss-reading]
                spun-traditional.txt:7:82: error: Gloss 'sheng' for 省 does not fit 自省 (xǐng); expected 'xing' [gloss-reading]
                spun-traditional.txt:11:14: warning: '著' glossed 'zhe' here but 'zhao' right before it [gloss-inconsistent]
                spun-traditional.txt:11:27: warning: Gloss 'hǎo' for 好 has the wrong tone for 好奇心 (hào); expected 'hào' [gloss-tone]
                spun-traditional.txt:11:38: error: Gloss 'xin' for 型 is not a reading of 型; expected 'xing' as in 模型 (xíng) [gloss-reading]
                spun-traditional.txt:13:77: warning: 'AGI' expanded as 'Artificial Generative Intelligence' here but 'Artificial General Intelligence' at line 13 [gloss-inconsistent]
                spun-traditional.txt:13:131: warning: 'API' expanded as '應用程序接口' here but '應用程序編程接口' at line 13 [gloss-inconsistent]

                """)
    }

    @Test func rubyInHTML() {
        let run = chaff(["check", "--select", "gloss", "--column-unit", "utf8", Self.folder + "/ruby-mistakes.html"], in: Self.folder)
        #expect(
            run.out == """
                ruby-mistakes.html:4:25: error: Gloss 'jiǎo' for 角 does not fit 角色 (jué); expected 'jué' [gloss-reading]
                ruby-mistakes.html:5:26: error: Gloss 'jiào' for 覺 does not fit 直覺 (jué); expected 'jué' [gloss-reading]
                ruby-mistakes.html:5:89: warning: Gloss 'hǎo' for 好 has the wrong tone for 好奇心 (hào); expected 'hào' [gloss-tone]
                ruby-mistakes.html:6:19: error: Gloss 'zháo' for 着 is how 着 reads only after 不 or 得 or before 了 (睡不着, 用得着, 点着了); after a verb 着 reads zhe, expected 'zhe' [gloss-reading]
                ruby-mistakes.html:6:33: warning: '着' glossed 'zhe' here but 'zháo' right before it [gloss-inconsistent]

                """)
    }

    @Test func acronymsInMarkdown() {
        let run = chaff(["check", "--select", "gloss", Self.folder + "/acronyms.md"], in: Self.folder)
        #expect(
            run.out == """
                acronyms.md:6:26: warning: 'API' expanded as 'Advanced Programming Interface' here but 'Application Programming Interface' at line 3 [gloss-inconsistent]
                acronyms.md:9:54: warning: 'AI' expanded as '人工智慧' here but '人工智能' at line 9 [gloss-inconsistent]

                """)
    }

    @Test func fixesInJSONAndSARIF() {
        let scratch = Scratch()
        scratch.write("a.txt", "他扮演的角(jiǎo)色很重要。\n")
        let json = chaff(["check", "--format", "json", "--select", "gloss-reading", scratch.path("a.txt")], in: scratch.root)
        let object = try? JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let diagnostic = (object?["diagnostics"] as? [[String: Any]])?.first ?? [:]
        #expect(diagnostic["byteOffset"] as? Int == 15)
        #expect(diagnostic["byteLength"] as? Int == 7)
        #expect(diagnostic["column"] as? Int == 6)
        #expect(diagnostic["endColumn"] as? Int == 12)
        #expect(diagnostic["match"] as? String == "(jiǎo)")
        #expect(diagnostic["fix"] as? String == "(jué)")
        let sarif = chaff(["check", "--format", "sarif", "--select", "gloss-reading", scratch.path("a.txt")], in: scratch.root)
        #expect(sarif.out.contains("(jué)"))
        #expect(sarif.out.contains("\"ruleId\""))
    }

    @Test func rulesAreDocumented() {
        let list = chaff(["rules"], in: Self.folder)
        for id in ["gloss-reading", "gloss-tone", "gloss-inconsistent", "gloss-interleaved"] {
            #expect(list.out.contains(id))
        }
        let explain = chaff(["rule", "gloss-reading"], in: Self.folder)
        #expect(explain.out.hasPrefix("gloss-reading (error, kind gloss-reading, scope prose)\n"))
        #expect(explain.out.contains("各种角↓(jiao)色共同努力"))
    }
}
