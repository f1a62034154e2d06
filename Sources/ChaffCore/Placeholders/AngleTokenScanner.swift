/// `<随机段落>`, `<关键词>`, `<keyword_1>`, `<city2>`, `<keyword>`, and the fullwidth `＜…＞`.
///
/// A token is a run of letters, digits, `_` and `-` between angle brackets with no space.
///
/// A token with CJK characters is a placeholder when it mixes them with ASCII letters, digits or
/// `_` the way generators number their slots (`<随心_句子c>`), or when it is a slot name from the
/// rule's lexicon (`<关键词>`, `<随机段落>` by the prefix `随机`). Other CJK words in angle brackets
/// are left alone: readers type book titles that way (`<三体>` for 《三体》).
///
/// An ASCII token is one only when it does not continue a word (`List<String>` is a type) and it
/// has an underscore or a trailing number (no HTML element has either, except h1–h6) or is a
/// known slot name. Between a fullwidth pair (`＜keyword_1＞`, `＜city2＞`) the same names count,
/// glued to the word before or not; a mixed pair (`<keyword_1＞`) does not. Plain words such as `<path>` are left alone: usage lines and HTML use them.
/// Neither is a token after `=` (a formula, `=<A1>`) or before a backquote (the target of a
/// reStructuredText link or role, `` :ref:`text <target_name>` ``).
struct AngleTokenScanner: Sendable {
    let slotNames: SlotNames
    /// Names that may be followed by up to six Han characters (`随机` covers `随机段落`).
    var prefixNames = SlotNames([], caseInsensitiveASCII: false)
    static let maximumLength = 64

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        ByteSearch.forEach(0x3C, in: text) { start in
            guard let end = token(from: start, openLength: 1, in: text) else { return start + 1 }
            report(start..<end)
            return end
        }
        // Fullwidth ＜ is EF BC 9C.
        var i = 0
        while let start = ByteSearch.next([0xEF, 0xBC, 0x9C], in: text, from: i) {
            if let end = token(from: start, openLength: 3, in: text) {
                report(start..<end)
                i = end
            } else {
                i = start + 3
            }
        }
    }

    private func token(from start: Int, openLength: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start + openLength
        if i < text.count && text[i] == UInt8(ascii: "/") { i += 1 }
        let nameStart = i
        var hasCJK = false
        var asciiOnly = true
        var hasASCII = false
        while i < text.count && i - start <= Self.maximumLength {
            let b = text[i]
            if b == UInt8(ascii: ">") { break }
            if b == 0xEF && i + 2 < text.count && text[i + 1] == 0xBC && text[i + 2] == 0x9E { break }  // ＞
            if b < 0x80 {
                guard ScalarClass.isASCIIAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") else { return nil }
                if b != UInt8(ascii: "-") { hasASCII = true }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar, ScalarClass.isLetterOrDigit(scalar) else { return nil }
            asciiOnly = false
            if ScalarClass.isCJK(scalar) { hasCJK = true }
            i += length
        }
        guard i < text.count, i > nameStart else { return nil }
        let closeLength = text[i] == UInt8(ascii: ">") ? 1 : 3
        if text[i] != UInt8(ascii: ">") && text[i] != 0xEF { return nil }
        let end = i + closeLength
        if start > 0 && text[start - 1] == UInt8(ascii: "=") { return nil }
        if end < text.count && text[end] == UInt8(ascii: "`") { return nil }
        if hasCJK { return hasASCII || isSlotName(nameStart..<i, in: text) ? end : nil }
        guard asciiOnly, openLength == closeLength, text[nameStart] != UInt8(ascii: "-") else { return nil }
        // A fullwidth pair is never a type or a tag, and Chinese text glues it to the word before.
        if openLength == 1, let previous = ScalarClass.scalar(before: start, in: text), previous == 0x5F || ScalarClass.isLetterOrDigit(previous) {
            return nil
        }
        let name = text[nameStart..<i]
        if slotNames.contains(nameStart..<i, in: text) { return end }
        guard ScalarClass.isASCIIAlphanumeric(name.first!), !ScalarClass.isASCIIDigit(name.first!) else { return nil }
        if name.contains(UInt8(ascii: "-")) { return nil }
        if name.count == 2 && (name.first! | 0x20) == UInt8(ascii: "h") && (0x31...0x36).contains(name.last!) { return nil }
        if name.contains(UInt8(ascii: "_")) { return end }
        // Letters followed by a number: <city2>, <keyword10>.
        let letters = name.prefix { !ScalarClass.isASCIIDigit($0) }
        let digits = name.dropFirst(letters.count)
        if !digits.isEmpty && digits.allSatisfy(ScalarClass.isASCIIDigit) { return end }
        return nil
    }

    /// A listed name, or a listed prefix followed by at most six Han characters.
    private func isSlotName(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if slotNames.contains(name, in: text) { return true }
        for length in prefixNames.lengths(at: name.lowerBound, in: text) {
            var i = name.lowerBound + length
            var count = 0
            while i < name.upperBound, count < 6 {
                let (scalar, n) = UTF8Decoding.decode(text, at: i)
                guard let scalar, ScalarClass.isHan(scalar) else { break }
                i += n
                count += 1
            }
            if i == name.upperBound { return true }
        }
        return false
    }
}
