#if canImport(Glibc)
    import Glibc
    import GlibcMalloc
#endif

/// The C heap's settings for a check run, a process that ends when the report is written.
enum BatchHeap {
    /// Blocks of up to 32 MB come from the heap, and freed memory stays with the process until
    /// it ends. A glossed page allocates and frees arrays of a few hundred kilobytes in every
    /// rule; with glibc's defaults each was mapped afresh or the heap trimmed after it, and its
    /// pages were faulted in again: a fifth of such a run's page faults (the sample page x40:
    /// 8,881 -> 7,194). A run's peak is unchanged (the 100 MB Markdown file: 233 MB both).
    /// Only for the process's own console: an editor server, and tests, keep the defaults.
    ///
    /// The heap's next `hugeRegion` bytes are then advised into transparent huge pages
    /// (`adviseHugePages`).
    static func configure(for console: Console) {
        #if canImport(Glibc)
            guard console.processEndsWithCommand else { return }
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
            _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
            adviseHugePages()
        #endif
    }

    #if canImport(Glibc)
        /// Grows the main heap by `hugeRegion` at once and asks the kernel to back that stretch
        /// with 2 MB pages where it can (`MADV_HUGEPAGE`; refused where the kernel has no
        /// transparent huge pages, and without effect where they are switched off). A dense
        /// page's run grows its heap to tens of megabytes, and each 4 KB page it touched first
        /// cost a trap into the kernel: on the sample page x40 a sixth of the wall time was
        /// system time (6,190 page faults). glibc's `malloc.hugetlb` tunable does the same but
        /// is read from the environment before `main`.
        ///
        /// The growth is forced by one block larger than a fresh heap's free top, with the top
        /// pad raised for that one request, so the advice covers where the heap really grew (a
        /// pad raised alone took effect at some later growth, away from any advice); the block
        /// is freed at once and its memory stays in the heap (`M_TRIM_THRESHOLD`). Untouched pages
        /// cost nothing; a touched 2 MB stretch is backed whole, so resident memory can grow by
        /// up to a huge page.
        private static func adviseHugePages() {
            _ = mallopt(M_TOP_PAD, Int32(hugeRegion))
            defer { _ = mallopt(M_TOP_PAD, defaultTopPad) }
            guard let block = malloc(growthBlock) else { return }
            let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
            let start = UInt(bitPattern: block) & ~(pageSize - 1)
            let end = UInt(bitPattern: sbrk(0))
            // Only where the block came from the top of the main heap and the heap grew past it
            // by the pad: off the main thread the block comes from another arena, and a break
            // moved by someone else is not the heap's to advise.
            guard end > start, end - start >= UInt(growthBlock) + (2 << 20), end - start <= UInt(hugeRegion) * 2,
                let region = UnsafeMutableRawPointer(bitPattern: start)
            else {
                free(block)
                return
            }
            _ = madvise(region, Int(end - start), MADV_HUGEPAGE)
            free(block)
            skipToHugeBoundary(from: UInt(bitPattern: block))
        }

        /// Takes the heap's top from `top` up to its first 2 MB boundary, and never gives it
        /// back: no huge page fits below the boundary, and a run's first allocations landed
        /// there a 4 KB page at a time (some 400 page faults on the sample page). The stretch
        /// is never touched, so it costs address space only; what comes after starts on the
        /// boundary, in huge pages.
        private static func skipToHugeBoundary(from top: UInt) {
            let huge = UInt(2 << 20)
            let boundary = (top + huge - 1) & ~(huge - 1)
            // The block came from the top, so the top starts where it did; a chunk's header
            // is the 16 bytes before the address malloc gives.
            guard boundary - top >= 64 << 10 else { return }
            // Kept where the optimiser sees it used: an unused block's malloc may be dropped.
            skipped = malloc(Int(boundary - top) - 32)
        }

        /// The stretch `skipToHugeBoundary` took (never freed, never touched).
        nonisolated(unsafe) private static var skipped: UnsafeMutableRawPointer?

        /// Bytes of heap advised into huge pages: the sample page x40 peaks at 23 MB of heap.
        private static let hugeRegion = 64 << 20
        /// A block larger than a fresh heap's free top, so that allocating it grows the heap.
        private static let growthBlock = 4 << 20
        /// glibc's default top pad (`DEFAULT_TOP_PAD`, 128 KB).
        private static let defaultTopPad: Int32 = 128 << 10
    #endif
}
