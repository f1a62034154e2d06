import ChaffText

/// The kind of figure a sentence states.
package enum StatisticKind: String, Sendable, CaseIterable {
    /// `30%`, `百分之三十`, `30 percent`, `5个百分点`.
    case percentage
    /// `三成`, `三分之一`.
    case fraction
    /// `3倍`, `翻了一番`, `three times more`, `twice as`, `10-fold`.
    case multiple
    /// A hedged count: `近4000`, `至少30`, `超过1000`, `逾百`, `上千`, `nearly 40`, `more than 1,000`.
    case approximateCount
    /// A large count: `3000万`, `数百万`, `1.2 billion`, `millions of`.
    case largeCount
    /// `one in five`, `9 out of 10`, `每10人中就有3人`.
    case ratio
}

/// Finds figures in running text: percentages, fractions, multiples, hedged and large counts,
/// ratios. Dates, ages and durations (`近30年`, `about 10 minutes`), `100%` used for emphasis,
/// discounts (`30% off`) and prices (`售价2万元`) are left alone.
enum StatisticScanner {
    /// A figure.
    struct Figure: Equatable {
        var range: Range<Int>
        var kind: StatisticKind
    }

    static func figures(in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Figure] {
        var found = chineseAndSymbolFigures(text, range) + englishFigures(text, range)
        // Figures inside a web address (%20) are not figures.
        let addresses = URLScanner.addresses(in: text, range: range)
        if !addresses.isEmpty { found.removeAll { figure in addresses.contains { $0.overlaps(figure.range) } } }
        found.sort {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        var out: [Figure] = []
        for figure in found {
            if let last = out.last, last.range.overlaps(figure.range) { continue }
            out.append(figure)
        }
        return out
    }

    // MARK: - Chinese and symbols

    private static func scalar(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let (s, length) = UTF8Decoding.decode(text, at: i)
        return (s ?? 0xFFFD, length)
    }

    private static let chineseDigitValues: [UInt32: Int] = [
        0x96F6: 0, 0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x5169: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7,
        0x516B: 8, 0x4E5D: 9, 0x51E0: 5, 0x5E7E: 5, 0x6570: 5, 0x6578: 5,
    ]
    private static let chineseUnitValues: [UInt32: Int] = [
        0x5341: 10, 0x767E: 100, 0x5343: 1000, 0x4E07: 10_000, 0x842C: 10_000, 0x4EBF: 100_000_000, 0x5104: 100_000_000,
    ]

    /// A number at `i`: ASCII or full-width digits (with `,` groups and a decimal point), or
    /// Chinese numerals. Returns its end, a rough value, whether it holds 万/亿 (or million…), and
    /// whether it is made of vague numerals only (几, 数).
    private static func number(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (end: Int, value: Double, large: Bool)? {
        digitNumber(text, at: i, end: end) ?? chineseNumber(text, at: i, end: end)
    }

    /// A number in ASCII or full-width digits at `i`, perhaps followed by 万 or 亿.
    @inline(__always) private static func digitNumber(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (
        end: Int, value: Double, large: Bool
    )? {
        var k = i
        var digits = 0
        var value = 0.0
        var fraction = false
        while k < end {
            let b = text[k]
            if TextScalar.isASCIIDigit(b) {
                if !fraction { value = value * 10 + Double(b - 0x30) }
                digits += 1
                k += 1
            } else if b == 0xEF, k + 2 < end, text[k + 1] == 0xBC, (0x90...0x99).contains(text[k + 2]) {
                if !fraction { value = value * 10 + Double(text[k + 2] - 0x90) }
                digits += 1
                k += 3
            } else if b == UInt8(ascii: ","), digits > 0, k + 3 < end, (1...3).allSatisfy({ TextScalar.isASCIIDigit(text[k + $0]) }) {
                k += 1
            } else if b == UInt8(ascii: "."), digits > 0, !fraction, k + 1 < end, TextScalar.isASCIIDigit(text[k + 1]) {
                fraction = true
                k += 1
            } else {
                break
            }
        }
        guard digits > 0 else { return nil }
        // 3000万, 1.2亿
        if k < end, case let (s, length) = scalar(text, k), let unit = chineseUnitValues[s], unit >= 10_000 {
            return (k + length, value * Double(unit), true)
        }
        return (k, value, false)
    }

    /// A number in Chinese numerals at `i` (三千五百, 两点五); nil for 万一 and 亿万, which are none.
    @inline(__always) private static func chineseNumber(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (
        end: Int, value: Double, large: Bool
    )? {
        var k = i
        var total = 0.0
        var section = 0.0
        var digit = -1
        var count = 0
        var large = false
        var sawDecimal = false
        while k < end {
            let (s, length) = scalar(text, k)
            if let d = chineseDigitValues[s] {
                if !sawDecimal { digit = d }
                count += 1
            } else if let unit = chineseUnitValues[s] {
                if sawDecimal { break }
                // 万一 and 亿万 are not numbers.
                if count == 0 && unit >= 10_000 { return nil }
                let base = Double(digit < 0 ? 1 : digit)
                if unit >= 10_000 {
                    section = (section + (digit < 0 ? 0 : Double(digit))) * Double(unit)
                    total += section
                    section = 0
                    large = true
                } else {
                    section += base * Double(unit)
                }
                digit = -1
                count += 1
            } else if s == 0x70B9 || s == 0x9EDE {  // 点 decimal point
                guard count > 0, k + length < end, chineseDigitValues[scalar(text, k + length).0] != nil else { break }
                sawDecimal = true
            } else {
                break
            }
            k += length
        }
        guard count > 0 else { return nil }
        total += section + (digit < 0 ? 0 : Double(digit))
        return (k, total, large)
    }

    private static func starts(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: [UInt8]) -> Bool {
        guard i + word.count <= end else { return false }
        for n in 0..<word.count where text[i + n] != word[n] { return false }
        return true
    }

    /// `starts` for a literal, without building an array.
    private static func starts(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        // withUTF8Buffer also serves one-scalar literals, which have no pointer representation.
        word.withUTF8Buffer { bytes in
            guard i + bytes.count <= end else { return false }
            for n in 0..<bytes.count where text[i + n] != bytes[n] { return false }
            return true
        }
    }

    private static let hedges: [[UInt8]] = """
        将近 接近 大约 大概 至少 最少 超过 高达 多达 达到 突破 不下 不少于 逾 近 约 超 超過 達到 將近 約
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) }.sorted { $0.count > $1.count }

    private static let vagueCounts: [([UInt8], StatisticKind)] =
        ([
            ("上百", .approximateCount), ("上千", .approximateCount), ("上万", .largeCount), ("上萬", .largeCount), ("上亿", .largeCount),
            ("上億", .largeCount), ("数以万计", .largeCount), ("數以萬計", .largeCount), ("数以亿计", .largeCount), ("數以億計", .largeCount),
            ("成千上万", .largeCount), ("成千上萬", .largeCount), ("翻了一番", .multiple), ("翻一番", .multiple), ("翻了两番", .multiple),
            ("翻两番", .multiple), ("翻了兩番", .multiple), ("翻兩番", .multiple), ("翻倍", .multiple), ("百分之", .percentage),
            ("千分之", .percentage),
        ] as [(String, StatisticKind)]).map { (Array($0.0.utf8), $0.1) }

    /// Words after a number that make it a date, an age or a duration.
    private static let timeUnits: [[UInt8]] = "年 个月 個月 月 天 日 小时 小時 分钟 分鐘 秒 岁 歲 周 週 星期 世纪 世紀 号 號 点 點 时 時"
        .split(separator: " ").map { Array($0.utf8) }

    /// Words shortly before a number that make it a price.
    private static let priceWords: [[UInt8]] = "售价 售價 价格 價格 报价 報價 定价 定價 单价 單價 月薪 年薪 工资 工資 租金 首付 起售价 起價 起价 优惠价 優惠價 仅需 僅需 只要 原价 原價"
        .split(separator: " ").map { Array($0.utf8) }

    private static func followedByTime(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        var k = i
        while k < end && text[k] == 0x20 { k += 1 }
        // 多 / 余 between the number and the unit: 近30多年.
        for filler: StaticString in ["多", "余", "餘"] where starts(text, k, end, filler) { k += 3 }
        return timeUnits.contains { starts(text, k, end, $0) }
    }

    private static func isPrice(_ text: UnsafeBufferPointer<UInt8>, before i: Int, floor: Int) -> Bool {
        let from = max(floor, i - 18)
        for k in from..<i {
            for word in priceWords where k + word.count <= i && starts(text, k, i, word) { return true }
        }
        if i > floor {
            let b = text[i - 1]
            if b == UInt8(ascii: "$") { return true }
            if let s = TextScalar.scalar(before: i, in: text), s == 0xA5 || s == 0xFFE5 || s == 0x20AC || s == 0xA3 { return true }
        }
        return false
    }

    /// The first scalars of everything the Chinese pass looks for; any other scalar is skipped
    /// after one set lookup.
    private static let triggers: Set<UInt32> = {
        var set = Set(chineseDigitValues.keys).union(chineseUnitValues.keys)
        for word in hedges + vagueCounts.map(\.0) {
            if let s = String(decoding: word, as: UTF8.self).unicodeScalars.first { set.insert(s.value) }
        }
        set.insert(0x6BCF)  // 每
        for digit in UInt32(0xFF10)...0xFF19 { set.insert(digit) }
        return set
    }()

    /// The figures of the Chinese pass: numbers in digits (ASCII or full-width) and Chinese
    /// numerals, vague counts, percentages, ratios and hedged counts.
    private static func chineseAndSymbolFigures(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Figure] {
        var out: [Figure] = []
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            let b = text[i]
            if b < 0x80 {
                i = asciiNumberFigure(text, at: i, range: range, into: &out)
                continue
            }
            if b < 0xC0 {
                i += 1
                continue
            }
            let (s, length) = scalar(text, i)
            guard triggers.contains(s) else {
                i += length
                continue
            }
            i = chineseFigure(text, at: i, scalar: s, length: length, range: range, into: &out)
        }
        return out
    }

    /// The figure of an ASCII number that starts at `i`, if one does (3000万人, 30%); returns
    /// where the pass goes on.
    @inline(__always)
    private static func asciiNumberFigure(
        _ text: UnsafeBufferPointer<UInt8>, at i: Int, range: Range<Int>, into out: inout [Figure]
    ) -> Int {
        let startsNumber =
            TextScalar.isASCIIDigit(text[i])
            && (i == range.lowerBound || !(TextScalar.isASCIIAlphanumeric(text[i - 1]) || text[i - 1] == UInt8(ascii: ".")))
        guard startsNumber, let n = number(text, at: i, end: range.upperBound) else { return i + 1 }
        if let figure = figureAfterNumber(text, n, start: i, numberStart: i, end: range.upperBound) {
            out.append(figure)
            return figure.range.upperBound
        }
        // 3000万人: a large count.
        if n.large && !isPrice(text, before: i, floor: range.lowerBound) {
            out.append(Figure(range: i..<n.end, kind: .largeCount))
        }
        return max(n.end, i + 1)
    }

    /// The figure that starts at the trigger scalar `s` (`length` bytes) at `i`, if one does:
    /// a vague count or keyword, a ratio, a hedged number or a numeral; returns where the pass
    /// goes on.
    @inline(__always)
    private static func chineseFigure(
        _ text: UnsafeBufferPointer<UInt8>, at i: Int, scalar s: UInt32, length: Int, range: Range<Int>,
        into out: inout [Figure]
    ) -> Int {
        let end = range.upperBound
        // A vague count or a keyword (上千, 翻了一番, 百分之…).
        if let (word, kind) = vagueCounts.first(where: { starts(text, i, end, $0.0) }) {
            var stop = i + word.count
            if kind == .percentage {
                guard let n = number(text, at: stop, end: end) else { return i + length }
                // 百分之百 is emphasis.
                if n.value == 100 && n.end - stop == 3 { return n.end }
                stop = n.end
            }
            out.append(Figure(range: i..<stop, kind: kind))
            return stop
        }
        // 每10个人中就有3个
        if s == 0x6BCF, let ratio = chineseRatio(text, at: i, end: end) {
            out.append(Figure(range: ratio, kind: .ratio))
            return ratio.upperBound
        }
        if let next = hedgedFigure(text, at: i, range: range, into: &out) { return next }
        let isNumeral =
            chineseDigitValues[s] != nil || (chineseUnitValues[s].map { $0 < 10_000 } ?? false) || (0xFF10...0xFF19).contains(s)
        guard isNumeral, let n = number(text, at: i, end: end) else { return i + length }
        if let figure = figureAfterNumber(text, n, start: i, numberStart: i, end: end) {
            out.append(figure)
            return figure.range.upperBound
        }
        // 三千万, 数十万; but 一万步 is a round number, not a count.
        let isDigits = (0xFF10...0xFF19).contains(s)
        let roundOne = s == 0x4E00 && n.end - i == 6
        if n.large && (isDigits || n.end - i >= 6) && !roundOne && !isPrice(text, before: i, floor: range.lowerBound) {
            out.append(Figure(range: i..<n.end, kind: .largeCount))
        }
        return max(n.end, i + length)
    }

    /// A hedge at `i`, then a number that makes a figure (约3000人, 近百万); returns where the
    /// pass goes on, or nil when there is no such figure here.
    @inline(__always)
    private static func hedgedFigure(
        _ text: UnsafeBufferPointer<UInt8>, at i: Int, range: Range<Int>, into out: inout [Figure]
    ) -> Int? {
        let end = range.upperBound
        guard let hedge = hedges.first(where: { starts(text, i, end, $0) }) else { return nil }
        let numberStart = i + hedge.count
        guard let n = number(text, at: numberStart, end: end), !followedByTime(text, n.end, end) else { return nil }
        if let figure = figureAfterNumber(text, n, start: i, numberStart: numberStart, end: end) {
            out.append(figure)
            return figure.range.upperBound
        }
        guard n.value >= 10 || n.large, !isPrice(text, before: i, floor: range.lowerBound) else { return nil }
        out.append(Figure(range: i..<n.end, kind: n.large ? .largeCount : .approximateCount))
        return n.end
    }

    /// `每10个人中就有3个`, `每5名学生中有1名`: 每, a number, then 中就有 / 中有 / 就有 and a number
    /// within a few characters.
    private static func chineseRatio(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Range<Int>? {
        guard let first = number(text, at: i + 3, end: end) else { return nil }
        let markers: [StaticString] = ["中就有", "中有", "就有"]
        var k = first.end
        while k < end && k - first.end <= 24 {
            if let marker = markers.first(where: { starts(text, k, end, $0) }) {
                guard let second = number(text, at: k + marker.withUTF8Buffer { $0.count }, end: end) else { return nil }
                return i..<second.end
            }
            k += 1
        }
        return nil
    }

    /// The figure a number makes with what follows it: `%`, 倍, 成, 分之, 个百分点; `nil` if none.
    private static func figureAfterNumber(
        _ text: UnsafeBufferPointer<UInt8>, _ n: (end: Int, value: Double, large: Bool),
        start: Int, numberStart: Int, end: Int
    ) -> Figure? {
        var k = n.end
        while k < end && text[k] == 0x20 { k += 1 }
        guard k < end else { return nil }
        let isDigits = TextScalar.isASCIIDigit(text[numberStart]) || text[numberStart] == 0xEF
        if text[k] == UInt8(ascii: "%") || starts(text, k, end, "％") {
            guard isDigits else { return nil }
            let stop = k + (text[k] == UInt8(ascii: "%") ? 1 : 3)
            // 100% as emphasis, 30% off as a discount.
            let emphasis = n.value == 100 && !followedByOf(text, stop, end)
            let discount = starts(text, stop, end, " off") || starts(text, stop, end, " OFF")
            return emphasis || discount ? nil : Figure(range: start..<stop, kind: .percentage)
        }
        for word: StaticString in ["个百分点", "個百分點", "百分点", "百分點"] where starts(text, k, end, word) {
            return Figure(range: start..<(k + word.withUTF8Buffer { $0.count }), kind: .percentage)
        }
        if starts(text, k, end, "倍") { return Figure(range: start..<(k + 3), kind: .multiple) }
        if !isDigits && k == n.end {
            if starts(text, k, end, "分之"), let m = number(text, at: k + 6, end: end) {
                return Figure(range: start..<m.end, kind: .fraction)
            }
            // 三成, 近七成; not 七成熟, 一成不变, 八成是 (probably).
            if starts(text, k, end, "成"), n.value >= 1, n.value <= 9, n.end - numberStart == 3 {
                let after = k + 3
                let idiom =
                    starts(text, after, end, "熟") || starts(text, after, end, "不变")
                    || starts(text, after, end, "不變")
                    || ((n.value == 8 || n.value == 9) && Self.probablyAfter.contains { starts(text, after, end, $0) })
                if !idiom { return Figure(range: start..<after, kind: .fraction) }
            }
        }
        return nil
    }

    /// After 八成 or 九成 these make it "probably", not a fraction.
    private static let probablyAfter: [StaticString] = ["是", "会", "會", "要", "就", "又", "也", "得", "能", "在", "没", "沒"]

    private static func followedByOf(_ text: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        starts(text, i, end, "的") || starts(text, i, end, " of")
    }

    // MARK: - English

    private static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
    ]
    private static let multipliers: [String: Double] = [
        "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    ]
    /// Words without which a sentence holds no English figure.
    private static let englishTriggers: Set<[UInt8]> = Set(
        (Array(numberWords.keys.filter { $0 != "a" && $0 != "an" }) + Array(multipliers.keys)
            + ["millions", "billions", "thousands", "hundreds", "trillions", "twice"]).map { Array($0.utf8) })

    private static let englishHedges: [[String]] = [
        ["nearly"], ["almost"], ["about"], ["around"], ["approximately"], ["roughly"], ["some"], ["at", "least"], ["more", "than"],
        ["over"], ["upwards", "of"], ["as", "many", "as"], ["as", "much", "as"], ["up", "to"], ["well", "over"], ["close", "to"],
        ["in", "excess", "of"], ["an", "estimated"], ["fewer", "than"], ["less", "than"],
    ]
    private static let englishTimeUnits: Set<String> = [
        "year", "years", "decade", "decades", "century", "centuries", "month", "months", "week", "weeks", "day", "days", "hour",
        "hours", "minute", "minutes", "second", "seconds", "am", "pm", "year-old", "years-old", "o'clock", "times",
    ]
    private static let comparatives: Set<String> = [
        "more", "less", "higher", "lower", "greater", "larger", "bigger", "faster", "slower", "as", "likelier", "longer",
        "smaller", "fewer", "cheaper", "stronger", "better", "worse", "likely", "the",
    ]

    /// The figures of the English pass: large counts (millions of), multiples (twice as,
    /// threefold, 3 times more), percentages, ratios (1 in 5) and hedged numbers.
    private static func englishFigures(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Figure] {
        let words = SourceCues.words(text, range)
        if words.isEmpty { return [] }
        // Most sentences hold no number at all: decide that without building strings.
        let worthALook = words.contains { word in
            if TextScalar.isASCIIDigit(text[word.lowerBound]) { return true }
            let bytes = word.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
            return englishTriggers.contains(bytes) || bytes.count > 4 && bytes.suffix(4) == Array("fold".utf8)[...]
        }
        if !worthALook { return [] }
        return EnglishSentence(text: text, range: range, words: words).figures()
    }

    /// One sentence's words for the English pass, lowercased once.
    private struct EnglishSentence {
        let text: UnsafeBufferPointer<UInt8>
        let range: Range<Int>
        let words: [Range<Int>]
        let lower: [String]

        init(text: UnsafeBufferPointer<UInt8>, range: Range<Int>, words: [Range<Int>]) {
            self.text = text
            self.range = range
            self.words = words
            lower = words.map { w in
                String(decoding: w.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }, as: UTF8.self)
            }
        }

        /// A number read at a word, after any hedge before it.
        struct Amount {
            /// The hedge's words (0 without one).
            var hedgeLength: Int
            /// The number's word.
            var n: Int
            var amount: Double
            /// The number's last word (its multiplier's, when it has one).
            var last: Int
            /// Whether a multiplier of a million or more follows the number.
            var large: Bool
        }

        func figures() -> [Figure] {
            var out: [Figure] = []
            var i = 0
            while i < words.count {
                if let next = countPhrase(at: i, into: &out) {
                    i = next
                } else if let next = multiplePhrase(at: i, into: &out) {
                    i = next
                } else if let amount = amount(at: i) {
                    i = figure(amount, at: i, into: &out) ?? i + 1
                } else {
                    i += 1
                }
            }
            return out
        }

        /// The value of word `i` as a number word or digits (commas dropped).
        func value(_ i: Int) -> Double? {
            guard i < words.count else { return nil }
            let word = lower[i]
            if let v = numberWords[word] { return v }
            let digits = word.filter { $0 != "," }
            return Double(digits)
        }

        func isDigits(_ i: Int) -> Bool { i < words.count && TextScalar.isASCIIDigit(text[words[i].lowerBound]) }

        /// `millions of`, `hundreds of thousands of` at word `i`; returns the word after what it
        /// read, or nil when word `i` starts no such phrase.
        func countPhrase(at i: Int, into out: inout [Figure]) -> Int? {
            let word = lower[i]
            guard ["millions", "billions", "thousands", "hundreds", "tens", "trillions"].contains(word), i + 1 < words.count,
                lower[i + 1] == "of"
            else { return nil }
            var stop = i + 1
            if (word == "hundreds" || word == "tens"), i + 3 < words.count,
                ["thousands", "millions", "billions"].contains(lower[i + 2]),
                lower[i + 3] == "of"
            {
                stop = i + 3
            } else if word == "tens" {
                return i + 1
            }
            if stop + 1 < words.count, englishTimeUnits.contains(lower[stop + 1]) {
                return stop + 1
            }
            out.append(Figure(range: words[i].lowerBound..<words[stop].upperBound, kind: .largeCount))
            return stop + 1
        }

        /// `twice as`, `10-fold`, `threefold` at word `i`; returns the word after it, or nil.
        func multiplePhrase(at i: Int, into out: inout [Figure]) -> Int? {
            let word = lower[i]
            if word == "twice", i + 1 < words.count, lower[i + 1] == "as" {
                out.append(Figure(range: words[i].lowerBound..<words[i + 1].upperBound, kind: .multiple))
                return i + 2
            }
            if word.hasSuffix("fold"), word.count > 4, value(i) == nil {
                let stem = String(word.dropLast(4)).filter { $0 != "-" }
                if Double(stem) != nil || numberWords[stem] != nil {
                    out.append(Figure(range: words[i], kind: .multiple))
                    return i + 1
                }
            }
            return nil
        }

        /// The number at word `i`, after a hedge when one starts there, with its multiplier; nil
        /// when there is none ("a", "half" and "dozen" count only before a multiplier).
        func amount(at i: Int) -> Amount? {
            var hedgeLength = 0
            for hedge in englishHedges where i + hedge.count < words.count && Array(lower[i..<(i + hedge.count)]) == hedge {
                hedgeLength = hedge.count
                break
            }
            let n = i + hedgeLength
            guard let v = value(n), isDigits(n) || numberWords[lower[n]] != nil else { return nil }
            var found = Amount(hedgeLength: hedgeLength, n: n, amount: v, last: n, large: false)
            if n + 1 < words.count, let m = multipliers[lower[n + 1]] {
                found.amount *= m
                found.last = n + 1
                found.large = m >= 1_000_000
            } else if ["a", "an", "half", "dozen"].contains(lower[n]) {
                return nil
            }
            return found
        }

        /// The figure that `a`, read from word `i`, makes with the words after it; returns the
        /// word after the figure, or nil when it makes none.
        func figure(_ a: Amount, at i: Int, into out: inout [Figure]) -> Int? {
            let last = a.last
            let next = last + 1 < words.count ? lower[last + 1] : ""
            let start = words[i].lowerBound
            // 40% right after the number (the symbol pass finds it too, without the hedge).
            let after = words[last].upperBound
            if after < range.upperBound, text[after] == UInt8(ascii: "%"), isDigits(a.n) {
                if !(a.amount == 100 && a.hedgeLength == 0) && !starts(text, after + 1, range.upperBound, " off") {
                    out.append(Figure(range: start..<(after + 1), kind: .percentage))
                }
                return last + 1
            }
            if next == "percent" || next == "per" && last + 2 < words.count && lower[last + 2] == "cent" {
                let stop = next == "percent" ? last + 1 : last + 2
                out.append(Figure(range: start..<words[stop].upperBound, kind: .percentage))
                return stop + 1
            }
            if next == "percentage", last + 2 < words.count, lower[last + 2].hasPrefix("point") {
                out.append(Figure(range: start..<words[last + 2].upperBound, kind: .percentage))
                return last + 3
            }
            if next == "times", last + 2 < words.count, comparatives.contains(lower[last + 2]) {
                out.append(Figure(range: start..<words[last + 2].upperBound, kind: .multiple))
                return last + 3
            }
            if (next == "in" || next == "out"), a.hedgeLength == 0 {
                let second = next == "in" ? last + 2 : last + 3
                if next == "out", !(last + 2 < words.count && lower[last + 2] == "of") { return nil }
                if let w = value(second), w >= 2, w <= 1000, a.amount < w, w == w.rounded() {
                    out.append(Figure(range: start..<words[second].upperBound, kind: .ratio))
                    return second + 1
                }
            }
            if a.large && a.hedgeLength == 0 && !englishTimeUnits.contains(next) {
                out.append(Figure(range: start..<words[last].upperBound, kind: .largeCount))
                return last + 1
            }
            if a.hedgeLength > 0 && !englishTimeUnits.contains(next) {
                let hedge = lower[i]
                let enough = hedge == "over" ? a.amount >= 1000 : (hedge == "some" ? a.amount >= 100 : a.amount >= 10)
                if enough && !isEnglishPrice(text, words, i) {
                    out.append(Figure(range: start..<words[last].upperBound, kind: a.large ? .largeCount : .approximateCount))
                    return last + 1
                }
            }
            return nil
        }
    }

    private static func isEnglishPrice(_ text: UnsafeBufferPointer<UInt8>, _ words: [Range<Int>], _ i: Int) -> Bool {
        let numberStart = words[min(i + 1, words.count - 1)].lowerBound
        return numberStart > 0
            && (text[numberStart - 1] == UInt8(ascii: "$") || text[numberStart - 1] == 0xA3 || text[numberStart - 1] == 0xAC)
    }
}
