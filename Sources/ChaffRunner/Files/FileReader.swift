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

    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        try read(opening: open(path, O_RDONLY))
    }

    /// The bytes of the file whose path is `rawPath`, for names that are not valid UTF-8 and
    /// so cannot round-trip through `String`.
    public static func read(rawPath: [UInt8]) throws(Failure) -> [UInt8] {
        let fd = (rawPath + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
        }
        return try read(opening: fd)
    }

    /// Standard input, whole.
    public static func readStandardInput() throws(Failure) -> [UInt8] {
        try readAll(0, expected: 0)
    }

    private static func read(opening fd: Int32) throws(Failure) -> [UInt8] {
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
        return try readAll(fd, expected: (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
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
