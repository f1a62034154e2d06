/// Which quotation marks Chinese text uses: `corner` brackets 「」『』 (Taiwan, Hong Kong,
/// Japan) or `curly` quotes “”‘’ (mainland China).
enum QuoteStyle: String, Sendable, CaseIterable {
    case corner, curly
}

/// Quotation marks of the other style around Chinese words.
enum TypographyQuotes {
    /// Each mark of a pair on one line whose inside holds a Han character, when the pair is
    /// not in `style`; the fix writes the matching mark of `style`. A quotation of English
    /// words (“Hello”) keeps its curly quotes.
    static func findings(_ text: TypographyText, style: QuoteStyle) -> [Finding] {
        // Opening and closing marks of the style to replace, and their replacements.
        let pairs: [(open: UInt32, close: UInt32, openFix: String, closeFix: String)] =
            style == .corner
            ? [(0x201C, 0x201D, "「", "」"), (0x2018, 0x2019, "『", "』")]
            : [(0x300C, 0x300D, "“", "”"), (0x300E, 0x300F, "‘", "’")]
        var findings: [Finding] = []
        for items in text.lines {
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
                        findings.append(Finding(range: items[i].range, arguments: ["expected": pair.openFix], fix: pair.openFix))
                        findings.append(Finding(range: items[j].range, arguments: ["expected": pair.closeFix], fix: pair.closeFix))
                    }
                    i = j + 1
                }
            }
        }
        return findings
    }
}
