import ChaffEngine

/// Punctuation checks on the items of each line: half-width marks in Chinese sentences,
/// spaces beside full-width marks, repeated marks, ellipses, full-width letters and digits.
enum TypographyPunctuation {
    /// Half-width sentence marks (`marks`, a subset of `,.:;!?`) that end or split a Chinese
    /// clause: right after a Han character, or (`,;!?` only) between a word and a Han character
    /// (`使用Rust,以达到`). Not reported where the mark belongs to something else: a repeated
    /// or combined mark (`!!`, `?!`, `...`), a file name or number (`说明.txt`, `1.5`), a
    /// URL's scheme (`见:http…` is masked, `地址://`).
    /// The fix writes the full-width mark and drops the spaces after it.
    static func halfwidthMarks(_ text: TypographyText, marks: Set<UInt32>) -> [Finding] {
        // The marks as bits of their ASCII values: a hash lookup per character cost more
        // than the rest of the check.
        var mask: UInt128 = 0
        for mark in marks where mark < 128 { mask |= 1 << mark }
        var findings: [Finding] = []
        for index in text.lines.indices where text.holds(index, [.han, .halfwidthMark]) {
            let items = text.lines[index]
            for i in items.indices where items[i].kind == .character && items[i].scalar < 128 && mask & (1 << items[i].scalar) != 0 {
                let mark = items[i].scalar
                guard let fullwidth = TypographyCharacters.fullwidth(of: mark), i > 0 else { continue }
                // `版 ,很好`: a mark set apart by a space, with Chinese on both sides, takes the
                // space with it.
                let spacedFrom = items[i - 1].kind == .space && i > 1 ? i - 2 : i - 1
                let previous = items[spacedFrom]
                guard previous.kind == .character, !isHalfwidthMark(previous.scalar) else { continue }
                let next = i + 1 < items.count ? items[i + 1] : nil
                if let next, next.kind == .character, isHalfwidthMark(next.scalar) || next.scalar == 0x2F { continue }
                // `上网:-)`: a colon that begins a smiley.
                if mark == 0x3A, let next, next.kind == .character, next.scalar == 0x2D || next.scalar == 0x29 || next.scalar == 0x28 {
                    continue
                }
                // `（档案库不同.)`: a full stop before an ASCII closing bracket ends a parenthesis
                // that is itself half-width.
                if mark == 0x2E, let next, next.kind == .character, next.scalar == 0x29 || next.scalar == 0x5D { continue }
                var afterSpaces = i + 1
                while afterSpaces < items.count && items[afterSpaces].kind == .space { afterSpaces += 1 }
                let following = afterSpaces < items.count ? items[afterSpaces] : nil
                let hanBefore = TypographyCharacters.isHan(previous.scalar)
                let hanAfter = following.map { $0.kind == .character && TypographyCharacters.isHan($0.scalar) } ?? false
                if spacedFrom != i - 1 && !(hanBefore && hanAfter) { continue }
                if hanBefore {
                    // `说明.txt`: a dot or colon glued to a word is part of it.
                    if (mark == 0x2E || mark == 0x3A), let next, next.kind == .character || next.kind == .atom,
                        TypographyCharacters.isWordCharacter(next.scalar) || next.kind == .atom
                    {
                        continue
                    }
                } else {
                    // After a word, only a mark glued to the Chinese that follows (`Rust,以`):
                    // `Pollak, 和` may be an English list. After a closing title mark, bracket
                    // or quotation mark, the sentence is Chinese (`《青春》!它`).
                    let closing = isClosingMark(previous.scalar)
                    guard hanAfter, afterSpaces == i + 1,
                        closing || (mark != 0x2E && mark != 0x3A && TypographyCharacters.isWordCharacter(previous.scalar))
                    else { continue }
                }
                // Spaces after the mark go with it, unless the line ends there.
                let end = following == nil ? items[i].range.upperBound : items[afterSpaces - 1].range.upperBound
                let start = items[spacedFrom + 1].range.lowerBound
                findings.append(
                    Finding(
                        range: start..<end, arguments: TypographyArguments.fullwidthMarks[mark] ?? ["expected": fullwidth], fix: fullwidth))
            }
        }
        return findings
    }

    /// 》 」 』 ） 】 〉 ”: marks that close a title, a parenthesis or a quotation.
    @inline(__always) private static func isClosingMark(_ v: UInt32) -> Bool {
        v == 0x300B || v == 0x300D || v == 0x300F || v == 0xFF09 || v == 0x3011 || v == 0x3009 || v == 0x201D
    }

    @inline(__always) private static func isHalfwidthMark(_ v: UInt32) -> Bool {
        v == 0x2C || v == 0x2E || v == 0x3A || v == 0x3B || v == 0x21 || v == 0x3F
    }

