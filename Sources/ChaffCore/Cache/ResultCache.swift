#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Findings per file on disk (`--cache`), so that a file unchanged since the last run is not
/// linted again: its bytes are read and hashed, and when an entry was made from the same bytes,
/// under the same rules and options, by the same chaff, its findings are reported as stored.
///
/// Layout: `DIR/CACHEDIR.TAG` (the Cache Directory Tagging convention, which backup tools
/// honour and which `clean` requires before it deletes anything), `DIR/.gitignore` (`*`), and
/// one entry per reported path and settings under `DIR/entries/XX/`, named by a hash of both.
/// An entry holds its whole key, so a hash collision of names is a miss, not a wrong answer.
///
/// Safe under concurrent runs: each entry is written to a temporary file of a unique name in
/// its own directory and renamed over the old one, so a reader sees an old entry or a new one,
/// never part of one; two runs writing the same entry both write whole, equal answers. Entries
/// are not flushed to disk (a cache may be lost, never wrong: a damaged entry fails its
/// checksum and is a miss).
public final class ResultCache: @unchecked Sendable {
    /// The directory, as given.
    public let directory: String
    /// chaff's version and build, part of every key.
    public let toolVersion: String

    private let lock = NSLock()
    private var hitCount = 0
    private var missCount = 0
    private var firstWriteFailure: String?

    /// The marker `clean` looks for before it removes anything.
    static let tagSignature = "Signature: 8a477f597d28d172789f06886806bc55"
    static let tagFile = "CACHEDIR.TAG"
    static let tagText = tagSignature + "\n# This directory is a cache of findings made by chaff (chaff cache clean removes it).\n"

    /// A cache in `directory` for entries made by `toolVersion`. Nothing is created until
    /// `prepare()`.
    public init(directory: String, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    /// Creates the directory, its tag and its `.gitignore` when missing.
    public func prepare() throws(FileReader.Failure) {
        try AtomicFile.createParentDirectories(of: directory + "/" + Self.tagFile)
        let tag = directory + "/" + Self.tagFile
        if access(tag, F_OK) != 0 {
            try writeEntry(Array(Self.tagText.utf8), to: tag)
            try writeEntry(Array("# chaff's cache (--cache): never commit it\n*\n".utf8), to: directory + "/.gitignore")
        }
    }

    /// The key of a file reported as `path`, linted with `settings`, whose bytes are `content`.
    public func key(path: String, settings: UInt64, content: [UInt8]) -> CacheKey {
        CacheKey(path: path, settings: settings, contentHash: ContentHash.of(content), contentLength: content.count)
    }

    /// The stored findings for `key`, or `nil` (counted as a miss).
    public func lookup(_ key: CacheKey) -> CachedResult? {
        let found = (try? FileReader.read(entryPath(key))).flatMap { CacheEntry.decode($0, key: key, toolVersion: toolVersion) }
        lock.withLock {
            if found == nil { missCount += 1 } else { hitCount += 1 }
        }
        return found
    }

    /// Stores `result` under `key`. A failure is kept for `writeFailure` (the run goes on: the
    /// cache only saves time).
    public func store(_ result: CachedResult, under key: CacheKey) {
        let path = entryPath(key)
        let bytes = CacheEntry.encode(key: key, toolVersion: toolVersion, result: result)
        do {
            do {
                try writeEntry(bytes, to: path)
            } catch {
                // The first entry of its folder: make the folder and try once more.
                try AtomicFile.createParentDirectories(of: path)
                try writeEntry(bytes, to: path)
            }
        } catch {
            lock.withLock {
                if firstWriteFailure == nil { firstWriteFailure = error.reason }
            }
        }
    }

    /// How many lookups found an entry and how many did not.
    public var counts: (hits: Int, misses: Int) { lock.withLock { (hitCount, missCount) } }

    /// Why the first entry that could not be written was not, if one was not.
    public var writeFailure: String? { lock.withLock { firstWriteFailure } }

    /// Where `key`'s entry is: one per reported path and settings, so a changed file replaces
    /// its own entry instead of adding one.
    func entryPath(_ key: CacheKey) -> String {
        let name = ContentHash.hex(ContentHash.of(key.path, seed: key.settings))
        return directory + "/entries/" + name.prefix(2) + "/" + name.dropFirst(2)
    }

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
    private func writeEntry(_ bytes: [UInt8], to path: String) throws(FileReader.Failure) {
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileReader.Failure(reason: String(cString: strerror(errno))) }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        let reason = ok ? nil : String(cString: strerror(errno))
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let failure = reason ?? String(cString: strerror(errno))
            unlink(temporary)
            throw FileReader.Failure(reason: failure)
        }
    }
}
