import Testing

@testable import ChaffKinds

/// The sparse map of `FoldedText` gives every offset a per-byte map would, and matching a long
/// text in pieces finds exactly what one pass finds.
@Suite struct FoldedTextMemoryTests {
    /// The folded text and per-byte origins, computed the simple way.
    static func reference(_ text: [UInt8]) -> (bytes: [UInt8], origin: [Int]) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var out: [UInt8] = []
        var origin: [Int] = []
        var i = 0
        while i < text.count {
            guard isSpace(text[i]) else {
                out.append(text[i])
                origin.append(i)
                i += 1
                continue
            }
            var j = i
            while j < text.count && isSpace(text[j]) { j += 1 }
            let lineBreak = text[i..<j].contains(0x0A)
            if !(lineBreak && i > 0 && j < text.count && text[i - 1] >= 0x80 && text[j] >= 0x80) {
                out.append(0x20)
                origin.append(i)
            }
            i = j
        }
        return (out, origin)
    }

    @Test func sparseMapAgreesWithAPerByteMap() {
        var generator = SystemRandomNumberGenerator()
        // Long runs without white space and control bytes exercise the eight-byte copy.
        let pieces = [
            "a", "Bc", " ", "  ", "\n", "\r\n", "\t", "中", "文。", "\n\n", " \n ", "x y",
            "abcdefghijklmnopq", "很长的一句话里没有任何空白", "\u{01}", "!\"#", "\u{1F}\u{7F}",
        ]
        for _ in 0..<200 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 1...40, using: &generator) { text += Array(pieces.randomElement(using: &generator)!.utf8) }
            let (bytes, origin) = Self.reference(text)
            text.withUnsafeBufferPointer { buffer in
                let folded = FoldedText(buffer)
                if folded.isIdentity {
                    #expect(bytes == text)
                    return
                }
                #expect(folded.bytes == bytes)
                for start in 0..<bytes.count {
                    for end in (start + 1)...bytes.count {
                        #expect(folded.original(start..<end) == origin[start]..<(origin[end - 1] + 1))
                    }
                }
            }
        }
    }

    /// Traditional characters anywhere in runs of Chinese (first, last, several in a row, a
    /// run of one) are written in their Simplified form and everything else is copied, as
    /// folding the white space and then each character (`HanFold.fold`) gives.
    @Test func hanRunsFoldAsEachCharacter() {
        var random = SeededGenerator(state: 0xF01D_7E47)
        let pieces = ["據", "悉", "統計", "國", "这", "的", "經濟發展", "中文", "。", "，", " ", "\n", "ab", "é", "😀", "〇"]
        var folds = 0
        for _ in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<random.next(30) + 1 { text += Array(pieces[random.next(pieces.count)].utf8) }
            let expected = HanFold.fold(Self.reference(text).bytes)
            text.withUnsafeBufferPointer { buffer in
                let folded = FoldedText(buffer)
                #expect((folded.isIdentity ? text : folded.bytes) == expected, "\(String(decoding: text, as: UTF8.self))")
            }
            if expected != Self.reference(text).bytes { folds += 1 }
        }
        #expect(folds > 100)
    }

    @Test func exactOffsetsAfterManyRuns() {
        let text = Array("研究\n表明  a\n\n\nb 中\n\n文".utf8)
        text.withUnsafeBufferPointer { buffer in
            let folded = FoldedText(buffer)
            #expect(String(decoding: folded.bytes, as: UTF8.self) == "研究表明 a b 中文")
            #expect(folded.original(0..<12) == 0..<13)  // 研究表明 across the dropped line break
            #expect(folded.original(13..<14) == 15..<16)  // a
            #expect(folded.original(15..<16) == 19..<20)  // b
            #expect(folded.original(17..<23) == 21..<29)  // 中文 across the dropped blank line
        }
    }

    @Test func piecesAreCutOnlyAfterAFullStopFollowedByText() {
        let text = Array("一二。三四。\n五六。七八。九".utf8)
        text.withUnsafeBufferPointer { buffer in
            #expect(FoldedText.pieces(of: buffer, size: 1) == [0..<9, 9..<28, 28..<37, 37..<40])
            #expect(FoldedText.pieces(of: buffer, size: 100) == [0..<40])
        }
    }

    @Test func piecesAreCutAfterTheWhiteSpaceThatEndsASentence() {
        let text = Array("One. Two!\n\nThree? 3.5 e.g.x Four.  \n".utf8)
        text.withUnsafeBufferPointer { buffer in
            // After `One. `, `Two!\n\n` and `Three? `; not inside 3.5 or e.g.x, and not after the
            // last stop, whose white space runs to the end.
            #expect(FoldedText.pieces(of: buffer, size: 1, at: .sentenceEnd) == [0..<5, 5..<11, 11..<18, 18..<36])
            #expect(FoldedText.pieces(of: buffer, size: 1, at: .ideographicFullStop) == [0..<36])
        }
    }

    @Test func shippedLexiconAllowsCuts() {
        #expect(FoldedText.cuts(for: ClaimTestSupport.lexicon) == [.ideographicFullStop, .sentenceEnd])
        // A phrase with a stop inside it forbids the cuts at that stop.
        let dotted = ClaimLexicon(groups: [ClaimLexicon.Group(category: "g", always: ["according to U.S. officials"])])
        #expect(FoldedText.cuts(for: dotted) == [.ideographicFullStop])
        // A stop that ends a phrase allows them; one before its last character, in either width,
        // does not; a stop is a whole character (`。` inside another character's bytes is none).
        let ending = ClaimLexicon(groups: [ClaimLexicon.Group(category: "g", always: ["据报道。", "studies show!"])])
        #expect(FoldedText.cuts(for: ending) == [.ideographicFullStop, .sentenceEnd])
        for inside in ["据。报道", "据｡报道"] {
            let lexicon = ClaimLexicon(groups: [ClaimLexicon.Group(category: "g", always: [inside])])
            #expect(FoldedText.cuts(for: lexicon) == [.sentenceEnd], "\(inside)")
        }
        let question = ClaimLexicon(groups: [ClaimLexicon.Group(category: "g", always: ["really? studies show"])])
        #expect(FoldedText.cuts(for: question) == [.ideographicFullStop])
    }

    @Test func englishTextIsMatchedInPiecesAsInOnePass() {
        // No `。` at all: the cuts are at sentence ends, between wrapped lines and blank lines.
        let paragraph = """
            Studies show that water helps. According to experts, it works! Research   suggests
            otherwise? Experts say so. It is widely believed that 3.5 percent is enough. Some
            say the value e.g. doubled. Scientists have found that it matters.

            """
        let text = Array(String(repeating: paragraph, count: 300).utf8)
        let lexicon = ClaimTestSupport.lexicon
        text.withUnsafeBufferPointer { buffer in
            let cuts = FoldedText.cuts(for: lexicon)
            #expect(FoldedText.pieces(of: buffer, size: 2048, at: cuts).count > 20)
            #expect(FoldedText.pieces(of: buffer, size: 2048, at: .ideographicFullStop).count == 1)
            let whole = ClaimMatcher.wholeMatches(of: lexicon, in: buffer)
            #expect(whole.count > 600)
            for workers in [1, 2] {
                #expect(ClaimMatcher.matches(of: lexicon, in: buffer, pieceSize: 2048, workers: workers) == whole)
            }
        }
        // A phrase that holds a stop would be cut in two at some sentence ends: such a lexicon
        // keeps the text whole, and finds every occurrence.
        let dotted = ClaimLexicon(groups: [ClaimLexicon.Group(category: "g", always: ["u.s. officials said"])])
        let usText = Array(String(repeating: "The U.S. officials said so. ", count: 300).utf8)
        usText.withUnsafeBufferPointer { buffer in
            let whole = ClaimMatcher.wholeMatches(of: dotted, in: buffer)
            #expect(whole.count == 300)
            #expect(ClaimMatcher.matches(of: dotted, in: buffer, pieceSize: 2048) == whole)
            let cutAnyway = FoldedText.pieces(of: buffer, size: 2048, at: .sentenceEnd).map {
                ClaimMatcher.wholeMatches(of: dotted, in: UnsafeBufferPointer(rebasing: buffer[$0])).count
            }
            #expect(cutAnyway.reduce(0, +) < 300)
        }
    }

    @Test func matchingInPiecesFindsWhatOnePassFinds() {
        // Claims, exceptions ending in 。, frames and wrapped lines, repeated past the piece size.
        let paragraph = """
            据不完全统计，已经有至少30个机构推出了大模型。研究表明，喝水有益。研究发现。有专家指出
            这很重要。据某机构测算，价格上涨。据\n不完全统计，数量翻倍。Studies show that
            water helps. 据报道，该公司即将上市。数据显示增长。According to experts, it works.


            """
        let text = Array(String(repeating: paragraph, count: 200).utf8)
        let lexicon = ClaimTestSupport.lexicon
        text.withUnsafeBufferPointer { buffer in
            #expect(FoldedText.pieces(of: buffer, size: 2048).count > 20)
            let whole = ClaimMatcher.wholeMatches(of: lexicon, in: buffer)
            let pieced = ClaimMatcher.matches(of: lexicon, in: buffer, pieceSize: 2048)
            #expect(whole.count > 1000)
            #expect(pieced == whole)
            #expect(pieced.contains { $0.frameSource != nil })
            // The pieces matched on several threads, joined in order.
            for workers in [2, 3] {
                #expect(ClaimMatcher.matches(of: lexicon, in: buffer, pieceSize: 2048, workers: workers) == whole)
            }
        }
    }
}
