import Foundation
import Testing

@testable import ChaffCLI

/// `--changed` and `--diff-lines` on a real git repository with a branch, an upstream, a
/// rename with an edit, a pure rename, a deletion, a commit, staged and unstaged edits and an
/// untracked file.
@Suite struct ChangedTests {
    /// Runs git in `directory`; a failure stops the test.
    @discardableResult
    static func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(arguments: arguments) }
        return text.trimmingCharacters(in: .newlines)
    }

    struct GitFailure: Error { var arguments: [String] }

    /// The repository: `main` holds the first commit, `feature` (tracking `main`) one more,
    /// and the work tree has uncommitted changes on top. Returns it and the first commit.
    static func repository() throws -> (Scratch, String) {
        let scratch = Scratch()
        let root = scratch.root
        try git(["init", "-q", "-b", "main"], in: root)
        scratch.write(".gitignore", "ignored.md\n")
        scratch.write("same.md", "{{ s }}\n")
        scratch.write("edit.md", "{{ e1 }}\nline two\n")
        scratch.write("staged.md", "{{ t1 }}\n")
        scratch.write("old.md", "{{ r1 }}\nkeep one\nkeep two\nkeep three\nkeep four\n")
        scratch.write("pure.md", "{{ p }}\n")
        scratch.write("gone.md", "{{ g }}\n")
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "first"], in: root)
        let first = try git(["rev-parse", "HEAD"], in: root)
        try git(["checkout", "-q", "-b", "feature"], in: root)
        try git(["branch", "-q", "--set-upstream-to=main"], in: root)
        try git(["mv", "old.md", "new.md"], in: root)
        scratch.write("new.md", "{{ r1 }}\nkeep one\n{{ r2 }} two\nkeep three\nkeep four\n")
        try FileManager.default.createDirectory(atPath: scratch.path("moved"), withIntermediateDirectories: true)
        try git(["mv", "pure.md", "moved/pure.md"], in: root)
        try git(["rm", "-q", "gone.md"], in: root)
        scratch.write("committed.md", "{{ c }}\n")
        try git(["add", "-A"], in: root)
        try git(["commit", "-q", "-m", "second"], in: root)
        scratch.write("edit.md", "{{ e1 }}\nline two\n{{ e2 }}\n")
        scratch.write("staged.md", "{{ t1 }}\n{{ t2 }}\n")
        try git(["add", "staged.md"], in: root)
        scratch.write("untracked.md", "{{ u }}\n")
        scratch.write("ignored.md", "{{ i }}\n")
        return (scratch, first)
    }

    static func line(_ path: String, _ line: Int, _ token: String) -> String {
        "\(path):\(line):1: warning: Unrendered template expression '{{ \(token) }}'; fill it in or remove it [placeholder-template-expression]\n"
    }

    /// `chaff check` in the repository, of `paths` (in it) or the whole of it. In-process runs
    /// resolve paths against the process's directory, so they are passed absolute.
    func check(_ arguments: [String], _ paths: [String] = [], in scratch: Scratch, environment: [String: String] = [:]) -> ChaffRun {
        let named = paths.isEmpty ? [scratch.root] : paths.map { scratch.path($0) }
        return chaff(
            ["check", "--no-config", "--select", "placeholder-template-expression"] + arguments + named, in: scratch.root,
            environment: environment)
    }

    @Test func changedFilesSinceTheMergeBaseWithTheUpstream() throws {
        let (scratch, first) = try Self.repository()
        let run = check(["--changed"], in: scratch)
        let l = Self.line
        #expect(
            run.out == l("committed.md", 1, "c") + l("edit.md", 1, "e1") + l("edit.md", 3, "e2") + l("moved/pure.md", 1, "p")
                + l("new.md", 1, "r1") + l("new.md", 3, "r2") + l("staged.md", 1, "t1") + l("staged.md", 2, "t2")
                + l("untracked.md", 1, "u"))
        #expect(
            run.err
                == "chaff: note: --changed: 6 of 7 files changed since the merge base \(first.prefix(12)) of HEAD and its upstream main\n")
        #expect(run.status == 1)
    }

    @Test func diffLinesKeepsOnlyFindingsOnChangedLines() throws {
        let (scratch, first) = try Self.repository()
        let run = check(["--diff-lines"], in: scratch)
        let l = Self.line
        // The pure rename has no changed line; the edited rename only its edited line.
        #expect(
            run.out == l("committed.md", 1, "c") + l("edit.md", 3, "e2") + l("new.md", 3, "r2") + l("staged.md", 2, "t2")
                + l("untracked.md", 1, "u"))
        #expect(
            run.err
                == "chaff: note: --changed: 6 of 7 files changed since the merge base \(first.prefix(12)) of HEAD and its upstream main\n")
        #expect(run.status == 1)
        // The same with an explicit base that is an ancestor of HEAD: that commit itself.
        let named = check(["--diff-lines", "--changed=main", "-q"], in: scratch)
        #expect(named.out == run.out)
    }

    @Test func aNamedBaseOfHEADMeansUncommittedChanges() throws {
        let (scratch, _) = try Self.repository()
        let head = try Self.git(["rev-parse", "HEAD"], in: scratch.root)
        let run = check(["--changed=HEAD"], in: scratch)
        let l = Self.line
        #expect(
            run.out == l("edit.md", 1, "e1") + l("edit.md", 3, "e2") + l("staged.md", 1, "t1") + l("staged.md", 2, "t2")
                + l("untracked.md", 1, "u"))
        #expect(run.err == "chaff: note: --changed: 3 of 7 files changed since HEAD (\(head.prefix(12)))\n")
        let lines = check(["--changed=HEAD", "--diff-lines", "-q"], in: scratch)
        #expect(lines.out == l("edit.md", 3, "e2") + l("staged.md", 2, "t2") + l("untracked.md", 1, "u"))
    }

    @Test func underPreCommitTheIndexIsTheBase() throws {
        let (scratch, _) = try Self.repository()
        let environment = ["PRE_COMMIT": "1"]
        let run = check(["--changed"], in: scratch, environment: environment)
        let l = Self.line
        #expect(run.out == l("staged.md", 1, "t1") + l("staged.md", 2, "t2"))
        #expect(run.err == "chaff: note: --changed: 1 of 7 files changed since the index (staged changes; PRE_COMMIT is set)\n")
        let lines = check(["--diff-lines", "-q"], in: scratch, environment: environment)
        #expect(lines.out == l("staged.md", 2, "t2"))
    }

    @Test func withoutAnUpstreamHEADIsTheBaseAndTheNoteSaysSo() throws {
        let (scratch, _) = try Self.repository()
        try Self.git(["checkout", "-q", "--detach"], in: scratch.root)
        let run = check(["--changed"], ["edit.md", "same.md", "new.md"], in: scratch)
        #expect(run.out == Self.line("edit.md", 1, "e1") + Self.line("edit.md", 3, "e2"))
        #expect(
            run.err
                == "chaff: note: --changed: 1 of 3 files changed since HEAD (no upstream branch: uncommitted changes only; name a base with --changed=REF)\n"
        )
    }

    @Test func aDeletedFileNamedOrWalkedIsNotAnError() throws {
        let (scratch, _) = try Self.repository()
        // Deleted in the work tree only: gone from the walk, and git lists it as deleted.
        try FileManager.default.removeItem(atPath: scratch.path("same.md"))
        let run = check(["--changed=main", "--diff-lines", "-q"], in: scratch)
        #expect(!run.out.contains("same.md"))
        #expect(run.status == 1)
    }

    @Test func badBasesAndNoRepositoryAreErrors() throws {
        let (scratch, _) = try Self.repository()
        let run = check(["--changed=no-such-branch"], in: scratch)
        #expect(run.out == "")
        #expect(run.err == "chaff: error: --changed: 'no-such-branch' is not a commit in this repository\n")
        #expect(run.status == 2)
        let plain = Scratch()
        plain.write("a.md", "{{ x }}\n")
        let outside = check(["--changed"], in: plain, environment: ["GIT_CEILING_DIRECTORIES": plain.root])
        #expect(outside.out == "")
        #expect(outside.err.hasPrefix("chaff: error: --changed: cannot find the git work tree: git says: fatal: not a git repository"))
        #expect(outside.status == 2)
        let stdin = chaff(["check", "--changed", "-"], in: scratch.root)
        #expect(stdin.err == "chaff: error: --changed selects files git sees; standard input ('-') has no history\n")
        #expect(stdin.status == 2)
        let fix = chaff(["fix", "--diff-lines", scratch.root], in: scratch.root)
        #expect(
            fix.err
                == "chaff: error: --diff-lines cannot be used with --fix: a fix rewrites the whole file; use --changed to fix changed files\n"
        )
        #expect(fix.status == 2)
    }
}
