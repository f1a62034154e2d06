import ChaffEngine

/// Which quotation marks Chinese text uses: `corner` brackets 「」『』 (Taiwan, Hong Kong,
/// Japan), `curly` quotes “”‘’ (mainland China), or `consistent`: the style of most of the
/// document's Chinese quotations.
enum QuoteStyle: String, Sendable, CaseIterable {
    case curly, corner, consistent
}

/// Quotation marks of the other style around Chinese words.
enum TypographyQuotes {
    /// One pair of marks on a line whose inside holds a Han character.
    private struct Quotation {
        var open: Range<Int>
        var close: Range<Int>
        var corner: Bool
        var single: Bool
    }

    /// Each mark of a pair on one line whose inside holds a Han character, when the pair is
    /// not in `style`; the fix writes the matching mark of the style. A quotation of English
    /// words (“Hello”) keeps its curly quotes. In `consistent` mode the style of most
    /// quotations is the style; a tie reports nothing.
    static func findings(_ text: TypographyText, style: QuoteStyle) -> [Finding] {
        let quotations = chineseQuotations(text)
        let corner: Bool
        switch style {
        case .curly: corner = false
        case .corner: corner = true
        case .consistent:
            var counts: [Bool: Int] = [:]
            for q in quotations { counts[q.corner, default: 0] += 1 }
            guard let winner = TypographyMajority.winner(counts) else { return [] }
            corner = winner
        }
        var findings: [Finding] = []
        for q in quotations where q.corner != corner {
            let (openFix, closeFix) = corner ? (q.single ? ("『", "』") : ("「", "」")) : (q.single ? ("‘", "’") : ("“", "”"))
            findings.append(Finding(range: q.open, arguments: ["expected": openFix], fix: openFix))
            findings.append(Finding(range: q.close, arguments: ["expected": closeFix], fix: closeFix))
        }
        findings.sort { $0.range.lowerBound < $1.range.lowerBound }
        return findings
    }

    /// Every quotation of either style whose inside holds a Han character, line by line.
    private static func chineseQuotations(_ text: TypographyText) -> [Quotation] {
        let pairs: [(open: UInt32, close: UInt32, corner: Bool, single: Bool)] = [
            (0x201C, 0x201D, false, false), (0x2018, 0x2019, false, true), (0x300C, 0x300D, true, false), (0x300E, 0x300F, true, true),
        ]
        var quotations: [Quotation] = []
        for index in text.lines.indices where text.holds(index, [.han, .fullwidthMark]) {
            let items = text.lines[index]
            for pair in pairs {
                var i = 0
                while i < items.count {
                    guard items[i].kind == .character, items[i].scalar == pair.open else {
                        i += 1
                        continue
                    }
                    var j = i + 1
                    var han = false
                    while j < items.count
                        && !(items[j].kind == .character && (items[j].scalar == pair.close || items[j].scalar == pair.open))
                    {
                        if items[j].kind == .character && TypographyCharacters.isHan(items[j].scalar) { han = true }
                        j += 1
                    }
                    guard j < items.count, items[j].scalar == pair.close else {
                        i = j
                        continue
                    }
                    if han {
                        quotations.append(Quotation(open: items[i].range, close: items[j].range, corner: pair.corner, single: pair.single))
                    }
                    i = j + 1
                }
            }
        }
        return quotations
    }
}
