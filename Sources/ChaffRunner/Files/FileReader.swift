import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with POSIX calls (as fast as any API here) and classifies their content.
public enum FileReader {
    /// A read failure with the system's reason.
    public struct Failure: Error, Sendable, Equatable {
        /// Why, as the system says it.
        public var reason: String

        /// A failure for `reason`.
        public init(reason: String) { self.reason = reason }
    }

    /// The bytes of the file at `path`; a large file is read by up to `workers` threads.
    public static func read(_ path: String, workers: Int = 1) throws(Failure) -> [UInt8] {
        try read(opening: open(path, O_RDONLY), workers: workers)
    }

    /// `read(_:workers:)` reading in parts from `parallelFrom` bytes (tests use small files).
    static func read(_ path: String, workers: Int, parallelFrom: Int) throws(Failure) -> [UInt8] {
        try read(opening: open(path, O_RDONLY), workers: workers, parallelFrom: parallelFrom)
    }

    /// The bytes of the file whose path is `rawPath`, for names that are not valid UTF-8 and
    /// so cannot round-trip through `String`.
    public static func read(rawPath: [UInt8], workers: Int = 1) throws(Failure) -> [UInt8] {
        let fd = (rawPath + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
        }
        return try read(opening: fd, workers: workers)
    }

    /// Standard input, whole.
    public static func readStandardInput() throws(Failure) -> [UInt8] {
        try readAll(0, expected: 0)
    }

    private static func read(opening fd: Int32, workers: Int = 1, parallelFrom: Int = parallelReadBytes) throws(Failure) -> [UInt8] {
        guard fd >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw Failure(reason: "is a directory")
        // `/dev/zero` or `/dev/urandom` would be read until memory runs out.
        case S_IFCHR, S_IFBLK: throw Failure(reason: "is a device, not a file")
        default: break
        }
        // Pipes and character devices report size 0; regular files their real size.
        let expected = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        if workers > 1 && expected >= max(parallelFrom, workers), let bytes = readInParts(fd, count: expected, parts: workers) {
            return bytes
        }
        return try readAll(fd, expected: expected)
    }

    /// The size from which a regular file is read in parts on several threads: copying it
    /// from the page cache, and the page faults of the array it goes to, are one thread's work
    /// otherwise, before any other can start on the file.
    static let parallelReadBytes = 16 << 20

    /// The `count` bytes of a regular file, read with `pread` in `parts` parts at once; nil
    /// when a part could not be read whole (the file shrank, or a read failed), and the file
    /// is then read again from its start in one piece, which also finds a file that grew.
    private static func readInParts(_ fd: Int32, count: Int, parts: Int) -> [UInt8]? {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = ConcurrentParts.all(parts) { readPart($0, of: parts, from: fd, into: buffer) }
            initialized = complete ? count : 0
        }
        guard complete, lseek(fd, off_t(count), SEEK_SET) == off_t(count) else {
            _ = lseek(fd, 0, SEEK_SET)
            return nil
        }
        // A file that grew since `fstat` has more to read: read it whole again.
        var probe: UInt8 = 0
        while true {
            let n = Glibc_read(fd, &probe, 1)
            if n < 0 && errno == EINTR { continue }
            if n == 0 { return bytes }
            _ = lseek(fd, 0, SEEK_SET)
            return nil
        }
    }

    /// Reads part `k` of `parts` equal parts of `buffer` (the last takes the rest) from the same
    /// offsets of `fd`; false when the file ended first or a read failed.
    private static func readPart(_ k: Int, of parts: Int, from fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let size = buffer.count / parts
        var offset = size * k
        let end = k == parts - 1 ? buffer.count : offset + size
        while offset < end {
            let n = pread(fd, buffer.baseAddress! + offset, end - offset, off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// Reads `fd` to its end. When the size is known, the bytes go straight into an array of
    /// that size (a 200 MB file is read once, not copied chunk by chunk); a file that grows
    /// while it is read is still read whole.
    private static func readAll(_ fd: Int32, expected: Int) throws(Failure) -> [UInt8] {
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected, 0)) { buffer, count in
            while count < buffer.count {
                let n = Glibc_read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw Failure(reason: String(cString: strerror(failure))) }
        guard bytes.count == expected else { return bytes }
        // Past the expected size: a growing file, a pipe, or standard input. One byte is read
        // first: almost always the file ends there, and zeroing a 64 KiB chunk for every file
        // (655 MB of memset over a 10,000-file corpus) cost more than reading it.
        var probe: UInt8 = 0
        while true {
            let n = Glibc_read(fd, &probe, 1)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            bytes.append(probe)
            break
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}

@inline(__always)
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
