import ChaffText

/// Line starts of a source, for turning directive byte offsets into 0-based lines and back.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as everywhere in chaff.
struct SourceLines: Sendable {
    /// The byte offset where each line starts; the first is 0.
    let starts: [Int]
    /// The source length.
    let count: Int

    init(_ source: [UInt8]) {
        self.starts = LineIndex.starts(source, as: Int.self, countingByteOrderMark: true)
        self.count = source.count
    }

    /// The 0-based line holding `offset`; a line break belongs to the line it ends.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
