import ChaffEngine

/// Which parentheses enclose Chinese: `fullwidth` （） (the copywriting guidelines),
/// `halfwidth` () (zhlint's default), or `consistent`: the width most of the document's
/// Chinese parentheses have.
enum BracketWidth: String, Sendable, CaseIterable {
    case fullwidth, halfwidth, consistent
}

/// Parentheses of the other width around Chinese words.
enum TypographyBrackets {
    /// A pair of parentheses on one line whose inside holds a Han character.
    private struct Pair {
        var open: Range<Int>
        var close: Range<Int>
        var fullwidth: Bool
    }

    /// Each parenthesis of a pair holding Han whose width is not `style`'s; the fix writes
    /// the other width. Made full-width, a parenthesis takes the spaces outside it with it
    /// (`中文 (注释) 中文` → `中文（注释）中文`: full-width punctuation carries its own space).
    static func findings(_ text: TypographyText, style: BracketWidth) -> [Finding] {
        var pairs: [Pair] = []
        var spaces: [Int: Range<Int>] = [:]
        for index in text.lines.indices where text.holds(index, .han, anyOf: [.bracket, .fullwidthMark]) {
            collect(text.lines[index], into: &pairs, spaces: &spaces)
        }
        let fullwidth: Bool
        switch style {
        case .fullwidth: fullwidth = true
        case .halfwidth: fullwidth = false
        case .consistent:
            var counts: [Bool: Int] = [:]
            for p in pairs { counts[p.fullwidth, default: 0] += 1 }
            guard let winner = TypographyMajority.winner(counts) else { return [] }
            fullwidth = winner
        }
        var findings: [Finding] = []
        for p in pairs where p.fullwidth != fullwidth {
            let (open, close) = fullwidth ? ("（", "）") : ("(", ")")
            let openRange = fullwidth ? spaces[p.open.lowerBound, default: p.open] : p.open
            let closeRange = fullwidth ? spaces[p.close.lowerBound, default: p.close] : p.close
            findings.append(Finding(range: openRange, arguments: ["expected": open], fix: open))
            findings.append(Finding(range: closeRange, arguments: ["expected": close], fix: close))
        }
        findings.sort { $0.range.lowerBound < $1.range.lowerBound }
        return findings
    }

    /// The pairs of `items` (nested pairs each on their own) and, for each half-width
    /// parenthesis with spaces outside it and text beyond them, its range with those spaces.
    private static func collect(_ items: TypographyItems, into pairs: inout [Pair], spaces: inout [Int: Range<Int>]) {
        // Open parentheses: index, full-width, whether Han is inside so far.
        var open: [(index: Int, fullwidth: Bool, han: Bool)] = []
        for i in items.indices where items[i].kind == .character {
            let v = items[i].scalar
            switch v {
            case 0x28, 0xFF08:
                open.append((i, v == 0xFF08, false))
            case 0x29, 0xFF09:
                guard let last = open.popLast() else { continue }
                guard last.fullwidth == (v == 0xFF09) else {
                    open.removeAll()
                    continue
                }
                if last.han {
                    pairs.append(Pair(open: items[last.index].range, close: items[i].range, fullwidth: last.fullwidth))
                    if !last.fullwidth {
                        spaces[items[last.index].range.lowerBound] = widened(items, last.index, step: -1)
                        spaces[items[i].range.lowerBound] = widened(items, i, step: 1)
                    }
                    // An enclosing pair holds the Han too.
                    if !open.isEmpty { open[open.count - 1].han = true }
                }
            default:
                if !open.isEmpty && TypographyCharacters.isHan(v) { open[open.count - 1].han = true }
            }
        }
    }

    /// The range of the parenthesis at `i` with the spaces on its outer side (`step`), when
    /// a character is beyond them.
    private static func widened(_ items: TypographyItems, _ i: Int, step: Int) -> Range<Int> {
        let k = i + step
        guard k >= 0, k < items.count, items[k].kind == .space else { return items[i].range }
        let beyond = k + step
        guard beyond >= 0, beyond < items.count, items[beyond].kind == .character else { return items[i].range }
        return step < 0 ? items[k].range.lowerBound..<items[i].range.upperBound : items[i].range.lowerBound..<items[k].range.upperBound
    }
}
