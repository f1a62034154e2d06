import ChaffText

/// Judges whether a stretch of English text names a source.
///
/// Words are runs of letters, digits and `'` `’` `.` `-` `&`; a trailing possessive (`'s`) or dot
/// is dropped. The stretch names a source when one word:
/// - is capitalised and not a listed non-name (`Harvard`, `Lancet`, `Smith`; not `Recent`,
///   `American`, `Studies`, `The`), or is mixed case (`eBay`);
/// - is an all-capital abbreviation that is not a common noun (`WHO`, `CDC`; not `AI`, `US`);
/// - is `our` or `my` (the author's own data), or `et al.` follows a name.
/// Otherwise it points back when it holds `the`, `this`, `these`, `its`…, and is vague.
extension SourceCues {
    /// The verdict for `range` of `text`, and where the naming word ends (for `.named`).
    func judgeEnglish(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (SourceVerdict, namedEnd: Int?) {
        var anaphoric = false
        var previous: [UInt8] = []
        for word in Self.words(text, range) {
            var end = word.upperBound
            // Harvard's, researchers', Inc.
            if end - word.lowerBound > 2, text[end - 1] == UInt8(ascii: "s"), text[end - 2] == UInt8(ascii: "'") { end -= 2 }
            if end - word.lowerBound > 4, text[end - 1] == UInt8(ascii: "s"), text[end - 2] == 0x99, text[end - 3] == 0x80,
                text[end - 4] == 0xE2
            {
                end -= 4
            }
            while end > word.lowerBound && (text[end - 1] == UInt8(ascii: "'") || text[end - 1] == UInt8(ascii: ".")) { end -= 1 }
            guard end > word.lowerBound else { continue }
            let core = word.lowerBound..<end
            let lower = core.map { TextScalar.isASCIIUpper(text[$0]) ? text[$0] | 0x20 : text[$0] }
            defer { previous = lower }
            if lower == Array("al".utf8) && previous == Array("et".utf8) { return (.named, word.upperBound) }
            if englishFirstPerson.contains(lower) { return (.named, word.upperBound) }
            if englishAnaphoric.contains(lower) { anaphoric = true }
            let letters = core.filter { TextScalar.isASCIILetter(text[$0]) }
            guard let first = letters.first else { continue }
            let capitals = letters.filter { TextScalar.isASCIIUpper(text[$0]) }.count
            if capitals == 0 { continue }
            if capitals == letters.count && letters.count >= 2 {
                // An all-capital word is an abbreviation (WHO, CDC) unless it is a common noun (GDP,
                // AI) or shouting a short function word (THE, AND).
                if !englishGenericAcronyms.contains(lower)
                    && !(letters.count <= 4 && englishNotNames.contains(lower) && lower != Array("who".utf8))
                {
                    return (.named, word.upperBound)
                }
                continue
            }
            if !TextScalar.isASCIIUpper(text[first]) { return (.named, word.upperBound) }  // eBay, iPhone
            if !englishNotNames.contains(lower) && !englishGenericAcronyms.contains(lower) { return (.named, word.upperBound) }
        }
        return (anaphoric ? .anaphoric : .vague, nil)
    }

    /// The word ranges in `range`: letters and digits, joined by a single inner `'`, `’`, `.`,
    /// `-` or `&` (`Harvard's`, `U.S`, `peer-reviewed`, `AT&T`), and digit groups (`1,000`).
    static func words(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard TextScalar.isASCIIAlphanumeric(text[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < end {
                let b = text[j]
                if TextScalar.isASCIIAlphanumeric(b) {
                    j += 1
                } else if b == UInt8(ascii: "'") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "&"),
                    j + 1 < end, TextScalar.isASCIIAlphanumeric(text[j + 1])
                {
                    j += 1
                } else if b == UInt8(ascii: ","), TextScalar.isASCIIDigit(text[j - 1]), j + 3 < end,
                    (1...3).allSatisfy({ TextScalar.isASCIIDigit(text[j + $0]) }), j + 4 >= end || !TextScalar.isASCIIDigit(text[j + 4])
                {
                    j += 1  // 1,000
                } else if j + 3 < end, text[j] == 0xE2, text[j + 1] == 0x80, text[j + 2] == 0x99,
                    TextScalar.isASCIIAlphanumeric(text[j + 3])
                {
                    j += 3
                } else {
                    break
                }
            }
            out.append(i..<j)
            i = j
        }
        return out
    }
}
