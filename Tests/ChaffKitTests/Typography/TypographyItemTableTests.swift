import Testing

@testable import ChaffKinds

/// The item table reads runs of Han characters two a word (`TypographyText.hanRun`); a run
/// must end exactly where one read a character at a time ends, whatever its length, wherever
/// it is cut, and however near the end of the text.
@Suite struct TypographyItemTableTests {
    /// Characters of U+4E00…U+9FFF, cycled.
    static let han = Array("中文字符测试龘一鿿".unicodeScalars)

    /// What cuts a run: a Han character the scope blanks, a character with a Han run's lead byte
    /// below U+4E00 (U+4DC0, a hexagram), a Latin letter.
    enum Cut: CaseIterable {
        case masked, belowRange, latin
    }

    /// The first item of a line of `count` Han characters cut at `cut`, and the item of the
    /// run after the cut, for text that ends with the line or goes on after it.
    static func runs(count: Int, cutAt cut: Int, by kind: Cut, textAfter: Bool) -> (first: TypographyItem, last: TypographyItem) {
        var source: [UInt8] = []
        var prose: [UInt8] = []
        for k in 0..<count {
            let character = Array(String(han[k % han.count]).utf8)
            if k == cut {
                switch kind {
                case .masked:
                    source += character
                    prose += [0x20, 0x20, 0x20]
                    continue
                case .belowRange:
                    let hexagram = Array("\u{4DC0}".utf8)
                    source += hexagram
                    prose += hexagram
                    continue
                case .latin:
                    source.append(0x61)
                    prose.append(0x61)
                    continue
                }
            }
            source += character
            prose += character
        }
        if textAfter {
            source += Array("\nplain text after".utf8)
            prose += Array("\nplain text after".utf8)
        }
        let text = source.withUnsafeBufferPointer { source in
            prose.withUnsafeBufferPointer { prose in
                TypographyText(source: source, prose: prose, codeRanges: [], referenceSpans: [], emphasisMarks: false)
            }
        }
        let items = text.lines[0]
        return (items[0], items[items.count - 1])
    }

    @Test func hanRunsEndWhereTheyAreCut() {
        for count in 2...19 {
            for cut in 1..<count {
                for kind in Cut.allCases {
                    for textAfter in [false, true] {
                        let (first, last) = Self.runs(count: count, cutAt: cut, by: kind, textAfter: textAfter)
                        let label = "\(count) cut at \(cut) by \(kind), text after: \(textAfter)"
                        #expect(first.kind == .character, "\(label)")
                        #expect(first.range == 0..<(3 * cut), "\(label)")
                        #expect(first.scalar == Self.han[0].value, "\(label)")
                        // The run after the cut, up to the end of the line.
                        let cutWidth = kind == .latin ? 1 : 3
                        if cut + 1 < count {
                            #expect(last.range == (3 * cut + cutWidth)..<(3 * count - 3 + cutWidth), "\(label)")
                            #expect(last.scalar == Self.han[(cut + 1) % Self.han.count].value, "\(label)")
                        }
                    }
                }
            }
        }
    }

    @Test func anUncutRunIsOneItem() {
        for count in 1...19 {
            for textAfter in [false, true] {
                let (first, last) = Self.runs(count: count, cutAt: count, by: .latin, textAfter: textAfter)
                #expect(first.range == 0..<(3 * count), "\(count), text after: \(textAfter)")
                #expect(last.range == first.range, "\(count), text after: \(textAfter)")
            }
        }
    }
}
