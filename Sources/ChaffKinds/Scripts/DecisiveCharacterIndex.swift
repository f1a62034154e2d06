import ChaffData

/// Counts of decisive characters (Simplified-only and Traditional-only) in ranges of one text,
/// and the nearest of them around a character, answered from the positions of those characters
/// in a stretch around the ranges asked about, or in the whole text.
///
/// `HanScriptNeighbourhood` counts the decisive characters of a finding's line, up to a
/// thousand bytes on each side, for every finding in a record, and the nearest dozen on each
/// side of every finding; spun text puts dozens of findings in such a window, and decoding it
/// anew for each was most of `mixed-han-script`'s work. The findings come in text order, so
/// the stretch read once serves the findings after it. A text small enough is indexed whole
/// while `mixed-han-script` counts it (`init(recordingWholeTextOf:)`), and read no more.
///
/// A count is that of `HanScriptNeighbourhood.tallyDecisive`: the characters that start and end
/// inside the range. Where a decoder starts cannot change which UTF-8 sequences it decodes
/// (a lead byte is never a continuation byte), so characters found reading the stretch from
/// its start are those found reading a range from its own start.
struct DecisiveCharacterIndex {
    /// Bytes read at once, from the start of a range outside the stretch read before.
    private let stretchBytes: Int
    private var stretch = 0..<0
    /// Start offsets of the stretch's Simplified-only characters and of its Traditional-only
    /// ones, each ascending: the lists counting keeps, which the whole-text index takes as
    /// they are. A character ends three bytes after its start, four above the BMP (a
    /// decisive character is Han).
    private var simplified: [Int] = []
    private var traditional: [Int] = []
    /// Where the last search in each list ended: findings come in text order, and a search
    /// that starts there touches a few entries, where one over a whole text's list missed the
    /// cache at every step.
    private var simplifiedHint = 0
    private var traditionalHint = 0

    /// An index that reads `stretchBytes` at a time (more when a range is longer).
    init(stretchBytes: Int) {
        self.stretchBytes = stretchBytes
    }

    /// An index of a whole text of `count` bytes that reads nothing: its caller records every
    /// decisive character (`record`) while it counts the text's paragraphs, which hold all of
    /// them (a blank line holds none, and no character crosses a line break). Spun text has
    /// findings all over, around which a reading index read the text once more.
    init(recordingWholeTextOf count: Int) {
        stretchBytes = count
        stretch = 0..<count
    }

    /// Texts up to this size are indexed whole while they are counted; the index of a larger
    /// one would hold all its decisive characters at once, where a reading index holds a
    /// stretch.
    static let wholeTextLimit = 16 << 20

    /// Adds decisive characters that start at `simplifiedStarts` and `traditionalStarts`
    /// (each ascending) after every one added before.
    mutating func record(simplified simplifiedStarts: some Collection<Int>, traditional traditionalStarts: some Collection<Int>) {
        simplified.append(contentsOf: simplifiedStarts)
        traditional.append(contentsOf: traditionalStarts)
    }

    /// Adds the decisive character at `start`, after every one added before.
    mutating func record(_ start: Int, simplified isSimplified: Bool) {
        if isSimplified { simplified.append(start) } else { traditional.append(start) }
    }

    /// Calls `body` with the range of each character of `form` (Simplified-only or
    /// Traditional-only) that lies wholly inside `range`, in order. The range must lie within
    /// the stretch.
    func forEach(_ form: HanForm, in range: Range<Int>, of text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let starts = form == .simplifiedOnly ? simplified : traditional
        var i = Self.firstIndex(in: starts) { $0 >= range.lowerBound }
        while i < starts.count {
            let end = Self.end(of: starts[i], in: text)
            if end > range.upperBound { break }
            body(starts[i]..<end)
            i += 1
        }
    }

    /// Decisive characters inside `range` of `text`: of `minority`'s form, and of the other.
    mutating func tally(_ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>) -> (own: Int, other: Int) {
        cover(range, in: text)
        let simplifiedCount = Self.count(simplified, inside: range, in: text, hint: &simplifiedHint)
        let traditionalCount = Self.count(traditional, inside: range, in: text, hint: &traditionalHint)
        return minority == .simplifiedOnly ? (simplifiedCount, traditionalCount) : (traditionalCount, simplifiedCount)
    }

    /// The characters of `starts` inside `range`: those ending at or before its upper bound (a
    /// prefix) less those starting before its lower bound (a shorter prefix: characters do not
    /// overlap).
    private static func count(_ starts: [Int], inside range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, hint: inout Int) -> Int {
        let endingInside = firstIndex(in: starts, near: &hint) { end(of: $0, in: text) > range.upperBound }
        let first = min(firstIndex(in: starts, near: &hint) { $0 >= range.lowerBound }, endingInside)
        return endingInside - first
    }

