import ChaffData
import Testing

@testable import ChaffKinds

/// `HanScriptQuotations.isQuotedOtherSystem` through one `NewlineSpan` for a whole text, as
/// `mixed-han-script` asks it, answers what it answers with a fresh one for each finding.
@Suite struct HanScriptQuotationsTests {
    static let pieces: [[UInt8]] =
        ["国", "國", "这", "這", "的", "“", "”", "「", "」", "『", "』", "‘", "’", "\"", "。", "、", " ", "a", "\n"]
        .map { Array($0.utf8) }

    @Test(arguments: [0, 1, 2])
    func sharedSpanAnswersAsAFreshOne(seed: Int) {
        var random = SeededGenerator(state: 0x7175_0000 &+ UInt64(seed))
        var bytes: [UInt8] = []
        // Lines of a few hundred bytes on average, longer than the 96 bytes read on each side.
        while bytes.count < 20000 {
            bytes += random.next(120) == 0 ? Self.pieces[18] : Self.pieces[random.next(Self.pieces.count - 1)]
        }
        bytes.withUnsafeBufferPointer { text in
            var newlines = NewlineSpan()
            let ranges = RandomFindings.ranges(in: text, step: 30, &random) { HanScriptCharacterClasses.form(of: $0) != .notHan }
            #expect(ranges.count > 300)
            var quoted = 0
            for range in ranges {
                for expected in [HanForm.simplifiedOnly, .traditionalOnly] {
                    let alone = HanScriptQuotations.isQuotedOtherSystem(range, expected: expected, in: text)
                    let shared = HanScriptQuotations.isQuotedOtherSystem(range, expected: expected, in: text, newlines: &newlines)
                    #expect(alone == shared, "\(range) \(expected)")
                    if alone { quoted += 1 }
                }
            }
            // Both answers occur, so the comparison tells something.
            #expect(quoted > 0 && quoted < 2 * ranges.count)
        }
    }

    @Test func quotationInTheOtherSystemOnItsLine() {
        // 选择“繁體”: the Traditional 體 is quoted wholly in Traditional.
        let bytes = Array("选择“繁體”设置".utf8)
        bytes.withUnsafeBufferPointer { text in
            let body = 12..<15  // 體
            #expect(HanScriptQuotations.isQuotedOtherSystem(body, expected: .simplifiedOnly, in: text))
            let plain = Array("选择繁體设置".utf8)
            let plainQuoted = plain.withUnsafeBufferPointer {
                HanScriptQuotations.isQuotedOtherSystem(9..<12, expected: .simplifiedOnly, in: $0)
            }
            #expect(plainQuoted == false)
        }
    }

    /// The quotation found stepping back eight bytes at a time past bytes that start no mark
    /// is the one found a byte at a time, around findings anywhere on lines of marks, Han
    /// characters, ASCII and other CJK punctuation.
    @Test(arguments: [0, 1, 2])
    func skippingWordsFindsWhatReadingBytesFinds(seed: Int) {
        var random = SeededGenerator(state: 0x5C1D_0000 &+ UInt64(seed))
        let pieces = Self.pieces + ["，", "〈", "ー", "…"].map { Array($0.utf8) }
        var bytes: [UInt8] = []
        while bytes.count < 20000 {
            bytes += random.next(150) == 0 ? Self.pieces[18] : pieces[random.next(pieces.count)]
        }
        bytes.withUnsafeBufferPointer { text in
            let ranges = RandomFindings.ranges(in: text, step: 15, &random) { HanScriptCharacterClasses.form(of: $0) != .notHan }
            #expect(ranges.count > 600)
            var found = 0
            for range in ranges {
                let lineStart = max(0, range.lowerBound - random.next(120))
                let lineEnd = min(text.count, range.upperBound + random.next(120))
                let skipping = HanScriptQuotations.quotation(around: range, lineStart: lineStart, lineEnd: lineEnd, in: text)
                let reading = HanScriptQuotations.quotation(
                    around: range, lineStart: lineStart, lineEnd: lineEnd, in: text, skippingWords: false)
                #expect(skipping?.0 == reading?.0 && skipping?.1 == reading?.1, "\(range) \(lineStart) \(lineEnd)")
                if reading != nil { found += 1 }
            }
            #expect(found > 50 && found < ranges.count)
        }
    }
    /// The quotation found is the one the nearest mark before the finding opens, as a plain
    /// reading finds it: every byte back to the line's start tried against every mark, among
    /// characters whose bytes begin like a mark's (… ‚ ‛ 〈 〜 ー, and 、 。 with a mark's 0x80
    /// second byte) that the search steps over by their bytes.
    @Test(arguments: [0, 1, 2])
    func theNearestMarkBeforeDecides(seed: Int) {
        var random = SeededGenerator(state: 0x9E42_0000 &+ UInt64(seed))
        let pieces = Self.pieces + ["…", "‚", "‛", "〈", "〜", "ー", "‐"].map { Array($0.utf8) }
        var bytes: [UInt8] = []
        while bytes.count < 20000 {
            bytes += random.next(150) == 0 ? Self.pieces[18] : pieces[random.next(pieces.count)]
        }
        bytes.withUnsafeBufferPointer { text in
            let ranges = RandomFindings.ranges(in: text, step: 15, &random) { HanScriptCharacterClasses.form(of: $0) != .notHan }
            var found = 0
            for range in ranges {
                let lineStart = max(0, range.lowerBound - random.next(120))
                let lineEnd = min(text.count, range.upperBound + random.next(120))
                let quotation = HanScriptQuotations.quotation(around: range, lineStart: lineStart, lineEnd: lineEnd, in: text)
                let expected = Self.plainQuotation(around: range, lineStart: lineStart, lineEnd: lineEnd, in: Array(text))
                #expect(quotation?.0 == expected?.0 && quotation?.1 == expected?.1, "\(range) \(lineStart) \(lineEnd)")
                if expected != nil { found += 1 }
            }
            #expect(found > 50 && found < ranges.count)
        }
    }

    /// The quotation around `range` read the plainest way, for `theNearestMarkBeforeDecides`.
    private static func plainQuotation(around range: Range<Int>, lineStart: Int, lineEnd: Int, in text: [UInt8]) -> (Int, Int)? {
        let pairs = [("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’")].map { (Array($0.0.utf8), Array($0.1.utf8)) }
        func matches(_ mark: [UInt8], _ at: Int) -> Bool { at + mark.count <= text.count && Array(text[at..<at + mark.count]) == mark }
        func find(_ mark: [UInt8]) -> Int? {
            (range.upperBound..<max(range.upperBound, lineEnd - mark.count + 1)).first { matches(mark, $0) }
        }
        for index in stride(from: range.lowerBound - 1, through: lineStart, by: -1) {
            if text[index] == 0x22 {
                guard text[lineStart..<index].filter({ $0 == 0x22 }).count % 2 == 0, let close = find([0x22]) else { return nil }
                return (index + 1, close)
            }
            for (open, close) in pairs {
                if matches(close, index) { return nil }
                if matches(open, index) { return find(close).map { (index + open.count, $0) } }
            }
        }
        return nil
    }
}
