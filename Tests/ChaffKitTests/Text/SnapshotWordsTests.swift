import Testing

@testable import ChaffText

/// `SnapshotWriter` and `SnapshotReader`: what is written reads back, in order, whatever the
/// widths and lengths (the packing of bytes into words leaves no gap or overlap).
@Suite struct SnapshotWordsTests {
    @Test func valuesReadBackInOrder() {
        var writer = SnapshotWriter()
        writer.write(-7)
        writer.write(true)
        writer.write([UInt8]([1, 2, 3]))
        writer.write([Int32]([-1, 0x7FFF_FFFF, 5]))
        writer.write([UInt64]())
        writer.write("据不完全统计 studies")
        writer.write(["", "a", "一二三四五六七八九"])
        writer.write([Int]([Int.min, 0, Int.max]))
        writer.write(false)
        let words = writer.words
        // A word each for the integers and flags, a count and the packed bytes for each list:
        // 1 + 1 + (1 + 1) + (1 + 2) + 1 + (1 + 4) + (1 + 1 + (1 + 1) + (1 + 4)) + (1 + 3) + 1.
        #expect(words.count == 27)
        words.withUnsafeBufferPointer { buffer in
            var reader = SnapshotReader(buffer)
            let (int, flag, bytes, int32s) = (reader.int(), reader.bool(), reader.integers(UInt8.self), reader.integers(Int32.self))
            let (empty, string, strings, ints) = (
                reader.integers(UInt64.self), reader.string(), reader.strings(), reader.integers(Int.self)
            )
            #expect(int == -7 && flag && bytes == [1, 2, 3] && int32s == [-1, 0x7FFF_FFFF, 5])
            #expect(empty == [] && string == "据不完全统计 studies" && strings == ["", "a", "一二三四五六七八九"])
            #expect(ints == [Int.min, 0, Int.max])
            let beforeLast = reader.isAtEnd
            let last = reader.bool()
            #expect(!beforeLast && !last && reader.isAtEnd)
        }
    }
}