    /// The `reach` decisive characters nearest to `range` on each side, of `minority`'s form
    /// (`own`) and of the other: after it those that start at or after its end and end at or
    /// before `after`, before it those that start at or after `before` (and end before it).
    mutating func nearest(
        _ range: Range<Int>, reach: Int, before: Int, after: Int, minority: HanForm, in text: UnsafeBufferPointer<UInt8>
    ) -> (own: Int, other: Int) {
        cover(min(before, range.lowerBound)..<max(after, range.upperBound), in: text)
        // The lists read in place: each step of the walks below indexed both arrays, with
        // their bounds checked, for every finding of a dense page.
        let (simplifiedCount, traditionalCount) = simplified.withUnsafeBufferPointer { simplified in
            traditional.withUnsafeBufferPointer { traditional in
                Self.nearest(
                    range, reach: reach, before: before, after: after, simplified: simplified, traditional: traditional, in: text,
                    hints: &simplifiedHint, &traditionalHint)
            }
        }
        return minority == .simplifiedOnly ? (simplifiedCount, traditionalCount) : (traditionalCount, simplifiedCount)
    }

    /// `nearest` over the two lists: how many of the characters taken are Simplified-only, and
    /// how many Traditional-only.
    @inline(__always)
    private static func nearest(
        _ range: Range<Int>, reach: Int, before: Int, after: Int, simplified: UnsafeBufferPointer<Int>,
        traditional: UnsafeBufferPointer<Int>, in text: UnsafeBufferPointer<UInt8>, hints simplifiedHint: inout Int,
        _ traditionalHint: inout Int
    ) -> (Int, Int) {
        var simplifiedCount = 0
        var counted = 0
        // Forwards, the two lists merged by start: the nearer character ends first too.
        var s = firstIndex(in: simplified, near: &simplifiedHint) { $0 >= range.upperBound }
        var t = firstIndex(in: traditional, near: &traditionalHint) { $0 >= range.upperBound }
        while counted < reach {
            let takesSimplified = t == traditional.count || (s < simplified.count && simplified[s] < traditional[t])
            guard takesSimplified ? s < simplified.count : t < traditional.count else { break }
            let start = takesSimplified ? simplified[s] : traditional[t]
            guard end(of: start, in: text) <= after else { break }
            if takesSimplified {
                simplifiedCount += 1
                s += 1
            } else {
                t += 1
            }
            counted += 1
        }
        // Backwards from the last character starting before the range.
        s = firstIndex(in: simplified, near: &simplifiedHint) { $0 >= range.lowerBound } - 1
        t = firstIndex(in: traditional, near: &traditionalHint) { $0 >= range.lowerBound } - 1
        var seen = 0
        while seen < reach {
            let takesSimplified = t < 0 || (s >= 0 && simplified[s] > traditional[t])
            guard takesSimplified ? s >= 0 : t >= 0 else { break }
            guard (takesSimplified ? simplified[s] : traditional[t]) >= before else { break }
            if takesSimplified {
                simplifiedCount += 1
                s -= 1
            } else {
                t -= 1
            }
            seen += 1
        }
        return (simplifiedCount, counted + seen - simplifiedCount)
    }

    /// Reads a new stretch from `range`'s start unless the current one holds `range`.
    private mutating func cover(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        if range.lowerBound < stretch.lowerBound || range.upperBound > stretch.upperBound {
            read(range.lowerBound..<min(text.count, max(range.upperBound, range.lowerBound + stretchBytes)), in: text)
        }
    }

    private mutating func read(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        stretch = range
        simplified.removeAll(keepingCapacity: true)
        traditional.removeAll(keepingCapacity: true)
        (simplifiedHint, traditionalHint) = (0, 0)
        HanScriptCharacterClasses.forEachDecisive(in: range, of: text) { index, _, form in
            record(index, simplified: form == HanForm.simplifiedOnly.rawValue)
        }
    }

    /// The end of the decisive character that starts at `start`.
    @inline(__always)
    private static func end(of start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        start + (text[start] >= 0xF0 ? 4 : 3)
    }

    /// `firstIndex(in:where:)` searched from `hint` outwards in growing steps, then between
    /// the last two; `hint` becomes the index found.
    @inline(__always)
    private static func firstIndex(in values: [Int], near hint: inout Int, where isPast: (Int) -> Bool) -> Int {
        values.withUnsafeBufferPointer { firstIndex(in: $0, near: &hint, where: isPast) }
    }

    /// `firstIndex(in:near:where:)` over a buffer.
    @inline(__always)
    private static func firstIndex(in values: UnsafeBufferPointer<Int>, near hint: inout Int, where isPast: (Int) -> Bool) -> Int {
        let count = values.count
        var low: Int
        var high: Int
        let start = min(max(hint, 0), count)
        if start == count || isPast(values[start]) {
            // At or before `start`: back until a value is not past.
            high = start
            var step = 1
            low = start - step
            while low >= 0 && isPast(values[low]) {
                high = low
                step *= 2
                low = high - step
            }
            low = max(low + 1, 0)
        } else {
            // After `start`: on until a value is past.
            low = start + 1
            var step = 1
            high = low
            while high < count && !isPast(values[high]) {
                low = high + 1
                step *= 2
                high = low + step - 1
            }
            high = min(high, count)
        }
        while low < high {
            let mid = (low + high) / 2
            if isPast(values[mid]) { high = mid } else { low = mid + 1 }
        }
        hint = low
        return low
    }

    /// The first index of ascending `values` whose value passes `isPast`, or its count.
    private static func firstIndex(in values: [Int], where isPast: (Int) -> Bool) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if isPast(values[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
