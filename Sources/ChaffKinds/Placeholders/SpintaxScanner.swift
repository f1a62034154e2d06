import ChaffText

/// `{best|top|finest}`: two or more alternatives between braces, each 1 to 61 characters on one
/// line with no braces or bars, and no space next to a bar or brace (so set-builder notation
/// `{x | x > 0}` is not spintax).
///
/// Documentation writes the same shape for things that are not spun text: type unions in API
/// references (`{string|Buffer|URL}`) and choice lists of options (`--color={auto|always|never}`).
/// Those are told apart by their alternatives and their place, never by the whole token: a token
/// is code when it follows `=` or an option flag, or when every alternative is a single ASCII
/// word and one of them is a code name (`codeNames`, from the rule file) or has the shape of an
/// identifier (`ArrayBuffer`, `string[]`, `Array<T>`, `fs.Stats`, `max_len`).
struct SpintaxScanner: Sendable {
    static let maximumAlternative = 61

    /// Words that make a union of single ASCII words a type or option list (`string`, `null`).
    var codeNames = SlotNames([], caseInsensitiveASCII: false)

    func scan(_ text: UnsafeBufferPointer<UInt8>, report: (Range<Int>) -> Void) {
        ByteSearch.forEach(UInt8(ascii: "{"), in: text) { start in
            guard let end = spintax(from: start + 1, in: text) else { return start + 1 }
            if !isCode(start..<end, in: text) { report(start..<end) }
            return end
        }
    }

    private func spintax(from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = start
        var alternatives = 0
        while true {
            // One alternative.
            var count = 0
            var first: UInt32?
            var last: UInt32 = 0
            while i < text.count {
                let b = text[i]
                if b == UInt8(ascii: "{") || b == 0x0A || b == 0x0D { return nil }
                if b == UInt8(ascii: "|") || b == UInt8(ascii: "}") { break }
                let (scalar, length) = UTF8Decoding.decode(text, at: i)
                let value = scalar ?? 0xFFFD
                if first == nil { first = value }
                last = value
                count += 1
                if count > Self.maximumAlternative { return nil }
                i += length
            }
            guard i < text.count, let first, !ScalarClass.isSpace(first), !ScalarClass.isSpace(last) else { return nil }
            alternatives += 1
            if text[i] == UInt8(ascii: "}") { return alternatives >= 2 ? i + 1 : nil }
            i += 1  // past the bar
        }
    }

    /// Whether the token `{…}` at `token` is a type union, a choice list or a list of values
    /// rather than spun text: one of its words is a code name or has an identifier's shape (the
    /// others may be anything: `{Module Namespace Object|vm.Module}`), every alternative is a
    /// number (`{1|0}`), or an alternative has no letter or digit at all (`{REM|'}`).
    private func isCode(_ token: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if followsAssignmentOrFlag(token.lowerBound, in: text) { return true }
        var allNumbers = true
        var start = token.lowerBound + 1
        for i in start..<token.upperBound where text[i] == UInt8(ascii: "|") || text[i] == UInt8(ascii: "}") {
            let alternative = start..<i
            start = i + 1
            if !alternative.contains(where: { text[$0] >= 0x80 || ScalarClass.isASCIIAlphanumeric(text[$0]) }) { return true }
            if !alternative.allSatisfy({ ScalarClass.isASCIIDigit(text[$0]) || text[$0] == UInt8(ascii: ".") }) { allNumbers = false }
            // Words of the alternative: runs of printable ASCII (Markdown blanks the backslash
            // of `string\[]` to a space, so `[]` may stand alone).
            var wordStart = alternative.lowerBound
            for k in alternative.lowerBound...alternative.upperBound where k == alternative.upperBound || text[k] <= 0x20 || text[k] >= 0x7F
            {
                let word = wordStart..<k
                wordStart = k + 1
                guard !word.isEmpty, isASCIIWord(word, in: text) else { continue }
                if hasIdentifierShape(word, in: text) || codeNames.contains(word, in: text) { return true }
            }
        }
        return allNumbers
    }

    /// `=` right before the brace, or an option flag (`-x`, `--color`) and one space before it.
    private func followsAssignmentOrFlag(_ brace: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard brace > 0 else { return false }
        if text[brace - 1] == UInt8(ascii: "=") { return true }
        guard text[brace - 1] == 0x20 else { return false }
        var i = brace - 1
        while i > 0, text[i - 1] != 0x20, text[i - 1] != 0x0A, text[i - 1] < 0x80 { i -= 1 }
        return i < brace - 2 && text[i] == UInt8(ascii: "-") && ScalarClass.isASCIIAlphanumeric(text[brace - 2])
    }

    private func isASCIIWord(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        text[word].allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// Camel case inside the word, letters and digits mixed (`choice1`, `utf8`), or a character
    /// that only identifiers and type expressions carry in running text.
    private func hasIdentifierShape(_ word: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.contains(where: { ScalarClass.isASCIIDigit(text[$0]) })
            && word.contains(where: { text[$0] | 0x20 >= 0x61 && text[$0] | 0x20 <= 0x7A })
        {
            return true
        }
        var previousLower = false
        for i in word {
            let b = text[i]
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "("),
                UInt8(ascii: "*"), UInt8(ascii: ":"), UInt8(ascii: "#"):
                // A final full stop is a sentence's, not a member access.
                if b == UInt8(ascii: ".") && i == word.upperBound - 1 { return false }
                return true
            default:
                if previousLower && ScalarClass.isASCIIUpper(b) { return true }
                previousLower = b >= 0x61 && b <= 0x7A
            }
        }
        return false
    }
}
