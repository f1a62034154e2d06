import ChaffBuiltinRules
import ChaffEngine
import ChaffKinds
import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Assembles the rules of a run: the built-ins compiled into the binary, then each rule
/// directory in order.
package enum RuleSetLoader {
    /// The built-in rules. They are checked by the test suite, so a failure here is a bug; that is
    /// also why their kinds are built only when a rule first runs.
    static func builtIns() throws(SourceError) -> [Rule] {
        var rules: [Rule] = []
        for file in BuiltinRules.files {
            let stem = String(file.name.dropLast(".json".count))
            rules.append(
                try RuleLoader.loadBuiltIn(
                    path: RuleSet.builtInOrigin + file.name, fileStem: stem, text: file.text, examplesAt: file.examplesAt,
                    options: file.options))
        }
        return rules
    }

    /// Every `*.json` rule file in `directory`, sorted by name; every error, not just the first.
    static func load(directory: String, workingDirectory: String) -> (rules: [Rule], errors: [String]) {
        let (entries, problems) = FileWalker().expand([directory])
        var rules: [Rule] = []
        var errors = problems
        for entry in entries where entry.path.hasSuffix(".json") && !entry.path.contains("/.") {
            let name = entry.path.split(separator: "/").last.map(String.init) ?? entry.path
            // Only files directly in the directory are rules; subfolders may hold fixtures.
            guard PathDisplay.normalize(entry.path) == PathDisplay.normalize(directory + "/" + name) else { continue }
            let shown = PathDisplay.relative(entry.path, to: workingDirectory)
            do {
                let bytes = try FileReader.read(entry.path)
                rules.append(try RuleLoader.load(path: shown, fileStem: String(name.dropLast(5)), bytes: bytes))
            } catch let error as SourceError {
                errors.append(error.description)
            } catch let error as FileReader.Failure {
                errors.append("\(shown): error: \(error.reason)")
            } catch {
                errors.append("\(shown): error: \(error)")
            }
        }
        return (rules, errors)
    }

    /// `path` without symlinks, `.` or `..`, or as written when it cannot be resolved.
    package static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return PathDisplay.normalize(path) }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The full rule set for the given directories.
    package static func ruleSet(defaultRules: Bool, directories: [String], workingDirectory: String) -> (RuleSet, [String]) {
        var set = RuleSet()
        var errors: [String] = []
        if defaultRules {
            do {
                try set.add(try builtIns(), overridingBuiltIns: false)
            } catch {
                errors.append(error.description)
            }
        }
        // A directory named twice (in the config and on the command line, or by two spellings of
        // one path) is loaded once: its rules are not duplicates of themselves.
        var seen = Set<String>()
        for directory in directories where seen.insert(resolved(directory)).inserted {
            let (rules, loadErrors) = load(directory: directory, workingDirectory: workingDirectory)
            errors += loadErrors
            do {
                try set.add(rules, overridingBuiltIns: true)
            } catch {
                errors.append(error.description)
            }
        }
        return (set, errors)
    }
}
