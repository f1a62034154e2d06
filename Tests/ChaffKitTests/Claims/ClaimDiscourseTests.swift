import Testing

/// Claims whose source the text around them gives: a named speaker whose words they continue, a
/// survey or study named a paragraph before, an institution that opens a long noun phrase, a body
/// whose name holds a vague word. Seen in news text of the field corpus; exact offsets.
@Suite struct ClaimDiscourseTests {
    func summary(_ text: String) -> [String] {
        ClaimTestSupport.detector.findings(in: Array(text.utf8)).map {
            "\($0.text)@\($0.phrase.lowerBound)..<\($0.phrase.upperBound):\($0.tier.rawValue)"
        }
    }

    @Test func aNamedSpeakersReportedWordsAreTheirs() {
        // The reported words run on after the colon, past the end of the first sentence.
        #expect(summary("王立新在会上说：目前形势仍不乐观。据推算，每年约有２０万人受影响。") == [])
        #expect(summary("王立新说：据不完全统计，已有30家企业倒闭。") == [])
        // A pronoun or a vague speaker identifies no one.
        #expect(summary("他说：据不完全统计，已有30家企业倒闭。") == ["据不完全统计@9..<27:warning"])
        #expect(summary("专家说：据推算，每年约有２０万人受影响。") == ["专家说@0..<9:warning", "据推算@12..<21:warning"])
        // A quotation closed before the claim ends the speaker's words.
        #expect(summary("王立新说：“形势不乐观。”据推算，每年约有２０万人受影响。") == ["据推算@39..<48:warning"])
        // A line break ends them too: the next line is the reporter's.
        #expect(summary("王立新说：形势不乐观。\n据推算，每年约有２０万人受影响。") == ["据推算@34..<43:warning"])
    }

    @Test func aSurveyNamedAParagraphBeforeIsTheSource() {
        let named = "《朝日新闻》的这项调查以１００家企业为对象。\n\n据调查，９０％以上的企业要求减税。"
        #expect(summary(named) == [])
        // The same words with no source named before: the survey is anyone's.
        let unnamed = "这次调查以１００家企业为对象。\n\n据调查，９０％以上的企业要求减税。"
        #expect(summary(unnamed) == ["据调查@47..<56:warning"])
        // 研究 inside an institution's name (研究所) is not the study.
        let institute = "中国青少年研究中心所长孙明说，孩子需要休息。\n\n更多的研究表明，８０％的孩子睡眠不足。"
        #expect(summary(institute) == ["研究表明@77..<89:warning"])
    }

    @Test func anInstitutionOpeningALongNounPhraseIsTheSource() {
        #expect(summary("国家统计局城调队对１９９１年到１９９６年我国城镇居民家庭消费结构的抽样调查显示，人均收入４８３９元。") == [])
        // Opened by no one: still a claim.
        #expect(summary("有关方面对１９９１年到１９９６年我国城镇居民家庭消费结构的抽样调查显示，人均收入４８３９元。").count == 1)
    }

    @Test func aVagueWordInsideANameQualifiesNothing() {
        #expect(summary("据上海市中心气象台的资料，上海已连续十年出现暖冬。") == [])
        #expect(summary("据中国环境监测总站公布的最新数据表明，水质已有明显改善。") == [])
        // 当地 before the body still makes it vague.
        #expect(summary("据当地气象台的资料，上海已连续十年出现暖冬。") == ["据当地气象台的资料@0..<27:note"])
    }
}

extension ClaimDiscourseTests {
    @Test func figuresAfterANamedOfficialsAccountAreTheirs() {
        // Even an `always` phrase (据不完全统计) gives the figures of the official just before.
        #expect(summary("公安部消防局局长孙明介绍，去年共出动灭火１４万余起。据不完全统计，抢救财产价值１６８５亿余元。") == [])
        // Without the named official, the same figures are unsourced.
        #expect(summary("去年共出动灭火１４万余起。据不完全统计，抢救财产价值１６８５亿余元。") == ["据不完全统计@39..<57:warning"])
    }
}

extension ClaimDiscourseTests {
    @Test func nicknamesAndNamedDocumentsAttributeNothing() {
        #expect(summary("公主岭发现很好的含油地层，被苏联专家称为第二个“巴库”。") == [])
        #expect(summary("党的十五大报告指出：“要坚持以我为主、为我所用的原则。”") == [])
        // A report of no named congress still leans on no one.
        #expect(summary("有关报告指出，９０％的企业将扩大投资。").count == 1)
    }
}

extension ClaimDiscourseTests {
    @Test func aBlockHoldingOnlyALinkRightAfterIsTheReference() throws {
        let cited =
            #"<div class="para">Multiple studies have shown that it is widely used. <div class="url">→ <a href="https://e.org/survey">https://e.org/survey</a></div></div>"#
        #expect(try shippedRuleFindings("unsourced-claim", cited, format: "html") == [])
        // A block of text after, or a link to no address, cites nothing.
        let text = #"<div class="para">Multiple studies have shown that it is widely used. <div class="url">See the survey.</div></div>"#
        #expect(try shippedRuleFindings("unsourced-claim", text, format: "html") == ["1:19 Multiple studies"])
        let schema =
            #"<p>Multiple studies have shown that it is widely used.</p>"# + "\n"
            + #"<ol itemtype="http://schema.org/HowToSection"><li>Step</li></ol>"#
        #expect(try shippedRuleFindings("unsourced-claim", schema, format: "html") == ["1:4 Multiple studies"])
    }

