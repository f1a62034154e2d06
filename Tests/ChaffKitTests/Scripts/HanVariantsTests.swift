import Testing

@testable import ChaffData

@Suite struct HanVariantsTests {
    private func form(_ character: Unicode.Scalar) -> HanForm {
        HanVariants.form(of: character.value)
    }

    private func scalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }

    /// The flat index of the common ideograph blocks finds what the binary search finds, in
    /// the blocks and at both their edges.
    @Test func flatIndexAgreesWithTheSearch() {
        let disagreeing = (UInt32(0x3300)..<0xA100).filter { !HanVariants.indexAgreesWithSearch($0) }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(10))")
        #expect(HanVariants.isVariant(0x570B, of: 0x56FD))  // 国: 國
        #expect(!HanVariants.isVariant(0x56FD, of: 0x56FD))
    }

    @Test func genuineMergersAreShared() {
        // Listed as their own variant and encoded by both Big5 and the 2013 general table.
        for character in "后干台里面只系复么著乾于云借准出划同向表谷" {
            #expect(form(character.unicodeScalars.first!) == .shared, "\(character)")
        }
    }

    @Test func simplifiedOnlyCharacters() {
        #expect(form("国") == .simplifiedOnly)
        #expect(form("发") == .simplifiedOnly)  // Unihan: traditional 發, 髮, not itself
        #expect(form("说") == .simplifiedOnly)
        #expect(HanVariants.traditional(of: 0x56FD) == scalars("國"))
        #expect(HanVariants.traditional(of: 0x53D1) == scalars("發髮"))
        #expect(HanVariants.simplified(of: 0x56FD) == [])
    }

    @Test func selfListedCharactersNeedTheOtherStandard() {
        // Unihan lists these as their own traditional form, but Big5 lacks them.
        for character in "这个时会对电开无" {
            #expect(form(character.unicodeScalars.first!) == .simplifiedOnly, "\(character)")
        }
        #expect(HanVariants.traditional(of: 0x8FD9) == scalars("这這"))
        // Listed as their own simplified form, but not in the 2013 general table.
        #expect(form("復") == .traditionalOnly)
        #expect(form("裡") == .traditionalOnly)
        #expect(HanVariants.simplified(of: 0x88E1) == scalars("裡里"))
        // Big5 encodes these rare classical characters, so they stay shared.
        for character in "体机网价" {
            #expect(form(character.unicodeScalars.first!) == .shared, "\(character)")
        }
    }

    @Test func traditionalOnlyCharacters() {
        #expect(form("國") == .traditionalOnly)
        #expect(form("發") == .traditionalOnly)
        #expect(form("髮") == .traditionalOnly)
        #expect(form("後") == .traditionalOnly)
        #expect(form("這") == .traditionalOnly)
        #expect(form("餘") == .traditionalOnly)
        #expect(HanVariants.simplified(of: 0x570B) == scalars("国"))
        #expect(HanVariants.simplified(of: 0x9918) == scalars("余馀"))  // 餘: two targets
        #expect(HanVariants.traditional(of: 0x570B) == [])
    }

    @Test func variantListsKeepUnihanOrderAndSelfEntries() {
        #expect(HanVariants.traditional(of: 0x53F0) == scalars("台檯臺颱"))
        #expect(HanVariants.simplified(of: 0x4E7E) == scalars("乾干"))
        #expect(HanVariants.simplified(of: 0x8457) == scalars("着著"))
        #expect(HanVariants.traditional(of: 0x540E) == scalars("后後"))
    }

    /// `isVariant` answers as the two lists do, for every character with variants, each of
    /// its targets, and the characters around them in code point order (mostly no variant).
    @Test func isVariantAgreesWithTheVariantLists() {
        var checked = 0
        for a in HanVariants.charactersWithSimplifiedVariants + HanVariants.charactersWithTraditionalVariants {
            let targets = HanVariants.simplified(of: a) + HanVariants.traditional(of: a)
            for b in targets + [a - 1, a, a + 1] + targets.map({ $0 + 1 }) {
                #expect(HanVariants.isVariant(b, of: a) == targets.contains(b), "\(a) \(b)")
                checked += 1
            }
        }
        #expect(checked > 20_000)
        #expect(HanVariants.isVariant(0x81FA, of: 0x53F0))  // 臺 of 台
        #expect(!HanVariants.isVariant(0x53F0, of: 0x7684))  // 的 has none
    }

    @Test func edgeCases() {
        #expect(form("的") == .shared)  // Han without variants
        #expect(form("瑙") == .shared)  // standard; its only Simplified variant is in Extension G
        #expect(form("鍾") == .traditionalOnly)  // its Simplified variants 钟 and 锺 are standard
        #expect(form("苧") == .shared)  // traditional of 苎 and simplified of 薴
        #expect(form("裏") == .shared)  // Unihan pairs 里 only with 裡
        #expect(form("々") == .shared)  // Script=Han, no variants
        #expect(form("𠮷") == .shared)  // supplementary Han
        #expect(form("あ") == .notHan)
        #expect(form("。") == .notHan)
        #expect(form("A") == .notHan)
        #expect(form("한") == .notHan)
        #expect(HanVariants.form(of: 0x10FFFF) == .notHan)
    }

    @Test func countsPerForm() {
        // Pins the Unicode 15.0 classification so a data or rule change shows up here.
        var counts: [HanForm: Int] = [:]
        let candidates = Set(HanVariants.charactersWithSimplifiedVariants)
            .union(HanVariants.charactersWithTraditionalVariants)
        for scalar in candidates { counts[HanVariants.form(of: scalar), default: 0] += 1 }
        #expect(HanVariants.charactersWithSimplifiedVariants.count == 6692)
        #expect(HanVariants.charactersWithTraditionalVariants.count == 6291)
        #expect(candidates.count == 12552)
        #expect(counts[.simplifiedOnly] == 3714)
        #expect(counts[.traditionalOnly] == 2749)
        #expect(counts[.shared] == 6089)
        #expect(counts[.notHan] == nil)
    }
}

