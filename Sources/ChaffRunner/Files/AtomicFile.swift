#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file through a temporary file in the same directory and a rename, so a reader
/// never sees half a file and an interrupted or failed run leaves the old file intact.
///
/// - The temporary is `.<name>.chaff-<random>` next to the target (a rename only stays atomic
///   within one file system), created with `O_EXCL` and mode 0666 so the umask applies to a new
///   file; an existing file's permission bits (and, for root, owner and group) are copied.
/// - A symlink is written through: its target is replaced, the link stays.
/// - A device or FIFO (`/dev/null`, `/dev/stdout`) is written to directly, never replaced.
/// - A file the caller may not write is refused, although the rename would succeed.
/// - On any failure the temporary is removed; on SIGINT, SIGTERM or SIGHUP `InterruptCleanup`
///   removes it (once `InterruptCleanup.installHandlers()` has run).
/// - The data is flushed with `fsync` before the rename, and the directory after it, so a crash
///   leaves the old file or the new one, not an empty one.
///
/// A rename gives the path a new inode: other hard links to the old file keep the old content.
public enum AtomicFile {
    /// Replaces `path` with `bytes`, keeping the permissions of an existing file.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileReader.Failure) {
        let target = resolvingSymlink(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw FileReader.Failure(reason: "is a directory") }
            if access(target, W_OK) != 0 { throw failure(errno) }
            // `/dev/null`, `/dev/stdout`, a FIFO: renaming over them would replace the device
            // or pipe with a plain file. They have no old content to protect; write to them.
            if (info.st_mode & S_IFMT) != S_IFREG { return try writeInPlace(bytes, to: target) }
        } else if errno != ENOENT {
            throw failure(errno)
        }
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))
        let directory = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target

        let (fd, temporary, slot) = try createTemporary(directory: directory, name: name)
        defer { if let slot { InterruptCleanup.release(slot) } }
        var error = FileDescriptorWriter.writeAll(fd, bytes)
        if error == 0 && exists {
            if fchmod(fd, info.st_mode & 0o7777) != 0 { error = errno }
            // Only root can give a file away; for anyone else the new file is theirs.
            if geteuid() == 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
        }
        if error == 0 && fsync(fd) != 0 { error = errno }
        if close(fd) != 0 && error == 0 { error = errno }
        if error == 0 && rename(temporary, target) != 0 { error = errno }
        if error != 0 {
            unlink(temporary)
            throw failure(error)
        }
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Creates the directories missing above `path` (as `mkdir -p` would, mode 0777 less the
    /// umask), so `--output reports/chaff.sarif` works in a fresh checkout or CI job.
    public static func createParentDirectories(of path: String) throws(FileReader.Failure) {
        let bytes = Array(path.utf8)
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else { return }
        var prefix = ""
        for (i, part) in bytes[..<slash].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).enumerated() {
            prefix += (i == 0 ? "" : "/") + String(decoding: part, as: UTF8.self)
            if part.isEmpty || part.elementsEqual([UInt8(ascii: ".")]) || part.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                continue
            }
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { throw failure(errno) }
        }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileReader.Failure) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(errno) }
        var error = FileDescriptorWriter.writeAll(fd, bytes)
        if close(fd) != 0 && error == 0 { error = errno }
        if error != 0 { throw failure(error) }
    }

    /// Creates the temporary file, registered for removal on interrupt before it exists.
    private static func createTemporary(directory: String, name: String) throws(FileReader.Failure) -> (fd: Int32, path: String, slot: Int?)
    {
        for _ in 0..<100 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let path = "\(directory).\(name).chaff-\(suffix)"
            let slot = InterruptCleanup.claim(Array(path.utf8))
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, path, slot?.slot) }
            let code = errno
            if let slot { InterruptCleanup.release(slot.slot) }
            if code != EEXIST { throw failure(code) }
        }
        throw FileReader.Failure(reason: "cannot create a temporary file next to \(name)")
    }

    /// The file a symlink finally points to (so the link survives the rename); `path` itself
    /// when it is not a symlink or its target cannot be resolved.
    private static func resolvingSymlink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Makes the rename durable; a failure only loses durability, never data, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func failure(_ code: Int32) -> FileReader.Failure {
        FileReader.Failure(reason: String(cString: strerror(code)))
    }
}
