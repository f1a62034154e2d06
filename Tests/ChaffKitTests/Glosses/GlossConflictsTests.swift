import Testing

@testable import ChaffKinds

/// Glosses that contradict each other within a document, in Simplified and Traditional.
@Suite struct GlossConflictsTests {
    struct Summary: Equatable, CustomStringConvertible {
        var kind: GlossConflict.Kind
        var range: Range<Int>
        var found: String
        var firstRange: Range<Int>
        var first: String
        var word: String
        var description: String { "\(kind) \(range) \(found) vs \(firstRange) \(first) [\(word)]" }
    }

    static func conflicts(_ text: String) -> [Summary] {
        GlossConflicts.conflicts(in: GlossParser.glosses(in: text)).map {
            Summary(
                kind: $0.kind, range: $0.gloss.glossRange, found: $0.gloss.syllables[$0.index].numbered,
                firstRange: $0.first.glossRange, first: $0.first.syllables[$0.firstIndex].numbered,
                word: GlossText.string($0.word))
        }
    }

    /// Two syllables share a key exactly when their words' characters and their places in
    /// them are the same, for packed words (up to four characters) and longer runs alike.
    @Test func wordKeysAreTheWordAndThePlace() {
        let words: [[UInt32]] = [
            [0x94F6, 0x884C], [0x884C, 0x94F6], [0x94F6, 0x884C, 0x957F], [0x2_0000, 0x94F6, 0x884C, 0x10_FFFF],
            [0x94F6], [0x94F6, 0x884C, 0x957F, 0x5927, 0x5385], [0x94F6, 0x884C, 0x957F, 0x5927, 0x5386],
        ]
        var keys: [WordKey: (word: Int, position: Int)] = [:]
        for (w, word) in words.enumerated() {
            for position in word.indices {
                let key = WordKey(word, position: position)
                #expect(keys[key] == nil, "\(word) at \(position) shares a key with \(String(describing: keys[key]))")
                keys[key] = (w, position)
                #expect(WordKey(word[...], position: position) == key)
            }
        }
        #expect(keys.count == words.reduce(0) { $0 + $1.count })
    }

    @Test func repeatedGloss() {
        #expect(
            Self.conflicts("見證著(zhu)(zhe)由") == [
                Summary(kind: .repeated, range: 14..<19, found: "zhe", firstRange: 9..<14, first: "zhu", word: "")
            ])
        #expect(Self.conflicts("见证着(zhao)(zhe)").map(\.kind) == [.repeated])
        #expect(Self.conflicts("好(hǎo)(hào)").map(\.found) == ["hao4"])
        // The same gloss twice is redundant, not inconsistent.
        #expect(Self.conflicts("看着(zhe)(zhe)") == [])
        #expect(Self.conflicts("看着(zhe)(zhe5)") == [])
    }

    @Test func sameWordGlossedTwoWays() {
        let text = "單小明(dan xiao ming)說，單小明(shan xiao ming)"
        #expect(
            Self.conflicts(text).map(\.word) == ["單小明"])
        #expect(Self.conflicts(text).map(\.found) == ["shan"])
        // Traditional and Simplified forms are one key.
        #expect(Self.conflicts("单小明(dan xiao ming)说，單小明(shan xiao ming)").map(\.word) == ["單小明"])
        // Both tones full and different.
        #expect(Self.conflicts("肖仰华(xiāo yǎng huá)说，肖仰华(xiào yǎng huá)").map(\.found) == ["xiao4"])
        // One conflict per gloss, at its first disagreeing syllable.
        #expect(Self.conflicts("單小明(dan xiao ming)。單小明(shan xiao min)").count == 1)
    }

    @Test(arguments: [
        // Different words, or characters in no word: every reading may be right.
        "去银行(háng)以后行(xíng)走", "他(ta)说(shuo)长(zhang)，又说长(chang)",
        // 的确 competes with 确定, so 的 is not keyed in 的确定.
        "他的(de)确定了。的(di)确如此。",
        // Toneless and neutral glosses agree with any tone of their syllable.
        "朝阳(zhāo yáng)。朝阳(zhao yang)", "东西(dōng xī)。东西(dōng xi)",
        // Tone sandhi.
        "一(yí)个。一(yī)个",
        // gloss-reading already reports the wrong one.
        "角(jiao)色。角(jue)色", "角(jue)色。角(jiao)色", "好(hǎo)奇。好(hào)奇",
        // Two readings the word itself lists are variants or homographs, both right.
        "他流血(xuè)了。又流血(xiě)了", "露(lù)出。露(lòu)出", "朝阳(zhāo yáng)升起。朝阳(cháo yáng)公园",
        "朝陽(zhāo yáng)升起。朝(cháo)阳公园",
        // Repeated glosses do not enter the word table.
        "朝阳(zhao)(zhao)。朝阳(zhao)",
    ])
    func consistentGlosses(text: String) {
        #expect(Self.conflicts(text) == [])
    }
}
