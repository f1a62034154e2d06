import ChaffEngine

/// Full-width punctuation in English sentences: `Come and，Join us！` reads `Come and, Join us!`.
enum TypographyEnglish {
    /// For each of `items`, whether it lies in English text, or nil when none does. Text
    /// between two pieces of markup (tags, code spans, URLs) is English when its paragraph
    /// holds no Han (`paragraphHan`: an English line wrapped in a Chinese paragraph belongs
    /// to a Chinese sentence), it begins with a letter or digit, and two of its words are
    /// separated by spaces or English punctuation (`word, word`, `it's`). A Chinese sentence
    /// quoting English names (`使用 GPL-3、LGPL-2`) holds Han and is not English, and neither
    /// is the `。` after a link to an English title (`<a>Debian FAQ</a>。`): the mark is not in
    /// the title's text.
    static func englishItems(_ items: TypographyItems, paragraphHan: Bool) -> [Bool]? {
        if paragraphHan { return nil }
        var result: [Bool]? = nil
        var start = 0
        func close(_ end: Int) {
            guard end > start, isEnglish(items[start..<end]) else { return }
            if result == nil { result = Array(repeating: false, count: items.count) }
            for k in start..<end { result![k] = true }
        }
        for i in items.indices where items[i].kind != .character && items[i].kind != .space {
            close(i)
            start = i + 1
        }
        close(items.count)
        return result
    }

    /// Whether `items`, text without markup, reads as English (see `englishItems`).
    private static func isEnglish(_ items: Slice<TypographyItems>) -> Bool {
        var first = true
        var pairedWords = false
        // 0: no word yet; 1: in a word; 2: after a word, across separators.
        var state = 0
        for item in items {
            switch item.kind {
            case .space:
                if state == 1 { state = 2 }
                continue
            case .markup:
                continue
            case .atom, .barrier:
                state = 0
                first = false
                continue
            case .character:
                break
            }
            let v = item.scalar
            if TypographyCharacters.isHan(v) { return false }
            let word = TypographyCharacters.isWordCharacter(v)
            if first && !word { return false }
            first = false
            if word {
                if state == 2 { pairedWords = true }
                state = 1
            } else if state != 0 && (v == 0x2C || v == 0x2E || v == 0x27 || v == 0x3F || v == 0x21 || v == 0x26 || v == 0x3A) {
                state = 2
            } else {
                state = 0
            }
        }
        return pairedWords
    }

    /// Each full-width mark on an English line (see `isEnglish`), with its half-width form:
    /// `，、`→`,`, `。`→`.`, `：`→`:`, `；`→`;`, `！`→`!`, `？`→`?`, `（）`→`()`, `【】`→`[]`,
    /// `「」《》`→`“”`. A space is added after a mark (before an opening bracket) that touches
    /// a letter or digit, as English sets it; an opening mark ending the line is left.
    static func fullwidthMarks(_ text: TypographyText) -> [Finding] {
        var findings: [Finding] = []
        for index in text.lines.indices where !text.paragraphHan[index] && text.holds(index, .fullwidthMark) {
            let items = text.lines[index]
            guard items.contains(where: { $0.kind == .character && halfwidth(of: $0.scalar) != nil }),
                let english = englishItems(items, paragraphHan: text.paragraphHan[index])
            else { continue }
            for i in items.indices where items[i].kind == .character && english[i] {
                guard let (mark, opening) = halfwidth(of: items[i].scalar) else { continue }
                let next = i + 1 < items.count ? items[i + 1] : nil
                if opening && next == nil { continue }
                var fix = mark
                if opening {
                    if i > 0 && isAlphanumeric(items[i - 1]) { fix = " " + mark }
                } else if let next, isAlphanumeric(next) {
                    fix = mark + " "
                }
                findings.append(Finding(range: items[i].range, arguments: ["expected": mark], fix: fix))
            }
        }
        return findings
    }

    @inline(__always) private static func isAlphanumeric(_ item: TypographyItem) -> Bool {
        item.kind == .character && TypographyCharacters.isWordCharacter(item.scalar)
    }

    /// The half-width form of a full-width mark, and whether it opens a pair.
    private static func halfwidth(of v: UInt32) -> (String, Bool)? {
        switch v {
        case 0xFF0C, 0x3001: (",", false)
        case 0x3002: (".", false)
        case 0xFF1A: (":", false)
        case 0xFF1B: (";", false)
        case 0xFF01: ("!", false)
        case 0xFF1F: ("?", false)
        case 0xFF08: ("(", true)
        case 0xFF09: (")", false)
        case 0x3010: ("[", true)
        case 0x3011: ("]", false)
        case 0x300C, 0x300A: ("“", true)
        case 0x300D, 0x300B: ("”", false)
        default: nil
        }
    }
}
