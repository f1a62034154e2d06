import ChaffData

/// Counts of decisive characters (Simplified-only and Traditional-only) in ranges of one text,
/// and the nearest of them around a character, answered from the positions of those characters
/// in a stretch around the ranges asked about.
///
/// `HanScriptNeighbourhood` counts the decisive characters of a finding's line, up to a
/// thousand bytes on each side, for every finding in a record, and the nearest dozen on each
/// side of every finding; spun text puts dozens of findings in such a window, and decoding it
/// anew for each was most of `mixed-han-script`'s work. The findings come in text order, so
/// the stretch read once serves the findings after it.
///
/// A count is that of `HanScriptNeighbourhood.tallyDecisive`: the characters that start and end
/// inside the range. Where a decoder starts cannot change which UTF-8 sequences it decodes
/// (a lead byte is never a continuation byte), so characters found reading the stretch from
/// its start are those found reading a range from its own start.
struct DecisiveCharacterIndex {
    /// Bytes read at once, from the start of a range outside the stretch read before.
    private let stretchBytes: Int
    private var stretch = 0..<0
    /// Start and end offsets of the stretch's decisive characters, ascending.
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Per character, whether it is Simplified-only (else Traditional-only).
    private var isSimplified: [Bool] = []
    /// `simplifiedBefore[i]`: the Simplified-only characters among the first `i`.
    private var simplifiedBefore: [Int32] = [0]

    /// An index that reads `stretchBytes` at a time (more when a range is longer).
    init(stretchBytes: Int) {
        self.stretchBytes = stretchBytes
    }

    /// Decisive characters inside `range` of `text`: of `minority`'s form, and of the other.
    mutating func tally(_ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>) -> (own: Int, other: Int) {
        cover(range, in: text)
        // The characters inside are those ending at or before the upper bound (a prefix) less
        // those starting before the lower bound (a shorter prefix: characters do not overlap).
        let endingInside = Self.firstIndex(in: ends) { $0 > range.upperBound }
        let first = min(Self.firstIndex(in: starts) { $0 >= range.lowerBound }, endingInside)
        let simplified = Int(simplifiedBefore[endingInside] - simplifiedBefore[first])
        let traditional = endingInside - first - simplified
        return minority == .simplifiedOnly ? (simplified, traditional) : (traditional, simplified)
    }

    /// The `reach` decisive characters nearest to `range` on each side, of `minority`'s form
    /// (`own`) and of the other: after it those that start at or after its end and end at or
    /// before `after`, before it those that start at or after `before` (and end before it).
    mutating func nearest(
        _ range: Range<Int>, reach: Int, before: Int, after: Int, minority: HanForm, in text: UnsafeBufferPointer<UInt8>
    ) -> (own: Int, other: Int) {
        cover(min(before, range.lowerBound)..<max(after, range.upperBound), in: text)
        var simplified = 0
        var counted = 0
        var i = Self.firstIndex(in: starts) { $0 >= range.upperBound }
        while i < starts.count && counted < reach && ends[i] <= after {
            if isSimplified[i] { simplified += 1 }
            counted += 1
            i += 1
        }
        var seen = 0
        i = Self.firstIndex(in: starts) { $0 >= range.lowerBound } - 1
        while i >= 0 && seen < reach && starts[i] >= before {
            if isSimplified[i] { simplified += 1 }
            seen += 1
            i -= 1
        }
        let traditional = counted + seen - simplified
        return minority == .simplifiedOnly ? (simplified, traditional) : (traditional, simplified)
    }

    /// Reads a new stretch from `range`'s start unless the current one holds `range`.
    private mutating func cover(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        if range.lowerBound < stretch.lowerBound || range.upperBound > stretch.upperBound {
            read(range.lowerBound..<min(text.count, max(range.upperBound, range.lowerBound + stretchBytes)), in: text)
        }
    }

    private mutating func read(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        stretch = range
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        isSimplified.removeAll(keepingCapacity: true)
        simplifiedBefore.removeAll(keepingCapacity: true)
        simplifiedBefore.append(0)
        var simplified: Int32 = 0
        HanScriptCharacterClasses.forEachDecisive(in: range, of: text) { index, length, form in
            starts.append(index)
            ends.append(index + length)
            let isSimplifiedOnly = form == HanForm.simplifiedOnly.rawValue
            isSimplified.append(isSimplifiedOnly)
            if isSimplifiedOnly { simplified += 1 }
            simplifiedBefore.append(simplified)
        }
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
