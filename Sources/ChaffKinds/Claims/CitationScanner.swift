import ChaffText

/// Finds citation marks in the text of a sentence: anything that points the reader at the source.
///
/// Each of these is a citation:
/// - a web address written in the text (`https://…`, `www.…`; in a masked scope the masker has
///   recorded these instead, see `CitationView`);
/// - a footnote mark: `[1]`, `[1,2]`, `[1-3]`, `[^note]`, `【1】`, superscript digits after a word
///   or punctuation (`研究表明。¹`; not `m²` or `10³`);
/// - a source label with a value that names something: `（来源：国家统计局）`, `数据来源: …`,
///   `(Source: WHO)`; not `来源：网络` or `Source: the internet`;
/// - an author–year reference: `(Smith, 2019)`, `(Smith & Lee 2019a)`, `(Smith et al., 2019)`,
///   `（张三，2019）`, `（王等，2020）`, `Smith (2019)`, `Smith et al. (2019)`, and `et al.` anywhere;
/// - a parenthesis that holds only a named source: `（国家统计局）`, `(Pew Research Center)`.
///
/// Links, note elements (`<sup>`, `<cite>`) and addresses in markup are the masker's to find:
/// `citation(in:_:)` on a `CitationView` asks its `MarkupMarks` first, then this.
extension SourceCues {
    /// The first citation mark in `range` of `text`, if any.
    func citation(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = text[i]
            switch b {
            case UInt8(ascii: "["):
                if let r = bracketCitation(text, at: i, end: end) { return r }
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                if let urlEnd = URLScanner.end(of: text, at: i) { return i..<min(urlEnd, end) }
            case UInt8(ascii: "("):
                if let r = authorYear(text, open: i, openLength: 1, end: end) { return r }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if let r = etAl(text, at: i, end: end) { return r }
            case 0xC2, 0xE2:
                if let r = superscript(text, at: i, end: end, rangeStart: range.lowerBound) { return r }
            case 0xE3:
                // 【 (E3 80 90) digits 】
                if i + 2 < end, text[i + 1] == 0x80, text[i + 2] == 0x90, let r = lenticularNote(text, at: i, end: end) { return r }
            case 0xEF:
                // （ (EF BC 88)
                if i + 2 < end, text[i + 1] == 0xBC, text[i + 2] == 0x88, let r = authorYear(text, open: i, openLength: 3, end: end) {
                    return r
                }
            default:
                break
            }
            i += 1
        }
        return sourceLabel(in: text, range)
    }

    // MARK: Brackets

    private func bracketCitation(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Range<Int>? {
        var j = i + 1
        let caret = j < end && text[j] == UInt8(ascii: "^")
        var numeric = !caret
        var sawContent = false
        while j < end && j - i < 300 && text[j] != UInt8(ascii: "]") {
            let c = text[j]
            if c == UInt8(ascii: "[") { return nil }
            if !(TextScalar.isASCIIDigit(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: "-") || c == 0x20) { numeric = false }
            if c != UInt8(ascii: "^") { sawContent = true }
            j += 1
        }
        guard j < end, text[j] == UInt8(ascii: "]"), sawContent else { return nil }
        return caret || numeric ? i..<(j + 1) : nil
    }

    private func lenticularNote(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Range<Int>? {
        var j = i + 3
        while j < end && TextScalar.isASCIIDigit(text[j]) { j += 1 }
        guard j > i + 3, j + 2 < end, text[j] == 0xE3, text[j + 1] == 0x80, text[j + 2] == 0x91 else { return nil }
        return i..<(j + 3)
    }

    // MARK: Superscripts and et al.

    private func superscriptLength(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        if i + 1 < end, text[i] == 0xC2, text[i + 1] == 0xB9 || text[i + 1] == 0xB2 || text[i + 1] == 0xB3 { return 2 }
        if i + 2 < end, text[i] == 0xE2, text[i + 1] == 0x81, text[i + 2] == 0xB0 || (0xB4...0xB9).contains(text[i + 2]) { return 3 }
        return nil
    }

    private func superscript(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, rangeStart: Int) -> Range<Int>? {
        guard let length = superscriptLength(text, at: i, end: end), i > rangeStart else { return nil }
        // Skip the second and later digits of a run: the first one decided.
        if let before = TextScalar.start(before: i, in: text), superscriptLength(text, at: before, end: end) != nil { return nil }
        let previous = text[i - 1]
        if TextScalar.isASCIIDigit(previous) { return nil }  // 10³
        if TextScalar.isASCIILetter(previous) {
            // m², km³: a unit of one or two letters.
            var k = i
            while k > rangeStart && TextScalar.isASCIILetter(text[k - 1]) { k -= 1 }
            if i - k <= 2 { return nil }
        }
        var j = i + length
        while let more = superscriptLength(text, at: j, end: end) { j += more }
        return i..<j
    }

    private func etAl(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Range<Int>? {
        guard i + 5 <= end, text[i + 1] | 0x20 == UInt8(ascii: "t"), text[i + 2] == 0x20, text[i + 3] | 0x20 == UInt8(ascii: "a"),
            text[i + 4] | 0x20 == UInt8(ascii: "l")
        else { return nil }
        if i > 0 && TextScalar.isASCIILetter(text[i - 1]) { return nil }
        if i + 5 < end && TextScalar.isASCIILetter(text[i + 5]) { return nil }
        return i..<(i + 5)
    }

    // MARK: Author–year

    /// `(… Name, 2019 …)` or `Name (2019)`, with the parenthesis opening at `open`.
    private func authorYear(_ text: UnsafeBufferPointer<UInt8>, open: Int, openLength: Int, end: Int) -> Range<Int>? {
        var close = open + openLength
        while close < end && close - open < 160 {
            if text[close] == UInt8(ascii: ")") { break }
            if close + 2 < end, text[close] == 0xEF, text[close + 1] == 0xBC, text[close + 2] == 0x89 { break }
            close += 1
        }
        guard close < end, close - open < 160 else { return nil }
        let inner = (open + openLength)..<close
        let closeLength = text[close] == UInt8(ascii: ")") ? 1 : 3
        let whole = open..<(close + closeLength)
        guard let year = firstYear(text, inner) else { return namesSourceAlone(text, inner) ? whole : nil }
        // (Smith, 2019), (张三，2019): a name just before the year inside the parentheses.
        var k = year.lowerBound
        while k > inner.lowerBound {
            let b = text[k - 1]
            if b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "&") {
                k -= 1
            } else if k - 3 >= inner.lowerBound, text[k - 3] == 0xEF, text[k - 2] == 0xBC, text[k - 1] == 0x8C {  // ，
                k -= 3
            } else if k - 3 >= inner.lowerBound, text[k - 3] == 0xE3, text[k - 2] == 0x80, text[k - 1] == 0x81 {  // 、
                k -= 3
            } else {
                break
            }
        }
        if k < year.lowerBound && k > inner.lowerBound && endsWithName(text, inner.lowerBound..<k) { return whole }
        // Smith (2019), Smith et al. (2019): the parentheses hold only the year (and a page).
        if year.lowerBound == inner.lowerBound {
            var m = open
            while m > 0 && text[m - 1] == 0x20 { m -= 1 }
            if m < open || openLength == 3 {
                var w = m
                while w > 0 && (TextScalar.isASCIILetter(text[w - 1]) || text[w - 1] == UInt8(ascii: ".")) { w -= 1 }
                if w < m, TextScalar.isASCIIUpper(text[w]) || Array(text[w..<m]) == Array("al.".utf8) {
                    let lower = (w..<m).map { text[$0] | 0x20 }.filter { $0 != UInt8(ascii: ".") }
                    if !englishNotNames.contains(lower) || lower == Array("al".utf8) { return w..<whole.upperBound }
                }
            }
        }
        return nil
    }

    /// Whether a short parenthesis holds nothing but a named source (国家统计局, Pew Research
    /// Center): an organisation by its head or a specific body, not a bare word.
    private func namesSourceAlone(_ text: UnsafeBufferPointer<UInt8>, _ inner: Range<Int>) -> Bool {
        guard !inner.isEmpty, inner.count <= 60 else { return false }
        if TextScalar.isASCIILetter(text[inner.lowerBound]) {
            let words = Self.words(text, inner)
            guard (1...6).contains(words.count) else { return false }
            return judgeEnglish(text, inner).0 == .named
        }
        return judgeChinese(text, inner, bareSubjects: .none).0 == .named
    }

    /// A four-digit year 1800–2099 (optionally with a letter: 2019a) that is not part of a longer
    /// number and not followed by 年/月 or `s` (1990s).
    private func firstYear(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            if TextScalar.isASCIIDigit(text[i]), i == range.lowerBound || !TextScalar.isASCIIDigit(text[i - 1]),
                (i + 1..<(i + 4)).allSatisfy({ TextScalar.isASCIIDigit(text[$0]) }),
                i + 4 == range.upperBound || !TextScalar.isASCIIDigit(text[i + 4])
            {
                let value = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(text[$1] - 0x30) }
                var e = i + 4
                if e < range.upperBound, TextScalar.isASCIILower(text[e]), text[e] != UInt8(ascii: "s") { e += 1 }
                let followedByUnit = e + 2 < range.upperBound && text[e] == 0xE5 && (text[e + 1] == 0xB9 && text[e + 2] == 0xB4)
                if (1800...2099).contains(value) && !followedByUnit && !(e < range.upperBound && TextScalar.isASCIILetter(text[e])) {
                    return i..<e
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether `range` ends with an author: a capitalised word (Smith, Lee), `et al.`, or two to
    /// four Han characters with an optional 等/等人.
    private func endsWithName(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var e = range.upperBound
        if e - range.lowerBound >= 3, Array(text[(e - 3)..<e]) == Array("al.".utf8) { return true }
        if TextScalar.isASCIILetter(text[e - 1]) {
            var w = e
            while w > range.lowerBound && (TextScalar.isASCIILetter(text[w - 1]) || text[w - 1] == UInt8(ascii: "-")) { w -= 1 }
            guard TextScalar.isASCIIUpper(text[w]) else { return false }
            let lower = (w..<e).map { text[$0] | 0x20 }
            return !englishNotNames.contains(lower) && !englishGenericAcronyms.contains(lower)
        }
        // 等人 / 等 after a Chinese name; with it a one-character surname is enough (王等).
        var minimum = 2
        for suffix in ["等人", "等"] {
            let s = Array(suffix.utf8)
            if e - range.lowerBound > s.count, Array(text[(e - s.count)..<e]) == s {
                e -= s.count
                minimum = 1
                break
            }
        }
        var count = 0
        var k = e
        while let start = TextScalar.start(before: k, in: text), start >= range.lowerBound,
            let scalar = UTF8Decoding.decode(text, at: start).scalar, TextScalar.isHan(scalar)
        {
            count += 1
            k = start
        }
        return (minimum...4).contains(count) && k == range.lowerBound
    }

    // MARK: Source labels

    /// `来源：…`, `出处：…`, `Source: …` whose value names something.
    private func sourceLabel(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        let slice = UnsafeBufferPointer(rebasing: text[range])
        var labels: [Range<Int>] = chineseSourceLabels.nonOverlappingMatches(in: slice).map { $0.range }
        // Source: / Sources: (any case), as a whole word.
        let word = Array("source".utf8)
        var i = 0
        while i + word.count <= slice.count {
            if (0..<word.count).allSatisfy({ slice[i + $0] | 0x20 == word[$0] }), i == 0 || !TextScalar.isASCIILetter(slice[i - 1]) {
                var e = i + word.count
                if e < slice.count && slice[e] | 0x20 == UInt8(ascii: "s") { e += 1 }
                labels.append(i..<e)
                i = e
            } else {
                i += 1
            }
        }
        for label in labels {
            var v = label.upperBound
            while v < slice.count && slice[v] == 0x20 { v += 1 }
            if v < slice.count && slice[v] == UInt8(ascii: ":") {
                v += 1
            } else if v + 2 < slice.count && slice[v] == 0xEF && slice[v + 1] == 0xBC && slice[v + 2] == 0x9A {
                v += 3
            } else {
                continue
            }
            while v < slice.count && slice[v] == 0x20 { v += 1 }
            var e = v
            while e < slice.count && e - v < 120 {
                let b = slice[e]
                if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == 0x0A { break }
                if e + 2 < slice.count && b == 0xEF && slice[e + 1] == 0xBC && (slice[e + 2] == 0x89 || slice[e + 2] == 0x8C) { break }
                if e + 2 < slice.count && b == 0xE3 && slice[e + 1] == 0x80 && slice[e + 2] == 0x82 { break }
                e += 1
            }
            guard e - v >= 2 else { continue }
            let value = UnsafeBufferPointer(rebasing: slice[v..<e])
            if vagueSourceValues.nonOverlappingMatches(in: value).contains(where: { $0.range.lowerBound == 0 }) { continue }
            return (range.lowerBound + label.lowerBound)..<(range.lowerBound + e)
        }
        return nil
    }
}
