/// A scope that is blank except in a few places (the comment scope of a large Markdown file
/// with a handful of comments), held as those places only.
///
/// A full copy of such a scope cost as much memory as the file; `MaskedDocument.bytes(for:)`
/// still materialises it for a caller that asks, and the suppression parser reads the
/// segments themselves.
public struct ScopeSegments: Sendable, Equatable {
    /// The bytes of the scope from `start`; outside every segment the scope is blank.
    public struct Segment: Sendable, Equatable {
        /// Where the segment starts in the document.
        public let start: Int
        /// The scope's bytes there.
        public let bytes: [UInt8]
    }

    /// The length of the scope (the document's).
    public let count: Int
    /// The segments, in order, disjoint.
    public let segments: [Segment]

    /// A scope of `count` bytes made of `segments` (in order, disjoint, inside it).
    public init(count: Int, _ segments: [Segment]) {
        self.count = count
        self.segments = segments
    }

    /// The scope's bytes: `source` blanked (line breaks kept), with the segments written in.
    public func materialized(over source: [UInt8]) -> [UInt8] {
        precondition(source.count == count, "a scope is as long as its source")
        var bytes = ScopeBytes.blank(source)
        bytes.withUnsafeMutableBufferPointer { out in
            for segment in segments {
                segment.bytes.withUnsafeBufferPointer { from in
                    guard let from = from.baseAddress, let to = out.baseAddress else { return }
                    (to + segment.start).update(from: from, count: segment.bytes.count)
                }
            }
        }
        return bytes
    }

    /// Segments closer than this are one: a comment over several lines of a block quote is one
    /// segment, not one per line.
    static let joiningGap = 64

    /// The segments of the scope of class `scopeClass` in `text`, one chunk of a document that
    /// starts at `base`: its bytes of that class and its line breaks, spaces elsewhere.
    static func segments(of text: [UInt8], classes: [UInt8], _ scopeClass: UInt8, base: Int) -> [Segment] {
        var ranges: [Range<Int>] = []
        var i = 0
        let count = classes.count
        while i < count {
            guard let start = classes[i...].firstIndex(of: scopeClass) else { break }
            var end = start + 1
            while end < count && classes[end] == scopeClass { end += 1 }
            if let last = ranges.last, start - last.upperBound < joiningGap {
                ranges[ranges.count - 1] = last.lowerBound..<end
            } else {
                ranges.append(start..<end)
            }
            i = end
        }
        return ranges.map { range in
            let bytes = range.map { k -> UInt8 in
                let byte = text[k]
                return classes[k] == scopeClass || byte == MarkupBytes.lineFeed || byte == MarkupBytes.carriageReturn ? byte : 0x20
            }
            return Segment(start: base + range.lowerBound, bytes: bytes)
        }
    }
}
