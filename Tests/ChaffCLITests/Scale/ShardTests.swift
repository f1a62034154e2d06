import Foundation
import Testing

@testable import ChaffCLI

/// `--shard I/N`: N runs together lint each file of the whole run exactly once.
@Suite struct ShardTests {
    /// 40 documents in nested folders, each with one finding, and a file that is not a document.
    static func corpus() -> Scratch {
        let scratch = Scratch()
        for index in 0..<40 { scratch.write("d\(index % 4)/e\(index % 3)/f\(index).md", "{{ x }}\n") }
        scratch.write("d0/skip.json", "{{ x }}\n")
        return scratch
    }

    /// `chaff check` of `arguments`, and of the whole scratch folder when no path is named
    /// (in-process runs resolve paths against the process's directory, so it is passed absolute).
    static func check(_ arguments: [String], in scratch: Scratch) -> ChaffRun {
        let named = arguments.contains { $0.hasSuffix(".md") || $0 == "-" } ? [] : [scratch.root]
        return chaff(["check", "--no-config", "--select", "placeholder-template-expression"] + arguments + named, in: scratch.root)
    }

    static func lines(_ run: ChaffRun) -> [String] { run.out.split(separator: "\n").map(String.init) }

    @Test func theShardsTogetherAreTheWholeRunWithNoFileTwice() {
        let scratch = Self.corpus()
        let whole = Self.check([], in: scratch)
        #expect(Self.lines(whole).count == 40)
        for count in [1, 2, 3, 7] {
            var union: [String] = []
            var sizes: [Int] = []
            for index in 0..<count {
                let run = Self.check(["--shard", "\(index)/\(count)"], in: scratch)
                union += Self.lines(run)
                sizes.append(Self.lines(run).count)
                #expect(run.err == "chaff: note: --shard \(index)/\(count): \(Self.lines(run).count) of 40 files\n")
                #expect(run.status == (run.out.isEmpty ? 0 : 1))
            }
            #expect(union.count == 40, "\(count) shards")
            #expect(union.sorted() == Self.lines(whole).sorted(), "\(count) shards")
            if count == 3 { #expect(sizes.allSatisfy { $0 >= 6 }, "\(sizes)") }
        }
    }

    @Test func aFilesShardDoesNotDependOnTheOtherFiles() {
        let scratch = Self.corpus()
        let before = Set(Self.lines(Self.check(["--shard", "1/3", "-q"], in: scratch)))
        for index in 40..<60 { scratch.write("new/g\(index).md", "{{ x }}\n") }
        try? FileManager.default.removeItem(atPath: scratch.path("d1/e1/f13.md"))
        let after = Set(Self.lines(Self.check(["--shard", "1/3", "-q"], in: scratch)))
        let old = after.filter { !$0.hasPrefix("new/") }
        #expect(old == before.filter { !$0.hasPrefix("d1/e1/f13.md:") })
        // Whether a file is in a shard is the path's hash, whatever else the run holds: naming
        // the file alone puts it in the same shard.
        for line in before.prefix(3) {
            let path = String(line.split(separator: ":")[0])
            #expect(Self.lines(Self.check(["--shard", "1/3", "-q", scratch.path(path)], in: scratch)).count == 1)
            #expect(Self.check(["--shard", "0/3", "-q", scratch.path(path)], in: scratch).out == "")
        }
    }

    @Test func badShardsAreUsageErrors() {
        let scratch = Self.corpus()
        for bad in ["3/3", "1", "0/0", "x/2"] {
            let run = Self.check(["--shard", bad], in: scratch)
            #expect(run.err == "chaff: error: --shard must be I/N with whole numbers 0 <= I < N (0/3, 1/3, 2/3), found '\(bad)'\n")
            #expect(run.status == 2)
        }
        let stdin = Self.check(["--shard", "0/2", "-"], in: scratch)
        #expect(stdin.err == "chaff: error: --shard splits files; standard input ('-') cannot be split\n")
        #expect(stdin.status == 2)
    }
}
