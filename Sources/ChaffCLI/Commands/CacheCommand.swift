import ChaffRunner
import ChaffText

/// `chaff cache clean [DIR]`: remove the cache `--cache` keeps.
enum CacheCommand {
    /// `chaff cache`.
    static let spec = CommandSpec(
        name: "cache", usage: "chaff cache clean [DIR]",
        summary: """
            Removes the cache of findings that 'chaff check --cache' keeps, in DIR
            (default: \(CheckOptions.defaultCacheDirectory) in the working directory). Only a
            directory chaff made (it holds chaff's CACHEDIR.TAG) is removed. Runs using the
            cache meanwhile lose nothing but time. Exit 0 when removed or absent, 2 on error.
            """,
        options: [])

    static func run(_ arguments: [String], console: Console) -> Int32 {
        let parsed: ArgumentParser.Parsed
        switch CommandEntry.parse(arguments, for: spec, console: console) {
        case .run(let given): parsed = given
        case .exit(let status): return status
        }
        guard let action = parsed.positionals.first else {
            console.writeError("chaff: error: 'chaff cache' needs an action: chaff cache clean [DIR]\n")
            return 2
        }
        guard action == "clean" else {
            let hint = Suggestion.closest(to: action, in: ["clean"]).map { "; did you mean '\($0)'?" } ?? "; the only action is 'clean'"
            console.writeError("chaff: error: unknown cache action '\(TerminalSafe.escape(action))'\(hint)\n")
            return 2
        }
        guard parsed.positionals.count <= 2 else {
            console.writeError("chaff: error: 'chaff cache clean' takes one directory at most\n")
            return 2
        }
        let directory = parsed.positionals.count == 2 ? parsed.positionals[1] : CheckOptions.defaultCacheDirectory
        let absolute = directory.hasPrefix("/") ? directory : console.workingDirectory + "/" + directory
        do {
            if try ResultCache.clean(directory: absolute) {
                console.writeError("chaff: removed the cache \(TerminalSafe.escape(directory))\n")
            } else {
                console.writeError("chaff: no cache at \(TerminalSafe.escape(directory))\n")
            }
            return 0
        } catch {
            console.writeError("\(TerminalSafe.escape(directory)): error: \(error.reason)\n")
            return 2
        }
    }
}
