import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands the paths given on the command line into files, in a stable sorted order.
///
/// Directories are walked recursively; entries whose name starts with `.` are skipped, and so
/// are directory symlinks (following them risks loops and linting outside the tree). Nothing is
/// dropped silently: unreadable entries become `problems`, and symlinks found in a directory
/// that lead nowhere (dangling, or a loop) are listed in `brokenLinks`.
///
/// Optionally (`documents`, `ignoreFiles`) a walk keeps only document files and leaves out
/// what ignore files ignore (see `IgnoreRules` and `IgnoreLevel`). A path named on the
/// command line is taken whatever it is, unless `forceExclude` applies the ignore files and
/// `exclude` to it too. A file reached twice (overlapping paths, a symlink to a file already
/// found) is listed once, where it was first found.
///
/// The walk keeps its own stack instead of recursing, so a tree thousands of levels deep cannot
/// overflow the thread's stack (worker threads have far less than the main thread's 8 MiB).
public struct FileWalker {
    /// A file to lint.
    public struct Entry: Sendable, Equatable {
        /// The path as it will be reported. A name that is not valid UTF-8 shows its bad bytes
        /// as `\xNN`, so it can be told apart from other names and found again.
        public var path: String
        /// Whether the user named the file itself (as opposed to finding it in a directory).
        public var named: Bool
        /// The path's bytes when `path` cannot be opened as it is (a name that is not UTF-8);
        /// `nil` otherwise.
        public var rawPath: [UInt8]?

        /// An entry.
        public init(path: String, named: Bool, rawPath: [UInt8]? = nil) {
            self.path = path
            self.named = named
            self.rawPath = rawPath
        }
    }

    /// A path that could not be read, with the system's reason.
    public struct Problem: Sendable, Equatable {
        /// The path, as `Entry.path` shows paths.
        public var path: String
        /// Why, as the system says it.
        public var reason: String
        /// Whether the user named the path itself (as opposed to it being found in a directory).
        public var named: Bool = false
    }

    /// Everything a walk found.
    public struct Expansion: Sendable {
        /// Files to lint, in order.
        public var files: [Entry] = []
        /// Paths that could not be read.
        public var problems: [Problem] = []
        /// Symlinks met inside directories whose target does not exist or loops; skipped.
        public var brokenLinks: [String] = []
        /// Paths named on the command line left out by `forceExclude`.
        public var excludedNamed: [String] = []
    }

    /// Patterns of paths not to lint, relative to `excludeBase`.
    public var exclude: [Glob]
    /// The absolute directory exclude patterns are relative to.
    public var excludeBase: String
    /// The absolute working directory, against which relative paths are resolved for `exclude`.
    public var workingDirectory: String

    /// Which walked files to keep; `nil` keeps every file.
    public var documents: DocumentSelection?
    /// Whether `.chaffignore`, `.ignore`, `.gitignore` and `.git/info/exclude` are honoured.
    public var ignoreFiles: Bool
    /// Whether paths named on the command line are left out when ignored or excluded.
    public var forceExclude: Bool

    /// What decides which files of one directory are linted: the `exclude` patterns, the
    /// directory they are relative to, and the document selection. With one config per
    /// directory (the nearest `.chaff.json`), each directory gets the policy of its config.
    public final class Policy: Sendable {
        public let exclude: [Glob]
        public let excludeBase: String
        public let documents: DocumentSelection?

        /// A policy.
        public init(exclude: [Glob], excludeBase: String, documents: DocumentSelection?) {
            self.exclude = exclude
            self.excludeBase = excludeBase
            self.documents = documents
        }
    }

    /// The policy for the entries of a directory, given the directory's path as walked; `nil`
    /// applies `exclude`, `excludeBase` and `documents` everywhere. Asked once per directory.
    public var policy: ((String) -> Policy)?

    /// A walker.
    public init(
        exclude: [Glob] = [], excludeBase: String = "/", workingDirectory: String = "/",
        documents: DocumentSelection? = nil, ignoreFiles: Bool = false, forceExclude: Bool = false
    ) {
        self.exclude = exclude
        self.excludeBase = excludeBase
        self.workingDirectory = workingDirectory
        self.documents = documents
        self.ignoreFiles = ignoreFiles
        self.forceExclude = forceExclude
    }

    /// The files under `paths`, and a message (`path: reason`) for each path that could not be
    /// read.
    public func expand(_ paths: [String]) -> (files: [Entry], problems: [String]) {
        let expansion = walk(paths)
        return (expansion.files, expansion.problems.map { "\($0.path): \($0.reason)" })
    }

