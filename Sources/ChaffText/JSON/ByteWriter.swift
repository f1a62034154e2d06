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
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    @usableFromInline var written = 0
    /// How many bytes were written.
    public var count: Int { written }

    @usableFromInline init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        // An empty buffer has no address; any write to it fails the capacity check first.
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!
        capacity = buffer.count
    }

    /// The bytes `body` writes, in an array of at most `capacity` bytes.
    public static func bytes(capacity: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var writer = ByteWriter(buffer)
            body(&writer)
            initialized = writer.count
        }
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
