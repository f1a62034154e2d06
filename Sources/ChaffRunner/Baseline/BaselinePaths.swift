/// Maps reported paths to paths relative to the baseline file's directory, so a baseline works
/// from any working directory. A file outside that directory is stored with `..` segments
/// (`../docs/a.md`), never as an absolute path, so a baseline given as `../x.json` or written
/// from a subdirectory still matches when the repository is checked out elsewhere.
package struct BaselinePaths {
    let directory: [Substring]
    let workingDirectory: String

    package init(baselineFile: String, workingDirectory: String) {
        let absolute = baselineFile.hasPrefix("/") ? baselineFile : workingDirectory + "/" + baselineFile
        self.directory = Array(Self.components(absolute).dropLast())
        self.workingDirectory = workingDirectory
    }

    /// `reported` (as shown in the report: relative to the working directory, or absolute)
    /// relative to the baseline's directory.
    package func relative(_ reported: String) -> String {
        let absolute = reported.hasPrefix("/") ? reported : workingDirectory + "/" + reported
        let target = Self.components(absolute)
        var common = 0
        while common < directory.count && common < target.count && directory[common] == target[common] { common += 1 }
        let up = Array(repeating: Substring(".."), count: directory.count - common)
        let path = (up + target[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }

    /// The segments of an absolute path with `.` and `..` resolved lexically, as the shell's
    /// `cd -L` does, so `sub/../x.json` and `x.json` name the same baseline directory.
    package static func components(_ absolute: String) -> [Substring] {
        var out: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !out.isEmpty { out.removeLast() }
                continue
            }
            out.append(part)
        }
        return out
    }
}
