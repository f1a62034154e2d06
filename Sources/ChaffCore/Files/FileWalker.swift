#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands the paths given on the command line into files, in a stable sorted order.
///
/// Directories are walked recursively; entries whose name starts with `.` are skipped, and so
/// are directory symlinks (following them risks loops and linting outside the tree). Nothing is
/// dropped silently: unreadable entries become `problems`.
public struct FileWalker {
    /// A file to lint.
    public struct Entry: Sendable, Equatable {
        /// The path as it will be opened and reported.
        public var path: String
        /// Whether the user named the file itself (as opposed to finding it in a directory).
        public var named: Bool
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

    /// The files under `paths`, and a message for each path that could not be read.
    public func expand(_ paths: [String]) -> (files: [Entry], problems: [String]) {
        var files: [Entry] = []
        var problems: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &files, problems: &problems)
            } else {
                // A file the user named is linted even if excluded: they asked for it.
                files.append(Entry(path: path, named: true))
            }
        }
        return (files, problems)
    }

    private func walk(_ directory: String, into files: inout [Entry], problems: inout [String]) {
        guard let handle = opendir(directory) else {
            problems.append("\(directory): \(String(cString: strerror(errno)))")
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isExcluded(path) { continue }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                problems.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &files, problems: &problems)
            case S_IFREG:
                files.append(Entry(path: path, named: false))
            case S_IFLNK:
                // File symlinks are followed; directory symlinks are not.
                var target = stat()
                if stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG {
                    files.append(Entry(path: path, named: false))
                }
            default:
                continue
            }
        }
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let relative = PathDisplay.relative(absolute, to: excludeBase)
        return exclude.contains { $0.matches(relative) }
    }
}
