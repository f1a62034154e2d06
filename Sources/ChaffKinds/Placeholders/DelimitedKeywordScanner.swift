import ChaffText

/// `%KEYWORD%`, `$SITE_NAME$` and `$标题$`: an upper-case identifier between `%` or `$`, or a
/// Han word between `$`. Percentages, prices and one-letter math (`$x$`) do not have that shape.
///
/// Windows writes its environment variables the same way (`%APPDATA%\Python`, `%PATH%`): a
/// name from `environmentNames` (matched in any case) between `%` is one, and so is any `%NAME%`
/// followed by a path separator.
struct DelimitedKeywordScanner: Sendable {
    /// Names of environment variables, which `%NAME%` expands in Windows commands and paths.
    var environmentNames = SlotNames([], caseInsensitiveASCII: true)

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        var found: [Range<Int>] = []
        for delimiter in [UInt8(ascii: "%"), UInt8(ascii: "$")] {
            ByteSearch.forEach(delimiter, in: text) { start in
                if start > 0 {
                    let previous = text[start - 1]
                    if ScalarClass.isASCIIAlphanumeric(previous) || previous == delimiter { return start + 1 }
                }
                if let end = upperIdentifier(from: start + 1, in: text, delimiter: delimiter) {
                    if delimiter != UInt8(ascii: "%") || !isEnvironmentVariable(start..<end, in: text) { found.append(start..<end) }
                    return end
                }
                if delimiter == UInt8(ascii: "$"), let end = hanWord(from: start + 1, in: text) {
                    found.append(start..<end)
                    return end
                }
                return start + 1
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        var last = -1
        for range in found where range.lowerBound >= last {
            report(range)
            last = range.upperBound
        }
    }

    /// `%NAME%` naming an environment variable or followed by `\` or `/` (a path).
    private func isEnvironmentVariable(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.upperBound < text.count && (text[token.upperBound] == UInt8(ascii: "\\") || text[token.upperBound] == UInt8(ascii: "/")) {
            return true
        }
        return environmentNames.contains(token.lowerBound + 1..<token.upperBound - 1, in: text)
    }

    /// `[A-Z][A-Z0-9_]{n,40}` then the delimiter, not followed by a letter or digit; `%` needs
    /// 2 or more characters, `$` 3 or more (`$AB$` is a math segment).
    private func upperIdentifier(from start: Int, in text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Int? {
        guard start < text.count, ScalarClass.isASCIIUpper(text[start]) else { return nil }
        var i = start + 1
        while i < text.count && i - start <= 41 {
            let b = text[i]
            if ScalarClass.isASCIIUpper(b) || ScalarClass.isASCIIDigit(b) || b == UInt8(ascii: "_") {
                i += 1
                continue
            }
            break
        }
        let minimum = delimiter == UInt8(ascii: "%") ? 2 : 3
        guard i < text.count, text[i] == delimiter, i - start >= minimum, i - start <= 41 else { return nil }
        if i + 1 < text.count && ScalarClass.isASCIIAlphanumeric(text[i + 1]) { return nil }
        return i + 1
    }

    /// A Han character, up to 20 letters, digits or `_`, then `$`.
    private func hanWord(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard start < text.count else { return nil }
        let (first, firstLength) = UTF8Decoding.decode(text, at: start)
        guard let first, ScalarClass.isHan(first) else { return nil }
        var i = start + firstLength
        var count = 0
        while i < text.count && count <= 20 {
            if text[i] == UInt8(ascii: "$") { return i + 1 }
            let (scalar, length) = UTF8Decoding.decode(text, at: i)
            guard let scalar, scalar == 0x5F || ScalarClass.isLetterOrDigit(scalar) else { return nil }
            i += length
            count += 1
        }
        return nil
    }
}
