import ChaffData
import ChaffText

/// Finds acronyms written with their expansion, in UTF-8 text.
///
/// An acronym is 2 to 10 ASCII letters and digits with at least two capitals, and lowercase
/// letters only inside and no more of them than capitals (`AGI`, `API`, `3GPP`, `B2B`, `IoT`,
/// `SaaS`; not `GitHub`, `APIs`), not preceded by an ASCII letter, digit or one of `-_./@&#$%+'` (so
/// `GPT-4`, `file.API` and `myAPI` are not acronyms). Two forms are read:
///
/// - `ACR (expansion)`: the acronym, at most one ASCII space, then `(…)` or `（…）`. The
///   parenthesis may hold several expansions separated by `,` `，` `;` `；` (`AGI(Artificial General
///   Intelligence,通用人工智能)`); inner parentheses (glosses) are skipped. Each part counts:
///   - a Latin expansion: ASCII words (letters, digits, `'`, joined by spaces, hyphens or `/`)
///     that plausibly expand the acronym's letters (`AcronymInitials`); if the whole
///     parenthesis is ASCII it is tried as one expansion first, so commas inside a name do not
///     split it;
///   - a Han expansion: a term of 2 to 16 Han characters and nothing else (glosses and spaces
///     inside are ignored; a leading 即 is dropped) that contains none of 的, 是, 了 (those
///     make a description, `GPU(大模型计算的主流算力)`) and does not start with a reference
///     or example word (见, 详见, 参见, 参考, 如, 例如, 比如, 下同, 下称, 以下, 简称, 注, 包括,
///     又称, 俗称, and their Traditional forms).
/// - `expansion (ACR)`: the parenthesis holds only the acronym, and the ASCII words right
///   before it (separated by a single space, tab, hyphen or line break, so hard-wrapped text
///   works) end with a run that expands it; the
///   shortest such run that does not start with a function word is the expansion. A Han
///   expansion before the parenthesis (`应用程序接口（API）`) is not read: nothing marks where
///   a Han term starts.
///
/// Not acronym expansions: `AI（2023）` (no letters, no Han), `API (see docs)` (initials do
/// not match), `(see API docs)` (no acronym before or alone inside the parenthesis).
package enum AcronymParser {
    /// Longest parenthesis content considered, in bytes.
    package static let maximumContentBytes = 240

    /// Han terms that start with one of these are references or examples, not expansions.
    static let nonExpansionPrefixes: [[UInt32]] = [
        "见", "見", "详见", "詳見", "参见", "參見", "参考", "參考", "如", "例如", "比如", "下同", "下称",
        "下稱", "以下", "简称", "簡稱", "注", "註", "包括", "又称", "又稱", "俗称", "俗稱", "诸如", "諸如", "譬如",
    ].map { $0.unicodeScalars.map(\.value) }

    /// Characters that make a Han text a description rather than a term: 的, 是, 了.
    static let descriptionCharacters: Set<UInt32> = [0x7684, 0x662F, 0x4E86]

    /// All acronym expansions in `text`, in source order.
    package static func expansions(in text: String) -> [AcronymExpansion] {
        var copy = text
        return copy.withUTF8 { expansions(in: $0) }
    }

    /// All acronym expansions in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    package static func expansions(in bytes: [UInt8]) -> [AcronymExpansion] {
        bytes.withUnsafeBufferPointer { expansions(in: $0) }
    }

    /// All acronym expansions in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    package static func expansions(in bytes: UnsafeBufferPointer<UInt8>) -> [AcronymExpansion] {
        var result: [AcronymExpansion] = []
        var search = OpenParenthesisSearch(bytes)
        var i = 0
        while let (open, openLength) = search.next(from: i) {
            i = open + openLength
            if let acronym = acronym(endingBefore: open, in: bytes) {
                guard let close = closingParenthesis(bytes, from: open + openLength) else { continue }
                result += acronymFirst(acronym, content: (open + openLength)..<close, bytes)
            } else if let close = closeAfterAcronymAlone(bytes, from: open + openLength),
                let acronym = acronymAlone((open + openLength)..<close, bytes),
                let expansion = expansionFirst(acronym, open: open, bytes)
            {
                result.append(expansion)
            }
        }
        return result
    }

    /// Where the parenthesis whose content starts at `from` closes, when that content can be an
    /// acronym alone (spaces, letters and digits, spaces): what `closingParenthesis` returns
    /// for such a content, and nil for any other. Most parentheses of English text follow no
    /// acronym, and reading to the end of each, up to `maximumContentBytes`, was most of
    /// the parser's time there.
    private static func closeAfterAcronymAlone(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var j = from
        while j < bytes.count && bytes[j] == UInt8(ascii: " ") { j += 1 }
        while j < bytes.count && isAcronymByte(bytes[j]) { j += 1 }
        while j < bytes.count && bytes[j] == UInt8(ascii: " ") { j += 1 }
        guard j < bytes.count, j - from <= maximumContentBytes, bytes[j] == UInt8(ascii: ")") || isFullWidth(bytes, j, 0x89)
        else { return nil }
        return j
    }

    // MARK: Acronyms

    private static func isAcronymByte(_ byte: UInt8) -> Bool {
        AcronymInitials.isUpper(byte) || isLower(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isLower(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// At least two capitals; lowercase letters (mixed case, `IoT`, `SaaS`) only inside and no
    /// more of them than capitals, so that words (`GitHub`, `APIs`) are not acronyms.
    private static func isAcronym(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (2...10).contains(range.count), !isLower(bytes[range.lowerBound]),
            !isLower(bytes[range.upperBound - 1])
        else { return false }
        let upper = range.count { AcronymInitials.isUpper(bytes[$0]) }
        return upper >= 2 && range.count { isLower(bytes[$0]) } <= upper
    }

    /// The acronym that ends at `open`, or one ASCII space before it.
    private static func acronym(endingBefore open: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = open
        if end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        // A typographic possessive (`Organisation’s (ASIO)`): the words end before the ’s.
        if end >= 5 && bytes[end - 1] == UInt8(ascii: "s") && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80
            && bytes[end - 2] == 0x99
        {
            end -= 4
        }
        var start = end
        while start > 0 && end - start <= 10 && isAcronymByte(bytes[start - 1]) { start -= 1 }
        guard isAcronym(start..<end, bytes) else { return nil }
        if start > 0 {
            let before = bytes[start - 1]
            if WordBoundary.isASCIIWordByte(before) || Array("-_./@&#$%+'".utf8).contains(before) {
                return nil
            }
        }
        return start..<end
    }

    /// The acronym that is the whole content (spaces around it allowed).
    private static func acronymAlone(_ content: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = content.lowerBound
        var end = content.upperBound
        while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        // The acronym test first: it rejects a pinyin gloss (`(jiao)`) at its first letter,
        // where reading every byte came first for each of a glossed page's parentheses.
        guard isAcronym(start..<end, bytes), (start..<end).allSatisfy({ isAcronymByte(bytes[$0]) }) else {
            return nil
        }
        return start..<end
    }

    /// The offset of the parenthesis closing the one whose content starts at `from`, counting
    /// nested pairs of either width; nil at a line break or past `maximumContentBytes`.
    static func closingParenthesis(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var depth = 1
        var i = from
        while i < bytes.count && i - from <= maximumContentBytes {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
            if byte == UInt8(ascii: "(") || isFullWidth(bytes, i, 0x88) {
                depth += 1
            } else if byte == UInt8(ascii: ")") || isFullWidth(bytes, i, 0x89) {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private static func isFullWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ last: UInt8) -> Bool {
        bytes[i] == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBC && bytes[i + 2] == last
    }

    private static func string(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The comparison key of Latin words: lowercase, single spaces, function words left out
    /// (`top of the stack` and `top-of-stack` agree), a possessive `'s` or `'` dropped (`the
    /// Organisation's (ASIO)` names the same body), and a plural `s` dropped from words of four
    /// letters or more that do not end in `ss` (`Units` and `Unit` agree).
    private static func normalizedLatin(_ words: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let content = words.filter { !AcronymInitials.functionWords.contains(bytes[$0].map(AcronymInitials.lowercase)) }
        // Joined by `StringList`: the generic `joined(separator:)` looked its sequence's
        // associated types up by name the first time a process called it (a fifth of a
        // millisecond on a glossed page's first acronym).
        let normalized = (content.isEmpty ? words : content).map { range -> String in
            var word = bytes[range].map(AcronymInitials.lowercase)
            if word.last == UInt8(ascii: "'") {
                word.removeLast()
            } else if word.count > 2 && word.suffix(2).elementsEqual("'s".utf8) {
                word.removeLast(2)
            }
            if word.count >= 4 && word.last == UInt8(ascii: "s") && word[word.count - 2] != UInt8(ascii: "s") {
                word.removeLast()
            }
            return String(decoding: word, as: UTF8.self)
        }
        return StringList.joined(normalized, separator: " ")
    }

    /// The text of `range` with each run of whitespace (line breaks included) as one space.
    private static func collapsed(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        for i in range {
            let byte = bytes[i]
            let isSpace =
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            if !isSpace {
                out.append(byte)
            } else if out.last != UInt8(ascii: " ") {
                out.append(UInt8(ascii: " "))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: ACR (expansion)

    private static func acronymFirst(
        _ acronym: Range<Int>, content: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> [AcronymExpansion] {
        let letters = Array(bytes[acronym])
        let name = string(acronym, bytes)
        if content.allSatisfy({ bytes[$0] < 0x80 }),
            let latin = latinExpansion(letters, content, bytes)
        {
            return [
                AcronymExpansion(
                    acronym: name, acronymRange: acronym, language: .latin, form: .acronymFirst,
                    range: latin.range, text: latin.text, normalized: latin.normalized)
            ]
        }
        var result: [AcronymExpansion] = []
        let parts = parts(content, bytes)
        // Two Han parts in one parenthesis are a list, not two names for one thing: the
        // arguments of a function (BITLSHIFT(数字; 移动位数)), not expansions.
        let hanParts = parts.filter { part in part.contains { bytes[$0] >= 0x80 } }
        for part in parts where hanParts.count < 2 || part.allSatisfy({ bytes[$0] < 0x80 }) {
            if part.allSatisfy({ bytes[$0] < 0x80 }) {
                guard let latin = latinExpansion(letters, part, bytes) else { continue }
                result.append(
                    AcronymExpansion(
                        acronym: name, acronymRange: acronym, language: .latin, form: .acronymFirst,
                        range: latin.range, text: latin.text, normalized: latin.normalized))
            } else if let han = hanExpansion(part, bytes) {
                result.append(
                    AcronymExpansion(
                        acronym: name, acronymRange: acronym, language: .han, form: .acronymFirst,
                        range: han.range, text: han.text, normalized: han.normalized))
            }
        }
        return result
    }

    /// The content split at top-level `,` `，` `;` `；`.
    private static func parts(_ content: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = content.lowerBound
        var depth = 0
        var i = content.lowerBound
        while i < content.upperBound {
            let byte = bytes[i]
            var separator = 0
            if byte == UInt8(ascii: "(") || isFullWidth(bytes, i, 0x88) {
                depth += 1
            } else if byte == UInt8(ascii: ")") || isFullWidth(bytes, i, 0x89) {
                depth -= 1
            } else if depth == 0 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")) {
                separator = 1
            } else if depth == 0 && (isFullWidth(bytes, i, 0x8C) || isFullWidth(bytes, i, 0x9B)) {
                separator = 3
            }
            if separator > 0 {
                result.append(start..<i)
                start = i + separator
                i = start
                continue
            }
            i += 1
        }
        result.append(start..<content.upperBound)
        return result
    }

    /// Words of an ASCII expansion: runs of letters, digits and `'`, split at spaces, hyphens,
    /// `/` and dropping `,` `.`; `&` is a word of its own. Nil on any other byte.
    private static func latinWords(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        var start: Int? = nil
        for i in range {
            let byte = bytes[i]
            if WordBoundary.isASCIIWordByte(byte) && byte != UInt8(ascii: "_") || byte == UInt8(ascii: "'") {
                if start == nil { start = i }
                continue
            }
            if let s = start { words.append(s..<i) }
            start = nil
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ","), UInt8(ascii: "."):
                continue
            case UInt8(ascii: "&"):
                words.append(i..<(i + 1))
            default:
                return nil
            }
        }
        if let s = start { words.append(s..<range.upperBound) }
        return words
    }

    private static func latinExpansion(
        _ letters: [UInt8], _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (range: Range<Int>, text: String, normalized: String)? {
        guard let words = latinWords(range, bytes), let first = words.first, let last = words.last,
            AcronymInitials.matches(letters, words: words.map { Array(bytes[$0]) })
        else { return nil }
        let text = collapsed(first.lowerBound..<last.upperBound, bytes)
        return (first.lowerBound..<last.upperBound, text, normalizedLatin(words, bytes))
    }

    private static func hanExpansion(
        _ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (range: Range<Int>, text: String, normalized: String)? {
        var characters: [GlossCharacter] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte == UInt8(ascii: " ") {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "(") || isFullWidth(bytes, i, 0x88) {
                // A gloss inside the term (应用程序編(bian)程): skip it.
                let length = byte == UInt8(ascii: "(") ? 1 : 3
                guard let close = closingParenthesis(bytes, from: i + length), close < range.upperBound else {
                    return nil
                }
                i = close + (bytes[close] == UInt8(ascii: ")") ? 1 : 3)
                continue
            }
            guard let (scalar, length) = GlossUTF8.decode(bytes, at: i) else { return nil }
            if scalar == 0x3000 {
                i += length
                continue
            }
            guard GlossUTF8.isHan(scalar) else { return nil }
            characters.append(GlossCharacter(scalar: scalar, range: i..<(i + length)))
            i += length
        }
        if characters.first?.scalar == 0x5373 { characters.removeFirst() }  // 即
        guard (2...16).contains(characters.count), let first = characters.first, let last = characters.last
        else { return nil }
        let scalars = characters.map(\.scalar)
        if scalars.contains(where: descriptionCharacters.contains) { return nil }
        if nonExpansionPrefixes.contains(where: { scalars.starts(with: $0) }) { return nil }
        let normalized = scalars.map { PinyinHanNormalization.simplified($0) }
        return (
            first.range.lowerBound..<last.range.upperBound, GlossText.string(characters),
            GlossText.string(scalars: normalized)
        )
    }

    // MARK: expansion (ACR)

    private static func expansionFirst(
        _ acronym: Range<Int>, open: Int, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> AcronymExpansion? {
        let letters = Array(bytes[acronym])
        var end = open
        if end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        // A typographic possessive (`Organisation’s (ASIO)`): the words end before the ’s.
        if end >= 5 && bytes[end - 1] == UInt8(ascii: "s") && bytes[end - 4] == 0xE2 && bytes[end - 3] == 0x80
            && bytes[end - 2] == 0x99
        {
            end -= 4
        }
        // Words before the parenthesis, nearest first.
        var words: [Range<Int>] = []
        var position = end
        while words.count < 2 * letters.count + 4 {
            var start = position
            while start > 0,
                WordBoundary.isASCIIWordByte(bytes[start - 1]) && bytes[start - 1] != UInt8(ascii: "_")
                    || bytes[start - 1] == UInt8(ascii: "'")
            {
                start -= 1
            }
            guard start < position, (start..<position).contains(where: { bytes[$0] >= 0x41 }) else { break }
            words.append(start..<position)
            // Words are separated by one space, tab, hyphen or line break (hard-wrapped text).
            guard start > 1 else { break }
            let separator = bytes[start - 1]
            guard
                separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-")
                    || separator == UInt8(ascii: "\t") || separator == UInt8(ascii: "\n")
            else { break }
            position = start - 1
            if separator == UInt8(ascii: "\n") && position > 0 && bytes[position - 1] == UInt8(ascii: "\r") {
                position -= 1
            }
        }
        guard !words.isEmpty else { return nil }
        for count in 1...words.count {
            let run = Array(words[0..<count].reversed())
            let first = Array(bytes[run[0]]).map(AcronymInitials.lowercase)
            if AcronymInitials.functionWords.contains(first) { continue }
            guard AcronymInitials.matches(letters, words: run.map { Array(bytes[$0]) }) else { continue }
            let range = run[0].lowerBound..<run[run.count - 1].upperBound
            let text = collapsed(range, bytes)
            let normalized = normalizedLatin(run, bytes)
            return AcronymExpansion(
                acronym: string(acronym, bytes), acronymRange: acronym, language: .latin,
                form: .expansionFirst, range: range, text: text, normalized: normalized)
        }
        return nil
    }
}
