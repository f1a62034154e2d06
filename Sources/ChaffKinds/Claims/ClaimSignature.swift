import ChaffText

/// How loud a finding of `unsourced-claim` is.
package enum ClaimTier: String, Sendable, CaseIterable {
    /// The content-farm signature: a vague authority carrying a figure, a prediction or a
    /// sweeping claim.
    case warning
    /// A vague attribution alone.
    case note
    /// Not reported.
    case none
}

/// What a sentence leans its vague authority on.
package enum ClaimSignature: String, Sendable, CaseIterable {
    /// A figure: digits that are not a date, year, ordinal or time (30个城市, 19起, 5.5%), a Chinese
    /// count (三成, 两倍, 三千亿, 百分之), an English count word (percent, million, half).
    case figure
    /// A share, the kind of figure spun pages lean on: a percentage (80%, 百分之), 成 or 倍 (三成,
    /// 两倍), `percent`, `one in`, `half`. Every share is also a figure.
    case share
    /// A prediction: 将, 预计, 有望, 还会, will, expected to, likely to.
    case prediction
    /// A sweeping claim: 所有, 一切, 任何, 绝对, 一定, 最重要, all, every, always, never, no one.
    case sweeping
}

/// A set of `ClaimSignature`s, one bit each.
///
/// A `Set` of the enum made the Swift runtime search all of the binary's conformance records
/// for the enum's `Hashable` the first time one was built: some 330,000 instructions on every
/// run that loads the claim rule.
package struct ClaimSignatures: Sendable, Equatable {
    private var bits: UInt8

    /// No signature.
    package init() { bits = 0 }

    /// Every signature.
    package static var all: ClaimSignatures {
        var all = ClaimSignatures()
        for signature in ClaimSignature.allCases { all.insert(signature) }
        return all
    }

    /// Whether `signature` is in the set.
    package func contains(_ signature: ClaimSignature) -> Bool { bits & Self.bit(signature) != 0 }

    /// Adds `signature`.
    package mutating func insert(_ signature: ClaimSignature) { bits |= Self.bit(signature) }

    private static func bit(_ signature: ClaimSignature) -> UInt8 {
        switch signature {
        case .figure: 1
        case .share: 2
        case .prediction: 4
        case .sweeping: 8
        }
    }
}

/// Finds the signature of a claim sentence: one scan of the sentence with one automaton over the
/// signature words, plus a scan for figures.
struct ClaimSignatureScanner: Sendable {
    private let words: AhoCorasick
    private let kinds: [ClaimSignature]
    /// Whether each word is ASCII (matched as a whole word).
    private let ascii: [Bool]

    static let standard = ClaimSignatureScanner()

    private static let chinesePrediction = """
        将 將 将会 將會 将要 將要 即将 即將 预计 預計 预测 預測 有望 还会 還會 还将 還將 仍将 仍將 必将 必將 势必 勢必
        明年 年内 年內 年底前 未来 未來 今后 今後
        """
    private static let chineseSweeping = """
        所有 一切 任何 全部 每个人 每個人 人人 没有人 沒有人 谁都 誰都 从来 從來 从不 從不 永远 永遠 总是 總是 绝对 絕對
        完全 根本 必然 一定 肯定 无一例外 無一例外 百分之百 唯一 最重要 最好的 最佳 最有效 绝大多数 絕大多數 大多数 大多數
        彻底 徹底 根治 治愈 治癒 万能 萬能 包治 越来越 越來越
        """
    private static let chineseFigure = "上千 上万 上萬 上百 上亿 上億 数千 數千 数万 數萬 数百 數百 数十 數十 几十 幾十 几百 幾百 几千 幾千"
    private static let englishPrediction =
        "will,won't,'ll,expected to,likely to,set to,going to,forecast,forecasts,predict,predicts,next year,soon"
    private static let englishSweeping = """
        all,every,everyone,everybody,everything,always,never,nobody,no one,none,completely,totally,guaranteed,proven,cure,cures,
        best,worst,only,most,any,anyone,anything
        """
    private static let englishFigure = "million,millions,billion,billions,thousand,thousands,hundreds,dozens,majority"
    private static let chineseShare = "百分之 半数 半數 过半 過半 一半"
    private static let englishShare = "percent,per cent,half,a third,a quarter,one in"

