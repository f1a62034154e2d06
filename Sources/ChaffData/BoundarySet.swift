/// A binary property of every code point, stored as the points where it flips plus a bit set
/// for the Basic Multilingual Plane.
///
/// BMP lookups are one word read and a mask; supplementary code points use a binary search
/// (an odd number of flips at or below a code point means it is inside the set).
@usableFromInline
struct BoundarySet: Sendable {
    @usableFromInline let bmpBits: ImmortalBuffer<UInt64>
    @usableFromInline let boundaries: ImmortalBuffer<UInt32>

    /// Decodes `count, delta*`, the first boundary turning the property on.
    init(packed: StaticString) {
        // The same `count, delta*` encoding as a sorted code point list.
        let points = PackedIntegers.sortedCodePoints(packed)
        let count = points.count

        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var index = 0
        while index < count, points[index] < 0x10000 {
            let end = index + 1 < count ? min(Int(points[index + 1]), 0x10000) : 0x10000
            for codePoint in Int(points[index])..<end {
                bits[codePoint >> 6] |= 1 << UInt64(codePoint & 63)
            }
            index += 2
        }
        bmpBits = ImmortalBuffer(bits)
        boundaries = ImmortalBuffer(points)
    }

    @inlinable @inline(__always)
    func contains(_ codePoint: UInt32) -> Bool {
        if codePoint < 0x10000 {
            return bmpBits[Int(codePoint >> 6)] & (1 << UInt64(codePoint & 63)) != 0
        }
        return boundaries.countNotGreater(than: codePoint) & 1 == 1
    }
}
