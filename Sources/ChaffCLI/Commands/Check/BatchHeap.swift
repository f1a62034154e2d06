#if canImport(Glibc)
    import Glibc
#endif

/// The C heap's settings for a check run, a process that ends when the report is written.
enum BatchHeap {
    /// Blocks of up to 32 MB come from the heap, and freed memory stays with the process until
    /// it ends. A glossed page allocates and frees arrays of a few hundred kilobytes in every
    /// rule; with glibc's defaults each was mapped afresh or the heap trimmed after it, and its
    /// pages were faulted in again: a fifth of such a run's page faults (the sample page x40:
    /// 8,881 -> 7,194). A run's peak is unchanged (the 100 MB Markdown file: 233 MB both).
    /// Only for the process's own console: an editor server, and tests, keep the defaults.
    static func configure(for console: Console) {
        #if canImport(Glibc)
            guard console.processEndsWithCommand, let mallopt = Self.mallopt else { return }
            _ = mallopt(mmapThreshold, 32 << 20)
            _ = mallopt(trimThreshold, Int32.max)
        #endif
    }

    #if canImport(Glibc)
        /// glibc's `mallopt` (declared in malloc.h, which the Glibc module leaves out), or nil.
        private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        }()
        /// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` of malloc.h.
        private static let trimThreshold: Int32 = -1
        private static let mmapThreshold: Int32 = -3
    #endif
}
