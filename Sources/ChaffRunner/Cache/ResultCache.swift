import ChaffEngine
import ChaffText
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Findings per file on disk (`--cache`), so that a file unchanged since the last run is not
/// linted again: its bytes are read and hashed, and when an entry was made from the same bytes,
/// under the same rules and options, by the same chaff, its findings are reported as stored.
///
/// Layout: `DIR/CACHEDIR.TAG` (the Cache Directory Tagging convention, which backup tools
/// honour and which `clean` requires before it deletes anything), `DIR/.gitignore` (`*`), and
/// segment files `DIR/segments/*.seg`, each a sequence of entries (`CacheEntry`, each with its
/// whole key and a checksum). A run reads every segment once at the start, and at the end
/// writes the entries it made as one new segment. Once there are more than
/// `compactionThreshold` segments, the run writes instead one segment with the newest entry of
/// every path and settings, and removes the segments it read.
///
/// Why segments and not a file per entry: creating 10,000 small files costs more than linting
/// them on some file systems (ext4 spent 0.6 ms of kernel time per file here), and opening
/// them costs a second run most of its time.
///
/// Safe under concurrent runs: a segment is written to a temporary file of a unique name and
/// renamed into place, so a reader sees a whole segment or none; runs never write the same
/// segment. A segment removed by another run's compaction while this run lists them is skipped
/// (its entries are a miss, or are in the compacted segment). Segments are not flushed to disk:
/// after a crash one may be lost or damaged, and its damaged entries fail their checksum and are
/// misses. A lookup checks the full key, so an entry is never a wrong answer, only a miss.
public final class ResultCache: @unchecked Sendable {
    /// The directory, as given.
    public let directory: String
    /// chaff's version and build, part of every key.
    public let toolVersion: String
    /// How many segments may pile up before a run merges them into one.
    public static let compactionThreshold = 8

    private let lock = NSLock()
    private var hitCount = 0
    private var missCount = 0
    private var firstWriteFailure: String?
    /// The segments read, oldest first, and their paths.
    private var segments: [[UInt8]] = []
    private var segmentPaths: [String] = []
    /// Entry locations (segment, byte range) by `CacheEntry.indexKey`, newest first.
    private var index: [UInt64: [(segment: Int, range: Range<Int>)]] = [:]
    /// Entries made in this run, encoded, by `CacheEntry.indexKey`.
    private var fresh: [UInt64: [UInt8]] = [:]

    /// The marker `clean` looks for before it removes anything.
    static let tagSignature = "Signature: 8a477f597d28d172789f06886806bc55"
    static let tagFile = "CACHEDIR.TAG"
    static let tagText = tagSignature + "\n# This directory is a cache of findings made by chaff (chaff cache clean removes it).\n"

