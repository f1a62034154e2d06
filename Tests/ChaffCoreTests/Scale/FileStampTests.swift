import Foundation
import Testing

@testable import ChaffCore

/// Entries found by a file's stamp, without reading it: the stamp is trusted only once the
/// file's times are settled, and any write changes it.
@Suite struct FileStampTests {
    @Test func anEntryIsFoundByItsStampOnlyWhenTheStampIsTheSame() throws {
        let directory = ResultCacheTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try ResultCacheTests.open(directory)
        var key = cache.key(path: "a.md", settings: 7, content: Array("text".utf8))
        key.stamp = "1.2.4.100.5.100.6"
        var stored = ResultCacheTests.diagnostic
        stored.path = "a.md"
        let result = CachedResult(diagnostics: [stored], decodedFrom: nil)
        cache.store(result, under: key)
        cache.save()
        let next = try ResultCacheTests.open(directory)
        #expect(next.lookup(path: "a.md", settings: 7, stamp: "1.2.4.100.5.100.6") == result)
        // Another stamp, path or settings: a miss, which a content lookup then settles.
        #expect(next.lookup(path: "a.md", settings: 7, stamp: "1.2.4.100.5.100.7") == nil)
        #expect(next.lookup(path: "b.md", settings: 7, stamp: "1.2.4.100.5.100.6") == nil)
        #expect(next.lookup(path: "a.md", settings: 8, stamp: "1.2.4.100.5.100.6") == nil)
        #expect(next.lookup(next.key(path: "a.md", settings: 7, content: Array("text".utf8))) == result)
        #expect(next.counts.hits == 2 && next.counts.misses == 0)
        // An entry stored without a stamp is never found by one.
        let plain = try ResultCacheTests.open(directory + "-plain")
        defer { try? FileManager.default.removeItem(atPath: directory + "-plain") }
        plain.store(result, under: plain.key(path: "a.md", settings: 7, content: Array("text".utf8)))
        plain.save()
        #expect(try ResultCacheTests.open(directory + "-plain").lookup(path: "a.md", settings: 7, stamp: "") == nil)
    }

    @Test func aFileIsStampedOnceItsTimesAreSettledAndAWriteChangesTheStamp() throws {
        let path = ResultCacheTests.temporaryDirectory() + ".txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        // Just written: its times may share a clock tick with the next write.
        #expect(FileStamp.of(path) == nil)
        Thread.sleep(forTimeInterval: Double(FileStamp.settle) + 1.1)
        let settled = try #require(FileStamp.of(path))
        #expect(FileStamp.of(path) == settled)
        // The same size, other bytes: a new change time, unsettled again.
        try Data("two".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileStamp.of(path) == nil)
        #expect(FileStamp.of(path + ".missing") == nil)
        #expect(FileStamp.of(NSTemporaryDirectory()) == nil)
    }
}
