import Testing

@testable import ChaffEngine

@Suite struct ClaimDetectorTests {
    func found(_ text: String) -> [String] { ClaimTestSupport.phrases(text) }

    // MARK: Findings, with exact offsets

    @Test func exactRangesAndMessage() {
        let text = "据不完全统计，已经有至少30个机构推出了大模型。研究表明，喝水有益。"
        let findings = ClaimTestSupport.detector.findings(in: Array(text.utf8))
        #expect(findings.count == 2)
        #expect(findings[0].sentence == 0..<68)
        #expect(findings[0].phrase == 0..<18)
        #expect(findings[0].text == "据不完全统计")
        #expect(findings[0].category == "unnamed-counting")
        #expect(findings[0].mode == .always)
        #expect(findings[0].message == "Unsourced claim: '据不完全统计' names no source for its figures; cite it or name the source")
        #expect(findings[1].sentence == 68..<98)
        #expect(findings[1].phrase == 68..<80)
        #expect(findings[1].mode == .unlessNamed)
        #expect(findings[1].category == "unnamed-research")

        let english = "Mr. Smith left. Studies show that coffee helps."
        let more = ClaimTestSupport.detector.findings(in: Array(english.utf8))
        #expect(more.map(\.sentence) == [16..<47])
        #expect(more.map(\.phrase) == [16..<28])
        #expect(more.map(\.text) == ["Studies show"])
        #expect(more.map(\.missing) == ["names no study"])
    }

    // MARK: Each category, both languages

    @Test func unnamedCounting() {
        #expect(found("有数据统计，在互联网公开语料中，中文数据只占一小部分。") == ["有数据统计"])
        #expect(found("据统计，截至去年底，全国共有超过一亿用户。") == ["据统计"])
        #expect(found("相关数据显示，宠物经济规模还在扩大。") == ["相关数据显示"])
        #expect(found("数据显示，近七成消费者更愿意网购。") == ["数据显示"])
        #expect(found("據不完全統計，全台已有超過百家業者投入。") == ["據不完全統計"])
        #expect(found("Statistics show that most accidents happen at home.") == ["Statistics show"])
        #expect(found("According to some estimates, the market will double.") == ["According to some estimates"])
        #expect(found("Figures suggest that fewer people buy homes.") == ["Figures suggest"])
    }

    @Test func unnamedReportsAndInsiders() {
        #expect(found("有报道称，这位明星已经结婚。") == ["有报道称"])
        #expect(found("据悉，新车将于下月上市。") == [])
        #expect(found("据了解，三成物业费未调。") == ["据了解"])
        #expect(found("据相关人士透露，项目已获投资。") == ["据相关人士透露"])
        #expect(found("有业内人士预计，房价还将回落。") == ["有业内人士"])
        #expect(found("网友表示，服务越来越差。") == [])
        #expect(found("知情人士称，谈判已破裂。") == ["知情人士称"])
        #expect(found("業內人士透露，新機型明年發表。") == ["業內人士透露"])
        #expect(found("It is reported that the mayor will resign.") == ["It is reported that"])
        #expect(found("Sources say the deal is close.") == ["Sources say"])
        #expect(found("Insiders claim the firm will restructure.") == ["Insiders claim"])
        #expect(found("According to reports, the bridge will close.") == ["According to reports"])
    }

    @Test func unnamedResearchAndExperts() {
        #expect(found("研究表明，每天喝八杯水没有依据。") == ["研究表明"])
        #expect(found("有研究发现，吃辣的人更快乐。") == ["有研究发现"])
        #expect(found("专家指出，近视与户外活动有关。") == ["专家指出"])
        #expect(found("科学家认为，咖啡可以延寿。") == ["科学家认为"])
        #expect(found("有专家表示，现在适合买黄金。") == ["有专家表示"])
        #expect(found("很多专家都认为，房价已经见顶。") == ["专家都认为"])
        #expect(found("研究顯示，午睡有助專注。") == ["研究顯示"])
        #expect(found("Studies show that reading helps sleep.") == ["Studies show"])
        #expect(found("Research has shown that multitasking hurts.") == ["Research has shown"])
        #expect(found("Experts say the market will cool.") == ["Experts say"])
        #expect(found("Scientists claim the pill slows aging.") == ["Scientists claim"])
    }

