import ChaffData
import Testing

@testable import ChaffKinds

/// `GlossChecker.SplitCosts` counts the fewest units (words and single characters) covering
/// each prefix and suffix of a context reading its words once; the counts must be those of
/// taking, at every position, each word that ends (or starts) there.
@Suite struct SplitCostsTests {
    /// Fewest units of each prefix and of each suffix, every word read at every position.
    static func counts(_ words: [WordMatch], _ count: Int) -> (forward: [Int32], backward: [Int32]) {
        var forward = [Int32](repeating: 0, count: count + 1)
        var backward = [Int32](repeating: 0, count: count + 1)
        for i in stride(from: 1, through: count, by: 1) {
            forward[i] = forward[i - 1] + 1
            for word in words where word.range.upperBound == i && !word.reading.isCollocation {
                forward[i] = min(forward[i], forward[word.range.lowerBound] + 1)
            }
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            backward[i] = backward[i + 1] + 1
            for word in words where word.range.lowerBound == i && !word.reading.isCollocation {
                backward[i] = min(backward[i], backward[word.range.upperBound] + 1)
            }
        }
        return (forward, backward)
    }

    @Test func countsAsTakingEveryWordAtEveryPosition() {
        var random = SeededGenerator(state: 0x5B11_7C05)
        let pieces = ["银行", "行长", "角色", "长长", "的确", "确定", "觀點", "不要", "著名", "銀行家", "一帆风顺", "自由自在", "们曾", "人", "他", "，"]
        var overlapping = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<random.next(8) { text += pieces[random.next(pieces.count)] }
            let run = text.unicodeScalars.map(\.value)
            let words = PinyinWords.matches(in: run)
            if zip(words, words.dropFirst()).contains(where: { $0.range.upperBound > $1.range.lowerBound }) { overlapping += 1 }
            let characters = GlossElements(run.enumerated().map { GlossCharacter(scalar: $1, range: (3 * $0)..<(3 * $0 + 3)) })
            let scalars = GlossScalars(characters)
            let expected = Self.counts(words, run.count)
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: GlossChecker.SplitCosts.capacity(run.count)) { buffer in
                words.withUnsafeBufferPointer { all in
                    let costs = GlossChecker.SplitCosts(all, scalars: scalars, buffer: buffer)
                    for i in 0...run.count {
                        #expect(costs.forward(i) == expected.forward[i], "\(text) forward \(i)")
                        #expect(costs.backward(i) == expected.backward[i], "\(text) backward \(i)")
                    }
                }
            }
        }
        #expect(overlapping > 50)
    }
}
