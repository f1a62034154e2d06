#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files changed since a base in a git work tree (`--changed`), and with `lines` the lines
/// changed in each (`--diff-lines`).
///
/// The base, when none is named:
/// - under pre-commit (`PRE_COMMIT` set in the environment): the index, i.e. what is staged
///   against `HEAD`, which is what the commit will hold;
/// - otherwise, when the current branch has an upstream: the merge base of `HEAD` and it (what
///   a pull request would show);
/// - otherwise (a detached `HEAD`, as in many CI checkouts, or a branch that tracks nothing):
///   `HEAD` itself, so only uncommitted changes count; the description says so.
///
/// A named base `REF` means the merge base of `REF` and `HEAD` (`git diff REF...`), which is
/// `REF` itself when it is an ancestor of `HEAD`.
///
/// Against a commit, "changed" covers what is committed since it, staged, or edited in the work
/// tree but not staged, plus files git does not track yet (not those it ignores). Deleted
/// files are gone and have nothing to check; a renamed file counts under its new name.
public struct ChangeSet: Sendable {
    /// What the files were compared with, for a note: "the merge base 1a2b3c4 of HEAD and origin/main".
    public var baseDescription: String
    /// The work tree's top directory (as git resolves it: no symlinks).
    public var topLevel: String
    /// The changed files by absolute path (below `topLevel`), with their changed lines.
    public var files: [String: ChangedLines]

    /// The changes seen from `directory`. `base` is the named base or `nil` for the default;
    /// `lines` asks for the changed lines too (one `git diff -U0`), otherwise every changed
    /// file is `.all`.
    public static func load(base: String?, lines: Bool, directory: String, environment: [String: String]) throws(ChangeSetError)
        -> ChangeSet
    {
        let top = try git(environment: environment, ["rev-parse", "--show-toplevel"], in: directory, what: "find the git work tree")
        let topLevel = top.text
        let hasHead =
            try GitCommand.run(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], in: directory, environment: environment).status == 0
        let resolved: Base
        if let base {
            resolved = try namedBase(base, hasHead: hasHead, directory: directory, environment: environment)
        } else {
            resolved = try defaultBase(hasHead: hasHead, directory: directory, environment: environment)
        }
        let files = try changedFiles(since: resolved, lines: lines, topLevel: topLevel, environment: environment)
        return ChangeSet(baseDescription: resolved.description, topLevel: topLevel, files: files)
    }

    /// What the work tree is compared with.
    private struct Base {
        var commit: String
        var description: String
        /// Compare the index rather than the work tree (`git diff --cached`).
        var compareIndex = false
    }

    /// Git's empty tree: the base of a repository without a commit yet.
    private static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// `--changed=REF`: the merge base of `REF` and `HEAD`.
    private static func namedBase(_ base: String, hasHead: Bool, directory: String, environment: [String: String])
        throws(ChangeSetError) -> Base
    {
        let resolved = try GitCommand.run(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", base + "^{commit}"], in: directory, environment: environment)
        guard resolved.status == 0 else {
            throw ChangeSetError(message: "--changed: '\(base)' is not a commit in this repository")
        }
        guard hasHead else {
            return Base(commit: resolved.text, description: "\(base) (\(resolved.text.prefix(12)))")
        }
        let merge = try GitCommand.run(["merge-base", resolved.text, "HEAD"], in: directory, environment: environment)
        guard merge.status == 0 else {
            throw ChangeSetError(message: "--changed: '\(base)' and HEAD have no common ancestor")
        }
        let commit = merge.text
        let description =
            commit == resolved.text
            ? "\(base) (\(commit.prefix(12)))" : "the merge base \(commit.prefix(12)) of HEAD and \(base)"
        return Base(commit: commit, description: description)
    }

    /// The base when none is named; see the type's documentation.
    private static func defaultBase(hasHead: Bool, directory: String, environment: [String: String]) throws(ChangeSetError) -> Base {
        if let preCommit = environment["PRE_COMMIT"], !preCommit.isEmpty {
            return Base(
                commit: hasHead ? "HEAD" : emptyTree, description: "the index (staged changes; PRE_COMMIT is set)", compareIndex: true)
        }
        guard hasHead else { return Base(commit: emptyTree, description: "an empty tree (no commit yet)") }
        let upstream = try GitCommand.run(
            ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"], in: directory, environment: environment)
        guard upstream.status == 0 else {
            return Base(commit: "HEAD", description: "HEAD (no upstream branch: uncommitted changes only; name a base with --changed=REF)")
        }
        let merge = try git(
            environment: environment, ["merge-base", "HEAD", "@{upstream}"], in: directory,
            what: "find the merge base with \(upstream.text)")
        return Base(commit: merge.text, description: "the merge base \(merge.text.prefix(12)) of HEAD and its upstream \(upstream.text)")
    }

    /// The files changed since `base` by absolute path, with their added lines when `lines` is set.
    private static func changedFiles(since base: Base, lines: Bool, topLevel: String, environment: [String: String])
        throws(ChangeSetError) -> [String: ChangedLines]
    {
        var diff = ["diff", "--no-ext-diff", "--no-textconv", "--no-color", "--find-renames", "--diff-filter=d"]
        if base.compareIndex { diff.append("--cached") }
        let names = try git(
            environment: environment, diff + ["--name-only", "-z", base.commit, "--"], in: topLevel, what: "list the changed files")
        var files: [String: ChangedLines] = [:]
        for name in names.out.split(separator: 0) {
            files[topLevel + "/" + String(decoding: name, as: UTF8.self)] = lines ? .lines([]) : .all
        }
        if lines {
            let patch = try git(
                environment: environment,
                diff + ["--text", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", base.commit, "--"], in: topLevel,
                what: "read the changed lines")
            for (path, ranges) in UnifiedDiff.addedLines(patch.out) {
                files[topLevel + "/" + path] = .lines(ranges)
            }
        }
        // The index holds no untracked files, so they count only against the work tree.
        if !base.compareIndex {
            let untracked = try git(
                environment: environment, ["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], in: topLevel,
                what: "list the untracked files")
            for name in untracked.out.split(separator: 0) {
                files[topLevel + "/" + String(decoding: name, as: UTF8.self)] = .all
            }
        }
        return files
    }

    /// The changed lines of the file at `path` (absolute, or relative to `workingDirectory`),
    /// or `nil` when it has not changed.
    public func changes(ofFile path: String, workingDirectory: String) -> ChangedLines? {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        if let found = files[PathDisplay.normalize(absolute)] { return found }
        // Git resolves symlinks in the work tree's path; resolve the folder the same way (not
        // the file: a symlink in the repository is a change of its own).
        let normalized = PathDisplay.normalize(absolute)
        guard let slash = normalized.lastIndex(of: "/") else { return nil }
        let folder = slash == normalized.startIndex ? "/" : String(normalized[..<slash])
        guard let pointer = realpath(folder, nil) else { return nil }
        defer { free(pointer) }
        let resolved = String(cString: pointer)
        return files[(resolved == "/" ? "" : resolved) + String(normalized[slash...])]
    }

    private static func git(environment: [String: String], _ arguments: [String], in directory: String, what: String) throws(ChangeSetError)
        -> GitCommand.Output
    {
        let output = try GitCommand.run(arguments, in: directory, environment: environment)
        guard output.status == 0 else {
            let said = output.err.split(separator: "\n").first.map(String.init) ?? "exit status \(output.status)"
            throw ChangeSetError(message: "--changed: cannot \(what): git says: \(said)")
        }
        return output
    }
}
