#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file through a temporary file in the same directory and a rename, so a reader
/// never sees half a file and an interrupted run leaves the old file intact.
public enum AtomicFile {
    /// Replaces `path` with `bytes`, keeping the permissions of an existing file.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileReader.Failure) {
        var info = stat()
        let exists = stat(path, &info) == 0
        let mode = exists ? mode_t(info.st_mode & 0o7777) : 0o644
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).chaff-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileReader.Failure(reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failed == nil && fchmod(fd, mode) != 0 { failed = String(cString: strerror(errno)) }
        if failed == nil && fsync(fd) != 0 { failed = String(cString: strerror(errno)) }
        close(fd)
        if failed == nil && rename(temporary, path) != 0 { failed = String(cString: strerror(errno)) }
        if let failed {
            unlink(temporary)
            throw FileReader.Failure(reason: failed)
        }
    }
}
