/// A copy of a text with white space folded, and a map back to the original byte offsets.
///
/// Phrases are listed with single spaces, but wrapped text breaks them anywhere: `studies\n
/// show`, or `据不完\n全统计` in hard-wrapped Chinese. Folding turns each run of ASCII white
/// space into one space, and drops a run that holds a line break between two non-ASCII bytes
/// (Markdown joins such CJK lines without a space). Matches found in the folded copy are mapped
/// back, so reported ranges are offsets into the original.
///
/// The map back is stored sparsely: folded byte `i` comes from original byte `i + shift`, and
/// `shift` only changes after a run of white space that folding shortened or dropped. One entry
/// per such run costs far less than one offset per byte (which was four times the text).
struct FoldedText {
    /// The folded bytes.
    let bytes: [UInt8]
    /// Folded offsets where a new shift starts, ascending; `shifts[k]` holds from
    /// `shiftStarts[k]` up to the next start. Empty when the shift is 0 everywhere.
    private let shiftStarts: [Int32]
    private let shifts: [Int32]
    /// Whether folding changed anything; when it did not, offsets are the same.
    let isIdentity: Bool

    init(_ text: UnsafeBufferPointer<UInt8>) {
        var needed = false
        var i = 0
        while i < text.count {
            let b = text[i]
            if b == 0x0A || b == 0x0D || b == 0x09 || (b == 0x20 && i + 1 < text.count && (text[i + 1] == 0x20 || text[i + 1] == 0x0A)) {
                needed = true
                break
            }
            i += 1
        }
        guard needed else {
            bytes = []
            shiftStarts = []
            shifts = []
            isIdentity = true
            return
        }
        var starts: [Int32] = []
        var deltas: [Int32] = []
        let out = [UInt8](unsafeUninitializedCapacity: text.count) { out, initialized in
            var n = 0
            var shift = 0
            var i = 0
            while i < text.count {
                let b = text[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else {
                    out[n] = b
                    n += 1
                    i += 1
                    continue
                }
                var j = i
                var lineBreak = false
                while j < text.count && (text[j] == 0x20 || text[j] == 0x0A || text[j] == 0x0D || text[j] == 0x09) {
                    if text[j] == 0x0A { lineBreak = true }
                    j += 1
                }
                let joinsCJK = lineBreak && i > 0 && j < text.count && text[i - 1] >= 0x80 && text[j] >= 0x80
                if !joinsCJK {
                    out[n] = 0x20
                    n += 1
                }
                // The next folded byte comes from `j`.
                if j - n != shift {
                    shift = j - n
                    starts.append(Int32(n))
                    deltas.append(Int32(shift))
                }
                i = j
            }
            initialized = n
        }
        bytes = out
        shiftStarts = starts
        shifts = deltas
        isIdentity = false
    }

    /// The original offset of folded byte `folded`.
    private func origin(_ folded: Int) -> Int {
        var low = 0
        var high = shiftStarts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(shiftStarts[mid]) <= folded { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? folded : folded + Int(shifts[low - 1])
    }

    /// The original range of folded `range`.
    func original(_ range: Range<Int>) -> Range<Int> {
        if isIdentity { return range }
        return origin(range.lowerBound)..<(origin(range.upperBound - 1) + 1)
    }
}
