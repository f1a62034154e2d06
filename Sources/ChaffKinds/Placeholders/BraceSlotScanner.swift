import ChaffText

/// A slot name between single braces: `{keyword}`, `{城市}`, `{关键词2}`, the positional and named
/// fields of `str.format`, .NET and Java `MessageFormat` (`{0}`, `{1}`, `{user_name}`, `{name}`),
/// and the fullwidth `｛关键词｝`.
///
/// Grammar: `{` (or `｛`) NAME `}` (or `｝`, the same width as the opener), where NAME is
///
/// - 1–2 ASCII digits (`{0}`, `{12}`);
/// - 1–8 Han characters, then an optional suffix of 1–3 digits or `_` and 1–8 ASCII letters or
///   digits (`{城市}`, `{关键词2}`, `{标题_a}`);
/// - or an ASCII identifier `[A-Za-z_][A-Za-z0-9_]*` of at most 40 bytes that is a name of the
///   rule's `slotNames` (`{keyword}`, `{name}`, case-insensitive), or has an `_` between letters
///   or digits (`{user_name}`, `{keyword_1}`), or ends in 1–3 digits after a letter (`{city2}`).
///
/// Not a slot when the `{` follows an ASCII letter or digit (`a{2}`, `x{1}`; Han may precede, as
/// in `欢迎来到{城市}`), or one of
/// `$ \ ^ % # { } ) ]` (`${x}`, `\frac{1}{2}`, `x^{2}`, `{{x}}`, `(a){3}`), or when the `}` is
/// followed by `}` or `{` (`{x}}`, `\frac{a}{b}`): quantifiers, LaTeX groups and template
/// expressions have those neighbours. Plain words such as `{braces}`, `{string}` (a type in API
/// references) and `{1, 2}` (a set) are not slots.
struct BraceSlotScanner: Sendable {
    let slotNames: SlotNames
    static let maximumName = 40

    private static let excludedBefore: Set<UInt8> = Set("$\\^%#{})]_".utf8)
    private static let fullwidthOpen: [UInt8] = [0xEF, 0xBD, 0x9B]  // ｛
    private static let fullwidthClose: [UInt8] = [0xEF, 0xBD, 0x9D]  // ｝

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        ByteSearch.forEach(UInt8(ascii: "{"), in: text) { start in
            guard let end = slot(at: start, openLength: 1, in: text) else { return start + 1 }
            found.append(start..<end)
            return end
        }
        var i = 0
        while let start = ByteSearch.next(Self.fullwidthOpen, in: text, from: i) {
            i = start + 3
            guard let end = slot(at: start, openLength: 3, in: text) else { continue }
            found.append(start..<end)
            i = end
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        for range in found { report(range) }
    }

    private func slot(at start: Int, openLength: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        if let previous = ScalarClass.scalar(before: start, in: text) {
            if previous < 0x80 && Self.excludedBefore.contains(UInt8(previous)) { return nil }
            if previous == 0xFF5B || previous == 0xFF5D { return nil }  // ｛ ｝
            // Chinese text glues a slot to the Han word before it, so only ASCII letters count.
            if previous < 0x80 && ScalarClass.isASCIIAlphanumeric(UInt8(previous)) { return nil }
        }
        let nameStart = start + openLength
        guard nameStart < text.count, let nameEnd = name(from: nameStart, in: text) else { return nil }
        let close = openLength == 1 ? [UInt8(ascii: "}")] : Self.fullwidthClose
        guard nameEnd + close.count <= text.count, (0..<close.count).allSatisfy({ text[nameEnd + $0] == close[$0] }) else { return nil }
        let end = nameEnd + close.count
        if end < text.count && (text[end] == UInt8(ascii: "}") || text[end] == UInt8(ascii: "{")) { return nil }
        return end
    }

    /// The end of a NAME at `start`, or nil.
    private func name(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let first = text[start]
        if ScalarClass.isASCIIDigit(first) {
            var i = start
            while i < text.count && i - start < 3 && ScalarClass.isASCIIDigit(text[i]) { i += 1 }
            return i - start <= 2 ? i : nil
        }
        if first >= 0x80 {
            var i = start
            var count = 0
            while i < text.count && count < 9 {
                let (scalar, length) = UTF8Decoding.decode(text, at: i)
                guard let scalar, ScalarClass.isHan(scalar) else { break }
                i += length
                count += 1
            }
            guard count >= 1 && count <= 8 else { return nil }
            return suffix(from: i, in: text)
        }
        guard ScalarClass.isASCIIAlphanumeric(first) || first == UInt8(ascii: "_") else { return nil }
        var i = start
        while i < text.count && i - start <= Self.maximumName && (ScalarClass.isASCIIAlphanumeric(text[i]) || text[i] == UInt8(ascii: "_"))
        {
            i += 1
        }
        guard i - start <= Self.maximumName else { return nil }
        let name = start..<i
        if slotNames.contains(name, in: text) { return i }
        // `_` between letters or digits: user_name, keyword_1.
        for k in (start + 1)..<max(start + 1, i - 1) where text[k] == UInt8(ascii: "_") {
            if ScalarClass.isASCIIAlphanumeric(text[k - 1]) && ScalarClass.isASCIIAlphanumeric(text[k + 1]) { return i }
        }
        // Letters, then 1–3 digits: city2.
        var digits = 0
        while digits < i - start && ScalarClass.isASCIIDigit(text[i - 1 - digits]) { digits += 1 }
        if digits >= 1 && digits <= 3 && digits < i - start && ScalarClass.isASCIIAlphanumeric(text[i - 1 - digits])
            && !ScalarClass.isASCIIDigit(text[start])
        {
            return i
        }
        return nil
    }

    /// An optional 1–3 digit or `_`/`-` and 1–8 ASCII letters or digits suffix after a Han name.
    private func suffix(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        if i < text.count && (text[i] == UInt8(ascii: "_") || text[i] == UInt8(ascii: "-")) {
            i += 1
            let s = i
            while i < text.count && i - s < 8 && ScalarClass.isASCIIAlphanumeric(text[i]) { i += 1 }
            return i > s ? i : nil
        }
        while i < text.count && i - start < 3 && ScalarClass.isASCIIDigit(text[i]) { i += 1 }
        return i
    }
}