    init() {
        var patterns: [[UInt8]] = []
        var kinds: [ClaimSignature] = []
        var ascii: [Bool] = []
        func add(_ list: [[UInt8]], _ kind: ClaimSignature) {
            for word in list {
                patterns.append(word)
                kinds.append(kind)
                ascii.append(word.allSatisfy { $0 < 0x80 })
            }
        }
        add(SourceCues.tableWords(Self.chineseFigure), .figure)
        add(SourceCues.tableWords(Self.chineseShare), .share)
        add(SourceCues.commaList(Self.englishShare), .share)
        add(SourceCues.tableWords(Self.chinesePrediction), .prediction)
        add(SourceCues.tableWords(Self.chineseSweeping), .sweeping)
        add(SourceCues.commaList(Self.englishFigure), .figure)
        add(SourceCues.commaList(Self.englishPrediction), .prediction)
        add(SourceCues.commaList(Self.englishSweeping), .sweeping)
        words = AhoCorasick(patterns: patterns, caseInsensitiveASCII: true)
        self.kinds = kinds
        self.ascii = ascii
    }

    /// The signatures in `sentence` of `text`, outside the `excluded` ranges (the claim phrases
    /// themselves: 大家都知道 is no sweeping claim, 一位专家 no figure).
    func signatures(in text: UnsafeBufferPointer<UInt8>, _ sentence: Range<Int>, excluded: [Range<Int>]) -> ClaimSignatures {
        var found = ClaimSignatures()
        let slice = UnsafeBufferPointer(rebasing: text[sentence])
        let base = sentence.lowerBound
        words.matches(in: slice) { index, range in
            let whole = (base + range.lowerBound)..<(base + range.upperBound)
            if excluded.contains(where: { $0.overlaps(whole) }) { return }
            if ascii[index] && !WordBoundary.isWholeWord(whole, in: text) { return }
            if kinds[index] == .sweeping, Self.isNegated(whole, in: text, floor: sentence.lowerBound) { return }
            found.insert(kinds[index])
        }
        if !found.contains(.share) || !found.contains(.figure) {
            switch figure(in: text, sentence, excluded: excluded) {
            case .share?: found.insert(.share)
            case .figure?: found.insert(.figure)
            default: break
            }
        }
        if found.contains(.share) { found.insert(.figure) }
        return found
    }

    /// Negations that undo a sweeping word right after them: 不一定, 并非所有, not guaranteed,
    /// isn't always.
    private static let chineseNegations: [[UInt8]] = ["不", "并非", "並非", "未必", "并不", "並不"].map { Array($0.utf8) }
    private static let englishNegations: [[UInt8]] = ["not ", "n't ", "not necessarily ", "never "].map { Array($0.utf8) }

    /// Whether a negation ends right before `word` (after `floor`), so the word claims nothing
    /// sweeping.
    static func isNegated(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>, floor: Int) -> Bool {
        let negations = text[word.lowerBound] < 0x80 ? englishNegations : chineseNegations
        return negations.contains { negation in
            word.lowerBound - negation.count >= floor
                && zip(text[(word.lowerBound - negation.count)..<word.lowerBound], negation).allSatisfy {
                    TextScalar.isASCIIUpper($0) ? $0 | 0x20 == $1 : $0 == $1
                }
        }
    }

