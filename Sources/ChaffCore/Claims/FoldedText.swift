/// A copy of a text with white space folded, and a map back to the original byte offsets.
///
/// Phrases are listed with single spaces, but wrapped text breaks them anywhere: `studies\n
/// show`, or `据不完\n全统计` in hard-wrapped Chinese. Folding turns each run of ASCII white
/// space into one space, and drops a run that holds a line break between two non-ASCII bytes
/// (Markdown joins such CJK lines without a space). Matches found in the folded copy are mapped
/// back, so reported ranges are offsets into the original.
struct FoldedText {
    /// The folded bytes.
    let bytes: [UInt8]
    /// `origin[i]` is the original offset of folded byte `i`.
    private let origin: [Int32]
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
            origin = []
            isIdentity = true
            return
        }
        var out: [UInt8] = []
        var map: [Int32] = []
        out.reserveCapacity(text.count)
        map.reserveCapacity(text.count)
        i = 0
        while i < text.count {
            let b = text[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else {
                out.append(b)
                map.append(Int32(i))
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
                out.append(0x20)
                map.append(Int32(i))
            }
            i = j
        }
        bytes = out
        origin = map
        isIdentity = false
    }

    /// The original range of folded `range`.
    func original(_ range: Range<Int>) -> Range<Int> {
        if isIdentity { return range }
        return Int(origin[range.lowerBound])..<(Int(origin[range.upperBound - 1]) + 1)
    }
}
