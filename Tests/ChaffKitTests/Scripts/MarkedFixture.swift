/// A test text in which expected findings are wrapped in ⟦ and ⟧; the markers are removed and
/// the byte ranges they enclosed are kept, so expectations cannot drift from the text.
struct MarkedFixture {
    let bytes: [UInt8]
    let marked: [Range<Int>]

    init(_ source: String) {
        var bytes: [UInt8] = []
        var marked: [Range<Int>] = []
        var openedAt: Int?
        for scalar in source.unicodeScalars {
            switch scalar {
            case "⟦": openedAt = bytes.count
            case "⟧":
                marked.append(openedAt!..<bytes.count)
                openedAt = nil
            default: bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        self.bytes = bytes
        self.marked = marked
    }

    /// The byte range of the `occurrence`-th (0-based) appearance of `needle`.
    func range(of needle: String, occurrence: Int = 0) -> Range<Int> {
        let pattern = Array(needle.utf8)
        var seen = 0
        for start in 0...(bytes.count - pattern.count)
        where Array(bytes[start..<(start + pattern.count)]) == pattern {
            if seen == occurrence { return start..<(start + pattern.count) }
            seen += 1
        }
        fatalError("\(needle) not in fixture")
    }
}

/// The scalar values of a string, for comparing suggestion lists.
func scalarValues(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}
