import Testing

@testable import ChaffKinds

/// Paragraph splitting and the density of interleaved glosses.
@Suite struct GlossDensityTests {
    @Test func paragraphsAreSeparatedByBlankLines() {
        #expect(BlankLineParagraphs.paragraphs(in: Array("a\n\n  \nb\r\nc\n\u{3000}\t\nd".utf8)) == [0..<1, 6..<10, 16..<17])
        #expect(BlankLineParagraphs.paragraphs(in: Array("".utf8)) == [])
        #expect(BlankLineParagraphs.paragraphs(in: Array("\n\n".utf8)) == [])
        #expect(BlankLineParagraphs.paragraphs(in: Array("甲\n乙\n".utf8)) == [0..<7])
        #expect(BlankLineParagraphs.paragraphs(in: Array("甲\r\n\r\n乙".utf8)) == [0..<3, 7..<10])
    }

    static let filler = String(repeating: "中文句子", count: 12)  // 48 Han characters

    /// `GlossDensity.measure` as every character was decoded before Chinese ones were read in
    /// place: Han characters counted, and whether a sentence mark ends a sentence.
    static func decodeAndMeasure(_ text: [UInt8], _ range: Range<Int>) -> (Int, Bool) {
        var han = 0
        var endsSentence = false
        var i = range.lowerBound
        while i < range.upperBound {
            if text[i] < 0x80 {
                if !endsSentence, [0x2E, 0x21, 0x3F].contains(text[i]) {
                    let after = i + 1 < range.upperBound ? text[i + 1] : 0x20
                    endsSentence = [0x20, 0x0A, 0x0D, 0x09].contains(after) || after >= 0x80
                }
                i += 1
                continue
            }
            guard let (scalar, length) = GlossUTF8.decode(text, at: i) else {
                i += 1
                continue
            }
            if GlossUTF8.isHan(scalar) { han += 1 } else if [0x3002, 0xFF01, 0xFF1F].contains(scalar) { endsSentence = true }
            i += length
        }
        return (han, endsSentence)
    }

    /// Paragraphs of Han characters (the Yijing hexagrams beside them too), sentence marks,
    /// ASCII and broken sequences, measured over ranges that cut characters anywhere.
    @Test func measuresAsDecodingEveryCharacter() {
        let pieces: [[UInt8]] =
            ["中", "國", "䷀", "䷿", "丁", "鿿", "㐀", "。", "！", "？", "，", "a", ". ", "!", "\n", "é", "😀", "𠀀"].map { Array($0.utf8) }
            + [[0xE5, 0x9B], [0x80], [0xE4, 0x80, 0x41]]
        var random = SeededGenerator(state: 0xDE45_17E5)
        var counted = 0
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<random.next(40) { text += pieces[random.next(pieces.count)] }
            let start = random.next(text.count + 1)
            let range = start..<(start + random.next(text.count - start + 1))
            let found = text.withUnsafeBufferPointer { GlossDensity.measure($0, range) }
            let expected = Self.decodeAndMeasure(text, range)
            #expect(found.0 == expected.0 && found.1 == expected.1, "\(text) \(range)")
            counted += expected.0
        }
        #expect(counted > 300)
    }

    static func measure(_ text: String, glosses: Int = 3, density: Double = 0.05, characters: Int = 20) -> [GlossDensity.Paragraph] {
        let measure = GlossDensity(minimumGlosses: glosses, minimumDensity: density, minimumParagraphCharacters: characters)
        return measure.interleavedParagraphs(GlossParser.glosses(in: text), in: Array(text.utf8))
    }

    @Test func denseParagraphIsReported() {
        // 3 glosses on 55 Han characters: 5.45%.
        let text = "标题\n\n通(tong)用(yong)人(ren)工智能是" + Self.filler + "。\n\n" + Self.filler + "。"
        let found = Self.measure(text)
        #expect(found.count == 1)
        #expect(found.first?.range == 8..<193)
        #expect(found.first?.glossCount == 3)
        #expect(found.first?.glossedCharacters == 3)
        #expect(found.first?.hanCharacters == 55)
        #expect(found.first?.firstGlossRange == 11..<17)
    }

    @Test func thresholds() {
        let text = "通(tong)用(yong)人(ren)工智能是" + Self.filler + "。"
        #expect(Self.measure(text, glosses: 3).count == 1)
        #expect(Self.measure(text, glosses: 4).isEmpty)
        #expect(Self.measure(text, density: 0.054).count == 1)
        #expect(Self.measure(text, density: 0.055).isEmpty)
        #expect(Self.measure(text, characters: 55).count == 1)
        #expect(Self.measure(text, characters: 56).isEmpty)
    }

    @Test func onlyRunningProseCounts() {
        // No sentence end: a list or a heading.
        let list = "通(tong)用(yong)人(ren)工智能" + Self.filler
        #expect(Self.measure(list).isEmpty)
        #expect(Self.measure(list + "!x").isEmpty)
        #expect(Self.measure(list + "!").count == 1)
        #expect(Self.measure(list + "! x").count == 1)
        #expect(Self.measure(list + "？").count == 1)
        #expect(Self.measure(list + "（见example.com）").isEmpty)
    }

    @Test func repeatedGlossesCountOnce() {
        let text = "著(zhu)(zhe)通(tong)用(yong)" + Self.filler + "。"
        #expect(Self.measure(text).first?.glossCount == 3)
        #expect(Self.measure(text, glosses: 4).isEmpty)
    }
}
