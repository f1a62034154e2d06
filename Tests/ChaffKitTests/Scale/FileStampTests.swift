import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffReporters
@testable import ChaffRunner
@testable import ChaffText

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

    /// A lookup by stamp that hands over stored findings gives the fields stored, and the
    /// compiler line written from them is the line the reporter writes for the diagnostic.
    @Test func storedFindingsWriteTheLineTheDiagnosticWouldHave() throws {
        let directory = ResultCacheTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = try ResultCacheTests.open(directory)
        var key = cache.key(path: ResultCacheTests.diagnostic.path, settings: 7, content: Array("text".utf8))
        key.stamp = "9.8.7"
        var second = ResultCacheTests.diagnostic
        second.severity = .error
        second.message = "plain \u{202E}"
        second.fix = nil
        let stored = [ResultCacheTests.diagnostic, second]
        cache.store(CachedResult(diagnostics: stored, decodedFrom: .gb18030), under: key)
        cache.save()
        let next = try ResultCacheTests.open(directory)
        var lines: [UInt8] = []
        var fields: [(Int, Int, Severity, String, String?)] = []
        let found = next.lookup(path: key.path, settings: 7, stamp: "9.8.7") { finding in
            CompilerReporter.appendPlainLine(
                escapedPath: Array(TerminalSafe.escape(key.path).utf8), line: finding.line, column: finding.column,
                severity: finding.severity, message: finding.message, ruleID: finding.ruleID, to: &lines)
            lines.append(0x0A)
            fields.append(
                (
                    finding.range.lowerBound, finding.endColumn, finding.severity, String(decoding: finding.matchedText, as: UTF8.self),
                    finding.fix.map { String(decoding: $0, as: UTF8.self) }
                ))
        }
        #expect(found?.count == 2)
        #expect(found?.decodedFrom == .gb18030)
        #expect(fields.map(\.0) == [3, 3] && fields.map(\.1) == [1, 1] && fields.map(\.2) == [.warning, .error])
        #expect(fields.map(\.3) == ["{{ 名 }}", "{{ 名 }}"] && fields.map(\.4) == ["", nil])
        let report = Report(diagnostics: [], rules: [], columnUnit: .scalar, toolVersion: "t")
        #expect(String(decoding: lines, as: UTF8.self) == CompilerReporter().renderPart(stored, of: report))
        #expect(String(decoding: lines, as: UTF8.self).contains("'x:y'\\x0asecond line 12: ["))
        // Another stamp: nothing handed over.
        #expect(next.lookup(path: key.path, settings: 7, stamp: "9.8.8") { _ in Issue.record("a finding for another stamp") } == nil)
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
