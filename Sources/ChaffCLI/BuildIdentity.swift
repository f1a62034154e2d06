#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What "the same chaff" means for the cache (`--cache`): the version, and on Linux the
/// running executable's size and modification time, so that a rebuilt binary (new rules
/// compiled in, a fixed bug) does not reuse findings an older build made under the same
/// version number.
enum BuildIdentity {
    static let current: String = {
        var identity = ChaffVersion.current
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            identity += "+\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return identity
    }()
}
