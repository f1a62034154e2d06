#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ignore files of one directory, linked to those of its parent directory, so that a walk
/// shares the rules of every directory above the one it is in.
///
/// Precedence is ripgrep's: a match in any `.chaffignore` (the deepest one first) beats a match
/// in any `.ignore`, which beats `.gitignore`, which beats the repository's
/// `.git/info/exclude`. Within one kind of file the deepest file that matches decides, and
/// within one file the last matching pattern. `.gitignore` and `.git/info/exclude` count only
/// inside a git work tree (a directory with a `.git` directory or file, at or above them),
/// and a nested repository's `.gitignore` files do not see those of the repository around it.
final class IgnoreLevel: Sendable {
    /// The names of the ignore files, from the highest precedence to the lowest.
    static let customName: [UInt8] = Array(".chaffignore".utf8)
    static let ignoreName: [UInt8] = Array(".ignore".utf8)
    static let gitignoreName: [UInt8] = Array(".gitignore".utf8)
    static let gitName: [UInt8] = Array(".git".utf8)

    /// A git work tree: its top directory and its `info/exclude` rules.
    struct Repository: Sendable {
        var root: [UInt8]
        var exclude: IgnoreRules?
    }

    let parent: IgnoreLevel?
    /// The directory, absolute and without symlinks, whose ignore files these are.
    let directory: [UInt8]
    let custom: IgnoreRules?
    let ignore: IgnoreRules?
    let gitignore: IgnoreRules?
    /// The work tree this directory is in, if any.
    let repository: Repository?
    /// Whether `directory` is the top of `repository` (it holds `.git`).
    let isRepositoryRoot: Bool

    init(
        parent: IgnoreLevel?, directory: [UInt8], custom: IgnoreRules?, ignore: IgnoreRules?, gitignore: IgnoreRules?,
        repository: Repository?, isRepositoryRoot: Bool
    ) {
        self.parent = parent
        self.directory = directory
        self.custom = custom
        self.ignore = ignore
        self.gitignore = gitignore
        self.repository = repository
        self.isRepositoryRoot = isRepositoryRoot
    }

    /// What the ignore files say about `path` (absolute, without symlinks in its directories,
    /// below `directory`), or `nil` when no pattern matches it.
    func decision(_ path: [UInt8], isDirectory: Bool) -> IgnoreRules.Decision? {
        for kind in 0..<3 {
            var level: IgnoreLevel? = self
            while let current = level {
                let rules = kind == 0 ? current.custom : kind == 1 ? current.ignore : current.gitignore
                if let rules, let decision = rules.decision(Self.relative(path, to: current.directory), isDirectory: isDirectory) {
                    return decision
                }
                // A nested repository's own files are the only .gitignore files that apply in it.
                if kind == 2 && current.isRepositoryRoot { break }
                level = current.parent
            }
        }
        if let repository, let exclude = repository.exclude {
            return exclude.decision(Self.relative(path, to: repository.root), isDirectory: isDirectory)
        }
        return nil
    }

    /// `path` relative to `directory`, which is one of its ancestors.
    static func relative(_ path: [UInt8], to directory: [UInt8]) -> ArraySlice<UInt8> {
        let skip = directory == [UInt8(ascii: "/")] ? 1 : directory.count + 1
        return path[min(skip, path.count)...]
    }

    /// The level for `directory` below `parent`, reading the ignore files that `present` says
    /// exist there (`present` is asked with each file name). Unreadable files are added to
    /// `problems` as `(path, reason)`. Returns `parent` itself when the directory has no ignore
    /// file and starts no repository, so that levels are only made where rules change.
    static func child(
        of parent: IgnoreLevel?, directory: [UInt8], present: ([UInt8]) -> Bool,
        problems: inout [(path: [UInt8], reason: String)]
    ) -> IgnoreLevel? {
        let startsRepository = present(gitName)
        var repository = parent?.repository
        if startsRepository {
            repository = Repository(root: directory, exclude: readExclude(gitPath: join(directory, gitName), problems: &problems))
        }
        func load(_ name: [UInt8], when allowed: Bool = true) -> IgnoreRules? {
            guard allowed, present(name) else { return nil }
            return readRules(join(directory, name), problems: &problems)
        }
        let custom = load(customName)
        let ignore = load(ignoreName)
        let gitignore = load(gitignoreName, when: repository != nil)
        if !startsRepository && custom == nil && ignore == nil && gitignore == nil { return parent }
        return IgnoreLevel(
            parent: parent, directory: directory, custom: custom, ignore: ignore, gitignore: gitignore,
            repository: repository, isRepositoryRoot: startsRepository)
    }

    /// The rules in the repository's `info/exclude`. `.git` is a directory, or (in a worktree or
    /// submodule) a file saying `gitdir: PATH`, and a worktree's git directory names the shared
    /// one in `commondir`.
    private static func readExclude(gitPath: [UInt8], problems: inout [(path: [UInt8], reason: String)]) -> IgnoreRules? {
        var gitDirectory = gitPath
        if !isDirectory(gitPath) {
            guard let text = try? FileReader.read(rawPath: gitPath), let line = firstLine(text), line.starts(with: Array("gitdir: ".utf8))
            else {
                return nil
            }
            let target = Array(line.dropFirst(8))
            gitDirectory = target.first == UInt8(ascii: "/") ? target : join(Array(gitPath.dropLast(gitName.count + 1)), target)
            if let common = try? FileReader.read(rawPath: join(gitDirectory, Array("commondir".utf8))), let relative = firstLine(common) {
                gitDirectory = relative.first == UInt8(ascii: "/") ? relative : join(gitDirectory, relative)
            }
        }
        let path = join(join(gitDirectory, Array("info".utf8)), Array("exclude".utf8))
        guard exists(path) else { return nil }
        return readRules(path, problems: &problems)
    }

    /// The rules of the ignore file at `path`, nil when it has none; a file that cannot be read
    /// is a problem to report, not an empty file.
    private static func readRules(_ path: [UInt8], problems: inout [(path: [UInt8], reason: String)]) -> IgnoreRules? {
        do {
            let rules = IgnoreRules(try FileReader.read(rawPath: path))
            return rules.isEmpty ? nil : rules
        } catch {
            problems.append((path, "cannot read: \(error.reason)"))
            return nil
        }
    }

    private static func firstLine(_ bytes: [UInt8]) -> [UInt8]? {
        var line = bytes.prefix { $0 != UInt8(ascii: "\n") }
        while line.last == UInt8(ascii: "\r") || line.last == UInt8(ascii: " ") { line = line.dropLast() }
        return line.isEmpty ? nil : Array(line)
    }

    static func join(_ directory: [UInt8], _ name: [UInt8]) -> [UInt8] {
        directory.last == UInt8(ascii: "/") ? directory + name : directory + [UInt8(ascii: "/")] + name
    }

    static func exists(_ path: [UInt8]) -> Bool {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { access($0.baseAddress!, F_OK) == 0 }
        }
    }

    private static func isDirectory(_ path: [UInt8]) -> Bool {
        var info = stat()
        let status = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) }
        }
        return status == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