    @Test func theReportersNamedSourceGivesTheNextFigures() {
        // 获悉: the reporter learned them from a named body.
        #expect(summary("记者从国家旅游局获悉：去年入境人数继续增长。据统计，入境人数已达５２３６万人次。") == [])
        // The account of a named official, however far the verb from the name.
        #expect(summary("“打击犯罪取得成效。”这是公安部副部长李明在全国会议期间接受记者采访时所说的。据统计，５年来共破获案件５１２起。") == [])
        // 来说 reports no one's words.
        #expect(summary("对于平均月薪６５美元的阿尔巴尼亚人来说，国家银行的利率很低。据估计，阿全国共有１０亿美元投入。").count == 1)
    }

    @Test func aTitledSurveyAndADisciplinesSocietyAreNamed() {
        #expect(summary("中国城市独生子女人格发展调查显示，２０％的学生压力过大。") == [])
        #expect(summary("中国城市居民调查显示，２０％的学生压力过大。").count == 1)
        #expect(summary("中华医学会专家透露：家庭卫生已引起社会关注。") == [])
    }

    @Test func expertsOfAMeetingWhoseHostIsNamedEarlier() {
        let text = "由江西２１世纪出版社主办的刊物《大灰狼画报》创刊１０年。前不久，该刊在京举行座谈会，与会的作家、教育专家共同讨论。有关专家指出，低幼文学应尽快建立成熟的艺术形象。"
        #expect(summary(text) == [])
        let unnamed = "前不久，该刊在京举行座谈会，与会的作家、教育专家共同讨论。有关专家指出，低幼文学应尽快建立成熟的艺术形象。"
        #expect(summary(unnamed).count == 1)
    }
}

extension ClaimDiscourseTests {
    @Test func aNamedSpeakersWordsAfterACommaRunToTheSentencesEnd() {
        #expect(summary("奥贝德说，这个决定不是主要因素，因为此前日产量据估计已达约２８００万桶。") == [])
        // A turn of the sentence hands it back to the reporter.
        #expect(summary("内塔尼亚胡表示，他希望达成协议，但是据报道，以色列只准备撤出９％的土地。") == ["据报道@54..<63:warning"])
        // The next sentence is the reporter's again.
        #expect(summary("奥贝德说，这个决定不是主要因素。据估计，日产量已达约２８００万桶。") == ["据估计@48..<57:warning"])
    }
}

extension ClaimDiscourseTests {
    @Test func aNegatedSweepingWordIsNoSignature() {
        #expect(summary("专家认为，这种做法不一定有效。") == ["专家认为@0..<12:note"])
        #expect(summary("专家认为，这种做法一定有效。") == ["专家认为@0..<12:warning"])
        #expect(summary("Experts say recovery is not guaranteed.") == ["Experts say@0..<11:note"])
        #expect(summary("Experts say recovery is guaranteed.") == ["Experts say@0..<11:warning"])
    }

    @Test func peopleWhoGoSomewhereAreActorsNotSources() {
        #expect(summary("一听说有专家到老刘家去看病猪，村民们都跟了过来。") == [])
        #expect(summary("有专家认为，病猪的数量将翻一番。") == ["有专家认为@0..<15:warning"])
    }

    @Test func expertsTwoSentencesAfterATitledMeetingAreItsParticipants() {
        let text = "全国党校系统『党的十五大与改革』理论研讨会日前召开。与会者进行了认真讨论。专家们认为，这一理论的贡献很多。"
        #expect(summary(text) == [])
        let untitled = "全国党校系统的理论研讨会日前召开。与会者进行了认真讨论。专家们认为，这一理论的贡献很多。"
        #expect(summary(untitled).count == 1)
    }
}

extension ClaimDiscourseTests {
    @Test func aPronounMeansWhomTheSentenceBeforeNames() {
        #expect(summary("平顶山煤业公司有一套特困职工档案。他们经过认真的分析研究发现，职工的困难有暂时性的。") == [])
        #expect(summary("有一套特困职工档案。他们经过认真的分析研究发现，职工的困难有暂时性的。").count == 1)
    }

    @Test func aHeadlineLeansOnTheReportBelowIt() {
        let named = "专家分析指出震区更强地震可能性不大\n本报北京１月１３日讯记者从国家地震局获悉：地震专家分析指出，余震将逐步减弱。\n"
        #expect(summary(named) == [])
        // A headline over a report that names no one, and a sentence (closing 。) stay claims.
        let vague = "专家分析指出震区更强地震可能性不大\n有关专家分析指出，余震将逐步减弱。\n"
        #expect(summary(vague).count == 2)
        let sentence = "专家分析指出震区更强地震可能性不大。\n本报北京１月１３日讯记者从国家地震局获悉：地震专家分析指出，余震将逐步减弱。\n"
        #expect(summary(sentence).count == 1)
    }
}

extension ClaimDiscourseTests {
    @Test func expectingIsNoForecast() {
        // Users who expect something want it; 'expected to' and 'will' still forecast.
        #expect(summary("Required options are generally considered bad form because users expect options to be optional.") == [])
        #expect(summary("Options are generally considered bad form and are expected to disappear.").count == 1)
    }
}

extension ClaimDiscourseTests {
    @Test func anEchoOfAnAttributedSurveyIsReportedOnce() {
        let text = "据当地新闻媒体调查，目前纽约地铁车速缓慢。\n\n据调查，车速缓慢的主要原因是设备陈旧，８０％的车辆超过４０年。"
        #expect(summary(text) == ["据当地新闻媒体调查@0..<27:note"])
    }

    @Test func aTrialOfWhatANamedBodyMadeIsItsOwn() {
        #expect(summary("美国遗传技术研究公司研制成功一种新药。初步试验表明它能抑制肿瘤的发展。") == [])
        #expect(summary("一种新药问世了。初步试验表明它能抑制肿瘤的发展。").count == 1)
    }
}