@Suite struct HanVariantSuggestionTests {
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
    private func simplified(_ character: String) -> [UInt32] {
        HanVariants.simplifiedSuggestions(for: character.unicodeScalars.first!.value)
    }
    private func traditional(_ character: String) -> [UInt32] {
        HanVariants.traditionalSuggestions(for: character.unicodeScalars.first!.value)
    }

    @Test func rareFormsOutsideTheStandardSetAreDropped() {
        #expect(HanVariants.simplified(of: 0x958B) == scalars("开𫔭"))  // 開 in Unihan
        #expect(simplified("開") == scalars("开"))
        #expect(simplified("餘") == scalars("余"))  // 馀 has no kTGH in Unicode 15
        #expect(traditional("伪") == scalars("偽"))
        #expect(traditional("锈") == scalars("鏽"))
    }

    @Test func realChoicesStay() {
        #expect(simplified("鍾") == scalars("钟锺"))
        #expect(simplified("線") == scalars("线缐"))
        #expect(traditional("发") == scalars("發髮"))
        #expect(traditional("历") == scalars("曆歷"))  // Unihan order
    }

    @Test func theCharacterItselfIsNeverSuggested() {
        #expect(simplified("國") == scalars("国"))
        #expect(traditional("国") == scalars("國"))
        #expect(simplified("乾") == scalars("干"))  // Unihan: 乾 → 乾, 干
        #expect(traditional("的") == [])
    }

    @Test func ambiguityCountsOverAllOfUnihan() {
        // How many minority characters keep several suggestions (reported without a fix).
        let forms = HanVariants.formLookup
        let traditionalOnly = HanVariants.charactersWithSimplifiedVariants
            .filter { forms.form(of: $0) == .traditionalOnly }
        let simplifiedOnly = HanVariants.charactersWithTraditionalVariants
            .filter { forms.form(of: $0) == .simplifiedOnly }
        #expect(traditionalOnly.filter { HanVariants.simplifiedSuggestions(for: $0).count > 1 }.count == 3)
        #expect(simplifiedOnly.filter { HanVariants.traditionalSuggestions(for: $0).count > 1 }.count == 13)
        #expect(traditionalOnly.allSatisfy { !HanVariants.simplifiedSuggestions(for: $0).isEmpty })
        #expect(simplifiedOnly.allSatisfy { !HanVariants.traditionalSuggestions(for: $0).isEmpty })
    }
}
