import ChaffText

/// The line searches around the findings of one text, remembering a stretch known to hold no
/// line break.
///
/// Each finding bounds its line within a window on both sides (`HanScriptNeighbourhood`), and
/// spun text puts dozens of findings on one long line: each searched its whole window anew,
/// up to a kilobyte on each side. A stretch searched once needs no second search, so a
/// search reads only past the known stretch's ends and widens it. The answers are those of
/// `ByteSearch.last` and `ByteSearch.next` over the same windows.
struct NewlineSpan {
    /// A stretch of the text with no line break; empty at first.
    private var span = 0..<0
    /// Whether `span` starts a line (at the text's start or after a line break).
    private var startsLine = false
    /// Whether `span` ends a line (at the text's end or at a line break).
    private var endsLine = false

    /// `ByteSearch.last(0x0A, in: text, lowest..<position).map { $0 + 1 } ?? lowest`.
    mutating func lineStart(before position: Int, notBelow lowest: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard lowest < position else { return lowest }
        guard span.lowerBound <= position && position <= span.upperBound else {
            let found = ByteSearch.last(0x0A, in: text, lowest..<position).map { $0 + 1 }
            span = (found ?? lowest)..<position
            startsLine = found != nil || lowest == 0
            endsLine = false
            return found ?? lowest
        }
        if startsLine { return max(span.lowerBound, lowest) }
        if lowest >= span.lowerBound { return lowest }
        // Only the part of the window below the known stretch is read.
        let found = ByteSearch.last(0x0A, in: text, lowest..<span.lowerBound).map { $0 + 1 }
        span = (found ?? lowest)..<span.upperBound
        startsLine = found != nil || lowest == 0
        return found ?? lowest
    }

    /// `ByteSearch.next(0x0A, in: text[..<highest], from: position) ?? highest`.
    mutating func lineEnd(from position: Int, below highest: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard position < highest else { return highest }
        guard span.lowerBound <= position && position <= span.upperBound else {
            let found = ByteSearch.next(0x0A, in: UnsafeBufferPointer(rebasing: text[..<highest]), from: position)
            span = position..<(found ?? highest)
            endsLine = found != nil || highest == text.count
            startsLine = false
            return found ?? highest
        }
        if endsLine { return min(span.upperBound, highest) }
        if highest <= span.upperBound { return highest }
        // Only the part of the window above the known stretch is read.
        let found = ByteSearch.next(0x0A, in: UnsafeBufferPointer(rebasing: text[..<highest]), from: span.upperBound)
        span = span.lowerBound..<(found ?? highest)
        endsLine = found != nil || highest == text.count
        return found ?? highest
    }

    /// Adds `range` to the known stretch when it touches it and holds no line break (a finding
    /// is a character), so that the searches on both sides of it start from one stretch.
    mutating func join(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        guard range.lowerBound <= span.upperBound && span.lowerBound <= range.upperBound else { return }
        for k in range where text[k] == 0x0A { return }
        if range.lowerBound < span.lowerBound { startsLine = false }
        if range.upperBound > span.upperBound { endsLine = false }
        span = min(span.lowerBound, range.lowerBound)..<max(span.upperBound, range.upperBound)
    }
}
