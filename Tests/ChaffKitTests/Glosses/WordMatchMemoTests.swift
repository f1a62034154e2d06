import ChaffData
import Testing

@testable import ChaffKinds

/// The memo must answer exactly as `PinyinWords`, whose matching it repeats with remembered
/// lookups; if `PinyinWords.matches` changes, these fail and the memo must follow.
@Suite struct WordMatchMemoTests {
    static let runs = [
        "的确定", "银行行长", "他扮演角色", "觀點不要讓", "各自省份", "見證著由", "长长长长", "著名的銀行家",
        "一不", "人", "",
    ]

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func matchesAsPinyinWords() {
        let memo = WordMatchMemo()
        // Twice: the second pass reads only remembered lookups.
        for _ in 0..<2 {
            for text in Self.runs {
                let run = Self.scalars(text)
                #expect(memo.matches(in: run) == PinyinWords.matches(in: run), "\(text)")
                for position in run.indices {
                    #expect(
                        memo.matches(in: run, containing: position) == PinyinWords.matches(in: run, containing: position),
                        "\(text) at \(position)")
                }
            }
        }
    }

    @Test func growsPastItsFirstTable() {
        // More distinct windows than the first table holds (512 before it grows).
        let memo = WordMatchMemo()
        let run = (0..<2_000).map { UInt32(0x4E00 + ($0 * 7919) % 20_000) }
        #expect(memo.matches(in: run) == PinyinWords.matches(in: run))
        #expect(memo.matches(in: run) == PinyinWords.matches(in: run))
    }
}

/// The selections the gloss rules take from one context's word list answer as `PinyinWords`.
@Suite struct ContextWordsTests {
    @Test func containingAsPinyinWords() {
        for text in WordMatchMemoTests.runs {
            let run = WordMatchMemoTests.scalars(text)
            let all = PinyinWords.matches(in: run)
            for position in run.indices {
                #expect(
                    all.withUnsafeBufferPointer { WordMatches.containing(position, in: $0) }
                        == PinyinWords.matches(in: run, containing: position),
                    "\(text) at \(position)")
            }
        }
    }

    /// A document's lists, kept in one array, are each gloss's context words, and empty for
    /// a gloss the checker rules out.
    @Test func listsOfADocumentAsPinyinWords() {
        let glosses = GlossParser.glosses(in: "他扮演角色(jiao se)，银行(yin hang)行长(hang zhang)在大厅(ting)里")
        let mayFind = glosses.indices.map { $0 != 2 }
        let lists = ContextWordLists(glosses, mayFind: mayFind)
        #expect(lists.count == 4)
        for n in glosses.indices {
            let expected = mayFind[n] ? PinyinWords.matches(in: glosses[n].context.map(\.scalar)) : []
            #expect(Array(lists[n]) == expected, "gloss \(n)")
        }
        #expect(!lists[0].isEmpty && !lists[1].isEmpty && lists[2].isEmpty)
    }

    /// Glosses a few characters apart read most of their context from the gloss before
    /// (`ContextWordLists` takes those words over): each list is still its own context's words,
    /// where the contexts overlap, where one stops short of the other, and for a second gloss
    /// on the same characters.
    @Test func denseGlossesListTheirOwnContextWords() {
        let text =
            "据不完(wan)全统计(ji)，银行(hang)的角(jiao)色在大(da)厅里长(zhang)大(da)了，著(zhu)(zhe)名的学(xue)者说了(le)很多话(hua)。"
            + "中华人民共和国(guo)成立(li)以来经济发(fa)展迅速(su)，行(xing)业银(yin)行(hang)长(zhang)期发展(zhan)。"
        let glosses = GlossParser.glosses(in: text)
        #expect(glosses.count == 21)
        let lists = ContextWordLists(glosses, mayFind: glosses.map { _ in true })
        for n in glosses.indices {
            #expect(Array(lists[n]) == PinyinWords.matches(in: glosses[n].context.map(\.scalar)), "gloss \(n)")
        }
        // Every other gloss skipped: a list then continues one further back.
        let every = ContextWordLists(glosses, mayFind: glosses.indices.map { $0 % 2 == 0 })
        for n in glosses.indices where n % 2 == 0 {
            #expect(Array(every[n]) == PinyinWords.matches(in: glosses[n].context.map(\.scalar)), "gloss \(n)")
        }
    }

    @Test func hasReadingAsReadingsOf() {
        let text = "著名的銀行家角色覺得長乾燥覆一不儿𰻞"
        for scalar in text.unicodeScalars.map(\.value) {
            let readings = GlossChecker.readingsOf(scalar)
            for index in UInt16(0)..<UInt16(PinyinSyllableTable.all.count) {
                #expect(
                    GlossChecker.hasReading(scalar, index: index) == readings.contains { $0.index == index },
                    "\(scalar) \(index)")
            }
        }
    }
}
