/// Converts the byte ranges of one file's findings to lines and columns, continuing from the
/// previous conversion instead of counting from the line start each time.
///
/// `LineIndex.position` counts columns from the start of the line, so a long line with many
/// findings cost one pass over the line per finding: 30,000 `%s` on one 90 KB line took half a
/// minute, a megabyte-long line hours. The cursor remembers where its last start and end
/// conversions stopped; when findings come in order of their start (as the linter sorts them),
/// each line is counted about once. On a line longer than 64 KiB it also leaves a checkpoint
/// every 64 KiB it counts, so the next rule's findings, which start again from the top, count
/// at most 64 KiB each. Results are exactly those of `LineIndex.position`.
public struct PositionCursor {
    /// How far a count has gone on one line: every character that starts before `target` is
    /// counted in `count`, and `next` is the first character boundary at or after `target`.
    private struct Mark {
        var line: Int
        var target: Int
        var next: Int
        var count: Int
    }

    private let index: LineIndex
    private let bytes: [UInt8]
    private let unit: ColumnUnit
    private var startMark: Mark?
    private var endMark: Mark?
    /// For each long line, the marks at its start + k × `stride` (k = 1, 2, …), in order.
    private var checkpoints: [Int: [Mark]] = [:]
    /// Bytes between checkpoints (small in tests, to exercise them on short text).
    private let stride: Int
    /// Whether `bytes` are valid UTF-8, so that characters can be counted by their first bytes.
    private let validUTF8: Bool

    /// A cursor over `bytes`, indexed by `index`, counting columns in `unit`. With `validUTF8`
    /// (the caller knows the bytes are valid UTF-8) scalar and UTF-16 columns are counted eight
    /// bytes at a time in Chinese text too.
    public init(index: LineIndex, bytes: [UInt8], unit: ColumnUnit, validUTF8: Bool = false) {
        self.init(index: index, bytes: bytes, unit: unit, stride: 1 << 16, validUTF8: validUTF8)
    }

    init(index: LineIndex, bytes: [UInt8], unit: ColumnUnit, stride: Int, validUTF8: Bool = false) {
        self.index = index
        self.bytes = bytes
        self.unit = unit
        self.stride = stride
        self.validUTF8 = validUTF8
    }

    /// The 1-based line and column of `range`'s start and end, as `LineIndex.position` gives
    /// them.
    public mutating func positions(of range: Range<Int>) -> (start: (line: Int, column: Int), end: (line: Int, column: Int)) {
        let start = mark(for: range.lowerBound, from: startMark, endMark)
        startMark = start
        let end = mark(for: range.upperBound, from: start, endMark)
        endMark = end
        return ((start.line + 1, start.count + 1), (end.line + 1, end.count + 1))
    }

    private mutating func mark(for offset: Int, from first: Mark?, _ second: Mark?) -> Mark {
        let line = Self.line(of: offset, near: first ?? second, in: index)
        let lineStart = index.lineStarts[line]
        let target = max(lineStart, min(offset, bytes.count))
        // The furthest earlier mark on the same line; otherwise count from the line start.
        var best = Mark(line: line, target: lineStart, next: lineStart, count: 0)
        let reached = (target - lineStart) / stride
        if reached > 0, let marks = checkpoints[line], !marks.isEmpty {
            best = marks[min(reached, marks.count) - 1]
        }
        if let mark = first, mark.line == line && mark.target <= target && mark.target > best.target { best = mark }
        if let mark = second, mark.line == line && mark.target <= target && mark.target > best.target { best = mark }
        var next = best.next
        var count = best.count
        // Count in steps that end on checkpoint boundaries, recording each new checkpoint (none
        // before the first stride of the line: no dictionary lookup for the usual short line).
        while reached > 0 {
            let known = checkpoints[line]?.count ?? 0
            let boundary = lineStart + (known + 1) * stride
            guard boundary <= target, best.target < boundary else { break }
            Self.advance(bytes, next: &next, to: boundary, count: &count, unit: unit, validUTF8: validUTF8)
            let checkpoint = Mark(line: line, target: boundary, next: next, count: count)
            checkpoints[line, default: []].append(checkpoint)
            best = checkpoint
        }
        Self.advance(bytes, next: &next, to: target, count: &count, unit: unit, validUTF8: validUTF8)
        return Mark(line: line, target: target, next: next, count: count)
    }

    /// The line of `offset`: the line of `mark` when the offset lies in it (findings come in
    /// order, mostly several on a line), else found by searching the index.
    @inline(__always)
    private static func line(of offset: Int, near mark: Mark?, in index: LineIndex) -> Int {
        if let mark, index.lineStarts[mark.line] <= offset,
            mark.line + 1 >= index.lineStarts.count || offset < index.lineStarts[mark.line + 1]
        {
            return mark.line
        }
        return index.lineIndex(of: offset)
    }

    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on `word ^ pattern`).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// `advance` for valid UTF-8 in scalars or UTF-16 units: a character starts at each byte
    /// that is not a continuation byte (`10xxxxxx`), and takes two UTF-16 units when that byte
    /// starts four (`11110xxx`), so eight bytes are counted at once whatever the script.
    private static func countFirstBytes(_ bytes: [UInt8], next: inout Int, to: Int, count: inout Int, utf16: Bool) {
        guard next < to else { return }
        bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var i = next
            var n = count
            while i + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
                n += 8 - ByteWords.highBitCount(continuation)
                // A lead of four bytes: its top four bits set (11110xxx in valid UTF-8).
                if utf16 { n += ByteWords.highBitCount(word & (word << 1) & (word << 2) & (word << 3) & 0x8080_8080_8080_8080) }
                i += 8
            }
            while i < to {
                let byte = buffer[i]
                if byte & 0xC0 != 0x80 { n += utf16 && byte >= 0xF0 ? 2 : 1 }
                i += 1
            }
            // On to the end of the character that started before `to`.
            while i < buffer.count && buffer[i] & 0xC0 == 0x80 { i += 1 }
            next = i
            count = n
        }
    }

    /// Counts the characters that start in `next..<to` into `count` (in `unit`, the way
    /// `LineIndex.width` counts) and leaves `next` at the boundary after the last of them.
    static func advance(_ bytes: [UInt8], next: inout Int, to: Int, count: inout Int, unit: ColumnUnit, validUTF8: Bool = false) {
        if unit == .utf8 {
            if next < to {
                count += to - next
                next = to
            }
            return
        }
        if validUTF8 && (unit == .scalar || unit == .utf16) {
            countFirstBytes(bytes, next: &next, to: to, count: &count, utf16: unit == .utf16)
            return
        }
        let display = unit == .display
        let utf16 = unit == .utf16
        bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var i = next
            var n = count
            while i < to {
                // Eight ASCII bytes at a time (no tab when counting display columns): one unit
                // each. Most of a long line is usually ASCII.
                while i + 8 <= to {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    if display && Self.hasByte(word, 0x09) { break }
                    n += 8
                    i += 8
                }
                guard i < to else { break }
                let lead = buffer[i]
                if lead < 0x80 {
                    if display && lead == 0x09 {
                        n = (n / 8 + 1) * 8
                    } else {
                        n += 1
                    }
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(buffer, at: i)
                i += length
                if display {
                    n += DisplayWidth.columns(of: scalar ?? 0xFFFD)
                } else if utf16 {
                    n += (scalar ?? 0) > 0xFFFF ? 2 : 1
                } else {
                    n += 1
                }
            }
            next = i
            count = n
        }
    }
}
