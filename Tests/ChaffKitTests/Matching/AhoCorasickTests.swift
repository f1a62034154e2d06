import Testing

@testable import ChaffText

@Suite struct AhoCorasickTests {
    func matches(_ patterns: [String], _ text: String, caseInsensitive: Bool = true) -> [String] {
        let automaton = AhoCorasick(patterns: patterns.map { Array($0.utf8) }, caseInsensitiveASCII: caseInsensitive)
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            automaton.nonOverlappingMatches(in: buffer).map { "\($0.patternIndex)@\($0.range.lowerBound)..<\($0.range.upperBound)" }
        }
    }

    @Test func leftmostLongestNonOverlapping() {
        #expect(matches(["据统计", "据不完全统计", "统计"], "据不完全统计显示，据统计") == ["1@0..<18", "0@27..<36"])
        #expect(matches(["he", "she", "his", "hers"], "ushers") == ["1@1..<4"])
    }

    @Test func caseFoldingIsASCIIOnly() {
        #expect(matches(["Studies Show"], "STUDIES SHOW that") == ["0@0..<12"])
        #expect(matches(["Studies Show"], "STUDIES SHOW", caseInsensitive: false) == [])
    }

    @Test func allOverlappingOccurrences() {
        let automaton = AhoCorasick(patterns: [Array("aa".utf8)], caseInsensitiveASCII: false)
        var found: [Int] = []
        Array("aaaa".utf8).withUnsafeBufferPointer { automaton.matches(in: $0) { _, range in found.append(range.lowerBound) } }
        #expect(found == [0, 1, 2])
    }

    @Test func emptyPatternsNeverMatch() {
        #expect(matches(["", "x"], "x") == ["1@0..<1"])
        #expect(matches([], "x") == [])
    }

    @Test func wordBoundaries() {
        let text = Array("nonexperts say; experts say; 专家说".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(!WordBoundary.isWholeWord(3..<15, in: buffer))
            #expect(WordBoundary.isWholeWord(16..<27, in: buffer))
        }
    }
}
