import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds and loads `.chaff.json`: the one named with `--config`, or the nearest one found by
/// walking up from the working directory.
package enum ConfigDiscovery {
    /// The nearest config file at or above `directory`.
    package static func find(from directory: String) -> String? {
        var current = PathDisplay.normalize(directory)
        while true {
            let candidate = (current == "/" ? "" : current) + "/" + Configuration.fileName
            if access(candidate, F_OK) == 0 { return candidate }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Loads the configuration; `nil` path and no discovery give the defaults.
    package static func load(explicit: String?, disabled: Bool, workingDirectory: String) throws(SourceErrors) -> Configuration {
        if disabled { return Configuration(directory: workingDirectory) }
        let path: String
        if let explicit {
            path = explicit
        } else if let found = find(from: workingDirectory) {
            path = found
        } else {
            return Configuration(directory: workingDirectory)
        }
        return try load(path: path, workingDirectory: workingDirectory)
    }

    /// Loads the config file at `path` (absolute, or relative to the working directory).
    package static func load(path: String, workingDirectory: String) throws(SourceErrors) -> Configuration {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch {
            throw SourceErrors([
                SourceError(
                    path: PathDisplay.relative(path, to: workingDirectory), line: 1, column: 1,
                    message: "cannot read config file: \(error.reason)")
            ])
        }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let directory = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        let shown = PathDisplay.relative(absolute, to: workingDirectory)
        return try Configuration.parse(bytes, path: shown, directory: directory.isEmpty ? "/" : directory)
    }
}
