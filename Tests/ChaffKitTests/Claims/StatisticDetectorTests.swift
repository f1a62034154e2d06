import Testing

@testable import ChaffKinds

@Suite struct StatisticDetectorTests {
    let detector = StatisticDetector(lexicon: ClaimTestSupport.lexicon)

    func figures(_ text: String) -> [String] {
        detector.findings(in: Array(text.utf8)).map { "\($0.text)/\($0.kind.rawValue)" }
    }

    @Test func exactRanges() {
        let one = detector.findings(in: Array("已经有至少30个机构推出了大模型。".utf8))
        #expect(one.map(\.figure) == [9..<17])
        #expect(one.map(\.sentence) == [0..<47])
        #expect(one.map(\.paragraph) == [0..<47])
        #expect(one.map(\.kind) == [.approximateCount])
        #expect(one.first?.message == "Uncited statistic: '至少30' has no source in its sentence or paragraph; cite it")
        #expect(detector.findings(in: Array("About 40% of adults sleep poorly.".utf8)).map(\.figure) == [0..<9])
        #expect(detector.findings(in: Array("中文数据大概只占百分之一点几。".utf8)).map(\.figure) == [24..<42])
        let second = detector.findings(in: Array("第一段。\n\n销量增长了3倍。".utf8))
        #expect(second.map(\.figure) == [29..<33])
        #expect(second.map(\.paragraph) == [14..<36])
    }

    @Test func chineseFigures() {
        #expect(figures("约三成的用户表示满意。") == ["约三成/fraction"])
        #expect(figures("三分之一的人不吃早餐。") == ["三分之一/fraction"])
        #expect(figures("销量增长了3倍，用户数翻了一番。") == ["3倍/multiple", "翻了一番/multiple"])
        #expect(figures("近4000家企业涌现，超过1000人参会。") == ["近4000/approximateCount", "超过1000/approximateCount"])
        #expect(figures("全国有3000万人受影响，数百万用户下载。") == ["3000万/largeCount", "数百万/largeCount"])
        #expect(figures("上千家门店关闭。") == ["上千/approximateCount"])
        #expect(figures("GDP增长了5.2个百分点。") == ["5.2个百分点/percentage"])
        #expect(figures("每10个人中就有3个人失眠。") == ["每10个人中就有3/ratio"])
        #expect(figures("100%的受访者表示同意。") == ["100%/percentage"])
        #expect(figures("全台已有超過百家業者投入。") == ["超過百/approximateCount"])
        #expect(figures("占比达到３０％。") == ["达到３０％/percentage"])
    }

    @Test func englishFigures() {
        #expect(figures("Nearly 2 million people moved.") == ["Nearly 2 million/largeCount"])
        #expect(figures("Sales were three times higher than last year.") == ["three times higher/multiple"])
        #expect(figures("One in five adults smoke, and nine out of ten agree.") == ["One in five/ratio", "nine out of ten/ratio"])
        #expect(figures("Millions of people use it.") == ["Millions of/largeCount"])
        #expect(figures("More than 1,000 companies joined.") == ["More than 1,000/approximateCount"])
        #expect(figures("Prices rose 12 percent, a tenfold jump.") == ["12 percent/percentage", "tenfold/multiple"])
        #expect(figures("It is twice as likely.") == ["twice as/multiple"])
    }

    @Test func numbersThatAreNotStatistics() {
        #expect(figures("这块牛排七成熟，他八成是忘了，一成不变。") == [])
        #expect(figures("至少三个人来了。近30年来变化很大。") == [])
        #expect(figures("这件衣服100%纯棉，百分之百满意。") == [])
        #expect(figures("售价2.5万元起。") == [])
        #expect(figures("每天走一万步。") == [])
        #expect(figures("Thousands of years ago, nothing was here.") == [])
        #expect(figures("The meeting lasted about 10 minutes; he is over 65.") == [])
        #expect(figures("Everything is 30% off today.") == [])
        #expect(figures("Swift 6.3.1 shipped in 2025 with 3 fixes.") == [])
        #expect(figures("访问https://example.com/a%20b了解。") == [])
    }

    @Test func aSourceInTheSentenceOrParagraphClearsIt() {
        #expect(figures("国家统计局数据显示，CPI上涨了0.2%。") == [])
        #expect(figures("据新华社报道，至少30人受伤。") == [])
        #expect(figures("Gallup found that 40% of Americans distrust media.") == [])
        #expect(figures("The company grew 30% last year, Apple said.") == [])
        #expect(figures("苹果公司表示，销量增长了30%。") == [])
        #expect(figures("About 40% of adults sleep poorly.[2]") == [])
        #expect(figures("哈佛大学发布了报告。报告指出，近七成学生睡眠不足。") == [])
        #expect(figures("近七成学生睡眠不足。这一结论来自哈佛大学发布的报告。") == [])
        // A source in another paragraph does not count.
        #expect(figures("哈佛大学发布了报告。\n\n近七成学生睡眠不足。") == ["近七成/fraction"])
        // A reporting verb whose subject is the figure itself names no one.
        #expect(figures("约三成的用户表示满意。") == ["约三成/fraction"])
    }

    @Test func vagueClaimsDoNotCountAsSources() {
        #expect(figures("据不完全统计，已经有至少30个机构推出了大模型。") == ["至少30/approximateCount"])
        #expect(figures("有数据统计，中文数据大概只占百分之一点几。") == ["百分之一点几/percentage"])
    }
}
