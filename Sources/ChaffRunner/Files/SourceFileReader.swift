import ChaffEngine
import Foundation

/// Reads the file that holds a catalogue's source strings (`DocumentFormat.sourceFileCandidates`):
/// the one place a run touches the file system for it, so readers stay functions of bytes.
///
/// A folder of locales shares one source file, so each is read once and kept, checked against
/// its size and modification time, for the other locales of the same folder.
public enum SourceFileReader {
    /// The UTF-8 text of the first source file of a `format` file at `path` that exists,
    /// transcoded as the run reads files (a UTF-16 `.strings` file); nil when the format keeps no
    /// source file apart, none exists, or it is binary or of an undecidable encoding.
    public static func text(forPath path: String, format: DocumentFormat) -> [UInt8]? {
        for candidate in DocumentFormat.sourceFileCandidates(forPath: path, format: format) {
            var info = stat()
            guard stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let size = Int(info.st_size)
            let modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
            if let hit = cache.lock.withLock({ cache.entries[candidate] }), hit.size == size, hit.modified == modified {
                return hit.text
            }
            let text = (try? FileReader.read(candidate)).flatMap(utf8Text)
            cache.lock.withLock {
                // The sources of one run are few (one per folder of locales); a bound all the same.
                if cache.entries.count > 256 { cache.entries.removeAll() }
                cache.entries[candidate] = Cached(size: size, modified: modified, text: text)
            }
            return text
        }
        return nil
    }

    /// A file's bytes as UTF-8 text, transcoded as the run would; nil for binary or
    /// undecidable bytes.
    private static func utf8Text(_ bytes: [UInt8]) -> [UInt8]? {
        switch SourceDecoder.decode(bytes) {
        case .utf8: bytes
        case .decoded(let text, _): text
        case .binary, .undecidable: nil
        }
    }

    private struct Cached {
        var size: Int
        var modified: Int
        var text: [UInt8]?
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var entries: [String: Cached] = [:]
    }

    private static let cache = Cache()
}