    @Test func anonymousConsensus() {
        #expect(found("众所周知，绿茶抗氧化。") == [])
        #expect(found("大家都知道，早餐很重要。") == [])
        #expect(found("人们普遍认为，左撇子更聪明。") == [])
        #expect(found("眾所周知，夜市文化豐富。") == [])
        #expect(found("It is widely believed that goldfish forget fast.") == [])
        #expect(found("Many people say this diet works.") == [])
        #expect(found("It is often said that money cannot buy happiness.") == [])
        #expect(found("Some say the recipe was lost.") == [])
        // With a share they are the signature.
        #expect(found("众所周知，80%的疾病与饮食有关。") == ["众所周知"])
        #expect(found("Many people say half of the staff quit.") == ["Many people say"])
    }

    @Test func vagueQualifiersKeepItVague() {
        #expect(found("据相关统计，用户已过亿。") == ["据相关统计"])
        #expect(found("据有关部门统计，报考人数创新高。") == ["据有关部门统计"])
        #expect(found("有关专家表示，春季流感高发。") == ["有关专家"])
        #expect(found("最新研究表明，步行一万步并不必要。") == ["最新研究表明"])
        #expect(found("国外研究表明，养狗的人更长寿。") == ["国外研究表明"])
        #expect(found("一所美国大学的研究表明，午睡有益。") == ["研究表明"])
        #expect(found("According to some reports, the CEO resigned.") == ["According to some reports"])
        #expect(found("According to experts, replace your toothbrush monthly.") == ["According to experts"])
        #expect(found("Recent studies suggest that coffee protects the liver.") == ["Recent studies"])
        #expect(found("American researchers found that naps help.") == ["researchers found"])
    }

    @Test func framesReportVagueSourcesBetweenTheirWords() {
        #expect(found("据某知名机构统计，每年有数百万人受影响。") == ["据某知名机构统计"])
        #expect(found("据一家咨询公司估算，市场将翻倍。") == ["据一家咨询公司估算"])
        #expect(found("Remote workers are happier, according to a new survey.") == ["according to a new survey"])
        // A name between the words makes it a source.
        #expect(found("据华为统计，出货量增长两成。") == [])
        #expect(found("Remote workers are happier, according to a Gallup survey.") == [])
    }

    // MARK: Every way to be sourced

    @Test func namedSourceAfterAccordingTo() {
        #expect(found("据新华社报道，夏粮再获丰收。") == [])
        #expect(found("根据国家统计局2023年数据，有数据显示收入增长。") == [])
        #expect(found("According to the WHO's 2021 report, studies show that smoking kills.") == [])
        #expect(found("According to experts at Harvard, it is fine.") == [])
        #expect(found("据《人民日报》报道，有关专家表示工程将竣工。") == [])
        #expect(found("Experts say the vaccine is safe, according to a review published in The BMJ.") == [])
        #expect(found("As reported by Reuters, officials said the merger was approved.") == [])
        #expect(found("Experts say the bridge is safe, citing a 2022 inspection by the Department of Transportation.") == [])
        // 据统计 is cleared by a named source later in the sentence.
        #expect(found("据统计，国家统计局数据显示，人口增长。") == [])
        #expect(found("据统计（国家统计局，2023），人口增长。") == [])
        #expect(found("据统计，人口增长。") == ["据统计"])
    }

