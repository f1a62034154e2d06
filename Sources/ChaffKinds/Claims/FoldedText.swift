import ChaffData
import ChaffText

/// A copy of a text folded for phrase matching, and a map back to the original byte offsets.
///
/// Phrases are listed with single spaces in Simplified characters, but real text breaks and
/// disguises them:
/// - white space: wrapped text breaks a phrase anywhere (`studies\n show`, or `据不完\n全统计`
///   in hard-wrapped Chinese). Each run of ASCII white space becomes one space, and a run that
///   holds a line break between two non-ASCII bytes is dropped (Markdown joins such CJK lines
///   without a space);
/// - pinyin glosses: spun pages interleave readings (`据不完(wan)全统计(ji)`). A parenthesised
///   group of ASCII letters (with tone digits, `'` and single spaces; `(…)` or `（…）`) right
///   after a Han character is dropped;
/// - Traditional characters: a Traditional character with a single Simplified form is written
///   in that form (`據悉` → `据悉`, `統計` → `统计`, also one Traditional character inside a
///   Simplified page), from `PinyinHanNormalization`. Both forms are three UTF-8 bytes, so this
///   never moves an offset.
/// Matches found in the folded copy are mapped back, so reported ranges are offsets into the
/// original (a match that ends before a dropped gloss ends at its last Han character).
///
/// The map back is stored sparsely: folded byte `i` comes from original byte `i + shift`, and
/// `shift` only changes after a run of white space or a gloss that folding shortened or
/// dropped. One entry per such run costs far less than one offset per byte (which was four
/// times the text).
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
        guard Self.needsFolding(text) else {
            bytes = []
            shiftStarts = []
            shifts = []
            isIdentity = true
            return
        }
        let hanTable = HanFold.table
        var starts: [Int32] = []
        var deltas: [Int32] = []
        let out = hanTable.withUnsafeBufferPointer { han in
            [UInt8](unsafeUninitializedCapacity: text.count) { out, initialized in
                var folder = Folder(text: text, out: out, han: han)
                folder.run()
                initialized = folder.n
                starts = folder.starts
                deltas = folder.deltas
            }
        }
        bytes = out
        shiftStarts = starts
        shifts = deltas
        isIdentity = false
    }

    /// One folding pass: where it reads and writes, and the shifts recorded so far. Its steps
    /// are `@inline(__always)` so that `run` compiles as the one loop it was written as, its
    /// offsets in registers.
    private struct Folder {
        let text: UnsafeBufferPointer<UInt8>
        let source: UnsafePointer<UInt8>
        let out: UnsafeMutableBufferPointer<UInt8>
        let target: UnsafeMutablePointer<UInt8>
        let han: UnsafeBufferPointer<UInt16>
        /// Bytes written.
        var n = 0
        /// Bytes read.
        var i = 0
        var shift = 0
        var starts: [Int32] = []
        var deltas: [Int32] = []

        @inline(__always)
        init(text: UnsafeBufferPointer<UInt8>, out: UnsafeMutableBufferPointer<UInt8>, han: UnsafeBufferPointer<UInt16>) {
            self.text = text
            self.source = text.baseAddress!
            self.out = out
            self.target = out.baseAddress!
            self.han = han
        }

        @inline(__always)
        mutating func run() {
            while i < text.count {
                if copyPlainWords() { break }
                let b = text[i]
                if b >= 0xE3 && b <= 0xE9 && i + 2 < text.count {
                    foldHanRun(from: b)
                    continue
                }
                if (b == 0x28 || b == 0xEF), let end = FoldedText.glossEnd(text, at: i) {
                    i = end
                    record(next: i)
                    continue
                }
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else {
                    out[n] = b
                    n += 1
                    i += 1
                    continue
                }
                whiteSpace(b)
            }
        }

        /// Notes that the next folded byte comes from `j`, when that changes the shift.
        @inline(__always)
        mutating func record(next j: Int) {
            if j - n != shift {
                shift = j - n
                starts.append(Int32(n))
                deltas.append(Int32(shift))
            }
        }

        /// Copies up to the next byte that may need folding (a control byte, a space beside
        /// other white space, `(`, or a lead byte of a three-byte Han character), eight bytes at
        /// a time over ASCII; returns whether that reached the end of the text.
        ///
        /// A single space between two other bytes stays as it is (`whiteSpace`), so a word
        /// whose spaces are single and not its last byte is copied whole too: on English prose
        /// this is most words, where breaking at every space cost a pass of the byte-at-a-time
        /// path per word.
        @inline(__always)
        mutating func copyPlainWords() -> Bool {
            var k = i
            while k + 8 <= text.count {
                let word = UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self)
                let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                if low != 0 || word & 0x8080_8080_8080_8080 != 0 { break }
                let paren = word ^ 0x2828_2828_2828_2828
                if (paren &- 0x0101_0101_0101_0101) & ~paren & 0x8080_8080_8080_8080 != 0 { break }
                let space = word ^ 0x2020_2020_2020_2020
                // Exactly the bytes that are 0x20 (no borrow between lanes).
                let spaces = ~(((space & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | space | 0x7F7F_7F7F_7F7F_7F7F)
                if spaces != 0 && (spaces & (spaces >> 8) != 0 || spaces >> 63 != 0 || (k == 0 && spaces & 0x80 != 0)) { break }
                // Stored as it was loaded: a word-wide copy, not a second pass.
                UnsafeMutableRawPointer(target + n + (k - i)).storeBytes(of: word, as: UInt64.self)
                k += 8
            }
            if k > i {
                n += k - i
                i = k
                if i >= text.count { return true }
            }
            return false
        }

        /// Copies a run of three-byte characters (Chinese prose) from `i`, whose first byte is
        /// `first`, writing Traditional characters in their Simplified form; it stays in this loop
        /// while the run lasts.
        ///
        /// The run is only read here; its bytes are copied at once up to each character that
        /// folds, and at its end (most characters stay as they are).
        @inline(__always)
        mutating func foldHanRun(from first: UInt8) {
            var b = first
            var unfolded = i
            repeat {
                let b1 = source[i + 1], b2 = source[i + 2]
                if b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 {
                    let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
                    let t = scalar >= HanFold.base && scalar < HanFold.end ? han[Int(scalar - HanFold.base)] : 0
                    if t != 0 {
                        copy(from: unfolded, to: i)
                        let folded = UInt32(t)
                        target[n] = UInt8(0xE0 | (folded >> 12))
                        target[n + 1] = UInt8(0x80 | ((folded >> 6) & 0x3F))
                        target[n + 2] = UInt8(0x80 | (folded & 0x3F))
                        n += 3
                        unfolded = i + 3
                    }
                }
                i += 3
                guard i + 2 < text.count else { break }
                b = source[i]
            } while b >= 0xE3 && b <= 0xE9
            copy(from: unfolded, to: i)
        }

        /// Copies the text's bytes `start..<end` to the folded bytes as they are.
        @inline(__always)
        mutating func copy(from start: Int, to end: Int) {
            guard end > start else { return }
            (target + n).update(from: source + start, count: end - start)
            n += end - start
        }

        /// Folds the white space at `i` (its first byte `b`): a single space between two other
        /// bytes is kept, a run becomes one space, and a run with a line break between two
        /// non-ASCII bytes is dropped.
        @inline(__always)
        mutating func whiteSpace(_ b: UInt8) {
            if b == 0x20, i + 1 < text.count, i > 0 {
                let next = text[i + 1]
                if next != 0x20 && next != 0x0A && next != 0x0D && next != 0x09 {
                    out[n] = 0x20
                    n += 1
                    i += 1
                    return
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
            record(next: j)
            i = j
        }
    }

    /// Whether folding would change `text`: white space to fold, a gloss to drop or a
    /// Traditional character to write Simplified.
    static func needsFolding(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let han = HanFold.table
        var i = 0
        while i < text.count {
            let b = text[i]
            if b < 0x80 {
                if b == 0x0A || b == 0x0D || b == 0x09 || (b == 0x20 && i + 1 < text.count && (text[i + 1] == 0x20 || text[i + 1] == 0x0A))
                {
                    return true
                }
                if b == 0x28 && glossEnd(text, at: i) != nil { return true }
                i += 1
            } else if b >= 0xE3 && b <= 0xE9 && i + 2 < text.count {
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
                if text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80, HanFold.fold(scalar, han) != scalar { return true }
                i += 3
            } else {
                if b == 0xEF && glossEnd(text, at: i) != nil { return true }
                i += 1
            }
        }
        return false
    }

    /// The end of a pinyin gloss that opens at `i` (`(wan)`, `（wán）` is not ASCII and stays),
    /// right after a Han character: 1–24 ASCII letters, tone digits, `'` and single spaces,
    /// starting with a letter, in `(…)` or `（…）`.
    static func glossEnd(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j: Int
        if text[i] == 0x28 {
            j = i + 1
        } else if text[i] == 0xEF, i + 2 < text.count, text[i + 1] == 0xBC, text[i + 2] == 0x88 {
            j = i + 3
        } else {
            return nil
        }
        guard i >= 3, let before = TextScalar.scalar(before: i, in: text), TextScalar.isHan(before) else { return nil }
        let first = j
        while j < text.count && j - first <= 24 {
            let c = text[j]
            if TextScalar.isASCIILetter(c) || (c >= 0x30 && c <= 0x35) || c == 0x27 {
                j += 1
            } else if c == 0x20, j > first, j + 1 < text.count, TextScalar.isASCIILetter(text[j + 1]) {
                j += 1
            } else {
                break
            }
        }
        guard j > first, j - first <= 24, TextScalar.isASCIILetter(text[first]), j < text.count else { return nil }
        if text[j] == 0x29 { return j + 1 }
        if text[j] == 0xEF, j + 2 < text.count, text[j + 1] == 0xBC, text[j + 2] == 0x89 { return j + 3 }
        return nil
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

    /// Where a text may be cut into pieces that are folded and matched apart.
    struct Cuts: OptionSet {
        let rawValue: UInt8

        /// Right after `。` followed by a byte other than white space.
        static let ideographicFullStop = Cuts(rawValue: 1)
        /// After the white space that follows `.`, `!` or `?`, before the next byte.
        static let sentenceEnd = Cuts(rawValue: 2)
    }

    /// The cuts `lexicon` allows. A cut must leave no match, frame clause or word-boundary test
    /// reaching across it, so that matching the pieces finds what matching the whole finds:
    /// - after `。`: no phrase, frame or exception has a `。` before its last character (a match
    ///   that ends with `。` stays inside its piece; one that reached across a cut would hold
    ///   `。` followed by more), and `。` does not make 据 part of a word;
    /// - after a sentence's end and its white space: no pattern has `.`, `!` or `?` before its
    ///   last character, and a space does not make 据 part of a word. Frame clauses end at
    ///   these marks followed by a space in English and at them in Chinese (`ClauseBounds`).
    ///   English text has no `。`: without these cuts a long English document was one piece,
    ///   and its folded copy half the size of the file.
    static func cuts(for lexicon: ClaimLexicon) -> Cuts {
        // Read as UTF-8 bytes (a mark is a whole scalar there too): a document longer than a
        // piece asks this of every phrase, and walking each one's scalars cost a third of a
        // millisecond a document.
        func free(_ text: String, of marks: [[UInt8]]) -> Bool {
            var text = text
            return text.withUTF8 { bytes in
                // The last scalar starts at the last byte that is not a continuation byte.
                guard let last = bytes.lastIndex(where: { $0 & 0xC0 != 0x80 }) else { return true }
                for start in 0..<last where bytes[start] & 0xC0 != 0x80 {
                    for mark in marks where start + mark.count <= last {
                        if (0..<mark.count).allSatisfy({ bytes[start + $0] == mark[$0] }) { return false }
                    }
                }
                return true
            }
        }
        func allFree(of marks: [UInt32]) -> Bool {
            let marks = marks.map { Array(String(Unicode.Scalar($0)!).utf8) }
            return lexicon.phrases.allSatisfy { free($0.text, of: marks) }
                && lexicon.groups.allSatisfy { $0.exceptions.allSatisfy { free($0, of: marks) } }
        }
        var cuts: Cuts = []
        if allFree(of: [0x3002, 0xFF61]) && !SourceCues.chineseJuWordStarts.contains(0x3002) { cuts.insert(.ideographicFullStop) }
        if allFree(of: [0x2E, 0x21, 0x3F]) && !SourceCues.chineseJuWordStarts.contains(0x20) { cuts.insert(.sentenceEnd) }
        return cuts
    }

    /// Consecutive ranges covering `text`, each about `size` bytes or more, cut only where
    /// `cuts` allows: right after a `。` that is followed by a byte other than white space, or
    /// after the white space that follows `.`, `!` or `?`, before a byte other than white space.
    ///
    /// At such a cut no white-space run is split, and a run that ends a piece folds to the one
    /// space it folds to in the whole (after `.`, an ASCII byte, it is never dropped), so each
    /// piece folds to exactly its part of the folded whole; and with `cuts(for:)`, no match,
    /// frame clause or word-boundary test reaches across it, so matching the pieces finds what
    /// matching the whole finds.
    static func pieces(of text: UnsafeBufferPointer<UInt8>, size: Int = pieceSize, at cuts: Cuts = .ideographicFullStop) -> [Range<Int>] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        let fullStops = cuts.contains(.ideographicFullStop)
        let sentenceEnds = cuts.contains(.sentenceEnd)
        var out: [Range<Int>] = []
        var start = 0
        var i = size
        // Eight bytes at a time past those that can start no cut: most of a piece is read here.
        let stops = [0xE3, 0x2E, 0x21, 0x3F].map(ByteWords.broadcast)
        while i + 3 < text.count {
            if let base = text.baseAddress {
                while i + 11 < text.count {
                    let word = ByteWords.load(base, i)
                    if ByteWords.equalBytes(word, stops[0]) | ByteWords.equalBytes(word, stops[1])
                        | ByteWords.equalBytes(word, stops[2]) | ByteWords.equalBytes(word, stops[3]) != 0
                    {
                        break
                    }
                    i += 8
                }
            }
            let b = text[i]
            var cut: Int? = nil
            if fullStops && b == 0xE3 && text[i + 1] == 0x80 && text[i + 2] == 0x82 && !isSpace(text[i + 3]) {
                cut = i + 3
            } else if sentenceEnds && (b == 0x2E || b == 0x21 || b == 0x3F) && isSpace(text[i + 1]) {
                var j = i + 1
                while j < text.count && isSpace(text[j]) { j += 1 }
                if j < text.count { cut = j }
            }
            if let cut {
                out.append(start..<cut)
                start = cut
                i = cut + size
                continue
            }
            i += 1
        }
        out.append(start..<text.count)
        return out
    }
}

/// Traditional characters written in their Simplified form for matching: a flat table over the
/// CJK blocks of three-byte UTF-8 (U+3400–U+9FFF), built once from `PinyinHanNormalization`
/// (Unihan kSimplifiedVariant, one form per character; 著 and 乾 keep themselves).
enum HanFold {
    static let base: UInt32 = 0x3400
    static let end: UInt32 = 0xA000

    /// `table[s - base]` is the Simplified form of `s`, or 0 when `s` stays.
    static let table: [UInt16] = {
        var out = [UInt16](repeating: 0, count: Int(end - base))
        PinyinHanNormalization.forEachSimplification { s, t in
            if s >= base, s < end, t >= base, t < end { out[Int(s - base)] = UInt16(t) }
        }
        return out
    }()

    /// The Simplified form of `scalar` (itself when it has none).
    @inline(__always)
    static func fold(_ scalar: UInt32, _ table: [UInt16]) -> UInt32 {
        guard scalar >= base, scalar < end else { return scalar }
        let t = table[Int(scalar - base)]
        return t == 0 ? scalar : UInt32(t)
    }

    /// `bytes` (UTF-8) with each Traditional character written in its Simplified form.
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        let table = self.table
        var out = bytes
        var i = 0
        while i + 2 < out.count {
            let b = out[i]
            guard b >= 0xE3 && b <= 0xE9, out[i + 1] & 0xC0 == 0x80, out[i + 2] & 0xC0 == 0x80 else {
                i += 1
                continue
            }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(out[i + 1] & 0x3F) << 6) | UInt32(out[i + 2] & 0x3F)
            let folded = fold(scalar, table)
            if folded != scalar {
                out[i] = UInt8(0xE0 | (folded >> 12))
                out[i + 1] = UInt8(0x80 | ((folded >> 6) & 0x3F))
                out[i + 2] = UInt8(0x80 | (folded & 0x3F))
            }
            i += 3
        }
        return out
    }

    /// `text` with each Traditional character written in its Simplified form.
    static func fold(_ text: String) -> String { String(decoding: fold(Array(text.utf8)), as: UTF8.self) }
}
