import Testing

@testable import ChaffText

/// The cursor must give exactly `LineIndex.position`'s answers, whatever order ranges come in.
@Suite struct PositionCursorTests {
    /// Pieces that exercise every unit: tabs, line breaks, wide and astral characters, invalid
    /// and truncated UTF-8, a byte order mark.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("\t".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8),
        Array("中".utf8), Array("𠀀".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xE4, 0xB8],
        [0xF0, 0x9F], [0xED, 0xA0, 0x80], Array("\u{FEFF}".utf8), Array("ｱ".utf8),
        // Runs long enough for the eight-bytes-at-a-time path, one with a tab inside.
        Array("plain ascii run".utf8), Array("tab\tinside run".utf8),
    ]

    /// Builds 400 random texts of `pieces` (a byte order mark first in some with `bom`) and
    /// checks the cursor, told `validUTF8`, against `LineIndex.position` on random ranges in
    /// every unit, sorted by start as the linter gives them and in random order, with small
    /// strides that put checkpoints inside characters and line breaks; returns how many.
    static func agreement(_ pieces: [[UInt8]], seed: UInt64, bom: Bool, validUTF8: Bool) -> Int {
        var random = SeededGenerator(state: seed)
        var checked = 0
        for _ in 0..<400 {
            var bytes: [UInt8] = bom && random.next(4) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<random.next(60) { bytes += pieces[random.next(pieces.count)] }
            let index = LineIndex(bytes)
            for unit in ColumnUnit.allCases {
                var ranges: [Range<Int>] = []
                for _ in 0..<random.next(12) {
                    let a = random.next(bytes.count + 1)
                    let b = random.next(bytes.count + 1)
                    ranges.append(min(a, b)..<max(a, b))
                }
                let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
                for (order, stride) in [(sorted, 1 << 16), (ranges, 1 << 16), (sorted, 5), (ranges, 3)] {
                    var cursor = PositionCursor(index: index, bytes: bytes, unit: unit, stride: stride, validUTF8: validUTF8)
                    for range in order {
                        let (start, end) = cursor.positions(of: range)
                        let expectedStart = index.position(of: range.lowerBound, in: bytes, unit: unit)
                        let expectedEnd = index.position(of: range.upperBound, in: bytes, unit: unit)
                        #expect(start == expectedStart, "\(bytes) \(unit) \(range) stride \(stride)")
                        #expect(end == expectedEnd, "\(bytes) \(unit) \(range)")
                        checked += 1
                    }
                }
            }
        }
        return checked
    }

    @Test func agreesWithLineIndexOnRandomTextAndRanges() {
        #expect(Self.agreement(Self.pieces, seed: 42, bom: true, validUTF8: false) > 10_000)
    }

    /// Told that the text is valid UTF-8, the cursor counts scalars and UTF-16 units by first
    /// bytes, eight at a time; the answers must not change, ranges inside characters included.
    @Test func countsValidUTF8ByFirstBytesAsLineIndexDoes() {
        let valid = Self.pieces.filter { String(validating: $0, as: UTF8.self) != nil }
        #expect(valid.count == Self.pieces.count - 4)
        #expect(Self.agreement(valid, seed: 7, bom: true, validUTF8: true) > 10_000)
    }

    @Test func manyFindingsOnOneLongLineAreCountedOnce() {
        // 30,000 findings on one 90 KB line: half a minute when each was counted from the line
        // start; the exact last column shows the cursor kept its count.
        let bytes = Array(String(repeating: "中%s", count: 30_000).utf8)
        let index = LineIndex(bytes)
        var cursor = PositionCursor(index: index, bytes: bytes, unit: .display)
        var last = (start: (line: 0, column: 0), end: (line: 0, column: 0))
        for i in 0..<30_000 {
            last = cursor.positions(of: (i * 5 + 3)..<(i * 5 + 5))
        }
        #expect(last.start == (1, 29_999 * 4 + 3))
        #expect(last.end == (1, 30_000 * 4 + 1))
    }
}
