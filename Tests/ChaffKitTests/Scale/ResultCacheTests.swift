import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffRunner
@testable import ChaffText

/// The cache's parts: the content hash, the entry format and its key checks, the store.
@Suite struct ResultCacheTests {
    static let diagnostic = Diagnostic(
        path: "docs/a b.md", range: 3..<13, line: 2, column: 4, endLine: 3, endColumn: 1, severity: .warning,
        ruleID: "placeholder-template-expression", message: "Unrendered 'x:y'\nsecond line 12:", matchedText: "{{ 名 }}",
        fix: "", fingerprint: "abc:0")

    static let key = CacheKey(path: "docs/a b.md", settings: 0x1234, contentHash: 0xDEAD_BEEF, contentLength: 42)

    @Test func theHashSeesEveryByteAndTheLength() {
        var seen = Set<UInt64>()
        let base = [UInt8](repeating: 0x61, count: 100)
        seen.insert(ContentHash.of(base))
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x01
            seen.insert(ContentHash.of(changed))
        }
        // 101 inputs, 101 different hashes; lengths 0…99 of the same bytes differ too.
        #expect(seen.count == 101)
        #expect(Set((0..<100).map { ContentHash.of(Array(base.prefix($0))) }).count == 100)
        #expect(ContentHash.of(base) == ContentHash.of(base))
        #expect(ContentHash.of(base, seed: 1) != ContentHash.of(base))
        #expect(ContentHash.of("abc") == ContentHash.of(Array("abc".utf8)))
        #expect(ContentHash.hex(0xAB) == "00000000000000ab")
    }

    @Test func anEntryRoundTripsEveryField() {
        let result = CachedResult(diagnostics: [Self.diagnostic, Self.diagnostic], decodedFrom: .gb18030)
        let bytes = CacheEntry.encode(key: Self.key, toolVersion: "0.1.0+7", result: result)
        #expect(CacheEntry.decode(bytes, key: Self.key, toolVersion: "0.1.0+7") == result)
        var noFix = Self.diagnostic
        noFix.fix = nil
        let plain = CachedResult(diagnostics: [noFix], decodedFrom: nil)
        #expect(
            CacheEntry.decode(CacheEntry.encode(key: Self.key, toolVersion: "v", result: plain), key: Self.key, toolVersion: "v") == plain)
    }

    @Test func anEntryUnderAnyOtherKeyOrVersionIsAMiss() {
        let result = CachedResult(diagnostics: [Self.diagnostic], decodedFrom: nil)
        let bytes = CacheEntry.encode(key: Self.key, toolVersion: "1", result: result)
        var other = [Self.key, Self.key, Self.key, Self.key]
        other[0].path = "docs/a.md"
        other[1].settings = 0x1235
        other[2].contentHash = 0xDEAD_BEEE
        other[3].contentLength = 43
        for key in other { #expect(CacheEntry.decode(bytes, key: key, toolVersion: "1") == nil) }
        #expect(CacheEntry.decode(bytes, key: Self.key, toolVersion: "2") == nil)
    }

    @Test func aTornOrDamagedEntryIsAMiss() {
        let bytes = CacheEntry.encode(
            key: Self.key, toolVersion: "1", result: CachedResult(diagnostics: [Self.diagnostic], decodedFrom: nil))
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(CacheEntry.decode(Array(bytes.prefix(cut)), key: Self.key, toolVersion: "1") == nil)
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        #expect(CacheEntry.decode(flipped, key: Self.key, toolVersion: "1") == nil)
        #expect(CacheEntry.decode(bytes + [0x0A], key: Self.key, toolVersion: "1") == nil)
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("chaff-cache-\(UUID().uuidString)").path
    }

    /// A cache in `directory` as a run opens it.
    static func open(_ directory: String, version: String = "0.1.0") throws -> ResultCache {
        let cache = ResultCache(directory: directory, toolVersion: version)
        try cache.prepare()
        return cache
    }

    static func segments(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/segments")) ?? []).sorted()
    }

    @Test func aSavedEntryIsFoundByTheSameKeyAndVersionOnly() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try Self.open(directory)
        let key = cache.key(path: "a.md", settings: 7, content: Array("text".utf8))
        #expect(cache.lookup(key) == nil)
        var stored = Self.diagnostic
        stored.path = "a.md"
        let result = CachedResult(diagnostics: [stored], decodedFrom: nil)
        cache.store(result, under: key)
        cache.save()
        #expect(cache.writeFailure == nil)
        #expect(cache.counts.hits == 0 && cache.counts.misses == 1)
        let next = try Self.open(directory)
        #expect(next.lookup(key) == result)
        #expect(next.lookup(next.key(path: "a.md", settings: 7, content: Array("text!".utf8))) == nil)
        #expect(next.lookup(next.key(path: "a.md", settings: 8, content: Array("text".utf8))) == nil)
        #expect(next.lookup(next.key(path: "b.md", settings: 7, content: Array("text".utf8))) == nil)
        #expect(try Self.open(directory, version: "0.1.1").lookup(key) == nil)
        #expect(next.counts.hits == 1 && next.counts.misses == 3)
        let tag = try String(contentsOfFile: directory + "/CACHEDIR.TAG", encoding: .utf8)
        #expect(tag.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55\n"))
        #expect(try String(contentsOfFile: directory + "/.gitignore", encoding: .utf8).hasSuffix("\n*\n"))
    }

    @Test func runsAddSegmentsUntilOneMergesThemKeepingTheNewestEntries() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func result(_ message: String) -> CachedResult {
            var d = Self.diagnostic
            d.path = "a.md"
            d.message = message
            return CachedResult(diagnostics: [d], decodedFrom: nil)
        }
        // Run n stores a.md with content "vn" and b.md once; a run with nothing new writes nothing.
        for run in 0..<ResultCache.compactionThreshold {
            let cache = try Self.open(directory)
            cache.store(result("v\(run)"), under: cache.key(path: "a.md", settings: 1, content: Array("v\(run)".utf8)))
            if run == 0 {
                cache.store(CachedResult(diagnostics: [], decodedFrom: nil), under: cache.key(path: "b.md", settings: 1, content: []))
            }
            cache.save()
            #expect(Self.segments(directory).count == run + 1)
        }
        let idle = try Self.open(directory)
        // An older content of a.md is still found: every entry of a path is kept until a merge.
        #expect(idle.lookup(idle.key(path: "a.md", settings: 1, content: Array("v2".utf8))) == result("v2"))
        idle.save()
        let merged = Self.segments(directory)
        #expect(merged.count == 1)
        let after = try Self.open(directory)
        let last = ResultCache.compactionThreshold - 1
        #expect(after.lookup(after.key(path: "a.md", settings: 1, content: Array("v\(last)".utf8))) == result("v\(last)"))
        #expect(after.lookup(after.key(path: "a.md", settings: 1, content: Array("v2".utf8))) == nil)
        #expect(after.lookup(after.key(path: "b.md", settings: 1, content: [])) == CachedResult(diagnostics: [], decodedFrom: nil))
    }

    @Test func aDamagedSegmentLosesOnlyItsDamagedEntries() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try Self.open(directory)
        let keys = ["a.md", "b.md", "c.md"].map { cache.key(path: $0, settings: 1, content: Array($0.utf8)) }
        for key in keys { cache.store(CachedResult(diagnostics: [], decodedFrom: .big5), under: key) }
        cache.save()
        let path = directory + "/segments/" + Self.segments(directory)[0]
        var bytes = Array(FileManager.default.contents(atPath: path)!)
        // Flip one byte inside b.md's entry: its checksum fails, the others still read.
        let marker = Array("b.md".utf8)
        let at = (0..<bytes.count - marker.count).first { Array(bytes[$0..<$0 + marker.count]) == marker }!
        bytes[at + 40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let next = try Self.open(directory)
        let found = keys.map { next.lookup($0) != nil }
        #expect(found.filter { $0 }.count == 2)
        // Cut the file in the middle of the last entry: the entries before it still read.
        try Data(bytes.prefix(bytes.count - 10)).write(to: URL(fileURLWithPath: path))
        let cut = try Self.open(directory)
        #expect(keys.map { cut.lookup($0) != nil }.filter { $0 }.count >= 1)
    }
}
