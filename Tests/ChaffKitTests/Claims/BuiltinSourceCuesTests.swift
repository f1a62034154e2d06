import Foundation
import Testing

@testable import ChaffKinds
@testable import ChaffText

/// The claim judges' cue tables compiled into the binary (`BuiltinSourceCues`): current, and the
/// same tables as compiling them.
@Suite struct BuiltinSourceCuesTests {
    static let generatedPath = PackageRoot.path + "/Sources/ChaffKinds/Claims/BuiltinSourceCues.generated.swift"

    /// The committed copy is what the tables compile to. With
    /// `CHAFF_REGENERATE=claim-snapshots` (`Scripts/generate-claim-snapshots.sh`) it is
    /// rewritten first.
    @Test func committedCopyIsCurrent() throws {
        let source = BuiltinSourceCues.generatedSource()
        if ProcessInfo.processInfo.environment["CHAFF_REGENERATE"] == "claim-snapshots" {
            try source.write(toFile: Self.generatedPath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.generatedPath, encoding: .utf8)
        #expect(committed == source, "BuiltinSourceCues.generated.swift is stale: run Scripts/generate-claim-snapshots.sh")
    }

    /// The standard tables are the compiled copy, and hold what compiling gives.
    @Test func standardTablesAreTheCompiledCopy() throws {
        let taken = try #require(BuiltinSourceCues.cues())
        let compiled = SourceCues(extraVague: [], extraSuffixes: [])
        #expect(taken.snapshot() == compiled.snapshot())
        #expect(SourceCues.standard.snapshot() == BuiltinSourceCuesData.words)
        #expect(taken.chineseKinds == compiled.chineseKinds && taken.chineseKinds.count > 1000)
        #expect(taken.englishNotNames == compiled.englishNotNames && taken.englishReportingVerbs == compiled.englishReportingVerbs)
        // The automata find the same words.
        let text = Array("据国家统计局、某机构和哈佛大学的专家表示，according to officials".utf8)
        text.withUnsafeBufferPointer { text in
            var (a, b): ([Int], [Int]) = ([], [])
            taken.chinese.matches(in: text) { pattern, _ in a.append(pattern) }
            compiled.chinese.matches(in: text) { pattern, _ in b.append(pattern) }
            #expect(a == b && a.count >= 3)
        }
    }

    /// A snapshot of another format, or with words left over, is not read.
    @Test func otherSnapshotsAreNotRead() {
        var words = BuiltinSourceCuesData.words
        #expect(words.withUnsafeBufferPointer { SourceCues.fromSnapshot($0) } != nil)
        words.append(0)
        #expect(words.withUnsafeBufferPointer { SourceCues.fromSnapshot($0) } == nil)
        words.removeLast()
        words[0] += 1
        #expect(words.withUnsafeBufferPointer { SourceCues.fromSnapshot($0) } == nil)
    }
}
