import Testing

@testable import ChaffKinds
@testable import ChaffText

@Suite struct SourceHeuristicsTests {
    let cues = SourceCues.standard

    func chinese(_ text: String, _ bare: SourceCues.BareSubjects = .beforeVagueWords) -> SourceVerdict {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { cues.judgeChinese($0, 0..<$0.count, bareSubjects: bare).0 }
    }

    func english(_ text: String) -> SourceVerdict {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { cues.judgeEnglish($0, 0..<$0.count).0 }
    }

    func citation(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            cues.citation(in: buffer, 0..<buffer.count).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    func attribution(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            cues.namedAttribution(in: buffer, 0..<buffer.count, vaguePhrases: []).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func chineseSubjects() {
        for named in [
            "哈佛大学的", "新华社", "国家统计局", "美国疾控中心", "香港大学", "该市统计局", "《柳叶刀》杂志发表的一项", "OpenAI的",
            "钟南山等", "华为最新", "我们的", "本文", "中国科学院的", "联合国粮农组织",
        ] {
            #expect(chinese(named) == .named, "\(named)")
        }
        for vague in [
            "最新", "一所美国大学的", "某知名机构", "当地统计局", "有关部门", "国外", "内部", "大部分", "长期坚持锻炼的人群", "互联网",
            "一家咨询公司", "电视上的", "AI", "心理学", "美国",
        ] {
            #expect(chinese(vague) == .vague, "\(vague)")
        }
        #expect(chinese("该") == .anaphoric)
        #expect(chinese("这项最新") == .anaphoric)
        // Bare subjects: only right before the verb when `.adjacent`.
        #expect(chinese("华为", .adjacent) == .named)
        #expect(chinese("约三成的用户", .adjacent) == .vague)
        #expect(chinese("华为", .none) == .vague)
    }

    @Test func englishSubjects() {
        for named in [
            "Harvard", "A 2019 Lancet", "the WHO's 2021 report", "Pew Research Center", "Smith et al.", "our", "eBay", "NASA",
            "experts at Harvard",
        ] {
            #expect(english(named) == .named, "\(named)")
        }
        for vague in ["Recent", "Many", "American", "a new", "US", "Independent scientific", "some leading", "AI"] {
            #expect(english(vague) == .vague, "\(vague)")
        }
        #expect(english("The") == .anaphoric)
        #expect(english("this latest") == .anaphoric)
    }

    @Test func citationMarksWithRanges() {
        #expect(citation("研究表明如此[1]。") == "[1]")
        #expect(citation("Studies show it.[^a1] More") == "[^a1]")
        // Markup is the masker's (`CitationView`); in text only the address is a citation.
        #expect(citation("Read [this](https://e.org/x) now") == "https://e.org/x")
        #expect(citation("see https://example.com/a?b=1.") == "https://example.com/a?b=1")
        #expect(citation("Studies show it (Smith & Lee, 2019a).") == "(Smith & Lee, 2019a)")
        #expect(citation("As Smith (2019) showed") == "Smith (2019)")
        #expect(citation("研究发现如此（王等，2021）。") == "（王等，2021）")
        #expect(citation("如此（来源：国家统计局）。") == "（来源：国家统计局）")
        #expect(citation("数据来源：国家统计局") == "数据来源：国家统计局")
        #expect(citation("It works (Source: NIH).") == "(Source: NIH)")
        #expect(citation("Source: NIH, 2020 survey") == "Source: NIH, 2020 survey")
        #expect(citation("研究表明如此。¹") == "¹")
        #expect(citation("<a href=\"x\">y</a>") == nil)
        #expect(citation("如此（国家统计局）。") == "（国家统计局）")
        for none in [
            "面积10m²。", "10³ times", "（来源：网络）", "(2019)", "in the 1990s (a decade)", "[a link without target]", "（2020年）", "(see above)",
        ] {
            #expect(citation(none) == nil, "\(none)")
        }
    }

    @Test func namedAttributions() {
        #expect(attribution("据新华社报道，夏粮丰收。") == "据新华社报道")
        #expect(attribution("根据国家统计局2023年数据，收入增长。") == "根据国家统计局2023年数据")
        #expect(attribution("According to the WHO's 2021 report, it is so.") == "According to the WHO's 2021 report")
        #expect(attribution("The merger, as reported by Reuters, was approved.") == "as reported by Reuters")
        #expect(attribution("据华为统计，出货量增长。") == "据华为统计")
        for none in ["据悉，新车上市。", "据不完全统计，用户过亿。", "数据分析显示如此。", "According to some reports, yes.", "证据表明他不在场。"] {
            #expect(attribution(none) == nil, "\(none)")
        }
        // A vague phrase that ends after the name keeps the source vague.
        let text = Array("据华为公司内部人士透露，新机将发布。".utf8)
        let vague = 15..<33  // 内部人士透露
        text.withUnsafeBufferPointer { buffer in
            #expect(cues.namedAttribution(in: buffer, 0..<buffer.count, vaguePhrases: [vague]) == nil)
        }
    }

    @Test func foldedTextMapsBack() {
        let bytes = Array("a  b\n c 据不\n全".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let folded = FoldedText(buffer)
            #expect(String(decoding: folded.bytes, as: UTF8.self) == "a b c 据不全")
            #expect(folded.original(0..<3) == 0..<4)  // "a b" -> "a  b"
            #expect(folded.original(6..<15) == 8..<18)  // "据不全" -> "据不\n全"
        }
        let plain = Array("no folding needed".utf8)
        plain.withUnsafeBufferPointer { #expect(FoldedText($0).isIdentity) }
    }

    @Test func webAddresses() {
        func ends(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                URLScanner.addresses(in: buffer, range: 0..<buffer.count).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
        #expect(ends("see https://en.wikipedia.org/wiki/A_(b) now") == ["https://en.wikipedia.org/wiki/A_(b)"])
        #expect(ends("(at www.example.com).") == ["www.example.com"])
        #expect(ends("访问www.example.com获取") == ["www.example.com"])
        #expect(ends("HTTP://X.ORG, ftp://f.net/a;") == ["HTTP://X.ORG", "ftp://f.net/a"])
        #expect(ends("awww.x.com http:// https://") == [])
    }
}