    /// Spaces beside full-width punctuation (`你好 ，世界`, `中文（ 注 ）`), where the other side
    /// is a Han character, a letter or digit, other full-width punctuation, a curly quote or a
    /// code span: the mark carries its own space. With `quotes`, spaces beside the curly
    /// quotes “” where the other side is Chinese (`他说 “你好” 然后`), and spaces inside the
    /// marks of a quotation holding Chinese (`“ 你好 ”`); ‘’ only in such a quotation, since
    /// ’ is also the apostrophe. Spaces at a line's start or end, next to markup (HTML puts
    /// layout spaces before `</p>`) or next to ASCII punctuation are left alone.
    static func spacesBesideFullwidth(_ text: TypographyText, quotes: Bool, acrossMarkup: Bool) -> [Finding] {
        var findings: [Finding] = []
        // Every space reported with `quotes` has a curly quote beside it.
        let needed: TypographyLineContent = quotes ? .curlyQuote : .fullwidthMark
        for index in text.lines.indices where text.holds(index, .space, anyOf: needed) {
            let items = text.lines[index]
            let hasQuote = quotes && items.contains(where: { $0.kind == .character && TypographyCharacters.isCurlyQuote($0.scalar) })
            let chinese = hasQuote ? chineseQuotes(items, edges: text.edges[index]) : []
            var english: [Bool]? = nil
            for i in items.indices where items[i].kind == .space && i > 0 && i + 1 < items.count {
                let left = items[i - 1]
                let right = items[i + 1]
                let l = left.kind == .character ? left.scalar : 0
                let r = right.kind == .character ? right.scalar : 0
                let report: Bool
                if quotes {
                    let leftQuote = chinese.contains(i - 1)
                    let rightQuote = chinese.contains(i + 1)
                    let doubleLeft = l == 0x201C || l == 0x201D
                    let doubleRight = r == 0x201C || r == 0x201D
                    report =
                        (leftQuote && (isOpening(l) || isWordSide(right, acrossMarkup)))
                        || (rightQuote && (!isOpening(r) || isWordSide(left, acrossMarkup)))
                        || (doubleLeft && right.kind == .character && isChineseSide(r))
                        || (doubleRight && left.kind == .character && isChineseSide(l))
                } else {
                    let leftMark = TypographyCharacters.isFullwidthPunctuation(l)
                    let rightMark = TypographyCharacters.isFullwidthPunctuation(r)
                    report = (leftMark && isWordSide(right, acrossMarkup)) || (rightMark && isWordSide(left, acrossMarkup))
                }
                guard report else { continue }
                // On an English line the full-width mark is the defect, not the space beside it
                // (`Come and， Join us` becomes `Come and, Join us`).
                if english == nil { english = TypographyEnglish.englishItems(items, paragraphHan: text.paragraphHan[index]) ?? [] }
                if let english, !english.isEmpty, english[i - 1] || english[i + 1] { continue }
                findings.append(Finding(range: items[i].range, arguments: TypographyArguments.noSpace, fix: ""))
            }
        }
        return findings
    }

    /// What may stand across a space from full-width punctuation for the space to go: text,
    /// not markup or ASCII punctuation.
    @inline(__always) private static func isWordSide(_ item: TypographyItem, _ acrossMarkup: Bool) -> Bool {
        if item.kind == .atom { return acrossMarkup || !item.isCode }
        guard item.kind == .character else { return false }
        let v = item.scalar
        return TypographyCharacters.isHan(v) || TypographyCharacters.isWordCharacter(v) || TypographyCharacters.isFullwidthPunctuation(v)
            || TypographyCharacters.isCurlyQuote(v)
    }

    /// Han or full-width punctuation.
    @inline(__always) private static func isChineseSide(_ v: UInt32) -> Bool {
        TypographyCharacters.isHan(v) || TypographyCharacters.isFullwidthPunctuation(v)
    }

    @inline(__always) private static func isOpening(_ v: UInt32) -> Bool { v == 0x201C || v == 0x2018 }

    /// Indices of the curly quotes of `items` that pair up (“ with the next ”, ‘ with the next
    /// ’) in Chinese: around a Han character, or with one right outside either mark
    /// (`shell “pattern”查找`), on this line or, at its edge, on the next or previous one.
    private static func chineseQuotes(_ items: TypographyItems, edges: (hanBefore: Bool, hanAfter: Bool)) -> Set<Int> {
        var result: Set<Int> = []
        func hanNear(_ k: Int, step: Int) -> Bool {
            var m = k + step
            while m >= 0 && m < items.count && (items[m].kind == .space || items[m].kind == .markup) { m += step }
            if m < 0 { return edges.hanBefore }
            if m >= items.count { return edges.hanAfter }
            return items[m].kind == .character && TypographyCharacters.isHan(items[m].scalar)
        }
        for (open, close) in [(UInt32(0x201C), UInt32(0x201D)), (0x2018, 0x2019)] {
            var i = 0
            while i < items.count {
                guard items[i].kind == .character, items[i].scalar == open else {
                    i += 1
                    continue
                }
                var j = i + 1
                var han = false
                while j < items.count && !(items[j].kind == .character && (items[j].scalar == close || items[j].scalar == open)) {
                    if items[j].kind == .character && TypographyCharacters.isHan(items[j].scalar) { han = true }
                    j += 1
                }
                if j < items.count && items[j].scalar == close && (han || hanNear(i, step: -1) || hanNear(j, step: 1)) {
                    result.insert(i)
                    result.insert(j)
                    i = j + 1
                } else {
                    i = j
                }
            }
        }
        return result
    }

