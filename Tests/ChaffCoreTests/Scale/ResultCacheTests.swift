import Foundation
import Testing

@testable import ChaffCore

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
        #expect(CacheEntry.decode(CacheEntry.encode(key: Self.key, toolVersion: "v", result: plain), key: Self.key, toolVersion: "v") == plain)
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
        let bytes = CacheEntry.encode(key: Self.key, toolVersion: "1", result: CachedResult(diagnostics: [Self.diagnostic], decodedFrom: nil))
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(CacheEntry.decode(Array(bytes.prefix(cut)), key: Self.key, toolVersion: "1") == nil)
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x20
        #expect(CacheEntry.decode(flipped, key: Self.key, toolVersion: "1") == nil)
        #expect(CacheEntry.decode(bytes + [0x0A], key: Self.key, toolVersion: "1") == nil)
    }

    @Test func aStoreIsFoundByTheSameKeyAndVersionOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaff-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ResultCache(directory: directory, toolVersion: "0.1.0")
        try cache.prepare()
        let key = cache.key(path: "a.md", settings: 7, content: Array("text".utf8))
        #expect(cache.lookup(key) == nil)
        var stored = Self.diagnostic
        stored.path = "a.md"
        let result = CachedResult(diagnostics: [stored], decodedFrom: nil)
        cache.store(result, under: key)
        #expect(cache.lookup(key) == result)
        #expect(cache.lookup(cache.key(path: "a.md", settings: 7, content: Array("text!".utf8))) == nil)
        #expect(ResultCache(directory: directory, toolVersion: "0.1.1").lookup(key) == nil)
        #expect(cache.counts.hits == 1 && cache.counts.misses == 2)
        #expect(cache.writeFailure == nil)
        // One entry per path and settings: the new content replaced the old entry.
        cache.store(result, under: cache.key(path: "a.md", settings: 7, content: Array("text!".utf8)))
        #expect(cache.lookup(key) == nil)
        let tag = try String(contentsOfFile: directory + "/CACHEDIR.TAG", encoding: .utf8)
        #expect(tag.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55\n"))
        #expect(try String(contentsOfFile: directory + "/.gitignore", encoding: .utf8).hasSuffix("\n*\n"))
    }
}
