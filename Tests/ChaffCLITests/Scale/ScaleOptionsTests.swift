import ChaffRunner
import Testing

@testable import ChaffCLI

/// How `--shard`, `--changed`, `--diff-lines` and `--cache` are parsed and shown in help.
@Suite struct ScaleOptionsTests {
    @Test func anOptionalValueIsOnlyTakenAfterAnEqualsSign() throws {
        let bare = try #require(try CheckOptions.parse(["--changed", "docs", "--cache", "notes"]))
        #expect(bare.changed == .some(nil))
        #expect(bare.cache == ".chaff-cache")
        #expect(bare.paths == ["docs", "notes"])
        let given = try #require(try CheckOptions.parse(["--changed=origin/main", "--cache=build/c", "--shard", "2/5"]))
        #expect(given.changed == .some("origin/main"))
        #expect(given.cache == "build/c")
        #expect(given.shard == FileShard(index: 2, count: 5))
        let lines = try #require(try CheckOptions.parse(["--diff-lines"]))
        #expect(lines.diffLines && lines.changed == .some(nil))
        let none = try #require(try CheckOptions.parse([]))
        #expect(none.changed == nil && none.cache == nil && none.shard == nil && !none.diffLines)
    }

    @Test func emptyValuesAreUsageErrors() {
        #expect(throws: ArgumentParser.UsageError.self) { try CheckOptions.parse(["--changed="]) }
        let run = chaff(["check", "--cache="], in: repositoryRoot)
        #expect(run.err == "chaff: error: --cache= needs a directory after '='; leave '=' out for .chaff-cache\n")
        #expect(run.status == 2)
        let flag = chaff(["check", "--diff-lines=yes"], in: repositoryRoot)
        #expect(flag.err == "chaff: error: option '--diff-lines' takes no value\n")
    }

    @Test func helpShowsTheOptionalValue() {
        let help = CheckOptions.spec.helpText
        #expect(help.contains("\n  --changed[=REF]          lint only files changed since the merge base of REF and\n"))
        #expect(help.contains("\n  --cache[=DIR]            reuse the findings of files unchanged since the last run\n"))
        #expect(help.contains("\n  --shard I/N              lint only part I of N (from 0): files are split by a hash\n"))
        #expect(CheckOptions.fixSpec.helpText.contains("--diff-lines"))
    }
}
