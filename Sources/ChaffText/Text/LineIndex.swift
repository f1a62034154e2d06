/// Maps byte offsets in one file to 1-based lines and columns.
///
/// Built once per file; every diagnostic's position is converted through it exactly once.
/// Lines end at `\n`, `\r\n` or a lone `\r`. A UTF-8 byte order mark is not part of line 1's
/// columns, because editors hide it.
public struct LineIndex: Sendable {
    /// Byte offset where each line's text starts.
    public let lineStarts: LineStarts
    private let byteCount: Int

    /// Indexes `bytes`.
    public init(_ bytes: [UInt8]) {
        lineStarts =
            bytes.count <= Int(UInt32.max)
            ? LineStarts(Self.starts(bytes, as: UInt32.self)) : LineStarts(wide: Self.starts(bytes, as: Int.self))
        byteCount = bytes.count
    }

    /// The line starts of `bytes`, as `T` (which must hold `bytes.count`). Lines end at `\n`,
    /// `\r\n` or a lone `\r`; the first line starts after a byte order mark unless
    /// `countingByteOrderMark` (suppression directives count lines from byte 0).
    package static func starts<T: FixedWidthInteger>(_ bytes: [UInt8], as: T.Type, countingByteOrderMark: Bool = false) -> [T] {
        var starts: [T] = []
        // Room for lines of 32 bytes on average: a larger file's index seldom grows (growing copies
        // it whole, and the old copy and the new are resident together for a moment); pages
        // reserved and not written cost no memory.
        starts.reserveCapacity(bytes.count / 32 + 1)
        let bom = !countingByteOrderMark && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        starts.append(bom ? 3 : 0)
        bytes.withUnsafeBufferPointer { buffer in
            // Most files have no carriage return: then the line feeds are found with memchr.
            if ByteSearch.next(0x0D, in: buffer, from: 0) == nil {
                var from = 0
                while let lineFeed = ByteSearch.next(0x0A, in: buffer, from: from) {
                    starts.append(T(truncatingIfNeeded: lineFeed + 1))
                    from = lineFeed + 1
                }
                return
            }
            var i = 0
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                if byte == 0x0A {
                    starts.append(T(truncatingIfNeeded: i + 1))
                } else if byte == 0x0D {
                    if i + 1 < n && buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(T(truncatingIfNeeded: i + 1))
                }
                i += 1
            }
        }
        return starts
    }

    /// The 0-based line containing `offset` (an offset at a line break belongs to that line).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The 1-based line and column of `offset`, the column counted in `unit` from the line start.
    public func position(of offset: Int, in bytes: [UInt8], unit: ColumnUnit) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        let start = lineStarts[line]
        let clamped = max(start, min(offset, byteCount))
        return (line + 1, Self.width(of: bytes, from: start, to: clamped, unit: unit) + 1)
    }

    /// The width of `bytes[from..<to]` in `unit`; `to` must not be inside a line break.
    ///
    /// Invalid UTF-8 counts one unit per stray byte, matching how the text is decoded elsewhere.
    public static func width(of bytes: [UInt8], from: Int, to: Int, unit: ColumnUnit) -> Int {
        // The cursor's counting, which every diagnostic's columns go through, is the one way
        // chaff counts columns.
        var next = from
        var count = 0
        PositionCursor.advance(bytes, next: &next, to: to, count: &count, unit: unit)
        return count
    }
}

/// The line starts of a `LineIndex`, held as 32-bit offsets (half the memory of `Int`; a
/// 100 MB file has millions of lines) unless the file is larger than 4 GiB.
public struct LineStarts: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    private let narrow: [UInt32]
    private let wide: [Int]?

    init(_ narrow: [UInt32]) {
        self.narrow = narrow
        self.wide = nil
    }

    init(wide: [Int]) {
        self.narrow = []
        self.wide = wide
    }

    /// Starts given as a literal (tests).
    public init(arrayLiteral elements: Int...) { self.init(wide: elements) }

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of lines.
    public var endIndex: Int { wide?.count ?? narrow.count }

    /// The start of line `index` (0-based).
    @inline(__always)
    public subscript(index: Int) -> Int {
        if let wide { return wide[index] }
        return Int(narrow[index])
    }

    /// Whether both hold the same starts, however they are stored.
    public static func == (a: LineStarts, b: LineStarts) -> Bool { a.elementsEqual(b) }
}
