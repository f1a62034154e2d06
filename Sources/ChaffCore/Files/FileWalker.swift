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
    }

    /// Patterns of paths not to lint, relative to `excludeBase`.
    public var exclude: [Glob]
    /// The absolute directory exclude patterns are relative to.
    public var excludeBase: String
    /// The absolute working directory, against which relative paths are resolved for `exclude`.
    public var workingDirectory: String

    /// A walker.
    public init(exclude: [Glob] = [], excludeBase: String = "/", workingDirectory: String = "/") {
        self.exclude = exclude
        self.excludeBase = excludeBase
        self.workingDirectory = workingDirectory
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
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                result.problems.append(Problem(path: path, reason: Self.reason(errno), named: true))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walkDirectory(Name(path), into: &result)
            } else {
                // A file the user named is linted even if excluded: they asked for it.
                result.files.append(Entry(path: path, named: true))
            }
        }
        return result
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
        /// A directory whose entries are still to be listed.
        case directory(Name)
        /// An entry found in a directory, not yet classified; `type` is readdir's `d_type`.
        case entry(Name, type: UInt8)
    }

    private func walkDirectory(_ root: Name, into result: inout Expansion) {
        // Popping from the end and pushing a directory's entries in reverse gives the same
        // order as a recursive walk: each entry, and a subdirectory's contents in its place.
        var stack: [Pending] = [.directory(root)]
        while let item = stack.popLast() {
            switch item {
            case .directory(let directory):
                let entries = list(directory, into: &result)
                for (name, type) in entries.reversed() {
                    stack.append(.entry(directory.appending(name), type: type))
                }
            case .entry(let path, let type):
                if isExcluded(path.shown) { continue }
                classify(path, type: type, stack: &stack, into: &result)
            }
        }
    }

    /// The names in `directory` that are not hidden, sorted by their bytes, with their types.
    private func list(_ directory: Name, into result: inout Expansion) -> [(name: [UInt8], type: UInt8)] {
        guard let handle = directory.withCString({ opendir($0) }) else {
            result.problems.append(Problem(path: directory.shown, reason: Self.reason(errno)))
            return []
        }
        defer { closedir(handle) }
        var entries: [(name: [UInt8], type: UInt8)] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { result.problems.append(Problem(path: directory.shown, reason: Self.reason(errno))) }
                break
            }
            let (name, type) = Self.nameAndType(entry)
            if name.first == UInt8(ascii: ".") { continue }
            entries.append((name, type))
        }
        entries.sort { Self.precedes($0.name, $1.name) }
        return entries
    }

    private func classify(_ path: Name, type: UInt8, stack: inout [Pending], into result: inout Expansion) {
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
                return
            }
            kind = info.st_mode & S_IFMT
        default:
            // FIFOs, sockets and devices are not documents, and opening a FIFO would block.
            return
        }
        switch kind {
        case S_IFDIR:
            stack.append(.directory(path))
        case S_IFREG:
            result.files.append(Entry(path: path.shown, named: false, rawPath: path.isUTF8 ? nil : path.bytes))
        case S_IFLNK:
            // File symlinks are followed; directory symlinks are not.
            var target = stat()
            if path.withCString({ stat($0, &target) }) != 0 {
                result.brokenLinks.append(path.shown)
            } else if (target.st_mode & S_IFMT) == S_IFREG {
                result.files.append(Entry(path: path.shown, named: false, rawPath: path.isUTF8 ? nil : path.bytes))
            }
        default:
            return
        }
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let relative = PathDisplay.relative(absolute, to: excludeBase)
        return exclude.contains { $0.matches(relative) }
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
