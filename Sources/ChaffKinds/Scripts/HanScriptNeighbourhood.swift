import ChaffData
import ChaffText

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
    ///
    /// `linesAreRecords`: the text is plain text, where a block of lines with no blank line
    /// between them is often one record a line (reviews, posts, a data export), each by its own
    /// writer.
    ///
    /// `memo` counts the decisive characters around findings and remembers the last sentence:
    /// one serves the findings of one text, in text order.
    static func isSurroundedByMajority(
        _ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>,
        linesAreRecords: Bool = false, memo: inout NeighbourhoodMemo
    ) -> Bool {
        memo.newlines.join(range, in: text)
        let (own, other) = nearestDecisive(
            around: range, minority: minority, in: text, unit: unit, tallies: &memo.tallies, newlines: &memo.newlines)
        guard own + other == 0 || other * 5 >= own else { return false }
        // In plain text, in a block of lines with no blank line between them (one review, post
        // or record a line), a line written in the minority system (a Traditional review among
        // Simplified ones, behind a Simplified site prefix) is that writer's text, slips aside:
        // more than three in four of its decisive characters are the minority's. A line that
        // mixes more evenly (服務態度 beside 房间设施), or a paragraph of its own in an article,
        // keeps its findings.
        let line = lineBounds(of: range, in: text, newlines: &memo.newlines)
        var recordMixes = false
        if linesAreRecords && isInBlockOfLines(line, in: text) {
            let whole = memo.tallies.tally(line, minority: minority, in: text)
            if whole.own >= 3 && whole.own > 3 * whole.other { return false }
            // A record whose writer switched systems within a sentence (服务差，怎麼會有一間酒店沒熱水呢？):
            // its clause in the minority system is a slip, not a quotation. A site's prefix before
            // a colon (补充点评 2007年10月22日 ：) is no part of the writer's sentence.
            let sentence = memo.sentence(around: range, line: line, in: text) { sentenceBounds(of: $0, in: text, line: $1) }
            recordMixes = memo.tallies.tally(sentence, minority: minority, in: text).other >= 1
        }
        // A character alone on its line (a review wrapped over lines) is judged by the lines
        // around it when they are decisive, and otherwise by the unit's majority alone.
        if own + other == 0 && neighbourLineIsOwn(line, minority: minority, in: text) { return false }
        return recordMixes || !isClauseOfOtherSystem(range, minority: minority, in: text, unit: unit)
    }

    /// How many of the `reach` nearest decisive characters on each side of `range`, on its line
    /// within `unit` and `maximumBytes`, are of `minority`'s form (`own`) and of the other.
    static func nearestDecisive(
        around range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>,
        tallies: inout DecisiveCharacterIndex, newlines: inout NewlineSpan
    ) -> (own: Int, other: Int) {
        // Read from the index rather than decoded anew around each finding: spun text puts
        // dozens of findings within one finding's reach.
        let forwardLimit = min(unit.upperBound, range.upperBound + maximumBytes)
        let after = newlines.lineEnd(from: range.upperBound, below: forwardLimit, in: text)
        let backwardLimit = max(unit.lowerBound, range.lowerBound - maximumBytes)
        let before = newlines.lineStart(before: range.lowerBound, notBelow: backwardLimit, in: text)
        return tallies.nearest(range, reach: reach, before: before, after: after, minority: minority, in: text)
    }

    /// Whether the line before or after `line` is written in `minority`'s own system: a record
    /// wraps onto the next line, and a new one may follow.
    private static func neighbourLineIsOwn(_ line: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.lowerBound > 0 {
            let previous = lineBounds(of: (line.lowerBound - 1)..<(line.lowerBound - 1), in: text)
            let counted = tallyDecisive(in: previous, minority: minority, text: text)
            if counted.own >= 3 && counted.other * 5 < counted.own { return true }
        }
        if line.upperBound < text.count {
            let next = lineBounds(of: (line.upperBound + 1)..<(line.upperBound + 1), in: text)
            let counted = tallyDecisive(in: next, minority: minority, text: text)
            if counted.own >= 3 && counted.other * 5 < counted.own { return true }
        }
        return false
    }

    /// The sentence around `range` within `line`: up to sentence-final punctuation or a colon.
    static func sentenceBounds(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Range<Int> {
        func ends(_ scalar: UInt32) -> Bool {
            switch scalar {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1A, 0x21, 0x3F, 0x3A, 0x2E: return true  // 。！？：!?:.
            default: return false
            }
        }
        var start = range.lowerBound
        while start > line.lowerBound, let scalar = ScalarClass.scalar(before: start, in: text), !ends(scalar) {
            start -= scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
        }
        var end = range.upperBound
        while end < line.upperBound {
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: end, end: line.upperBound)
            if ends(scalar) { break }
            end += max(length, 1)
        }
        return max(start, line.lowerBound)..<end
    }

    /// Whether the line before or after `line` holds more than white space.
    private static func isInBlockOfLines(_ line: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = line.lowerBound - 1
        while k > 0 && (text[k - 1] == 0x20 || text[k - 1] == 0x09 || text[k - 1] == 0x0D) { k -= 1 }
        if k > 0 && text[k - 1] != 0x0A { return true }
        k = line.upperBound + 1
        while k < text.count && (text[k] == 0x20 || text[k] == 0x09 || text[k] == 0x0D) { k += 1 }
        return k < text.count && text[k] != 0x0A
    }

    /// Bytes a `DecisiveCharacterIndex` for `isSurroundedByMajority` reads at once: four
    /// lines of the longest it judges.
    static let indexStretch = 4 * 8 * maximumBytes

    /// The line holding `range`, at most four times `maximumBytes` on each side. Units can be
    /// shorter than a line (a language run); the line is the record a writer typed.
    static func lineBounds(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var newlines = NewlineSpan()
        return lineBounds(of: range, in: text, newlines: &newlines)
    }

    /// `lineBounds(of:in:)`, searching through `newlines`, which serves one text.
    static func lineBounds(of range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, newlines: inout NewlineSpan) -> Range<Int> {
        let start = newlines.lineStart(before: range.lowerBound, notBelow: max(0, range.lowerBound - 4 * maximumBytes), in: text)
        let end = newlines.lineEnd(from: range.upperBound, below: min(text.count, range.upperBound + 4 * maximumBytes), in: text)
        return start..<end
    }

    /// Decisive characters in `range`: of `minority`'s form, and of the other.
    static func tallyDecisive(in range: Range<Int>, minority: HanForm, text: UnsafeBufferPointer<UInt8>) -> (own: Int, other: Int) {
        var own = 0
        var other = 0
        HanScriptCharacterClasses.forEachDecisive(in: range, of: text) { _, _, form in
            if form == minority.rawValue { own += 1 } else { other += 1 }
        }
        return (own, other)
    }

    /// Whether the clause around `range` (up to sentence or clause punctuation, white space or
    /// a line break) has two or more characters of `minority`'s form and none of the other: a
    /// phrase written wholly in the other system (`但進去房間以後` in a Traditional review that a
    /// site prefixed with Simplified words), not a slip inside a phrase.
    static func isClauseOfOtherSystem(_ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>, unit: Range<Int>) -> Bool
    {
        let classes = HanScriptCharacterClasses.table
        var own = 0
        var start = range.lowerBound
        let lowest = max(unit.lowerBound, range.lowerBound - maximumBytes)
        while start > lowest && !isClauseBoundary(text, before: start) {
            start -= 1
            while start > lowest && text[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var index = start
        let highest = min(unit.upperBound, range.upperBound + maximumBytes)
        while index < highest {
            if text[index] < 0x80 {
                if index >= range.upperBound && isClauseByte(text[index]) { break }
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: highest)
            if index >= range.upperBound && isClausePunctuation(scalar) { break }
            let characterClass = HanScriptCharacterClasses.characterClass(classes, scalar)
            if characterClass == minority.rawValue {
                own += 1
            } else if characterClass == HanForm.simplifiedOnly.rawValue || characterClass == HanForm.traditionalOnly.rawValue {
                return false
            }
            index += length
        }
        return own >= 3
    }

    private static func isClauseBoundary(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let previous = text[index - 1]
        if previous < 0x80 { return isClauseByte(previous) }
        guard let scalar = ScalarClass.scalar(before: index, in: text) else { return false }
        return isClausePunctuation(scalar)
    }

    /// ASCII white space and the punctuation that ends a clause.
    private static func isClauseByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
            UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// Full-width clause punctuation and the ideographic space.
    private static func isClausePunctuation(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3000, 0x3001, 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A: return true  // 　、。，！？；：
        default: return false
        }
    }
}
