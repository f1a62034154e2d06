import ChaffRunner
import ChaffText
import Dispatch
import Foundation
import Testing

@testable import ChaffCLI

/// `--cache`: a second run reuses the findings of unchanged files, byte for byte, and any change
/// to a file, a rule file, a config or the options makes exactly the files it affects linted again.
@Suite struct CacheTests {
    static let rule = """
        {"id": "no-foo", "kind": "pattern", "summary": "S.", "description": "D.", "message": "No foo",
         "options": {"phrases": ["foo"]}, "examples": {"valid": ["x"], "invalid": ["↓foo"]}}
        """

    /// a.md and b.md under the top config, sub/c.md under its own; a rule directory for both.
    static func project() -> Scratch {
        let scratch = Scratch()
        scratch.write("rules/no-foo.json", rule)
        scratch.write(".chaff.json", #"{"rules": ["rules"]}"#)
        scratch.write("sub/.chaff.json", #"{"rules": ["../rules"]}"#)
        scratch.write("a.md", "foo {{ a }}\n")
        scratch.write("b.md", "clean\n")
        scratch.write("sub/c.md", "foo {{ c }}\n")
        return scratch
    }

    /// `chaff check --cache` of the project, or of the files named in `extra` (in-process runs
    /// resolve paths against the process's directory, so they are made absolute).
    static func check(_ scratch: Scratch, _ extra: [String] = []) -> ChaffRun {
        let named = extra.filter { $0.hasSuffix(".md") }
        let options = extra.filter { !$0.hasSuffix(".md") }
        let paths = named.isEmpty ? [scratch.root] : named.map { scratch.path($0) }
        return chaff(["check", "--cache", "--select", "no-foo,placeholder-template-expression"] + options + paths, in: scratch.root)
    }

    static func note(_ reused: Int, _ linted: Int) -> String {
        "chaff: note: cache: \(reused) file\(reused == 1 ? "" : "s") unchanged (findings reused), \(linted) linted\n"
    }

    static let report = """
        a.md:1:1: warning: No foo [no-foo]
        a.md:1:5: warning: Unrendered template expression '{{ a }}'; fill it in or remove it [placeholder-template-expression]
        sub/c.md:1:1: warning: No foo [no-foo]
        sub/c.md:1:5: warning: Unrendered template expression '{{ c }}'; fill it in or remove it [placeholder-template-expression]

        """

    @Test func aSecondRunReusesEveryFileWithTheSameReport() {
        let scratch = Self.project()
        let first = Self.check(scratch)
        #expect(first.out == Self.report)
        #expect(first.err == Self.note(0, 3))
        #expect(first.status == 1)
        for format in ["compiler", "json", "sarif"] {
            let fresh = chaff(
                ["check", "--format", format, "--select", "no-foo,placeholder-template-expression", scratch.root], in: scratch.root)
            let cold = Self.check(scratch, ["--format", format, "--cache=other"])
            let warm = Self.check(scratch, ["--format", format, "--cache=other"])
            #expect(cold.out == fresh.out, "\(format)")
            #expect(warm.out == fresh.out, "\(format)")
            #expect(warm.err == Self.note(3, 0), "\(format)")
        }
        // A person's terminal: source lines and fixes shown from the cache as from a fresh run.
        let shown = chaff(
            ["check", "--cache", "--show-source", "--select", "no-foo,placeholder-template-expression", scratch.root], in: scratch.root)
        let freshShown = chaff(
            ["check", "--show-source", "--select", "no-foo,placeholder-template-expression", scratch.root], in: scratch.root)
        #expect(shown.out == freshShown.out)
        #expect(shown.out.contains("foo {{ a }}"))
    }

    /// Rewrites every entry of the cache's segments with `transform` (its checksum made anew).
    static func rewriteEntries(_ directory: String, _ transform: (String) -> String) throws -> Int {
        var changed = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory + "/segments") {
            let path = directory + "/segments/" + name
            let bytes = Array(FileManager.default.contents(atPath: path)!)
            var out: [UInt8] = []
            var offset = 0
            while offset < bytes.count {
                let colon = bytes[offset...].firstIndex(of: 0x3A)!
                let length = Int(String(decoding: bytes[offset..<colon], as: UTF8.self))!
                let entry = Array(bytes[(colon + 1)..<(colon + 1 + length)])
                offset = colon + 1 + length
                // The entry's last field is "16:" and the hex checksum of everything before it.
                let body = String(decoding: entry.dropLast(19), as: UTF8.self)
                let newBody = transform(body)
                if newBody != body { changed += 1 }
                let newEntry = Array(newBody.utf8) + Array("16:\(ContentHash.hex(ContentHash.of(newBody)))".utf8)
                out += Array("\(newEntry.count):".utf8) + newEntry
            }
            try Data(out).write(to: URL(fileURLWithPath: path))
        }
        return changed
    }

    @Test func aReusedFileIsNotLintedAgain() throws {
        let scratch = Self.project()
        _ = Self.check(scratch, ["b.md", "a.md"])
        // Rewrite the message in a.md's entry: only a run that takes a.md's findings from the
        // cache, without running the rules, can report the changed message.
        let changed = try Self.rewriteEntries(scratch.path(".chaff-cache")) { $0.replacingOccurrences(of: "No foo", with: "Mo foo") }
        #expect(changed == 1)
        let run = Self.check(scratch, ["a.md", "b.md"])
        #expect(run.out.hasPrefix("a.md:1:1: warning: Mo foo [no-foo]\n"))
        #expect(run.err == Self.note(2, 0))
        // A rewritten entry whose checksum no longer fits is a miss: the file is linted again.
        _ = try Self.rewriteEntries(scratch.path(".chaff-cache")) { $0 }
        let segment = try FileManager.default.contentsOfDirectory(atPath: scratch.path(".chaff-cache/segments"))[0]
        let path = scratch.path(".chaff-cache/segments/" + segment)
        let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
        try text.replacingOccurrences(of: "Mo foo", with: "Xo foo").write(toFile: path, atomically: false, encoding: .utf8)
        let relinted = Self.check(scratch, ["a.md", "b.md"])
        #expect(relinted.out.hasPrefix("a.md:1:1: warning: No foo [no-foo]\n"))
        #expect(relinted.err == Self.note(1, 1))
    }

    @Test func anEditedFileIsLintedAgainAndOnlyIt() {
        let scratch = Self.project()
        _ = Self.check(scratch)
        scratch.write("b.md", "now foo\n")
        let run = Self.check(scratch)
        #expect(run.out.contains("b.md:1:5: warning: No foo [no-foo]\n"))
        #expect(run.err == Self.note(2, 1))
        // Same length, one byte different.
        scratch.write("b.md", "now fox\n")
        #expect(Self.check(scratch).err == Self.note(2, 1))
        #expect(Self.check(scratch).out == Self.report)
    }

    @Test func anEditedRuleFileRelintsEveryFileItApplies() {
        let scratch = Self.project()
        _ = Self.check(scratch)
        scratch.write("rules/no-foo.json", Self.rule.replacingOccurrences(of: "No foo", with: "Foo is banned"))
        let run = Self.check(scratch)
        #expect(run.err == Self.note(0, 3))
        #expect(run.out.contains("a.md:1:1: warning: Foo is banned [no-foo]\n"))
        #expect(Self.check(scratch).err == Self.note(3, 0))
    }

    @Test func anEditedConfigRelintsTheFilesItGovernsOnly() {
        let scratch = Self.project()
        _ = Self.check(scratch)
        scratch.write("sub/.chaff.json", #"{"rules": ["../rules"], "severity": {"no-foo": "error"}}"#)
        let sub = Self.check(scratch)
        #expect(sub.err == Self.note(2, 1))
        #expect(sub.out.contains("sub/c.md:1:1: error: No foo [no-foo]\n"))
        scratch.write(".chaff.json", #"{"rules": ["rules"], "severity": {"no-foo": "note"}}"#)
        let top = Self.check(scratch)
        #expect(top.err == Self.note(1, 2))
        #expect(top.out.contains("a.md:1:1: note: No foo [no-foo]\n"))
    }

    @Test func optionsThatChangeFindingsHaveEntriesOfTheirOwn() {
        let scratch = Self.project()
        _ = Self.check(scratch)
        #expect(Self.check(scratch, ["--column-unit", "utf16"]).err == Self.note(0, 3))
        #expect(Self.check(scratch, ["--ignore", "no-foo"]).err == Self.note(0, 3))
        // The first settings' entries are still there.
        #expect(Self.check(scratch).err == Self.note(3, 0))
        // Options that only change how the report is shown reuse them.
        #expect(Self.check(scratch, ["--format", "github", "--fail-on", "error"]).err == Self.note(3, 0))
    }

    @Test func concurrentRunsShareOneCache() {
        let scratch = Self.project()
        for index in 0..<30 { scratch.write("many/f\(index).md", index % 2 == 0 ? "foo\n" : "clean\n") }
        let expected = chaff(["check", "--select", "no-foo,placeholder-template-expression", scratch.root], in: scratch.root).out
        let outputs = Outputs()
        let root = scratch.root
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            let extra = index % 2 == 0 ? [] : ["--shard", "0/1"]
            outputs.add(
                chaff(
                    ["check", "--cache", "--select", "no-foo,placeholder-template-expression", "-j", "2", "-q"] + extra + [root], in: root
                ).out)
        }
        #expect(outputs.all.count == 6)
        #expect(outputs.all.allSatisfy { $0 == expected })
        #expect(Self.check(scratch).err == Self.note(33, 0))
        #expect(Self.check(scratch).out == expected)
    }

    final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String] = []
        func add(_ value: String) { lock.withLock { values.append(value) } }
        var all: [String] { lock.withLock { values } }
    }