    /// A cache in `directory` for entries made by `toolVersion`. Nothing is read or created
    /// until `prepare()`.
    public init(directory: String, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    private var segmentDirectory: String { directory + "/segments" }

    /// Creates the directory, its tag and its `.gitignore` when missing, and reads the segments.
    public func prepare() throws(FileReader.Failure) {
        try AtomicFile.createParentDirectories(of: segmentDirectory + "/x")
        let tag = directory + "/" + Self.tagFile
        if access(tag, F_OK) != 0 {
            try writeFile(Array(Self.tagText.utf8), to: tag)
            try writeFile(Array("# chaff's cache (--cache): never commit it\n*\n".utf8), to: directory + "/.gitignore")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: segmentDirectory)) ?? [])
            .filter { $0.hasSuffix(".seg") }.sorted()
        for name in names {
            let path = segmentDirectory + "/" + name
            // Gone meanwhile (another run compacted): its entries are elsewhere or a miss.
            guard let bytes = try? FileReader.read(path) else { continue }
            let number = segments.count
            segments.append(bytes)
            segmentPaths.append(path)
            for (key, range) in CacheEntry.scanSegment(bytes, toolVersion: toolVersion) {
                index[key, default: []].insert((number, range), at: 0)
            }
        }
    }

    /// The key of a file reported as `path`, linted with `settings`, whose bytes are `content`.
    public func key(path: String, settings: UInt64, content: [UInt8]) -> CacheKey {
        CacheKey(path: path, settings: settings, contentHash: ContentHash.of(content), contentLength: content.count)
    }

    /// The stored findings for `key`, or `nil` (counted as a miss).
    public func lookup(_ key: CacheKey) -> CachedResult? {
        let found = find(key, byStamp: false)
        lock.withLock {
            if found == nil { missCount += 1 } else { hitCount += 1 }
        }
        return found
    }

    /// The stored findings of the file reported as `path`, linted with `settings`, whose
    /// `FileStamp` is `stamp` now and was when the entry was made, so that its bytes need not
    /// be read; `nil` when there is none (not counted: a content lookup follows).
    public func lookup(path: String, settings: UInt64, stamp: String) -> CachedResult? {
        var key = CacheKey(path: path, settings: settings, contentHash: 0, contentLength: 0)
        key.stamp = stamp
        guard let found = find(key, byStamp: true) else { return nil }
        lock.withLock { hitCount += 1 }
        return found
    }

    /// The ids of the rules the run reports: findings read back with one of them share its
    /// storage (a cached run otherwise allocates each finding's id anew). Set before lookups
    /// start; it only saves memory and time.
    public var ruleIDs: [String] = []

    /// Like `lookup(path:settings:stamp:)`, but hands each stored finding to `each` as it is
    /// read, without making diagnostics; returns how many there were and the encoding the file
    /// was read in, or `nil` when there is no such entry. Should `nil` come after calls to
    /// `each` (an entry whose checksum holds but whose findings do not parse), what `each` got
    /// must be dropped.
    public func lookup(
        path: String, settings: UInt64, stamp: String, each: (StoredFinding) -> Void
    ) -> (count: Int, decodedFrom: SourceEncoding?)? {
        var key = CacheKey(path: path, settings: settings, contentHash: 0, contentLength: 0)
        key.stamp = stamp
        for location in index[CacheEntry.indexKey(path: key.path, settings: key.settings)] ?? [] {
            let found = segments[location.segment].withUnsafeBufferPointer {
                CacheEntry.read(
                    UnsafeBufferPointer(rebasing: $0[location.range]), key: key, toolVersion: toolVersion, byStamp: true, each: each)
            }
            if let found {
                lock.withLock { hitCount += 1 }
                return (found.count, found.encoding)
            }
        }
        return nil
    }

    private func find(_ key: CacheKey, byStamp: Bool) -> CachedResult? {
        // The index and segments are only read after `prepare()`, so no lock is needed for them.
        for location in index[CacheEntry.indexKey(path: key.path, settings: key.settings)] ?? [] {
            let found = segments[location.segment].withUnsafeBufferPointer {
                CacheEntry.decode(
                    UnsafeBufferPointer(rebasing: $0[location.range]), key: key, toolVersion: toolVersion, byStamp: byStamp,
                    ruleIDs: ruleIDs)
            }
            if found != nil { return found }
        }
        return nil
    }

    /// Keeps `result` under `key`, to be written by `save()`.
    public func store(_ result: CachedResult, under key: CacheKey) {
        let bytes = CacheEntry.encode(key: key, toolVersion: toolVersion, result: result)
        let indexKey = CacheEntry.indexKey(path: key.path, settings: key.settings)
        lock.withLock { fresh[indexKey] = bytes }
    }

    /// Writes this run's entries as a new segment (or, past `compactionThreshold` segments,
    /// every newest entry as one segment in place of those read). A failure is kept for
    /// `writeFailure`: the cache only saves time, so the run goes on.
    public func save() {
        let (entries, compact) = lock.withLock { () -> ([[UInt8]], Bool) in
            let compact = segments.count >= Self.compactionThreshold
            guard !fresh.isEmpty || compact else { return ([], false) }
            var entries = Array(fresh.values)
            if compact {
                for (key, locations) in index where fresh[key] == nil {
                    if let newest = locations.first { entries.append(Array(segments[newest.segment][newest.range])) }
                }
            }
            fresh = [:]
            return (entries, compact)
        }
        guard !entries.isEmpty || compact else { return }
        var segment: [UInt8] = []
        segment.reserveCapacity(entries.reduce(0) { $0 + $1.count + 12 })
        for entry in entries {
            segment += Array(String(entry.count).utf8)
            segment.append(0x3A)
            segment += entry
        }
        let stamp = ContentHash.hex(UInt64(max(0, Date().timeIntervalSince1970 * 1_000_000)))
        let name = "\(stamp)-\(getpid())-\(ContentHash.hex(UInt64.random(in: 0...UInt64.max))).seg"
        do {
            try writeFile(segment, to: segmentDirectory + "/" + name)
        } catch {
            lock.withLock { if firstWriteFailure == nil { firstWriteFailure = error.reason } }
            return
        }
        if compact {
            for path in segmentPaths { unlink(path) }
        }
    }

    /// How many lookups found an entry and how many did not.
    public var counts: (hits: Int, misses: Int) { lock.withLock { (hitCount, missCount) } }

    /// Why the segment of this run could not be written, if it could not.
    public var writeFailure: String? { lock.withLock { firstWriteFailure } }

    /// Removes the cache at `directory`: `false` when there is nothing there. A directory
    /// without chaff's tag is refused, so a mistyped path cannot delete someone's files.
    public static func clean(directory: String) throws(FileReader.Failure) -> Bool {
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            if errno == ENOENT { return false }
            throw FileReader.Failure(reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileReader.Failure(reason: "not a directory") }
        let tag = (try? FileReader.read(directory + "/" + tagFile)) ?? []
        guard tag.starts(with: Array(tagSignature.utf8)), String(decoding: tag, as: UTF8.self).contains("chaff") else {
            throw FileReader.Failure(reason: "not a chaff cache (it has no CACHEDIR.TAG written by chaff); nothing removed")
        }
        do {
            try FileManager.default.removeItem(atPath: directory)
        } catch {
            throw FileReader.Failure(reason: "cannot remove it: \(error.localizedDescription)")
        }
        return true
    }

    /// Writes `bytes` to `path` through a temporary file of a unique name and a rename.
    private func writeFile(_ bytes: [UInt8], to path: String) throws(FileReader.Failure) {
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileReader.Failure(reason: String(cString: strerror(errno))) }
        let error = FileDescriptorWriter.writeAll(fd, bytes)
        let ok = error == 0
        let reason = ok ? nil : String(cString: strerror(error))
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let failure = reason ?? String(cString: strerror(errno))
            unlink(temporary)
            throw FileReader.Failure(reason: failure)
        }
    }
}
