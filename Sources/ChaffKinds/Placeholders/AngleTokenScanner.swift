import ChaffText

/// `<随机段落>`, `<关键词>`, `<keyword_1>`, `<city2>`, `<keyword>`, and the fullwidth `＜…＞`.
///
/// A token is a run of letters, digits, `_` and `-` between angle brackets with no space.
///
/// A token with CJK characters is a placeholder when it joins parts with `_` the way generators
/// name their slots (`<随心_句子c>`), or when it is a slot name from the rule's lexicon, perhaps
/// numbered (`<关键词>`, `<关键词2>`, `<随机段落>` by the prefix `随机`). Other CJK words in angle
/// brackets are left alone: readers type book titles that way (`<三体>` for 《三体》, also
/// `<求医不如求己2>` and `<穿PRADA的恶魔>`).
///
/// An ASCII token is one only when it does not continue a word (`List<String>` is a type) and it
/// is a known slot name, has two or more letters and a trailing number (`<city2>`), or has
/// underscores and is numbered or built on a slot name (`<keyword_1>`,
/// `<city_name>`; not `<package_name>`, a metavariable). Between a fullwidth pair
/// (`＜keyword_1＞`, `＜city2＞`) the same names count, glued to the word before or not; a mixed
/// pair (`<keyword_1＞`) does not. Plain words such as `<path>` are left alone: usage lines and
/// HTML use them.
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
        var hasUnderscore = false
        while i < text.count && i - start <= Self.maximumLength {
            let b = text[i]
            if b == UInt8(ascii: ">") { break }
            if b == 0xEF && i + 2 < text.count && text[i + 1] == 0xBC && text[i + 2] == 0x9E { break }  // ＞
            if b < 0x80 {
                guard ScalarClass.isASCIIAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") else { return nil }
                if b == UInt8(ascii: "_") { hasUnderscore = true }
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
        if hasCJK { return hasUnderscore || isSlotName(withoutNumber(nameStart..<i, in: text), in: text) ? end : nil }
        guard asciiOnly, openLength == closeLength, text[nameStart] != UInt8(ascii: "-") else { return nil }
        // A fullwidth pair is never a type or a tag, and Chinese text glues it to the word before.
        if openLength == 1, let previous = ScalarClass.scalar(before: start, in: text),
            previous == 0x5F || ScalarClass.isLetterOrDigit(previous)
        {
            return nil
        }
        let name = text[nameStart..<i]
        if slotNames.contains(nameStart..<i, in: text) { return end }
        guard ScalarClass.isASCIIAlphanumeric(name.first!), !ScalarClass.isASCIIDigit(name.first!) else { return nil }
        if name.contains(UInt8(ascii: "-")) { return nil }
        if name.contains(UInt8(ascii: "_")) { return isSlotCompound(nameStart..<i, in: text) ? end : nil }
        // Letters followed by a number: <city2>, <keyword10>; one letter and a digit is an
        // element name or a cell (<h7>, <a1>).
        let letters = name.prefix { !ScalarClass.isASCIIDigit($0) }
        let digits = name.dropFirst(letters.count)
        if letters.count >= 2 && !digits.isEmpty && digits.allSatisfy(ScalarClass.isASCIIDigit) { return end }
        return nil
    }

    /// Whether an ASCII name with underscores is a generator's slot: numbered (`<keyword_1>`,
    /// `<KW_A>`: a part of one letter or of digits) or built on a slot name (`<city_name>`).
    /// Documentation writes metavariables and element names the same way (`<package_name>`,
    /// `<INPUT_FILE>`, `<definition_list>`), and those are left alone.
    private func isSlotCompound(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var partStart = name.lowerBound
        for k in name.lowerBound...name.upperBound where k == name.upperBound || text[k] == UInt8(ascii: "_") {
            let part = partStart..<k
            partStart = k + 1
            if part.count == 1 || (!part.isEmpty && text[part].allSatisfy(ScalarClass.isASCIIDigit)) { return true }
            if slotNames.contains(part, in: text) { return true }
        }
        return false
    }

    /// `name` without a slot number at its end (`关键词2`, `标题a`: up to three ASCII letters or
    /// digits).
    private func withoutNumber(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var end = name.upperBound
        while end > name.lowerBound && name.upperBound - end < 3 && ScalarClass.isASCIIAlphanumeric(text[end - 1]) { end -= 1 }
        return name.lowerBound..<end
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
