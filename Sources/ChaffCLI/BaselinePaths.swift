import ChaffCore

/// Maps reported paths to paths relative to the baseline file's directory, so a baseline works
/// from any working directory.
struct BaselinePaths {
    let directory: String
    let workingDirectory: String

    init(baselineFile: String, workingDirectory: String) {
        let absolute = baselineFile.hasPrefix("/") ? baselineFile : workingDirectory + "/" + baselineFile
        let normalized = PathDisplay.normalize(absolute)
        self.directory = String(normalized[..<(normalized.lastIndex(of: "/") ?? normalized.startIndex)])
        self.workingDirectory = workingDirectory
    }

    func relative(_ reported: String) -> String {
        let absolute = reported.hasPrefix("/") ? reported : workingDirectory + "/" + reported
        return PathDisplay.relative(PathDisplay.normalize(absolute), to: directory.isEmpty ? "/" : directory)
    }
}
