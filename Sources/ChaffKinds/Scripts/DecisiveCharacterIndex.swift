import ChaffData

/// Counts of decisive characters (Simplified-only and Traditional-only) in ranges of one text,
/// answered from the positions of those characters in a stretch around the ranges asked about.
///
/// `HanScriptNeighbourhood` counts the decisive characters of a finding's line, up to a
/// thousand bytes on each side, for every finding in a record; spun text puts a dozen findings
/// in such a window, and counting it anew for each was a fifth of `mixed-han-script`'s work.
/// The findings come in text order, so the stretch read once serves the findings after it.
///
/// A count is that of `HanScriptNeighbourhood.tallyDecisive`: the characters that start and end
/// inside the range. Where a decoder starts cannot change which UTF-8 sequences it decodes
/// (a lead byte is never a continuation byte), so characters found reading the stretch from
/// its start are those found reading a range from its own start.
struct DecisiveCharacterIndex {
    /// Bytes read at once, from the start of a range outside the stretch read before.
    private let stretchBytes: Int
    private var stretch = 0..<0
    /// Start and end offsets of the stretch's characters of each form, ascending.
    private var simplifiedStarts: [Int] = []
    private var simplifiedEnds: [Int] = []
    private var traditionalStarts: [Int] = []
    private var traditionalEnds: [Int] = []

    /// An index that reads `stretchBytes` at a time (more when a range is longer).
    init(stretchBytes: Int) {
        self.stretchBytes = stretchBytes
    }

    /// Decisive characters inside `range` of `text`: of `minority`'s form, and of the other.
    mutating func tally(_ range: Range<Int>, minority: HanForm, in text: UnsafeBufferPointer<UInt8>) -> (own: Int, other: Int) {
        if range.lowerBound < stretch.lowerBound || range.upperBound > stretch.upperBound {
            read(range.lowerBound..<min(text.count, max(range.upperBound, range.lowerBound + stretchBytes)), in: text)
        }
        let simplified = Self.count(simplifiedStarts, simplifiedEnds, range)
        let traditional = Self.count(traditionalStarts, traditionalEnds, range)
        return minority == .simplifiedOnly ? (simplified, traditional) : (traditional, simplified)
    }

    private mutating func read(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) {
        stretch = range
        simplifiedStarts.removeAll(keepingCapacity: true)
        simplifiedEnds.removeAll(keepingCapacity: true)
        traditionalStarts.removeAll(keepingCapacity: true)
        traditionalEnds.removeAll(keepingCapacity: true)
        HanScriptCharacterClasses.forEachDecisive(in: range, of: text) { index, length, form in
            if form == HanForm.simplifiedOnly.rawValue {
                simplifiedStarts.append(index)
                simplifiedEnds.append(index + length)
            } else {
                traditionalStarts.append(index)
                traditionalEnds.append(index + length)
            }
        }
    }

    /// The characters with start at or after `range.lowerBound` and end at or before its upper
    /// bound. Both lists ascend, so those ending inside are a prefix, those starting before it
    /// another, and the characters wanted are the first prefix less the shorter of the two.
    private static func count(_ starts: [Int], _ ends: [Int], _ range: Range<Int>) -> Int {
        let endingInside = firstIndex(in: ends) { $0 > range.upperBound }
        let startingBefore = firstIndex(in: starts) { $0 >= range.lowerBound }
        return endingInside - min(startingBefore, endingInside)
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