    /// Full-width letters and digits (`ＡＢＣ１２３`), one finding per run, fixed to their
    /// half-width forms; a full-width colon between digits is a time's (`19：30`) and becomes
    /// `:` with them.
    static func fullwidthAlphanumerics(_ text: TypographyText) -> [Finding] {
        var findings: [Finding] = []
        // A full-width colon between ASCII digits (`19：30`) is a time's.
        for index in text.lines.indices where text.holds(index, .fullwidthAlphanumeric) || text.holds(index, [.fullwidthColon, .word]) {
            let items = text.lines[index]
            func isDigit(_ k: Int) -> Bool {
                guard k >= 0, k < items.count, items[k].kind == .character else { return false }
                let v = items[k].scalar
                return TypographyCharacters.isDigit(v) || (0xFF10...0xFF19).contains(v)
            }
            func isPart(_ k: Int) -> Bool {
                guard items[k].kind == .character else { return false }
                if TypographyCharacters.isFullwidthAlphanumeric(items[k].scalar) { return true }
                return items[k].scalar == 0xFF1A && isDigit(k - 1) && isDigit(k + 1)
            }
            var i = 0
            while i < items.count {
                guard isPart(i) else {
                    i += 1
                    continue
                }
                var fixed = ""
                let start = items[i].range.lowerBound
                var end = start
                while i < items.count && isPart(i) {
                    let v = items[i].scalar
                    fixed.unicodeScalars.append(Unicode.Scalar(v == 0xFF1A ? 0x3A : v - 0xFEE0)!)
                    end = items[i].range.upperBound
                    i += 1
                }
                findings.append(Finding(range: start..<end, arguments: ["expected": fixed], fix: fixed))
            }
        }
        return findings
    }

    /// A full-width mark written twice or more in a row (`！！`, `？？`, `，，`, `。。`), fixed to
    /// one. `……` and `——` are single marks made of two characters and are not counted.
    static func repeatedMarks(_ text: TypographyText) -> [Finding] {
        var findings: [Finding] = []
        for index in text.lines.indices where text.holds(index, .fullwidthMark) {
            let items = text.lines[index]
            var i = 0
            while i < items.count {
                let v = items[i].scalar
                guard items[i].kind == .character, isRepeatable(v) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < items.count && items[j].kind == .character && items[j].scalar == v { j += 1 }
                if j - i >= 2 && !(v == 0x3002 && j - i >= 3) {
                    let single = String(Unicode.Scalar(v)!)
                    findings.append(
                        Finding(
                            range: items[i].range.lowerBound..<items[j - 1].range.upperBound, arguments: ["expected": single], fix: single))
                }
                i = j
            }
        }
        return findings
    }

    @inline(__always) private static func isRepeatable(_ v: UInt32) -> Bool {
        v == 0xFF01 || v == 0xFF1F || v == 0xFF0C || v == 0x3002 || v == 0x3001 || v == 0xFF1B || v == 0xFF1A
    }

    /// An ellipsis in Chinese written as dots (`...`, `。。。`) or as one `…`: Chinese uses
    /// two, `……`. Only next to a Han character, so English ellipses pass. With `consistent`,
    /// the form most of the document's Chinese ellipses take is the one wanted (`……` among
    /// them); a tie reports nothing.
    static func ellipses(_ text: TypographyText, consistent: Bool) -> [Finding] {
        var found: [(range: Range<Int>, form: String)] = []
        for index in text.lines.indices where text.holds(index, .han, anyOf: [.halfwidthMark, .fullwidthMark, .ellipsis]) {
            let items = text.lines[index]
            var i = 0
            while i < items.count {
                let v = items[i].scalar
                guard items[i].kind == .character, v == 0x2E || v == 0x3002 || v == 0x2026 else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < items.count && items[j].kind == .character && items[j].scalar == v { j += 1 }
                let n = j - i
                let form = (v == 0x2E && n >= 3) || (v == 0x3002 && n >= 3) || (v == 0x2026 && n <= 2)
                let hanBefore = i > 0 && items[i - 1].kind == .character && TypographyCharacters.isHan(items[i - 1].scalar)
                let hanAfter = j < items.count && items[j].kind == .character && TypographyCharacters.isHan(items[j].scalar)
                if form && (hanBefore || hanAfter) {
                    let range = items[i].range.lowerBound..<items[j - 1].range.upperBound
                    found.append((range, String(repeating: String(Unicode.Scalar(v)!), count: n)))
                }
                i = j
            }
        }
        var wanted = "……"
        if consistent {
            var counts: [String: Int] = [:]
            for f in found { counts[f.form, default: 0] += 1 }
            guard let winner = TypographyMajority.winner(counts) else { return [] }
            wanted = winner
        }
        return found.filter { $0.form != wanted }.map { Finding(range: $0.range, arguments: ["expected": wanted], fix: wanted) }
    }
}