    @Test func cacheCleanRemovesOnlyAChaffCache() throws {
        let scratch = Self.project()
        _ = Self.check(scratch)
        let clean = chaff(["cache", "clean"], in: scratch.root)
        #expect(clean.err == "chaff: removed the cache .chaff-cache\n")
        #expect(clean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path(".chaff-cache")))
        let again = chaff(["cache", "clean"], in: scratch.root)
        #expect(again.err == "chaff: no cache at .chaff-cache\n")
        #expect(again.status == 0)
        let refused = chaff(["cache", "clean", "sub"], in: scratch.root)
        #expect(refused.err == "sub: error: not a chaff cache (it has no CACHEDIR.TAG written by chaff); nothing removed\n")
        #expect(refused.status == 2)
        #expect(FileManager.default.fileExists(atPath: scratch.path("sub/c.md")))
        _ = Self.check(scratch, ["--cache=build/lint-cache"])
        #expect(chaff(["cache", "clean", "build/lint-cache"], in: scratch.root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("build/lint-cache")))
        let typo = chaff(["cache", "claen"], in: scratch.root)
        #expect(typo.err == "chaff: error: unknown cache action 'claen'; did you mean 'clean'?\n")
        #expect(typo.status == 2)
    }

    /// Files whose stamps are settled are reported straight from their stored findings (no
    /// diagnostics made): the report, the exit status and the escaping of what linted text put
    /// in a message must be those of a fresh run, a file named twice must still be merged, and
    /// an entry rewritten behind chaff's back is what gets reported (so the path really ran).
    @Test func settledFilesAreReportedFromTheirStoredFindingsAsAFreshRunReportsThem() throws {
        let scratch = Self.project()
        // ESC and a bidi override in the matched text reach the message, which must be escaped.
        scratch.write("d.md", "{{ a\u{1B}[31m }} and {{ b\u{202E} }}\n")
        Thread.sleep(forTimeInterval: Double(FileStamp.settle) + 1.1)
        let select = ["--select", "no-foo,placeholder-template-expression"]
        // Standard input shown as a.md shares a.md's path: the two are reported merged.
        let shared = (["--stdin-filename", "a.md"], ["-", scratch.root])
        for (options, paths) in [([String](), [scratch.root]), (["--fail-on", "error"], [scratch.root]), shared] {
            let stdin = "{{ from stdin }} foo\n"
            let fresh = chaff(["check"] + select + options + paths, in: scratch.root, stdin: stdin)
            let first = chaff(["check", "--cache"] + select + options + paths, in: scratch.root, stdin: stdin)
            let second = chaff(["check", "--cache"] + select + options + paths, in: scratch.root, stdin: stdin)
            #expect(first.out == fresh.out)
            #expect(second.out == fresh.out)
            #expect(second.status == fresh.status)
            #expect(second.err == Self.note(paths.count == 1 ? 4 : 5, 0))
            if paths.count == 2 { #expect(fresh.out.hasPrefix("a.md:1:1: warning: No foo [no-foo]\na.md:1:1: warning: Unrendered")) }
        }
        let fresh = chaff(["check"] + select + [scratch.root], in: scratch.root)
        #expect(fresh.out.contains("d.md:1:1: warning: Unrendered template expression '{{ a\\x1b[31m }}'"))
        #expect(fresh.out.contains("'{{ b\\u{202E} }}'"))
        #expect(fresh.status == 1)
        #expect(chaff(["check", "--fail-on", "error"] + select + [scratch.root], in: scratch.root).status == 0)
        let changed = try Self.rewriteEntries(scratch.path(".chaff-cache")) { $0.replacingOccurrences(of: "No foo", with: "Mo foo") }
        #expect(changed >= 2)
        let reused = chaff(["check", "--cache"] + select + [scratch.root], in: scratch.root)
        #expect(reused.out == fresh.out.replacingOccurrences(of: "No foo", with: "Mo foo"))
        #expect(reused.err == Self.note(4, 0))
    }

    @Test func anUnusableCacheDirectoryIsAnErrorButTheFilesAreLinted() {
        let scratch = Self.project()
        scratch.write("blocker", "a file where the cache would go\n")
        let run = Self.check(scratch, ["--cache=blocker/cache"])
        #expect(run.out == Self.report)
        #expect(run.err.hasPrefix("blocker/cache: error: cannot use the cache directory: "))
        #expect(run.status == 2)
    }
}
