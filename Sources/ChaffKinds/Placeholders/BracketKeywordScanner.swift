import ChaffText

/// A slot name between brackets: `[关键词]`, `【标题】`, `〖城市名〗`, `［产品名2］`, `[keyword]`.
///
/// Only names from the rule's lexicons count, so bracketed news sources (`【新华社北京电】`) and
/// headings (`【重要通知】`) are left alone. A name may carry a numeric or `_x`/`-x` suffix
/// (`关键词2`, `keyword_1`). Prefix names (`随机`) may be followed by up to six Han characters.
/// An ASCII `[keyword]` followed by `(`, `[` or `:` is Markdown link syntax, not a slot. ASCII
/// names count between CJK brackets too (`［keyword］`, `【city】`), closed by a CJK bracket. Text
/// that writes interface labels in square brackets (`[插入] - [标题]`) has no square-bracket
/// slots (see `labelNotationMinimum`).
struct BracketKeywordScanner: Sendable {
    let cjkNames: SlotNames
    let prefixNames: SlotNames
    let asciiNames: SlotNames

    private static let openers: [[UInt8]] = [Array("[".utf8), Array("【".utf8), Array("〔".utf8), Array("［".utf8), Array("〖".utf8)]
    private static let closers: [[UInt8]] = [Array("]".utf8), Array("】".utf8), Array("〕".utf8), Array("］".utf8), Array("〗".utf8)]

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        for opener in Self.openers {
            var i = 0
            while let start = opener.count == 1 ? ByteSearch.next(opener[0], in: text, from: i) : ByteSearch.next(opener, in: text, from: i)
            {
                if let end = slot(from: start + opener.count, in: text, asciiOpen: opener.count == 1) {
                    found.append(start..<end)
                    i = end
                } else {
                    i = start + opener.count
                }
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        let squareSlots = found.filter { text[$0.lowerBound] == UInt8(ascii: "[") || text[$0.lowerBound] == 0xEF }.count
        if squareSlots > 0 {
            let labels = squareBracketedHanWords(in: text) - squareSlots
            if labels >= Self.labelNotationMinimum && labels >= 2 * squareSlots {
                found.removeAll { text[$0.lowerBound] == UInt8(ascii: "[") || text[$0.lowerBound] == 0xEF }
            }
        }
        let slotStarts = Set(found.map(\.lowerBound))
        var last = -1
        for range in found where range.lowerBound >= last {
            if text[range.lowerBound] == UInt8(ascii: "[") && isMenuPathStep(range, slotStarts: slotStarts, in: text) { continue }
            report(range)
            last = range.upperBound
        }
    }

    /// A `[…]` joined by `-`, `>` or `→` to a bracketed label that is no slot (`[格式] - [标题]`):
    /// a step of a menu path. Two slots joined (`[品牌] - [产品名]`) stay slots.
    private func isMenuPathStep(_ range: Range<Int>, slotStarts: Set<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        // Backwards: spaces, a joiner, spaces, `]`, then the label's `[`.
        var k = range.lowerBound
        while k > 0 && text[k - 1] == 0x20 { k -= 1 }
        if let joinerStart = joinerEnding(at: k, in: text) {
            var b = joinerStart
            while b > 0 && text[b - 1] == 0x20 { b -= 1 }
            if b > 0 && text[b - 1] == UInt8(ascii: "]"), let open = lastIndex(of: UInt8(ascii: "["), before: b - 1, in: text),
                !slotStarts.contains(open), squareLabel(open..<b, in: text)
            {
                return true
            }
        }
        // Forwards: spaces, a joiner, spaces, then a `[…]` label.
        k = range.upperBound
        while k < text.count && text[k] == 0x20 { k += 1 }
        if let joinerEnd = joinerStarting(at: k, in: text) {
            var f = joinerEnd
            while f < text.count && text[f] == 0x20 { f += 1 }
            if f < text.count && text[f] == UInt8(ascii: "["), !slotStarts.contains(f),
                let close = ByteSearch.next(UInt8(ascii: "]"), in: text, from: f + 1), close - f <= 40,
                squareLabel(f..<(close + 1), in: text)
            {
                return true
            }
        }
        return false
    }

    private static let joiners: [[UInt8]] = [Array("-".utf8), Array(">".utf8), Array("→".utf8), Array("＞".utf8), Array("»".utf8)]

    private func joinerEnding(at end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        for joiner in Self.joiners
        where end >= joiner.count && (0..<joiner.count).allSatisfy({ text[end - joiner.count + $0] == joiner[$0] }) {
            return end - joiner.count
        }
        return nil
    }

    private func joinerStarting(at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        for joiner in Self.joiners
        where start + joiner.count <= text.count && (0..<joiner.count).allSatisfy({ text[start + $0] == joiner[$0] }) {
            return start + joiner.count
        }
        return nil
    }

    private func lastIndex(of byte: UInt8, before end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = end
        while k > 0 && end - k < 40 {
            k -= 1
            if text[k] == byte { return k }
            if text[k] == 0x0A { return nil }
        }
        return nil
    }

    /// `[…]` holding words, not a number or nothing: a label of the interface.
    private func squareLabel(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        guard !inner.isEmpty else { return false }
        return inner.contains { text[$0] >= 0x80 || ScalarClass.isASCIIAlphanumeric(text[$0]) && !ScalarClass.isASCIIDigit(text[$0]) }
    }

    /// Documentation that writes interface labels in square brackets (`选择 [格式] - [标题]`)
    /// uses the notation for many words; a slot name among them is a label too. From this many
    /// bracketed Han words that are no slot, and twice as many as the slots, square-bracket
    /// slots are not reported in that text.
    static let labelNotationMinimum = 3

    /// How many `[…]` or `［…］` in `text` hold one to twelve Han characters and nothing else.
    private func squareBracketedHanWords(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for (open, close) in [(Self.openers[0], Self.closers[0]), (Self.openers[3], Self.closers[3])] {
            var i = 0
            while let start = open.count == 1 ? ByteSearch.next(open[0], in: text, from: i) : ByteSearch.next(open, in: text, from: i) {
                var k = start + open.count
                var han = 0
                while k < text.count && han <= 12 {
                    let (scalar, length) = UTF8Decoding.decode(text, at: k)
                    guard let scalar, ScalarClass.isHan(scalar) else { break }
                    han += 1
                    k += length
                }
                if han >= 1 && han <= 12 && k + close.count <= text.count && (0..<close.count).allSatisfy({ text[k + $0] == close[$0] }) {
                    count += 1
                }
                i = start + open.count
            }
        }
        return count
    }

    private func slot(from start: Int, in text: UnsafeBufferPointer<UInt8>, asciiOpen: Bool) -> Int? {
        var candidates = cjkNames.lengths(at: start, in: text).map { start + $0 }
        for length in prefixNames.lengths(at: start, in: text) {
            var i = start + length
            candidates.append(i)
            for _ in 0..<6 {
                guard i < text.count else { break }
                let (scalar, n) = UTF8Decoding.decode(text, at: i)
                guard let scalar, ScalarClass.isHan(scalar) else { break }
                i += n
                candidates.append(i)
            }
        }
        for nameEnd in candidates.sorted(by: >) {
            if let end = suffixAndClose(from: nameEnd, in: text, asciiCloseOnly: false) { return end }
        }
        for length in asciiNames.lengths(at: start, in: text) {
            // `[keyword]` closes with `]` only; a CJK bracket (`［keyword］`, `【city】`) with a CJK one.
            guard let end = suffixAndClose(from: start + length, in: text, asciiCloseOnly: asciiOpen, cjkCloseOnly: !asciiOpen)
            else { continue }
            if asciiOpen && end < text.count
                && (text[end] == UInt8(ascii: "(") || text[end] == UInt8(ascii: "[") || text[end] == UInt8(ascii: ":"))
            {
                return nil
            }
            return end
        }
        return nil
    }

    /// An optional suffix (1–3 digits, or `_`/`-` and 1–8 ASCII letters or digits), then a closer.
    private func suffixAndClose(from start: Int, in text: UnsafeBufferPointer<UInt8>, asciiCloseOnly: Bool, cjkCloseOnly: Bool = false)
        -> Int?
    {
        var positions = [start]
        var i = start
        while i < text.count && i - start < 3 && ScalarClass.isASCIIDigit(text[i]) {
            i += 1
            positions.append(i)
        }
        if start < text.count && (text[start] == UInt8(ascii: "_") || text[start] == UInt8(ascii: "-")) {
            var k = start + 1
            while k < text.count && k - start <= 8 && ScalarClass.isASCIIAlphanumeric(text[k]) {
                k += 1
                positions.append(k)
            }
        }
        for position in positions.reversed() {
            let closers = asciiCloseOnly ? Self.closers.prefix(1) : cjkCloseOnly ? Self.closers.dropFirst() : Self.closers[...]
            for closer in closers where position + closer.count <= text.count {
                if (0..<closer.count).allSatisfy({ text[position + $0] == closer[$0] }) { return position + closer.count }
            }
        }
        return nil
    }
}
