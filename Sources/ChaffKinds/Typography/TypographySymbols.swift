import ChaffEngine

/// Spaces around ASCII signs set between Chinese words: `-`, `+` and `|` (`核查 - 常见`,
/// `字符集 + 换行`), a run of `!` before Chinese (`好!!! 不管`), and `$` (inline math, `令 $x$ 可得`).
enum TypographySymbols {
    /// A `-`, `+` or `|` (those of `marks`) touching Chinese on one side with Chinese on the
    /// other, directly or past spaces: each side touching the sign gets a space (`中文-中文` →
    /// `中文 - 中文`, `中文 -中文` → `中文 - 中文`). Chinese touching the sign is a Han character or
    /// a quotation mark facing it (`”-中文`); across from it, also a bracket facing it
    /// (`中文-（注）` → `中文 -（注）`, as autocorrect's `space-dash` writes it). A sign with a letter or
    /// digit on either side is part of a word or number (`GPL-3`, `第1-3章`, `C++`). With `!`
    /// among `marks`, a run of two or more half-width `!` or `?` touching a Han character after
    /// it takes a space (one such mark is full-width punctuation's business).
    static func spacesBesideSigns(_ text: TypographyText, marks: Set<UInt32>) -> [Finding] {
        var findings: [Finding] = []
        let exclamation = marks.contains(0x21)
        for index in text.lines.indices where text.holds(index, .han, anyOf: [.sign, .halfwidthMark]) {
            let items = text.lines[index]
            for i in items.indices where items[i].kind == .character {
                let v = items[i].scalar
                if v == 0x21 {
                    if exclamation, let space = spaceAfterRun(items, i) { findings.append(space) }
                    continue
                }
                guard v == 0x2D || v == 0x2B || v == 0x7C, marks.contains(v), i > 0, i + 1 < items.count else { continue }
                let left = items[i - 1]
                let right = items[i + 1]
                // Touching the sign: Han or a quotation mark facing it. Across from it: also a
                // space, or a bracket facing it (`中文-（注）` spaces the side that touches Han).
                let leftTouches =
                    left.kind == .character && (TypographyCharacters.isHan(left.scalar) || left.scalar == 0x201D || left.scalar == 0x2019)
                let rightTouches =
                    right.kind == .character
                    && (TypographyCharacters.isHan(right.scalar) || right.scalar == 0x201C || right.scalar == 0x2018)
                let leftOpen =
                    left.kind == .space
                    ? spacedChinese(items, from: i - 1, step: -1) : leftTouches || (left.kind == .character && isClosing(left.scalar))
                let rightOpen =
                    right.kind == .space
                    ? spacedChinese(items, from: i + 1, step: 1) : rightTouches || (right.kind == .character && isOpening(right.scalar))
                if leftTouches && rightOpen { findings.append(insertion(at: items[i].range.lowerBound)) }
                if rightTouches && leftOpen { findings.append(insertion(at: items[i].range.upperBound)) }
            }
        }
        return findings
    }

    /// A `$` touching a Han character on either side gets a space on that side (`令$x$可得`
    /// → `令 $x$ 可得`); the inside of the math is never changed.
    static func spacesBesideDollars(_ text: TypographyText) -> [Finding] {
        var findings: [Finding] = []
        for index in text.lines.indices where text.holds(index, [.han, .sign]) {
            let items = text.lines[index]
            for i in items.indices where items[i].kind == .character && items[i].scalar == 0x24 {
                if i > 0, isHan(items[i - 1]) { findings.append(insertion(at: items[i].range.lowerBound)) }
                if i + 1 < items.count, isHan(items[i + 1]) { findings.append(insertion(at: items[i].range.upperBound)) }
            }
        }
        return findings
    }

    /// The space a run of half-width `!`/`?` ending at `i` needs before the Han character
    /// touching it, when the run is two marks or more.
    private static func spaceAfterRun(_ items: TypographyItems, _ i: Int) -> Finding? {
        guard i > 0, i + 1 < items.count, isHan(items[i + 1]) else { return nil }
        let previous = items[i - 1]
        guard previous.kind == .character, previous.scalar == 0x21 || previous.scalar == 0x3F else { return nil }
        return insertion(at: items[i].range.upperBound)
    }

    /// Whether, past the spaces from `start` in direction `step`, Chinese follows: a sign with
    /// a space on one side joins Chinese words only when Chinese is there.
    private static func spacedChinese(_ items: TypographyItems, from start: Int, step: Int) -> Bool {
        var k = start
        while k >= 0 && k < items.count && items[k].kind == .space { k += step }
        guard k >= 0, k < items.count, items[k].kind == .character else { return false }
        let v = items[k].scalar
        return TypographyCharacters.isHan(v) || (step > 0 ? isOpening(v) : isClosing(v))
    }

    @inline(__always) private static func isHan(_ item: TypographyItem) -> Bool {
        item.kind == .character && TypographyCharacters.isHan(item.scalar)
    }

    /// A closing quotation mark or bracket: ” ’ ） 】 」 》.
    @inline(__always) private static func isClosing(_ v: UInt32) -> Bool {
        v == 0x201D || v == 0x2019 || v == 0xFF09 || v == 0x3011 || v == 0x300D || v == 0x300B
    }

    /// An opening quotation mark or bracket: “ ‘ （ 【 「 《.
    @inline(__always) private static func isOpening(_ v: UInt32) -> Bool {
        v == 0x201C || v == 0x2018 || v == 0xFF08 || v == 0x3010 || v == 0x300C || v == 0x300A
    }

    @inline(__always) private static func insertion(at offset: Int) -> Finding {
        Finding(range: offset..<offset, arguments: TypographyArguments.aSpace, fix: " ")
    }
}