    @Test func newsNamesSourcesByTitleAbbreviationAndContext() {
        // A title next to a name names a person; a short abbreviation after a country, or a
        // name and one qualifier before the head, names a body.
        #expect(found("据中国排协秘书长高沈阳透露，郎平的身体已经康复，预计三月归队。") == [])
        #expect(found("据委员会主席雅苗尔科斯基介绍，钢缆长一百零三米，将拴在塔的第三层。") == [])
        #expect(found("据利比亚官方通讯社报道，油价下跌将使收入减少三成。") == [])
        #expect(found("据中国青年报报道，一位官员收到了五万元。") == [])
        #expect(found("他通过野外地质队调查发现，三成户口被迁出。") == [])
        #expect(found("据我市统计部门抽样调查，八成农户互赠礼金。") == [])
        #expect(found("王德槟研究员认为，菊苣将在三年内普及。") == [])
        // The same words without the name stay vague.
        #expect(found("据秘书长透露，郎平预计三月归队。") == ["据…透露"].map { _ in "据秘书长透露" })
        #expect(found("资深学者认为，菊苣将在三年内普及。") == ["学者认为"])
        // Experts right after a sentence that names them, or a named body's seminar, are those.
        #expect(found("国家环保局组织审核专家对项目进行了评估。专家认为，该项目将减排三成。") == [])
        #expect(found("中国发展战略学研究会在京举办了研讨会。专家指出广告市场急需规范，三成企业不合格。") == [])
        #expect(found("有关部门举办了研讨会。专家指出广告市场急需规范，三成企业不合格。") == ["专家指出"])
        // 与会 points back to a meeting: named before, or not.
        #expect(found("北京大学哲学系发布了会议纪要。与会学者认为，该理论将长期指导实践。") == [])
        #expect(found("与会学者认为，该理论将长期指导实践。") == ["学者认为"])
    }

    @Test func namedSubjectBeforeThePhrase() {
        #expect(found("哈佛大学的研究表明，睡眠很重要。") == [])
        #expect(found("国家统计局数据显示，CPI上涨0.2%。") == [])
        #expect(found("钟南山院士团队的研究表明，该药有效。") == [])
        #expect(found("华为数据显示，出货量增长。") == [])
        #expect(found("《柳叶刀》杂志发表的一项研究表明，污染增加痴呆风险。") == [])
        #expect(found("OpenAI的研究人员表示，推理能力提升。") == [])
        #expect(found("台灣大學的研究顯示，運動可降低失智風險。") == [])
        #expect(found("A 2019 Lancet study shows that sugar is harmful.") == [])
        #expect(found("Harvard researchers found that loneliness hurts.") == [])
        #expect(found("Pew Research Center data show that most adults read news online.") == [])
        #expect(found("Our survey found that readers prefer print.") == [])
        #expect(found("我们的调查显示，读者更爱电子书。") == [])
    }

    @Test func authorYearReferences() {
        #expect(found("Smith et al. (2019) found that studies show this.") == [])
        #expect(found("Studies show that this is true (Smith, 2019).") == [])
        #expect(found("Studies show this (Lee & Park 2020a).") == [])
        #expect(found("研究发现，坚果有益心脏（王等，2021）。") == [])
        #expect(found("研究发现，坚果有益心脏（张三，2021）。") == [])
        // A year alone is not a reference.
        #expect(found("研究发现，疫情期间（2020年）运动减少。") == ["研究发现"])
    }

    @Test func citationMarks() {
        #expect(found("研究表明，喝水有益健康。[1]") == [])
        #expect(found("研究表明，喝水有益健康[12]。") == [])
        #expect(found("Studies show that this effect is small.[^3]") == [])
        #expect(found("研究表明，喝水有益健康。¹²") == [])
        #expect(found("研究表明，这是真的【3】。") == [])
        #expect(found("专家指出，儿童应多运动，详见https://www.nhc.gov.cn。") == [])
        #expect(found("研究表明，喝水有益健康（来源：世界卫生组织）。") == [])
        #expect(found("Research has shown that it works (Source: National Institutes of Health).") == [])
        #expect(found("数据显示，一季度增长4.5%（国家统计局）。") == [])
        // Units and exponents are not footnotes; a vague source label is not a source.
        #expect(found("研究表明，面积是10m²。") == ["研究表明"])
        #expect(found("研究表明，喝水有益健康（来源：网络）。") == ["研究表明"])
        #expect(found("Studies show it works (Source: the internet).") == ["Studies show"])
    }