    /// Everything found under `paths`.
    public func walk(_ paths: [String]) -> Expansion {
        var result = Expansion()
        var state = WalkState()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.problems.append(Problem(path: path, reason: Self.reason(errno), named: true))
                continue
            }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            if forceExclude && isExcludedNamed(path, isDirectory: isDirectory, policy: policy(forEntry: path), state: &state, into: &result)
            {
                result.excludedNamed.append(path)
                continue
            }
            let resolved = Self.resolved(Array(path.utf8))
            if isDirectory {
                // The same directory twice would only find the same files again.
                guard state.walkedRoots.insert(resolved).inserted else { continue }
                let level = ignoreFiles ? state.level(forDirectory: resolved, into: &result) : nil
                walkDirectory(Name(path), resolved: resolved, level: level, state: &state, into: &result)
            } else if state.seen.insert(ByteKey(resolved)).inserted {
                // A file the user named is linted even if excluded: they asked for it.
                result.files.append(Entry(path: path, named: true))
            }
        }
        return result
    }

    /// What one walk remembers across the paths it was given.
    private struct WalkState {
        /// The resolved paths of the files listed so far.
        var seen = Set<ByteKey>()
        /// The resolved directories walked so far.
        var walkedRoots = Set<[UInt8]>()
        /// Ignore levels of directories above the walked ones, by resolved path.
        var levels: [[UInt8]: IgnoreLevel?] = [:]

        /// The ignore level of `directory` (resolved), reading the ignore files of it and of
        /// every directory above it (ripgrep reads the parents' too: `chaff check docs` in a
        /// repository honours the top `.gitignore`).
        mutating func level(forDirectory directory: [UInt8], into result: inout Expansion) -> IgnoreLevel? {
            var chain: [[UInt8]] = []
            var current = directory
            while levels[current] == nil {
                chain.append(current)
                guard current != [UInt8(ascii: "/")] else { break }
                current = FileWalker.parent(of: current)
            }
            var level =
                chain.isEmpty ? levels[directory]! : (chain.last == [UInt8(ascii: "/")] ? nil : levels[FileWalker.parent(of: chain.last!)]!)
            for dir in chain.reversed() {
                var problems: [(path: [UInt8], reason: String)] = []
                level = IgnoreLevel.child(
                    of: level, directory: dir, present: { IgnoreLevel.exists(IgnoreLevel.join(dir, $0)) }, problems: &problems)
                FileWalker.record(problems, into: &result)
                levels[dir] = .some(level)
            }
            return level
        }
    }

    /// Whether a path named on the command line is ignored by an ignore file (it, or a
    /// directory above it) or by `exclude`.
    private func isExcludedNamed(_ path: String, isDirectory: Bool, policy: Policy, state: inout WalkState, into result: inout Expansion)
        -> Bool
    {
        if isExcluded(path, policy) { return true }
        guard ignoreFiles else { return false }
        // Rules apply where the name is, not where a symlink leads.
        let bytes = Array(path.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        var name = slash.map { Array(bytes[($0 + 1)...]) } ?? bytes
        var directory = Self.resolved(slash.map { $0 == 0 ? [UInt8(ascii: "/")] : Array(bytes[..<$0]) } ?? [UInt8(ascii: ".")])
        if name.isEmpty || name == [UInt8(ascii: ".")] || name == [UInt8(ascii: ".")] + [UInt8(ascii: ".")] {
            // `docs/`, `.`, `..`: the directory itself.
            let resolved = Self.resolved(bytes)
            guard resolved != [UInt8(ascii: "/")] else { return false }
            directory = Self.parent(of: resolved)
            name = Array(resolved[(resolved.lastIndex(of: UInt8(ascii: "/"))! + 1)...])
        }
        // Each directory on the way down may be ignored, and then so is everything in it.
        var ancestors: [[UInt8]] = []
        var current = directory
        while current != [UInt8(ascii: "/")] {
            ancestors.append(current)
            current = Self.parent(of: current)
        }
        for ancestor in ancestors.reversed() {
            let level = state.level(forDirectory: Self.parent(of: ancestor), into: &result)
            if level?.decision(ancestor, isDirectory: true) == .ignore { return true }
        }
        let level = state.level(forDirectory: directory, into: &result)
        return level?.decision(IgnoreLevel.join(directory, name), isDirectory: isDirectory) == .ignore
    }

    /// The absolute path without symlinks of `path`, or the path itself when it cannot be
    /// resolved (then it is at least unique as written).
    static func resolved(_ path: [UInt8]) -> [UInt8] {
        let pointer = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { realpath($0.baseAddress!, nil) }
        }
        guard let pointer else { return path }
        defer { free(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
    }

    /// The directory above the absolute path `path` (`/` for `/x`).
    static func parent(of path: [UInt8]) -> [UInt8] {
        guard let slash = path.lastIndex(of: UInt8(ascii: "/")), slash > 0 else { return [UInt8(ascii: "/")] }
        return Array(path[..<slash])
    }

    private static func record(_ problems: [(path: [UInt8], reason: String)], into result: inout Expansion) {
        for problem in problems {
            result.problems.append(Problem(path: Name(bytes: problem.path).shown, reason: problem.reason))
        }
    }

    /// A path as bytes, with the form it is shown in.
    private struct Name {
        var bytes: [UInt8]
        var shown: String
        var isUTF8: Bool

        init(_ path: String) {
            bytes = Array(path.utf8)
            shown = path
            isUTF8 = true
        }

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if let text = String(validating: bytes, as: UTF8.self) {
                shown = text
                isUTF8 = true
            } else {
                shown = Self.escapingInvalidBytes(bytes)
                isUTF8 = false
            }
        }

        func appending(_ name: [UInt8]) -> Name {
            Name(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
        }

        /// Calls `body` with the path as a C string.
        func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
            (bytes + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
            }
        }

        static func escapingInvalidBytes(_ bytes: [UInt8]) -> String {
            var out = ""
            var i = 0
            while i < bytes.count {
                let (scalar, length) = UTF8Decoding.decode(bytes, at: i)
                if let scalar, let value = Unicode.Scalar(scalar) {
                    out.unicodeScalars.append(value)
                } else {
                    let hex = String(bytes[i], radix: 16, uppercase: true)
                    out += "\\x" + (hex.count == 1 ? "0" : "") + hex
                }
                i += scalar == nil ? 1 : length
            }
            return out
        }
    }

    /// What is waiting on the walk's stack.
    private enum Pending {
        /// A directory whose entries are still to be listed; `resolved` is its absolute path
        /// without symlinks, `level` the ignore rules that apply to its entries (without its
        /// own files unless `isRoot`, whose level was read with its parents').
        case directory(Name, resolved: [UInt8], level: IgnoreLevel?, isRoot: Bool)
        /// An entry found in a directory, not yet classified; `type` is readdir's `d_type`.
        case entry(Name, name: [UInt8], resolved: [UInt8], type: UInt8, level: IgnoreLevel?, policy: Policy)
    }

    private func walkDirectory(_ root: Name, resolved: [UInt8], level: IgnoreLevel?, state: inout WalkState, into result: inout Expansion) {
        // Popping from the end and pushing a directory's entries in reverse gives the same
        // order as a recursive walk: each entry, and a subdirectory's contents in its place.
        var stack: [Pending] = [.directory(root, resolved: resolved, level: level, isRoot: true)]
        while let item = stack.popLast() {
            switch item {
            case .directory(let directory, let resolved, var level, let isRoot):
                let (entries, present) = list(directory, into: &result)
                if ignoreFiles && !isRoot && !present.isEmpty {
                    var problems: [(path: [UInt8], reason: String)] = []
                    level = IgnoreLevel.child(of: level, directory: resolved, present: { present.contains($0) }, problems: &problems)
                    Self.record(problems, into: &result)
                }
                let policy = policy(forDirectory: directory.shown)
                for (name, type) in entries.reversed() {
                    stack.append(
                        .entry(
                            directory.appending(name), name: name, resolved: IgnoreLevel.join(resolved, name), type: type, level: level,
                            policy: policy))
                }
            case .entry(let path, let name, let resolved, let type, let level, let policy):
                if isExcluded(path.shown, policy) { continue }
                guard let kind = classify(path, type: type, into: &result) else { continue }
                let isDirectory = kind == S_IFDIR
                if let level, level.decision(resolved, isDirectory: isDirectory) == .ignore { continue }
                if isDirectory {
                    stack.append(.directory(path, resolved: resolved, level: level, isRoot: false))
                    continue
                }
                if let documents = policy.documents, !documents.contains(name: name, path: path.shown) { continue }
                // A symlink's target may be a file found elsewhere; a plain file's path is its own.
                let identity = kind == S_IFLNK ? Self.resolved(path.bytes) : resolved
                guard state.seen.insert(ByteKey(identity)).inserted else { continue }
                result.files.append(Entry(path: path.shown, named: false, rawPath: path.isUTF8 ? nil : path.bytes))
            }
        }
    }

    /// The names of ignore files and of `.git`, which `list` notes though it skips them.
    private static let notedHiddenNames: [[UInt8]] = [
        IgnoreLevel.customName, IgnoreLevel.ignoreName, IgnoreLevel.gitignoreName, IgnoreLevel.gitName,
    ]

    /// The names in `directory` that are not hidden, sorted by their bytes, with their types;
    /// and which of the ignore files and `.git` it holds.
    private func list(_ directory: Name, into result: inout Expansion) -> (entries: [(name: [UInt8], type: UInt8)], present: [[UInt8]]) {
        guard let handle = directory.withCString({ opendir($0) }) else {
            result.problems.append(Problem(path: directory.shown, reason: Self.reason(errno)))
            return ([], [])
        }
        defer { closedir(handle) }
        var entries: [(name: [UInt8], type: UInt8)] = []
        var present: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { result.problems.append(Problem(path: directory.shown, reason: Self.reason(errno))) }
                break
            }
            let (name, type) = Self.nameAndType(entry)
            if name.first == UInt8(ascii: ".") {
                if ignoreFiles && Self.notedHiddenNames.contains(name) { present.append(name) }
                continue
            }
            entries.append((name, type))
        }
        entries.sort { Self.precedes($0.name, $1.name) }
        return (entries, present)
    }

    /// The kind of the entry (`S_IFDIR`, `S_IFREG`, or `S_IFLNK` for a symlink to a regular
    /// file), or `nil` for what is not walked: devices, FIFOs, sockets, directory symlinks,
    /// and broken links (noted) and unreadable entries (a problem).
    private func classify(_ path: Name, type: UInt8, into result: inout Expansion) -> mode_t? {
        var kind: mode_t
        switch Int32(type) {
        case Int32(DT_DIR): kind = S_IFDIR
        case Int32(DT_REG): kind = S_IFREG
        case Int32(DT_LNK): kind = S_IFLNK
        case Int32(DT_UNKNOWN):
            // Some file systems do not fill d_type; ask.
            var info = stat()
            guard path.withCString({ lstat($0, &info) }) == 0 else {
                result.problems.append(Problem(path: path.shown, reason: Self.reason(errno)))
                return nil
            }
            kind = info.st_mode & S_IFMT
        default:
            // FIFOs, sockets and devices are not documents, and opening a FIFO would block.
            return nil
        }
        switch kind {
        case S_IFDIR, S_IFREG:
            return kind
        case S_IFLNK:
            // File symlinks are followed; directory symlinks are not.
            var target = stat()
            if path.withCString({ stat($0, &target) }) != 0 {
                result.brokenLinks.append(path.shown)
                return nil
            }
            return (target.st_mode & S_IFMT) == S_IFREG ? S_IFLNK : nil
        default:
            return nil
        }
    }

    private func isExcluded(_ path: String, _ policy: Policy) -> Bool {
        guard !policy.exclude.isEmpty else { return false }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let relative = PathDisplay.relative(absolute, to: policy.excludeBase)
        return policy.exclude.contains { $0.matches(relative) }
    }

    /// The policy of the directory `directory` (as walked).
    private func policy(forDirectory directory: String) -> Policy {
        policy?(directory) ?? Policy(exclude: exclude, excludeBase: excludeBase, documents: documents)
    }

    /// The policy that judges a named `path`: its directory's.
    private func policy(forEntry path: String) -> Policy {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return policy(forDirectory: trimmed == "." ? ".." : ".") }
        return policy(forDirectory: slash == trimmed.startIndex ? "/" : String(trimmed[..<slash]))
    }

    /// The name and `d_type` of a directory entry, read through pointers to the two fields.
    /// A `dirent` is only as long as its name (`d_reclen`): copying the struct, or its whole
    /// 256-byte `d_name`, reads past the end of the last entry in readdir's buffer
    /// (AddressSanitizer found it).
    static func nameAndType(_ entry: UnsafeMutablePointer<dirent>) -> (name: [UInt8], type: UInt8) {
        let raw = UnsafeRawPointer(entry)
        let type = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \.d_type)!, as: UInt8.self)
        let name = (raw + MemoryLayout<dirent>.offset(of: \.d_name)!).assumingMemoryBound(to: CChar.self)
        return (Array(UnsafeRawBufferPointer(start: name, count: strlen(name))), type)
    }

    /// Byte order of two names, by `memcmp` (the generic comparison is slow in debug builds,
    /// and a directory can hold a hundred thousand names).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        guard common > 0 else { return a.count < b.count }
        let order = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) } }
        return order != 0 ? order < 0 : a.count < b.count
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
