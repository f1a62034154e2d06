/// A compiled structure written as 64-bit words, to be generated into a Swift array literal and
/// read back at start-up instead of being compiled again.
///
/// Values are written in order and read back in the same order: integers as one word each,
/// arrays of fixed-width integers as their count then their bytes packed eight to a word
/// (little-endian, the byte order of every platform chaff builds for; a reader refuses a
/// snapshot on any other), strings as their UTF-8 bytes. Nothing is named or tagged: a snapshot
/// is read by the code that wrote it, and starts with a format number that the reader checks.
public struct SnapshotWriter {
    /// The words written so far.
    public private(set) var words: [UInt64] = []

    /// An empty snapshot.
    public init() {}

    /// Writes one integer.
    public mutating func write(_ value: Int) {
        words.append(UInt64(bitPattern: Int64(value)))
    }

    /// Writes a flag.
    public mutating func write(_ flag: Bool) {
        words.append(flag ? 1 : 0)
    }

    /// Writes an array of fixed-width integers: its count, then its bytes.
    public mutating func write<T: FixedWidthInteger>(_ values: [T]) {
        write(values.count)
        let byteCount = values.count * MemoryLayout<T>.stride
        var packed = [UInt64](repeating: 0, count: (byteCount + 7) / 8)
        packed.withUnsafeMutableBytes { target in
            values.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        words += packed
    }

    /// Writes a string as its UTF-8 bytes.
    public mutating func write(_ string: String) {
        write(Array(string.utf8))
    }

    /// Writes a list of strings.
    public mutating func write(_ strings: [String]) {
        write(strings.count)
        for string in strings { write(string) }
    }
}

/// Reads what a `SnapshotWriter` wrote, in the same order.
///
/// A read past the end traps: a snapshot is generated with the code that reads it and checked
/// by the tests, so a short one is a build that mixes two versions, not bad input.
public struct SnapshotReader {
    private let words: UnsafeBufferPointer<UInt64>
    private var position = 0

    /// A reader over `words`, which must outlive it.
    public init(_ words: UnsafeBufferPointer<UInt64>) {
        self.words = words
    }

    /// Whether every word has been read.
    public var isAtEnd: Bool { position == words.count }

    /// Whether snapshots written as `SnapshotWriter` writes them can be read here.
    public static var isSupported: Bool {
        #if _endian(little)
            return true
        #else
            return false
        #endif
    }

    private mutating func next() -> UInt64 {
        precondition(position < words.count, "snapshot read past its end")
        defer { position += 1 }
        return words[position]
    }

    /// Reads one integer.
    public mutating func int() -> Int {
        Int(Int64(bitPattern: next()))
    }

    /// Reads a flag.
    public mutating func bool() -> Bool {
        next() != 0
    }

    /// Reads an array of fixed-width integers.
    public mutating func integers<T: FixedWidthInteger>(_: T.Type) -> [T] {
        let count = int()
        let byteCount = count * MemoryLayout<T>.stride
        let wordCount = (byteCount + 7) / 8
        precondition(count >= 0 && position + wordCount <= words.count, "snapshot read past its end")
        let source = UnsafeRawPointer(words.baseAddress! + position)
        position += wordCount
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: byteCount) }
            initialized = count
        }
    }

    /// Reads a string.
    public mutating func string() -> String {
        let count = int()
        let wordCount = (count + 7) / 8
        precondition(count >= 0 && position + wordCount <= words.count, "snapshot read past its end")
        let source = UnsafeRawPointer(words.baseAddress! + position)
        position += wordCount
        // Copied in at once: decoding from the raw bytes went through the generic path, a few
        // hundred instructions a string, and a lexicon has thousands.
        return String(unsafeUninitializedCapacity: count) { buffer in
            if let base = buffer.baseAddress { UnsafeMutableRawPointer(base).copyMemory(from: source, byteCount: count) }
            return count
        }
    }

    /// Reads a list of strings.
    public mutating func strings() -> [String] {
        let count = int()
        precondition(count >= 0, "snapshot read past its end")
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(string()) }
        return strings
    }
}
