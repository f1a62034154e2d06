/// A small-integer property of every code point, stored as runs plus a direct table for the
/// Basic Multilingual Plane.
///
/// Almost all text lives in the BMP, so lookups there are one array read; supplementary code
/// points fall back to a binary search over the run starts.
@usableFromInline
struct RunTable: Sendable {
    @usableFromInline let bmp: ImmortalBuffer<UInt8>
    @usableFromInline let starts: ImmortalBuffer<UInt32>
    @usableFromInline let values: ImmortalBuffer<UInt8>

    /// Decodes `count, (start delta, value)*` runs that cover U+0000...U+10FFFF.
    init(packed: StaticString) {
        var reader = PackedIntegers(packed)
        let count = Int(reader.next())
        var runStarts: [UInt32] = []
        var runValues: [UInt8] = []
        runStarts.reserveCapacity(count)
        runValues.reserveCapacity(count)
        var start: UInt32 = 0
        for _ in 0..<count {
            start += reader.next()
            runStarts.append(start)
            runValues.append(UInt8(reader.next()))
        }
        precondition(reader.isAtEnd && runStarts.first == 0, "malformed run table")

        var direct = [UInt8](repeating: 0, count: 0x10000)
        for index in 0..<count where runStarts[index] < 0x10000 {
            let end = index + 1 < count ? min(Int(runStarts[index + 1]), 0x10000) : 0x10000
            for codePoint in Int(runStarts[index])..<end { direct[codePoint] = runValues[index] }
        }
        bmp = ImmortalBuffer(direct)
        starts = ImmortalBuffer(runStarts)
        values = ImmortalBuffer(runValues)
    }

    /// The value for a code point; values above U+10FFFF get the last run's value.
    @inlinable @inline(__always)
    func value(at codePoint: UInt32) -> UInt8 {
        if codePoint < 0x10000 { return bmp[Int(codePoint)] }
        return values[starts.countNotGreater(than: codePoint) - 1]
    }

    /// Every run as a half-open code-point range and its value, in order.
    var runs: [(range: Range<UInt32>, value: UInt8)] {
        (0..<starts.count).map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : 0x110000
            return (starts[index]..<end, values[index])
        }
    }
}