    @Test func markupCitationsComeFromTheMasker() throws {
        let cases: [(String, String, [String])] = [
            ("html", "<p>Studies have shown this for decades<sup>4</sup>.</p>", []),
            ("html", "<p>Experts say it is safe, as in <a href=\"https://example.org\">the FAQ</a>.</p>", []),
            ("html", "<p>Experts say it is safe, as in <a name=\"faq\">the FAQ</a>.</p>", ["1:4 Experts say"]),
            ("markdown", "Experts say [this](https://example.com) is fine.", []),
            ("markdown", "Experts say it is fine, see [the FAQ][faq].\n\n[faq]: https://example.com/faq\n", []),
            // Not a link: the label is defined nowhere, and a reader sees the brackets.
            ("markdown", "Experts say it is fine, see [the FAQ][faq].", ["1:1 Experts say"]),
            ("markdown", "Experts say it is fine, see <https://example.com/faq>.", []),
            ("markdown", "Experts say it is fine, see ![the FAQ](https://example.com/faq.png).", ["1:1 Experts say"]),
            ("rst", "Experts say it is fine [#]_.\n\n.. [#] The FAQ.\n", []),
            ("rst", "Experts say it is fine, see `the FAQ <https://example.com/faq>`_.\n", []),
        ]
        for (format, source, expected) in cases {
            #expect(try shippedRuleFindings("unsourced-claim", source, format: format) == expected, "\(source)")
        }
    }

    @Test func linksBlankedByMaskingAreReadFromTheMasksMarks() {
        // The masked prose scope blanks the link target; the masker's marks still hold the link.
        let source = "Experts say [this](https://e.org) is fine.\n"
        let document = DocumentMaker.document(path: "a.md", source: Array(source.utf8), format: "markdown")
        let prose = document.bytes(for: .prose)
        #expect(String(decoding: prose, as: UTF8.self) == "Experts say  this                 is fine.\n")
        #expect(ClaimTestSupport.detector.findings(in: prose).map(\.text) == ["Experts say"])
        #expect(document.masked.marks.references.map(\.range) == [12..<33])
        #expect(ClaimTestSupport.detector.findings(in: prose, marks: document.masked.marks).isEmpty)
        // An image is no source.
        let image = DocumentMaker.document(
            path: "b.md", source: Array("Experts say ![this](https://e.org/a.png) is fine.\n".utf8), format: "markdown")
        #expect(image.masked.marks.references.isEmpty)
        #expect(ClaimTestSupport.detector.findings(in: image.bytes(for: .prose), marks: image.masked.marks).map(\.text) == ["Experts say"])
    }

    @Test func aLinkInAnotherHTMLBlockOnTheSameLineSourcesNothing() throws {
        // Sphinx puts a definition's permalink and its description on adjacent lines with no
        // blank line: the link belongs to the term, not to the claim in the description.
        let html =
            ##"<dt id="x">-m<a class="headerlink" href="#x">¶</a></dt>"## + "\n"
            + "<dd><p>Studies show that 80% of users never change it. Mark lines.</p></dd>\n"
        let document = DocumentMaker.document(path: "a.html", source: Array(html.utf8), format: "html")
        let found = ClaimTestSupport.detector.findings(in: document.bytes(for: .prose), marks: document.masked.marks)
        #expect(found.map(\.text) == ["Studies show"])
        #expect(found.first?.phrase == 64..<76)
        // In the same block the link still sources the claim.
        let same = #"<p>Studies show <a href="https://e.org/r">it</a> is 80%.</p>"#
        let sameDocument = DocumentMaker.document(path: "b.html", source: Array(same.utf8), format: "html")
        #expect(ClaimTestSupport.detector.findings(in: sameDocument.bytes(for: .prose), marks: sameDocument.masked.marks).isEmpty)
    }

    @Test func aLinkInACodeSpanSourcesNothing() throws {
        // No rule reads the code scope here; the masker's code ranges still keep the link out.
        let page = "研究表明，九成用户从不修改默认设置 `[1](https://e.org/source)`。\n"
        #expect(try shippedRuleFindings("unsourced-claim", page, format: "markdown") == ["1:1 研究表明"])
        let linked = "研究表明，九成用户从不修改默认设置[1](https://e.org/source)。\n"
        #expect(try shippedRuleFindings("unsourced-claim", linked, format: "markdown") == [])
        let html = #"<p>研究表明，九成用户从不修改默认设置<code><a href="https://e.org/source">[1]</a></code>。</p>"#
        #expect(try shippedRuleFindings("unsourced-claim", html, format: "html") == ["1:4 研究表明"])
    }

