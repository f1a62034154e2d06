import Testing

@testable import ChaffKinds

/// Tiers, folding and mentions of the shipped `unsourced-claim` lexicon, with exact offsets.
@Suite struct ClaimTierTests {
    func findings(_ text: String) -> [ClaimFinding] { ClaimTestSupport.detector.findings(in: Array(text.utf8)) }
    func summary(_ text: String) -> [String] {
        findings(text).map { "\($0.text)@\($0.phrase.lowerBound)..<\($0.phrase.upperBound):\($0.tier.rawValue)" }
    }

    /// Each signature has a bit of its own: a set of one holds it and no other.
    @Test func signatureSetsHoldTheirOwnMembers() {
        for member in ClaimSignature.allCases {
            var one = ClaimSignatures()
            one.insert(member)
            #expect(ClaimSignature.allCases.filter { one.contains($0) } == [member])
            #expect(ClaimSignatures.all.contains(member))
        }
        #expect(ClaimSignature.allCases.allSatisfy { !ClaimSignatures().contains($0) })
    }

    @Test func signatureMakesAWarningAndBareAttributionIsANoteOrNothing() {
        // A figure, a prediction, a sweeping claim.
        #expect(summary("据不完全统计，全国超过80%的家庭有车。") == ["据不完全统计@0..<18:warning"])
        #expect(findings("据不完全统计，全国超过80%的家庭有车。").first?.signature == .figure)
        #expect(summary("专家预测，房价将会继续上涨。") == ["专家预测@0..<12:warning"])
        #expect(findings("专家预测，房价将会继续上涨。").first?.signature == .prediction)
        #expect(summary("研究表明，所有人都需要午睡。") == ["研究表明@0..<12:warning"])
        #expect(findings("研究表明，所有人都需要午睡。").first?.signature == .sweeping)
        // Bare: a note for unnamed experts, nothing for wire attribution, hearsay and rhetoric.
        #expect(summary("专家认为，这一做法值得推广。") == ["专家认为@0..<12:note"])
        #expect(summary("据悉，会议今天在北京闭幕。") == [])
        #expect(summary("据说这家酒店的早餐不错，服务也很好。") == [])
        #expect(summary("实践证明，这条路走对了。") == [])
        // Hearsay and consensus warn only with a share (a percentage, 成, 倍).
        #expect(summary("据说90%的人都不知道这个秘密。") == ["据说@0..<6:warning"])
        #expect(findings("据说90%的人都不知道这个秘密。").first?.signature == .share)
        #expect(summary("据说这家店开了20年，房价200元。") == [])
        // Dates, years and ordinals are not figures.
        #expect(summary("专家认为，１９９８年１月的第3次会议很重要。") == ["专家认为@0..<12:note"])
        #expect(summary("Experts say the museum opened in 1998.") == ["Experts say@0..<11:note"])
        #expect(summary("Experts say 40 percent of them will close.") == ["Experts say@0..<11:warning"])
    }

    @Test func newsAttributionsAreMatched() {
        #expect(summary("此间舆论认为，这一政策将在年内调整。") == ["此间舆论认为@0..<18:warning"])
        #expect(summary("有关人士认为，出口将增长两成。") == ["有关人士认为@0..<18:warning"])
        #expect(summary("据外电报道，该国已有三千多人受灾。") == ["据外电报道@0..<15:warning"])
        #expect(summary("有消息说，两家公司将于明年合并。") == ["有消息说@0..<12:warning"])
        #expect(summary("此间观察家指出，局势将进一步恶化。") == ["此间观察家指出@0..<21:warning"])
        #expect(summary("Observers say the talks will collapse.") == ["Observers say@0..<13:warning"])
    }

    @Test func glossesAndTraditionalCharactersAreFoldedWithOffsetsMappedBack() {
        // 据不完(wan)全统計(ji): the range ends at 計, before the last gloss.
        #expect(summary("据不完(wan)全统計(ji)，已有30家企业倒闭。") == ["据不完(wan)全统計@0..<23:warning"])
        #expect(summary("据不完（wan）全统计，已有30家企业倒闭。") == ["据不完（wan）全统计@0..<27:warning"])
        // One script's phrase in the other script's page.
        #expect(summary("他说：据不完全統計，已有30家企业倒闭。") == ["据不完全統計@9..<27:warning"])
        #expect(summary("據悉，超過８０％的用戶已經升級。") == ["據悉@0..<6:warning"])
        #expect(summary("據不完全统计，三成門店關閉。") == ["據不完全统计@0..<18:warning"])
        // A gloss needs a Han character before it, and only letters inside.
        #expect(summary("研究(2019)表明，30%的人失眠。") == [])
    }

    @Test func foldedTextMapsGlossesAndTraditionalBack() {
        let text = Array("a  據(ju)悉".utf8)
        text.withUnsafeBufferPointer { buffer in
            let folded = FoldedText(buffer)
            #expect(!folded.isIdentity)
            #expect(String(decoding: folded.bytes, as: UTF8.self) == "a 据悉")
            // 据悉 in the folded copy is bytes 2..<8; in the original 據 is 3..<6 and 悉 10..<13.
            #expect(folded.original(2..<8) == 3..<13)
        }
        Array("普通的简体中文，没有要折叠的。".utf8).withUnsafeBufferPointer { #expect(FoldedText($0).isIdentity) }
    }

    @Test func notAttributions() {
        // 根据 meaning "based on".
        #expect(summary("根据相邻单元格自动填充数据，共30行。") == [])
        #expect(summary("根据tcpdump的输出生成的统计有30项。") == [])
        // A number display.
        #expect(summary("数字显示3秒后熄灭。") == [])
        // 专家 as an object.
        #expect(summary("他向外国专家介绍了30个项目的进展。") == [])
        // A source named after 据: organisation, title, person.
        #expect(summary("据中国消费者协会秘书长王明透露，投诉增长了三成。") == [])
    }

    @Test func quotedMentionsAreNotClaims() {
        #expect(summary("The phrase \"studies show\" is overused, 80% of the time.") == [])
        #expect(summary("“据不完全统计”是常见的套话，出现了30次。") == [])
        #expect(summary("「专家指出」是常见的套话，出现了30次。") == [])
        #expect(summary("“据不完全统计，”这样的开头有80%是假的。") == [])
        // Quoted speech that goes on is still a claim.
        #expect(summary("他说：“据不完全统计，已有30家倒闭。”") == ["据不完全统计@12..<30:warning"])
    }
}