    /// Digits that are not a date, a year, an ordinal or a time; or a run of Chinese numerals that
    /// holds 十百千万亿 (三千亿, 十一亿) or ends in 成 or 倍 (三成, 两倍).
    func figure(in text: UnsafeBufferPointer<UInt8>, _ sentence: Range<Int>, excluded: [Range<Int>]) -> ClaimSignature? {
        var found: ClaimSignature?
        var i = sentence.lowerBound
        let end = sentence.upperBound
        while i < end {
            if excluded.contains(where: { $0.contains(i) }) {
                i += 1
                continue
            }
            let (digit, length) = Self.digit(text, at: i, end: end)
            if digit != nil {
                let start = i
                let (j, value, count) = Self.digitRun(text, from: i, end: end)
                if !Self.isDateOrOrdinal(text, start: start, end: j, value: value, count: count, limit: end, floor: sentence.lowerBound) {
                    let next = j < end ? UTF8Decoding.decode(text, at: j).scalar : nil
                    if let next, [0x25, 0xFF05, 0x6210, 0x500D].contains(next) { return .share }  // % ％ 成 倍
                    found = .figure
                }
                i = j
                continue
            }
            _ = length
            let (scalar, l) = UTF8Decoding.decode(text, at: i)
            if let scalar, let kind = Self.numeral(scalar) {
                var j = i + l
                var hasMagnitude = kind == 2
                var n = 1
                while j < end, let s = UTF8Decoding.decode(text, at: j).scalar, let k = Self.numeral(s) {
                    if k == 2 { hasMagnitude = true }
                    n += 1
                    j += UTF8Decoding.decode(text, at: j).length
                }
                let next = j < end ? UTF8Decoding.decode(text, at: j).scalar : nil
                if next == 0x6210 || next == 0x500D { return .share }  // 成 倍
                if hasMagnitude && n >= 2 { found = .figure }
                i = j
                continue
            }
            i += max(1, l)
        }
        return found
    }

    /// The end, value and digit count of the run of digits at `start`, across `,` and `.`
    /// between digits (1,000 3.5 １．５).
    @inline(__always) private static func digitRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (
        end: Int, value: Int, count: Int
    ) {
        var value = 0, count = 0
        var j = start
        while j < end {
            let (d, l) = Self.digit(text, at: j, end: end)
            if let d {
                value = value &* 10 &+ d
                count += 1
                j += l
                continue
            }
            if j + 1 < end, text[j] == UInt8(ascii: ",") || text[j] == UInt8(ascii: "."),
                Self.digit(text, at: j + 1, end: end).0 != nil
            {
                j += 1
                continue
            }
            if j + 3 < end, text[j] == 0xEF, text[j + 1] == 0xBC, text[j + 2] == 0x8E,
                Self.digit(text, at: j + 3, end: end).0 != nil
            {
                j += 3
                continue
            }
            break
        }
        return (j, value, count)
    }

    /// 1 for a digit numeral (一…九, 两, 零), 2 for a magnitude (十百千万亿), nil otherwise.
    private static func numeral(_ s: UInt32) -> Int? {
        switch s {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x4E24, 0x5169, 0x96F6: return 1
        case 0x5341, 0x767E, 0x5343, 0x4E07, 0x842C, 0x4EBF, 0x5104: return 2
        default: return nil
        }
    }

    /// An ASCII or fullwidth digit at `i`.
    private static func digit(_ text: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Int?, Int) {
        let b = text[i]
        if b >= 0x30 && b <= 0x39 { return (Int(b - 0x30), 1) }
        if b == 0xEF, i + 2 < end, text[i + 1] == 0xBC, text[i + 2] >= 0x90, text[i + 2] <= 0x99 { return (Int(text[i + 2] - 0x90), 3) }
        return (nil, 1)
    }

    /// Whether the digits at `start..<end` are a date, a year, an ordinal or a time (１９９８年,
    /// 1月, 5日, 第3, 10:30, 2019), rather than a count.
    private static func isDateOrOrdinal(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, value: Int, count: Int, limit: Int, floor: Int
    ) -> Bool {
        if let next = end < limit ? UTF8Decoding.decode(text, at: end).scalar : nil {
            // 年 月 日 号 號 时 時 点 點 :
            if [0x5E74, 0x6708, 0x65E5, 0x53F7, 0x865F, 0x65F6, 0x6642, 0x70B9, 0x9EDE, 0x3A, 0xFF1A].contains(next) { return true }
        }
        if let before = TextScalar.scalar(before: start, in: text), start > floor, before == 0x7B2C { return true }  // 第
        if count == 4 && (1800...2099).contains(value) { return true }
        return false
    }
}
