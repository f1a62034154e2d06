import Testing

@testable import ChaffText

/// The automaton is built from flat pools; every occurrence it reports, in order of end and
/// with the order of patterns sharing an end, must be what a naive search finds.
@Suite struct AhoCorasickBuildTests {
    /// Every (pattern, start) pair, ordered by end, then by the automaton's output order: the
    /// pattern ending at the deepest state first, then along the failure chain (longer first),
    /// and listing order among equal patterns.
    func naive(_ patterns: [[UInt8]], _ text: [UInt8], fold: Bool) -> [String] {
        func f(_ b: UInt8) -> UInt8 { fold && b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        var out: [String] = []
        for end in 0...text.count {
            var here: [(Int, Int)] = []
            for (i, p) in patterns.enumerated() where !p.isEmpty && p.count <= end {
                let start = end - p.count
                if zip(p, text[start..<end]).allSatisfy({ f($0) == f($1) }) { here.append((i, start)) }
            }
            here.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            out += here.map { "\($0.0)@\($0.1)" }
        }
        return out
    }

    func automaton(_ patterns: [[UInt8]], _ text: [UInt8], fold: Bool) -> [String] {
        let a = AhoCorasick(patterns: patterns, caseInsensitiveASCII: fold)
        var out: [String] = []
        text.withUnsafeBufferPointer { a.matches(in: $0) { i, range in out.append("\(i)@\(range.lowerBound)") } }
        return out
    }

    @Test func matchesANaiveSearch() {
        let patterns = ["he", "she", "his", "hers", "据统计", "据不完全统计", "统计", "e", "She", "he", "", "hershe", "统"]
            .map { Array($0.utf8) }
        let texts = ["ushers said she HIS hershe", "据不完全统计显示，据统计，统计", "", "hhhhe", "SHEHE"]
        for fold in [true, false] {
            for text in texts.map({ Array($0.utf8) }) {
                #expect(
                    automaton(patterns, text, fold: fold) == naive(patterns, text, fold: fold),
                    "\(String(decoding: text, as: UTF8.self)) fold \(fold)")
            }
        }
    }

    @Test func pseudoRandomLexicons() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("abAB".utf8)
        for round in 0..<30 {
            let patterns = (0..<(1 + next(12))).map { _ in (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] } }
            let text = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let fold = round % 2 == 0
            #expect(automaton(patterns, text, fold: fold) == naive(patterns, text, fold: fold))
        }
    }

    /// Sparse lexicons over a larger alphabet, so that the root skips most positions (no
    /// pattern starts with their pair), with one-byte patterns, case folding and bytes of
    /// multi-byte characters.
    @Test func skippingAtTheRootFindsEverything() {
        var seed: UInt64 = 0xD1B54A32D192ED03
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet = Array("abcdefgXYZ ".utf8) + [0xE4, 0xB8, 0xAD, 0x80]
        for round in 0..<200 {
            let patterns = (0..<(1 + next(4))).map { _ in (0..<(1 + next(5))).map { _ in alphabet[next(alphabet.count)] } }
            let text = (0..<next(120)).map { _ in alphabet[next(alphabet.count)] }
            let fold = round % 2 == 0
            #expect(automaton(patterns, text, fold: fold) == naive(patterns, text, fold: fold))
        }
    }
}
