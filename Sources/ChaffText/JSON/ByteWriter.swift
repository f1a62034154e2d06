/// Where the JSON writers put bytes: a growing array, or a `ByteWriter` over memory sized in
/// advance.
protocol ByteSink {
    mutating func write(_ byte: UInt8)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always) mutating func write(_ byte: UInt8) { append(byte) }
    @inline(__always) mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) { self += bytes }
}

/// Bytes written into memory whose size the caller bounded beforehand (`JSONBytes.quotedBound`,
/// `decimalBound`): a report of thousands of findings makes some twenty small writes per
/// finding, and an array's append checks uniqueness and capacity on each, a third of the
/// report's cost. Writing past the bound stops the program rather than corrupt memory.
public struct ByteWriter: ByteSink {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0
    /// How many bytes were written.
    public var count: Int { written }

    /// A writer over a buffer of `capacity` bytes of its own (one at least), which `streaming`
    /// frees.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Runs `body` with a writer over a buffer of `chunk` bytes that `body` empties into
    /// `sink` as it goes (`makeRoom`), and hands `sink` the rest at the end: a report of
    /// tens of megabytes never sits whole in memory, and its pages are not touched afresh.
    public static func streaming(
        chunk: Int, to sink: (UnsafeBufferPointer<UInt8>) -> Void, _ body: (inout ByteWriter) -> Void
    ) {
        var writer = ByteWriter(capacity: chunk)
        body(&writer)
        if writer.written > 0 { sink(UnsafeBufferPointer(start: writer.base, count: writer.written)) }
        writer.base.deallocate()
    }

    /// Makes room for `needed` more bytes: when they would not fit, what was written goes to
    /// `sink` and writing starts again at the buffer's start (in a larger buffer if `needed`
    /// exceeds it). Returns whether the written bytes went, so that a caller forgets where
    /// earlier bytes were (`rewrite` reads only what is left).
    public mutating func makeRoom(_ needed: Int, flushingTo sink: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard needed > capacity - written else { return false }
        if written > 0 { sink(UnsafeBufferPointer(start: base, count: written)) }
        written = 0
        if needed > capacity {
            base.deallocate()
            base = .allocate(capacity: needed)
            capacity = needed
        }
        return true
    }

    /// Writes `byte`.
    @inlinable @inline(__always) public mutating func write(_ byte: UInt8) {
        precondition(written < capacity, "ByteWriter: more bytes than bounded")
        base[written] = byte
        written += 1
    }

    /// Writes again the bytes written at `range` (within what was written so far).
    @inlinable public mutating func rewrite(_ range: Range<Int>) {
        precondition(range.upperBound <= written, "ByteWriter: rewriting bytes not written")
        precondition(range.count <= capacity - written, "ByteWriter: more bytes than bounded")
        (base + written).update(from: base + range.lowerBound, count: range.count)
        written += range.count
    }

    /// Writes `bytes`.
    @inlinable @inline(__always) public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        precondition(bytes.count <= capacity - written, "ByteWriter: more bytes than bounded")
        (base + written).update(from: from, count: bytes.count)
        written += bytes.count
    }
}
