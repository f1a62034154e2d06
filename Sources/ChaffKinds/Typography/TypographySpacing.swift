import ChaffEngine

/// Whether a space stands where Chinese meets something else: `always` wants one, `never`
/// wants none, `consistent` follows the document's majority and reports the minority.
enum SpacingMode: String, Sendable, CaseIterable {
    case always, never, consistent
}

/// Spacing between Han characters and what meets them: Latin words and numbers (`中文 English`,
/// `第 3 章`), or half-width brackets (`中文 (English)`).
///
/// Each place where the two meet is a boundary, spaced or not; markup between them is looked
/// through (`**粗体**text` is a boundary; the space goes outside the emphasis). Markup that
/// itself holds a space counts as spaced and is never changed.
enum TypographySpacing {
    /// Which boundaries a rule judges.
    enum Pair: Sendable {
        /// Han beside a letter, a digit, a word-like atom (code span, URL), a number's
        /// trailing sign (`50%`) or a name's (`C++`, `C#`).
        case latin
        /// Han beside a half-width bracket: `中文(` or `)中文`.
        case bracket
    }

    /// One place where Han meets the other side.
    struct Boundary {
        /// Where a missing space would be inserted (an empty range), or the spaces present.
        var range: Range<Int>
        /// Whether a space is there.
        var spaced: Bool
        /// Whether the space can be removed (plain spaces, not a space inside markup).
        var removable: Bool
    }

    /// The boundaries of both pairs in a text, each list in source order.
    struct Boundaries: Sendable {
        var latin: [Boundary] = []
        var bracket: [Boundary] = []

        /// The boundaries of `pair`.
        func of(_ pair: Pair) -> [Boundary] { pair == .latin ? latin : bracket }
    }

    /// Every boundary of either pair in `text`, in source order; `acrossMarkup` false judges
    /// only text that touches directly. Both pairs are found in one pass over the items, which
    /// the two spacing rules share: walking every item of the document was most of each rule.
    static func boundaries(_ text: TypographyText, acrossMarkup: Bool) -> Boundaries {
        var found = Boundaries()
        for index in text.lines.indices where text.holds(index, .han, anyOf: [.word, .bracket]) {
            // A pair is only looked for on lines holding what it needs, as a pass of its own did.
            let latin = text.holds(index, [.han, .word])
            let bracket = text.holds(index, [.han, .bracket])
            let items = text.lines[index]
            // The last character or atom (-1: none since a barrier) and whether it is Han.
            var last = -1
            var lastHan = false
            for i in items.indices {
                let item = items[i]
                switch item.kind(acrossMarkup: acrossMarkup) {
                case .barrier:
                    last = -1
                case .space, .markup:
                    continue
                case .character, .atom:
                    // Han on exactly one side, or there is no boundary: most neighbours are
                    // two Han characters, told apart here before anything else is asked.
                    let han = isHan(item)
                    if last >= 0 && han != lastHan {
                        if latin && meets(items[last], item, pair: .latin, wordBefore: last > 0 && isWordEnd(items[last - 1])) {
                            found.latin.append(boundary(items, last, i))
                        }
                        if bracket && meets(items[last], item, pair: .bracket, wordBefore: false) {
                            found.bracket.append(boundary(items, last, i))
                        }
                    }
                    last = i
                    lastHan = han
                }
            }
        }
        return found
    }

    @inline(__always) private static func isHan(_ item: TypographyItem) -> Bool {
        item.kind == .character && TypographyCharacters.isHan(item.scalar)
    }

    /// Whether `item` ends a word that a `+` or `#` after it belongs to (`C++`, `C#`).
    private static func isWordEnd(_ item: TypographyItem) -> Bool {
        item.kind == .character && (TypographyCharacters.isWordCharacter(item.scalar) || item.scalar == 0x2B)
    }

    @inline(__always) private static func meets(_ left: TypographyItem, _ right: TypographyItem, pair: Pair, wordBefore: Bool) -> Bool {
        let l = left.kind == .character ? left.scalar : 0
        let r = right.kind == .character ? right.scalar : 0
        switch pair {
        case .latin:
            let leftWord =
                left.kind == .atom || TypographyCharacters.isWordCharacter(l) || TypographyCharacters.isTrailingSign(l)
                || (wordBefore && (l == 0x2B || l == 0x23))
            let rightWord = right.kind == .atom || TypographyCharacters.isWordCharacter(r)
            return (TypographyCharacters.isHan(l) && rightWord) || (leftWord && TypographyCharacters.isHan(r))
        case .bracket:
            return (TypographyCharacters.isHan(l) && (r == 0x28 || r == 0x5B))
                || ((l == 0x29 || l == 0x5D) && TypographyCharacters.isHan(r))
        }
    }

    private static func boundary(_ items: TypographyItems, _ j: Int, _ i: Int) -> Boundary {
        var spaceCount = 0
        var firstSpace: Range<Int>? = nil
        var markupSpace = false
        var firstMarkup: TypographyItem? = nil
        var lastMarkup: TypographyItem? = nil
        var k = j + 1
        while k < i {
            let item = items[k]
            if item.kind == .space {
                spaceCount += 1
                if firstSpace == nil { firstSpace = item.range }
            } else if item.kind == .markup {
                if item.holdsSpace { markupSpace = true }
                if firstMarkup == nil { firstMarkup = item }
                lastMarkup = item
            }
            k += 1
        }
        if spaceCount > 0 || markupSpace {
            let removable = spaceCount == 1 && !markupSpace
            return Boundary(range: firstSpace ?? items[j].range.upperBound..<items[i].range.lowerBound, spaced: true, removable: removable)
        }
        // No space: it goes outside the markup, after a closing mark or before an opening one.
        var at = items[i].range.lowerBound
        if let lastMarkup, lastMarkup.closes {
            at = lastMarkup.range.upperBound
        } else if let firstMarkup, !firstMarkup.closes {
            at = firstMarkup.range.lowerBound
        }
        return Boundary(range: at..<at, spaced: false, removable: false)
    }

    /// The findings for `boundaries` under `mode`: a missing space gets an inserted one, a
    /// present one is removed. In `consistent` mode the majority decides; a tie reports nothing.
    static func findings(_ boundaries: [Boundary], mode: SpacingMode) -> [Finding] {
        var wantSpace: Bool
        switch mode {
        case .always: wantSpace = true
        case .never: wantSpace = false
        case .consistent:
            let spaced = boundaries.reduce(0) { $0 + ($1.spaced ? 1 : 0) }
            let unspaced = boundaries.count - spaced
            guard spaced != unspaced else { return [] }
            wantSpace = spaced > unspaced
        }
        var findings: [Finding] = []
        for b in boundaries {
            if wantSpace && !b.spaced {
                findings.append(Finding(range: b.range, arguments: TypographyArguments.aSpace, fix: " "))
            } else if !wantSpace && b.spaced && b.removable {
                findings.append(Finding(range: b.range, arguments: TypographyArguments.noSpace, fix: ""))
            }
        }
        return findings
    }
}
