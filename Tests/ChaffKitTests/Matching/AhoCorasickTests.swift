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

    /// Every occurrence of every pattern, by comparing at each position: what the automaton
    /// and its filters (pairs, triples, six-byte hashes, case folding) must find.
    static func naiveMatches(_ patterns: [[UInt8]], _ text: [UInt8], caseInsensitive: Bool) -> [String] {
        func folded(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        var out: [String] = []
        for end in 1...max(1, text.count) where end <= text.count {
            for (index, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= end {
                let start = end - pattern.count
                if (0..<pattern.count).allSatisfy({ folded(text[start + $0]) == folded(pattern[$0]) }) {
                    out.append("\(index)@\(start)")
                }
            }
        }
        return out
    }

    /// Random pattern sets and texts over a few letters of both cases, spaces and Han
    /// characters (so that pairs, triples and six-byte heads collide often), with patterns of
    /// one to twelve bytes and matches near the text's end, where the six-byte test cannot read.
    @Test(arguments: 0..<40) func findsWhatANaiveSearchFinds(seed: Int) {
        var random = SeededGenerator(state: 0xAC_0000 &+ UInt64(seed))
        let pieces: [[UInt8]] = ["a", "b", "A", "B", "t", "T", " ", "据", "统", "计", "據", "\n"].map { Array($0.utf8) }
        func randomBytes(_ count: Int) -> [UInt8] { (0..<count).flatMap { _ in pieces[random.next(pieces.count)] } }
        let caseInsensitive = seed % 2 == 0
        var patterns = (0..<(1 + random.next(12))).map { _ in randomBytes(1 + random.next(5)) }
        // Without a short pattern, the triple and six-byte tests are not all-pass.
        if seed % 4 < 2 { patterns = patterns.filter { $0.count >= 3 } }
        for _ in 0..<20 {
            var text = randomBytes(random.next(40))
            // Plant a pattern, often at the very end.
            if !patterns.isEmpty {
                let planted = patterns[random.next(patterns.count)]
                let at = random.next(2) == 0 ? text.count : random.next(text.count + 1)
                text.insert(contentsOf: planted, at: at)
            }
            let automaton = AhoCorasick(patterns: patterns, caseInsensitiveASCII: caseInsensitive)
            var found: [String] = []
            text.withUnsafeBufferPointer { buffer in automaton.matches(in: buffer) { found.append("\($0)@\($1.lowerBound)") } }
            let expected = Self.naiveMatches(patterns, text, caseInsensitive: caseInsensitive)
            #expect(
                found.sorted() == expected.sorted(),
                "patterns \(patterns.map { String(decoding: $0, as: UTF8.self) }) text \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// States with many edges (a lead byte with dozens of continuations, or a root with
    /// dozens of first bytes) keep each edge's byte with its own target: every one of 60
    /// two-byte patterns under one first byte, and 40 one-byte patterns, inserted in an order
    /// that is not their bytes', is found, and as itself.
    @Test func statesWithManyEdgesKeepEachEdgeWithItsTarget() {
        let seconds = (0..<60).map { UInt8(0x21 + ($0 * 37) % 90) }
        let firsts = (0..<40).map { UInt8(0x80 + ($0 * 11) % 40) }
        let patterns = seconds.map { [UInt8(ascii: "~"), $0] } + firsts.map { [$0] }
        let automaton = AhoCorasick(patterns: patterns, caseInsensitiveASCII: false)
        for (index, pattern) in patterns.enumerated() {
            let text = [UInt8(ascii: " ")] + pattern + [UInt8(ascii: " ")]
            var found: [String] = []
            text.withUnsafeBufferPointer { buffer in automaton.matches(in: buffer) { found.append("\($0)@\($1)") } }
            let expected = pattern.count == 2 ? ["\(index)@1..<3"] : ["\(index)@1..<2"]
            #expect(found == expected, "pattern \(pattern)")
        }
    }

    /// Skipping the inside of ASCII words finds every occurrence that does not start inside
    /// one (a word byte after a word byte), and nothing a naive search does not find: random
    /// texts of letters, digits, `_`, punctuation and Han characters, long enough for the
    /// eight-byte steps, with planted patterns.
    @Test(arguments: 0..<40) func skippingInsideWordsKeepsWhatStartsAWord(seed: Int) {
        var random = SeededGenerator(state: 0x5C1_0000 &+ UInt64(seed))
        let pieces: [[UInt8]] = ["a", "b", "A", "t", "_", "7", " ", "-", ".", "据", "统", "\n"].map { Array($0.utf8) }
        func randomBytes(_ count: Int) -> [UInt8] { (0..<count).flatMap { _ in pieces[random.next(pieces.count)] } }
        func isWord(_ b: UInt8) -> Bool { WordBoundary.isASCIIWordByte(b) }
        let caseInsensitive = seed % 2 == 0
        let patterns = (0..<(1 + random.next(8))).map { _ in randomBytes(1 + random.next(6)) }
        let automaton = AhoCorasick(patterns: patterns, caseInsensitiveASCII: caseInsensitive)
        for _ in 0..<20 {
            var text = randomBytes(random.next(80))
            for _ in 0..<3 {
                text.insert(contentsOf: patterns[random.next(patterns.count)], at: random.next(text.count + 1))
            }
            var found: Set<String> = []
            text.withUnsafeBufferPointer { buffer in
                automaton.matchesSkippingInsideWords(in: buffer) { found.insert("\($0)@\($1.lowerBound)") }
            }
            let all = Self.naiveMatches(patterns, text, caseInsensitive: caseInsensitive)
            let startingWords = all.filter { match in
                let start = Int(match.split(separator: "@")[1])!
                return start == 0 || !isWord(text[start]) || !isWord(text[start - 1])
            }
            let context = "patterns \(patterns.map { String(decoding: $0, as: UTF8.self) }) text \(String(decoding: text, as: UTF8.self))"
            #expect(found.isSubset(of: Set(all)), "\(context)")
            #expect(Set(startingWords).isSubset(of: found), "\(context)")
        }
    }

    /// Which texts count as mostly ASCII: fewer than one byte in eight of the first 1,024
    /// outside ASCII.
    @Test func mostlyASCII() {
        func judge(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { AhoCorasick.isMostlyASCII($0) } }
        #expect(judge("Studies show that most people agree."))
        #expect(!judge("据不完全统计，大多数人同意。"))
        // 3 non-ASCII bytes in 24 is one in eight: not fewer.
        #expect(!judge("据" + String(repeating: "a", count: 21)))
        #expect(judge("据" + String(repeating: "a", count: 22)))
        #expect(judge(String(repeating: "a", count: 1024) + String(repeating: "据", count: 500)))
        #expect(!judge(""))
    }

    @Test func wordBoundaries() {
        let text = Array("nonexperts say; experts say; 专家说".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(!WordBoundary.isWholeWord(3..<15, in: buffer))
            #expect(WordBoundary.isWholeWord(16..<27, in: buffer))
        }
    }
}
