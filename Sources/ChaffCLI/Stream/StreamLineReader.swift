#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of a JSON Lines input, as the reader hands it over.
enum StreamLine: Sendable {
    /// The line's bytes, without its `\n`.
    case text([UInt8])
    /// A line longer than the reader's limit: its length in bytes. Its bytes were read and
    /// dropped as they came, so one huge line costs no more memory than the limit.
    case tooLong(bytes: Int)
}

/// Reads a file descriptor line by line through one buffer, so that an input of any size is
/// never held whole: memory is the buffer plus the line being returned, and a line is never
/// allowed to grow past `maximumLineBytes`.
///
/// Not thread-safe: the runner calls it under a lock.
final class StreamLineReader {
    /// Why the input could not be read.
    struct Failure: Error {
        var reason: String
    }

    private let fd: Int32
    let maximumLineBytes: Int
    private var buffer: [UInt8]
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// How many bytes a read asks for at most.
    private let chunk: Int

    /// A reader of `fd` (which it does not close) that answers lines longer than
    /// `maximumLineBytes` with `.tooLong`, reading `chunkBytes` at a time (small in tests, so
    /// that lines cross reads and the buffer moves and grows).
    init(fd: Int32, maximumLineBytes: Int, chunkBytes: Int = 1 << 20) {
        self.fd = fd
        self.maximumLineBytes = max(1, maximumLineBytes)
        self.chunk = max(1, chunkBytes)
        self.buffer = [UInt8](repeating: 0, count: min(chunk, self.maximumLineBytes + 1))
    }

    /// The next line, or `nil` at the end of the input. A last line without `\n` is a line;
    /// an input that ends with `\n` has no empty line after it.
    func next() throws(Failure) -> StreamLine? {
        // How many unread bytes are known to hold no newline: relative to `start`, which a
        // fill may move.
        var searched = 0
        while true {
            if let newline = Self.find(UInt8(ascii: "\n"), in: buffer, from: start + searched, to: end) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return .text(line)
            }
            if atEOF {
                guard start < end else { return nil }
                let line = Array(buffer[start..<end])
                start = end
                return .text(line)
            }
            searched = end - start
            if end - start > maximumLineBytes { return try skipLongLine() }
            try fill()
        }
    }

    /// Makes room after the unread bytes (moving them to the front, or growing the buffer up to
    /// one byte over the line limit) and reads once.
    private func fill() throws(Failure) {
        if start > 0 && (end == buffer.count || start >= buffer.count / 2) {
            let unread = end - start
            buffer.withUnsafeMutableBufferPointer { pointer in
                _ = memmove(pointer.baseAddress!, pointer.baseAddress! + start, unread)
            }
            start = 0
            end = unread
        }
        if end == buffer.count {
            let grown = min(buffer.count * 2, maximumLineBytes + 1 + chunk)
            buffer += [UInt8](repeating: 0, count: grown - buffer.count)
        }
        let count = try readSome(into: end, max: min(chunk, buffer.count - end))
        if count == 0 { atEOF = true }
        end += count
    }

    /// Drops the line that starts at `start` up to and including its `\n` (or the end of the
    /// input), and reports its length.
    private func skipLongLine() throws(Failure) -> StreamLine {
        var length = 0
        while true {
            if let newline = Self.find(UInt8(ascii: "\n"), in: buffer, from: start, to: end) {
                length += newline - start
                start = newline + 1
                return .tooLong(bytes: length)
            }
            length += end - start
            start = 0
            end = 0
            if atEOF { return .tooLong(bytes: length) }
            let count = try readSome(into: 0, max: min(chunk, buffer.count))
            if count == 0 { atEOF = true }
            end = count
        }
    }

    private func readSome(into offset: Int, max: Int) throws(Failure) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                read(fd, pointer.baseAddress! + offset, max)
            }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw Failure(reason: String(cString: strerror(errno)))
        }
    }

    private static func find(_ byte: UInt8, in buffer: [UInt8], from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let found = memchr(pointer.baseAddress! + from, Int32(byte), to - from) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(pointer.baseAddress!)
        }
    }
}
