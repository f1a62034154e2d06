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
            let source = text.baseAddress!, target = out.baseAddress!
            while i < text.count {
                // Copy up to the next byte that may be white space (any byte below 0x21; the
                // test flags no byte of 0x80 or more and finds the first low one exactly),
                // eight bytes at a time: Chinese text has few.
                var k = i
                while k + 8 <= text.count {
                    let word = UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self)
                    let low = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
                    if low != 0 { k += low.trailingZeroBitCount >> 3; break }
                    k += 8
                }
                if k > i {
                    (target + n).initialize(from: source + i, count: k - i)
                    n += k - i
                    i = k
                    if i >= text.count { break }
                }
                let b = text[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else {
                    out[n] = b
                    n += 1
                    i += 1
                    continue
                }
                // A single space between two other bytes is kept as it is.
                if b == 0x20, i + 1 < text.count, i > 0 {
                    let next = text[i + 1]
                    if next != 0x20 && next != 0x0A && next != 0x0D && next != 0x09 {
                        out[n] = 0x20
                        n += 1
                        i += 1
                        continue
                    }
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

extension FoldedText {
    /// Texts longer than this are folded and matched in pieces of about this size.
    static let pieceSize = 1 << 20

    /// Whether `lexicon` allows cutting a text right after `。`: no phrase, frame or exception
    /// has a `。` before its last character (a match that ends with `。` stays inside its
    /// piece; one that reached across a cut would hold `。` followed by more), and `。` does
    /// not make 据 part of a word.
    static func canCut(_ lexicon: ClaimLexicon) -> Bool {
        func free(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars.dropLast())
            return !scalars.contains { $0.value == 0x3002 || $0.value == 0xFF61 }
        }
        return lexicon.phrases.allSatisfy { free($0.text) } && lexicon.groups.allSatisfy { $0.exceptions.allSatisfy(free) }
            && !SourceCues.chineseJuWordStarts.contains(0x3002)
    }

    /// Consecutive ranges covering `text`, each about `size` bytes or more, cut only right after
    /// a `。` that is followed by a byte other than white space.
    ///
    /// At such a cut no white-space run is split, so each piece folds to exactly its part of the
    /// folded whole; and when no pattern holds `。` (`canCut`), no match, frame clause (clauses
    /// end at `。`) or word-boundary test reaches across it, so matching the pieces finds what
    /// matching the whole finds.
    static func pieces(of text: UnsafeBufferPointer<UInt8>, size: Int = pieceSize) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = size
        while i + 3 < text.count {
            if text[i] == 0xE3, text[i + 1] == 0x80, text[i + 2] == 0x82 {
                let cut = i + 3
                let next = text[cut]
                if next != 0x20 && next != 0x09 && next != 0x0A && next != 0x0D {
                    out.append(start..<cut)
                    start = cut
                    i = cut + size
                    continue
                }
            }
            i += 1
        }
        out.append(start..<text.count)
        return out
    }
}
