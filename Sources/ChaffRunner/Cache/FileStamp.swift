#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file's metadata says of its bytes, for a cache lookup that need not read them: its
/// device, inode, size, and modification and change times to the nanosecond. Any write changes
/// the change time (which no user can set back), so equal stamps mean the same bytes, with one
/// exception git's index also guards against: a write in the same clock tick as an earlier
/// one. A stamp is therefore only trusted once both times are `settle` seconds in the past.
public enum FileStamp {
    /// How old both of a file's times must be before its stamp is trusted, in seconds.
    public static let settle = 2

    /// The stamp of the file at `path`, when it is a regular file whose times are settled;
    /// `nil` otherwise (then the cache compares the file's bytes).
    public static func of(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let horizon = Int(now.tv_sec) - settle
        guard Int(info.st_mtim.tv_sec) < horizon, Int(info.st_ctim.tv_sec) < horizon else { return nil }
        return "\(info.st_dev).\(info.st_ino).\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)."
            + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
