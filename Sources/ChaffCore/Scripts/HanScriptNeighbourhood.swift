import ChaffData

/// Whether a minority character stands among characters of the majority system.
///
/// Real files hold whole passages in the other system: a classical poem kept in Traditional in
/// a Simplified collection, a review written in Traditional in a file of Simplified ones. Every
/// character of such a passage is of the document's minority system, yet none is a mixing
/// error; an error is a character whose own neighbourhood is written in the other system
/// (`观點` in a Simplified sentence). So a finding stands only when, among the nearest decisive
/// characters on both sides on its line, those of the expected system are at least a sixth. Spun text
/// mixes the two systems densely (`反观國內大模型產业`) and keeps its findings; a passage in the
/// other system has next to none of the expected one around each character and loses them.
enum HanScriptNeighbourhood {
    /// Decisive characters read on each side of a finding.
    static let reach = 12
    /// Bytes read on each side at most: decisive characters are dense in Chinese text, and a
    /// finding far from any is judged by what is near.
    static let maximumBytes = 240

    /// Whether at least a sixth of the `reach` nearest decisive neighbours on each side of the
    /// character at `range` (of form `minority`), on its line within `unit`, are of the other
    /// decisive form, or it has none.
    static func isSurroundedByMajority(_ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>) -> Bool {
        let classes = HanScriptCharacterClasses.table
        var own = 0
        var other = 0
        func tally(_ scalar: UInt32) -> Bool {
            let characterClass = HanScriptCharacterClasses.characterClass(classes, scalar)
            guard characterClass == HanForm.simplifiedOnly.rawValue || characterClass == HanForm.traditionalOnly.rawValue else {
                return false
            }
            if characterClass == minority.rawValue { own += 1 } else { other += 1 }
            return true
        }
        // After the character.
        var seen = 0
        var index = range.upperBound
        let forwardLimit = min(unit.upperBound, range.upperBound + maximumBytes)
        while index < forwardLimit && seen < reach && text[index] != 0x0A {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: forwardLimit)
            if tally(scalar) { seen += 1 }
            index += length
        }
        // Before it: step back to each lead byte and decode from there.
        seen = 0
        index = range.lowerBound
        let backwardLimit = max(unit.lowerBound, range.lowerBound - maximumBytes)
        while index > backwardLimit && seen < reach && text[index - 1] != 0x0A {
            index -= 1
            guard text[index] >= 0xC0 else { continue }  // ASCII or a continuation byte
            let (scalar, _) = UTF8ScalarDecoding.scalar(in: text, at: index, end: range.lowerBound)
            if tally(scalar) { seen += 1 }
        }
        // A character alone on its line is judged by the unit's majority alone.
        return own + other == 0 || other * 5 >= own
    }
}
