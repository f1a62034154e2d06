import ChaffData
import Testing

@testable import ChaffKinds

/// `DecisiveCharacterIndex` counts what `HanScriptNeighbourhood.tallyDecisive` counts reading
/// each range anew: ranges in and out of the stretch read before, starting or ending inside a
/// character, over text with broken sequences.
@Suite struct DecisiveCharacterIndexTests {
    /// Simplified-only, Traditional-only and shared characters, ASCII, a line feed, and bytes
    /// that decode to nothing (a stray continuation byte, a lead byte cut short).
    static let pieces: [[UInt8]] = ["国", "國", "这", "這", "的", "人", "a", " ", "\n", "。"].map { Array($0.utf8) } + [[0x80], [0xE5, 0x9B]]

    /// At least `count` bytes of `pieces` drawn by `random`.
    static func text(_ count: Int, _ random: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count { bytes += pieces[random.next(pieces.count)] }
        return bytes
    }

    /// `holdsDecisive` says whether `forEachDecisive` would find anything, on random texts of
    /// the pieces with and without the decisive ones, and on a long ASCII text whose only
    /// decisive character is last.
    @Test func holdsDecisiveAgreesWithReadingEveryCharacter() {
        var random = SeededGenerator(state: 0xDEC1_5172)
        let shared = Self.pieces.filter { !["国", "國", "这", "這"].map { Array($0.utf8) }.contains($0) }
        for round in 0..<200 {
            var bytes: [UInt8] = []
            let drawn = round % 2 == 0 ? Self.pieces : shared
            for _ in 0..<random.next(40) { bytes += drawn[random.next(drawn.count)] }
            bytes.withUnsafeBufferPointer { text in
                var found = false
                HanScriptCharacterClasses.forEachDecisive(in: 0..<text.count, of: text) { _, _, _ in found = true }
                #expect(HanScriptCharacterClasses.holdsDecisive(text) == found, "\(bytes)")
            }
        }
        let english = Array((String(repeating: "Plain English prose, ", count: 50) + "的 “quoted”").utf8)
        english.withUnsafeBufferPointer { #expect(!HanScriptCharacterClasses.holdsDecisive($0)) }
        (english + Array("國".utf8)).withUnsafeBufferPointer { #expect(HanScriptCharacterClasses.holdsDecisive($0)) }
        // A decisive character cut short at the end is no character.
        (english + [0xE5, 0x9B]).withUnsafeBufferPointer { #expect(!HanScriptCharacterClasses.holdsDecisive($0)) }
    }

    /// An index reading `stretchBytes` at a time, or with 0 one of the whole text recorded
    /// while its paragraphs are counted, as `mixed-han-script` makes it.
    static func index(_ stretchBytes: Int, of text: UnsafeBufferPointer<UInt8>) -> DecisiveCharacterIndex {
        guard stretchBytes == 0 else { return DecisiveCharacterIndex(stretchBytes: stretchBytes) }
        var index = DecisiveCharacterIndex(recordingWholeTextOf: text.count)
        _ = HanScriptMix.analyze(
            text, units: HanScriptParagraphs.ranges(in: text), configuration: HanScriptMixConfiguration(), recording: &index)
        return index
    }

    @Test(arguments: [0, 16, 64, 7680])
    func countsAsReadingEachRangeAnew(stretchBytes: Int) {
        var random = SeededGenerator(state: 0x1234_5678 &+ UInt64(stretchBytes))
        func next(_ bound: Int) -> Int { random.next(bound) }
        Self.text(600, &random).withUnsafeBufferPointer { text in
            var index = Self.index(stretchBytes, of: text)
            // Ranges mostly moving forward, as findings do, with some going back.
            var start = 0
            for _ in 0..<400 {
                start = next(8) == 0 ? next(text.count) : min(text.count, start + next(12))
                let range = start..<min(text.count, start + next(90))
                for minority in [HanForm.simplifiedOnly, .traditionalOnly] {
                    let expected = HanScriptNeighbourhood.tallyDecisive(in: range, minority: minority, text: text)
                    let counted = index.tally(range, minority: minority, in: text)
                    #expect(counted == expected, "\(range) \(minority)")
                }
            }
        }
    }

    /// The nearest decisive characters as `HanScriptNeighbourhood` found them before it read
    /// the index: decoding from the finding outwards, forwards up to `after`, backwards down to
    /// `before`, and with `lineBreaksStop` not past a line feed on either side.
    static func scanNearest(
        _ range: Range<Int>, reach: Int, before: Int, after: Int, minority: HanForm, in text: UnsafeBufferPointer<UInt8>,
        lineBreaksStop: Bool = false
    ) -> (own: Int, other: Int) {
        var own = 0
        var other = 0
        func tally(_ index: Int, _ end: Int) -> Int {
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
            let characterClass = HanScriptCharacterClasses.characterClass(HanScriptCharacterClasses.table, scalar)
            if characterClass == minority.rawValue {
                own += 1
            } else if characterClass == HanForm.simplifiedOnly.rawValue || characterClass == HanForm.traditionalOnly.rawValue {
                other += 1
            } else {
                return -length
            }
            return length
        }
        var seen = 0
        var index = range.upperBound
        while index < after && seen < reach && !(lineBreaksStop && text[index] == 0x0A) {
            let length = tally(index, after)
            if length > 0 { seen += 1 }
            index += abs(length)
        }
        seen = 0
        index = range.lowerBound
        while index > before && seen < reach && !(lineBreaksStop && text[index - 1] == 0x0A) {
            index -= 1
            guard text[index] >= 0xC0 else { continue }
            if tally(index, range.lowerBound) > 0 { seen += 1 }
        }
        return (own, other)
    }

    @Test(arguments: [0, 16, 64, 7680])
    func findsTheNearestAsDecodingOutwards(stretchBytes: Int) {
        var random = SeededGenerator(state: 0x9ABC_DEF0 &+ UInt64(stretchBytes))
        func next(_ bound: Int) -> Int { random.next(bound) }
        Self.text(900, &random).withUnsafeBufferPointer { text in
            var index = Self.index(stretchBytes, of: text)
            var start = 0
            for _ in 0..<400 {
                start = next(8) == 0 ? next(text.count) : min(text.count - 1, start + next(12))
                // A finding is a whole character: the first well-formed one from `start`.
                var position = start
                while position < text.count && UTF8ScalarDecoding.scalar(in: text, at: position, end: text.count).length < 3 {
                    position += 1
                }
                guard position < text.count else { continue }
                let range = position..<(position + 3)
                let before = max(0, range.lowerBound - next(60))
                let after = min(text.count, range.upperBound + next(60))
                let reach = 1 + next(12)
                for minority in [HanForm.simplifiedOnly, .traditionalOnly] {
                    let expected = Self.scanNearest(range, reach: reach, before: before, after: after, minority: minority, in: text)
                    let found = index.nearest(range, reach: reach, before: before, after: after, minority: minority, in: text)
                    #expect(found == expected, "\(range) \(before) \(after) \(reach) \(minority)")
                }
            }
        }
    }

    /// `HanScriptNeighbourhood.nearestDecisive`, which turns the finding's line, its unit and
    /// `maximumBytes` into the limits it asks the index for, counts what the scan did within
    /// them: lines here are mostly shorter than the reach, units cut lines anywhere.
    @Test(arguments: [0, 1, 2, 3])
    func neighbourhoodCountsWithinItsLineAndUnit(seed: Int) {
        var random = SeededGenerator(state: 0x4E16_0000 &+ UInt64(seed))
        func next(_ bound: Int) -> Int { random.next(bound) }
        Self.text(3000, &random).withUnsafeBufferPointer { text in
            // The last seed with the whole text recorded.
            var index = Self.index(seed == 3 ? 0 : HanScriptNeighbourhood.indexStretch, of: text)
            // One for the whole text, as the rule keeps one: the stretch it remembers from one
            // finding must not change the next one's limits.
            var newlines = NewlineSpan()
            let ranges = RandomFindings.ranges(in: text, step: 20, &random)
            #expect(ranges.count > 100)
            for range in ranges {
                let unit = max(0, range.lowerBound - next(400))..<min(text.count, range.upperBound + next(400))
                let limit = HanScriptNeighbourhood.maximumBytes
                for minority in [HanForm.simplifiedOnly, .traditionalOnly] {
                    let expected = Self.scanNearest(
                        range, reach: HanScriptNeighbourhood.reach, before: max(unit.lowerBound, range.lowerBound - limit),
                        after: min(unit.upperBound, range.upperBound + limit), minority: minority, in: text, lineBreaksStop: true)
                    let found = HanScriptNeighbourhood.nearestDecisive(
                        around: range, minority: minority, in: text, unit: unit, tallies: &index, newlines: &newlines)
                    #expect(found == expected, "\(range) in \(unit) \(minority)")
                }
            }
        }
    }

    @Test func countsTheNearestOnEachSide() {
        // 国 0..<3, 國 3..<6, 这 6..<9, 的 9..<12 (not decisive), 這 12..<15, 国 15..<18.
        let bytes = Array("国國这的這国".utf8)
        bytes.withUnsafeBufferPointer { text in
            var index = DecisiveCharacterIndex(stretchBytes: 64)
            // Around 的: two on each side.
            #expect(index.nearest(9..<12, reach: 2, before: 0, after: 18, minority: .traditionalOnly, in: text) == (2, 2))
            // Around 這, one on each side: 这 and 国, both Simplified.
            #expect(index.nearest(12..<15, reach: 1, before: 0, after: 18, minority: .traditionalOnly, in: text) == (0, 2))
            // Limits that cut a character off count none of it.
            #expect(index.nearest(9..<12, reach: 12, before: 4, after: 17, minority: .simplifiedOnly, in: text) == (1, 1))
        }
    }

    @Test func countsOnlyWholeCharacters() {
        // 国 at 0..<3, 國 at 3..<6, 这 at 6..<9.
        let bytes = Array("国國这".utf8)
        bytes.withUnsafeBufferPointer { text in
            var index = DecisiveCharacterIndex(stretchBytes: 64)
            #expect(index.tally(0..<9, minority: .traditionalOnly, in: text) == (1, 2))
            #expect(index.tally(1..<9, minority: .traditionalOnly, in: text) == (1, 1))
            #expect(index.tally(1..<8, minority: .simplifiedOnly, in: text) == (0, 1))
            #expect(index.tally(4..<5, minority: .simplifiedOnly, in: text) == (0, 0))
        }
    }

    /// The characters of one form read out of a recorded index are those reading the units
    /// again finds: each paragraph whole, and runs of its lines.
    @Test(arguments: [0, 1, 2])
    func findingsFromTheIndexAsReadingTheUnits(seed: Int) {
        var random = SeededGenerator(state: 0xF1DD_0000 &+ UInt64(seed))
        Self.text(4000, &random).withUnsafeBufferPointer { text in
            let index = Self.index(0, of: text)
            let paragraphs = HanScriptParagraphs.ranges(in: text)
            #expect(paragraphs.count > 10)
            // Every other paragraph, and the lines of the rest cut into runs of two.
            var units: [Range<Int>] = []
            for (n, paragraph) in paragraphs.enumerated() {
                guard n % 2 == 1 else {
                    units.append(paragraph)
                    continue
                }
                let lines = text[paragraph].split(separator: 0x0A, omittingEmptySubsequences: false)
                var start = paragraph.lowerBound
                for pair in stride(from: 0, to: lines.count, by: 2) {
                    let end = lines[min(pair + 1, lines.count - 1)].endIndex
                    units.append(start..<end)
                    start = end + 1
                }
            }
            for form in [HanForm.simplifiedOnly, .traditionalOnly] {
                let expected = HanScriptMix.findings(of: form, in: text, units: units)
                let found = HanScriptMix.findings(of: form, in: text, units: units, index: index)
                #expect(found.map(\.range) == expected.map(\.range))
                #expect(found.map(\.scalar) == expected.map(\.scalar))
                #expect(found.map(\.unitIndex) == expected.map(\.unitIndex))
                #expect(found.map(\.suggestions) == expected.map(\.suggestions))
                #expect(expected.count > 20)
            }
        }
    }

    /// A paragraph with more decisive characters of one form than counting remembers (4,096)
    /// is read again into the index, and the paragraphs around it keep their place.
    @Test func recordsAParagraphLongerThanCountingRemembers() {
        let bytes = Array(("这國\n\n" + String(repeating: "國这的", count: 5000) + "\n\n国國").utf8)
        bytes.withUnsafeBufferPointer { text in
            var index = Self.index(0, of: text)
            let whole = 0..<text.count
            #expect(index.tally(whole, minority: .traditionalOnly, in: text) == (5002, 5002))
            #expect(index.tally(8..<(text.count - 8), minority: .traditionalOnly, in: text) == (5000, 5000))
            let units = HanScriptParagraphs.ranges(in: text)
            for form in [HanForm.simplifiedOnly, .traditionalOnly] {
                let expected = HanScriptMix.findings(of: form, in: text, units: units)
                #expect(HanScriptMix.findings(of: form, in: text, units: units, index: index).map(\.range) == expected.map(\.range))
            }
        }
    }
}