    @Test func aURLInAnHTMLCommentSourcesNothing() throws {
        let page = "<p>研究表明，九成用户从不修改默认设置。<!-- https://e.org/source --></p>\n"
        #expect(try shippedRuleFindings("unsourced-claim", page, format: "html") == ["1:4 研究表明"])
        let linked = #"<p>研究表明，九成用户从不修改默认设置<a href="https://e.org/source">[1]</a>。</p>"#
        #expect(try shippedRuleFindings("unsourced-claim", linked, format: "html") == [])
    }

    @Test func pointingBackNeedsAnEarlierSourceInTheParagraph() {
        #expect(found("该研究发现，受试者睡得更好。") == ["研究发现"])
        #expect(found("斯坦福大学发布了一份报告。该研究发现，受试者睡得更好。") == [])
        #expect(found("斯坦福大学发布了一份报告。\n\n该研究发现，受试者睡得更好。") == ["研究发现"])
        #expect(found("The study found that people slept better.") == ["study found"])
        #expect(found("Gallup published a survey in May. The study found that people slept better.") == [])
    }

    // MARK: Words that only look like claims

    @Test func namingQuotingAndPraiseAreNotClaims() {
        // 称…为“…” gives a nickname; 据X说 quotes someone, so its frame does not reach 数据.
        #expect(found("湿地被科学家称为“自然之肾”，九成已经消失。") == [])
        #expect(found("一位著名科学家称其为“成年人的童话”。") == [])
        #expect(found("科学家称，九成湿地已经消失。") == ["科学家称"])
        #expect(found("据客服说在系统崩溃下也可以导出数据，九成用户满意。") == [])
        #expect(found("据网友统计，九成用户满意。") == ["据网友统计"])
        // Experts as the object of praise; a report as a noun; metadata; IDC by its name.
        #expect(found("该剧受到艺术界有关专家和观众的普遍赞扬。") == [])
        #expect(found("以前只能看到不够准确的外电报道。") == [])
        #expect(found("元数据显示了被使用的加密算法，共三种。") == [])
        #expect(found("据国际数据公司统计，出货量增长了三成。") == [])
        #expect(found("有的学者认为，九成企业将在三年内转型。") == ["学者认为"])
        // 只有专家 is "only experts"; a named body's report in the sentence before sources 据统计,
        // a byline (本报讯记者…报道) does not; 共和国 ends a country's name.
        #expect(found("因为只有专家满意了，作品才有希望获奖。") == [])
        #expect(found("国家土地管理局局长邹玉川介绍，有关部门进行了清查。据统计，共查出闲置土地十一万公顷。") == [])
        #expect(found("本报讯记者夏珺报道：唐山市探索出一条新路子。据统计，共复垦耕地四十八万亩。") == ["据统计"])
        #expect(found("据伊朗伊斯兰共和国通讯社报道，雪崩造成四十七人死亡。") == [])
        // A number before 多位专家 counts a known group.
        #expect(found("他们对１６０多位专家为这一工程做出的努力表示感谢。") == [])
        #expect(found("多位专家表示，九成企业将在三年内转型。") == ["多位专家"])
    }

    @Test func neutralUsesAreNotClaims() {
        #expect(found("这是一个重要的研究发现。") == [])
        #expect(found("这台数据显示屏的分辨率很高。") == [])
        #expect(found("数据分析师的平均月薪是多少？") == [])
        #expect(found("本研究发现，受试者反应更快。") == [])
        #expect(found("公认会计师考试即将报名。") == [])
        #expect(found("The statistics course is hard.") == [])
        #expect(found("Sources of vitamin C include oranges.") == [])
        #expect(found("The nonexperts saying this are wrong.") == [])
        #expect(found("Scientists at CERN say the detector works.") == [])
    }

    @Test func wrappedTextStillMatches() {
        let text = "New findings.\nStudies\nshow that naps help. 据不完\n全统计，用户过亿。"
        let findings = ClaimTestSupport.detector.findings(in: Array(text.utf8))
        #expect(findings.map(\.text) == ["Studies\nshow", "据不完\n全统计"])
        #expect(findings.map(\.phrase) == [14..<26, 43..<62])
    }
}
