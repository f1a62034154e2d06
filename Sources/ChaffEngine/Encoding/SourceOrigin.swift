/// Where the UTF-8 transcoding of a file in another encoding came from: the encoding, and a
/// map from every character boundary of the transcoding to the offset of the same character in
/// the file's own bytes.
///
/// The map is compact: one entry per run of characters that have the same width in both
/// encodings (Chinese prose in GB18030 is one run of 3-byte-to-2-byte characters until the next
/// ASCII character), found by binary search.
public struct SourceOrigin: Sendable, Equatable {
    /// The file's encoding.
    public let encoding: SourceEncoding
    /// Length of the byte order mark that the transcoding leaves out (0 when there is none).
    public let byteOrderMarkLength: Int
    /// The number of bytes in the file.
    public let originalCount: Int
    /// The number of bytes in the transcoding.
    public let decodedCount: Int
    /// Run `k` starts at `decodedStarts[k]` in the transcoding and `originalStarts[k]` in the
    /// file; each of its characters is `decodedWidths[k]` bytes in the transcoding and
    /// `originalWidths[k]` in the file.
    private let decodedStarts: [UInt32]
    private let originalStarts: [UInt32]
    private let decodedWidths: [UInt8]
    private let originalWidths: [UInt8]

    /// Builds a map character by character.
    struct Builder {
        private var decodedStarts: [UInt32] = []
        private var originalStarts: [UInt32] = []
        private var decodedWidths: [UInt8] = []
        private var originalWidths: [UInt8] = []
        private var decoded = 0
        private var original: Int

        init(start: Int) { original = start }

        /// Appends one character, `decodedWidth` bytes of the transcoding for `originalWidth`
        /// bytes of the file.
        @inline(__always)
        mutating func append(decodedWidth: Int, originalWidth: Int) {
            if let last = decodedWidths.last, Int(last) == decodedWidth, Int(originalWidths[originalWidths.count - 1]) == originalWidth {
            } else {
                decodedStarts.append(UInt32(truncatingIfNeeded: decoded))
                originalStarts.append(UInt32(truncatingIfNeeded: original))
                decodedWidths.append(UInt8(decodedWidth))
                originalWidths.append(UInt8(originalWidth))
            }
            decoded += decodedWidth
            original += originalWidth
        }

        func finish(encoding: SourceEncoding, byteOrderMarkLength: Int) -> SourceOrigin {
            SourceOrigin(
                encoding: encoding, byteOrderMarkLength: byteOrderMarkLength, originalCount: original, decodedCount: decoded,
                decodedStarts: decodedStarts, originalStarts: originalStarts, decodedWidths: decodedWidths,
                originalWidths: originalWidths)
        }
    }

    /// The number of runs in the map (tests, statistics).
    public var runCount: Int { decodedStarts.count }

    /// The file offset of the character that starts at `decoded` in the transcoding; the end of
    /// the transcoding maps to the end of the file. An offset inside a character maps to the
    /// start of the next one.
    public func originalOffset(_ decoded: Int) -> Int {
        if decoded >= decodedCount { return originalCount }
        if decoded <= 0 { return decodedStarts.isEmpty ? originalCount : Int(originalStarts[0]) }
        var low = 0
        var high = decodedStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(decodedStarts[mid]) <= decoded { low = mid } else { high = mid - 1 }
        }
        let into = decoded - Int(decodedStarts[low])
        let width = Int(decodedWidths[low])
        let characters = (into + width - 1) / width
        return Int(originalStarts[low]) + characters * Int(originalWidths[low])
    }

    /// `range` of the transcoding as a range of the file.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let start = originalOffset(range.lowerBound)
        return start..<max(start, originalOffset(range.upperBound))
    }
}
