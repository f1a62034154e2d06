import ChaffEngine
import ChaffRunner
import ChaffText

/// The rules for each document, found as `chaff check` finds them: the nearest `.chaff.json`
/// at or above the document's directory, its rule directories, its options and selection.
/// Loaded once per config file and kept until a watched file changes (`reset`).
///
/// A config or rule file with errors gives no linter; its errors are kept as `problems`, at
/// their files, so the server can show them there instead of failing.
final class WorkspaceRules {
    /// What one config gives.
    struct Entry {
        /// The config file (absolute), nil when no config governs the document.
        var configFile: String?
        var config: Configuration?
        /// The linter, nil when the config or its rules have errors.
        var linter: Linter?
        /// Every rule of the config's rule set (active or not), for hover and help links.
        var rules: [String: Rule] = [:]
        /// The errors of the config and its rule files.
        var problems: [FileProblem] = []
    }

    /// One error in a config or rule file.
    struct FileProblem: Equatable {
        /// The file, absolute.
        var path: String
        /// 1-based line and column (in Unicode scalars, as chaff's errors count).
        var line: Int
        var column: Int
        var message: String
    }

    private let unit: ColumnUnit
    private var entries: [String: Entry] = [:]
    /// How many times the rules were reloaded: part of every pull-diagnostics result id, so a
    /// reload makes every earlier result stale.
    private(set) var generation = 0

    init(unit: ColumnUnit) { self.unit = unit }

    /// Forgets every loaded config, so the next lookup reads the files again.
    func reset() {
        entries = [:]
        generation += 1
    }

    /// Every loaded config's problems, by file.
    var problemsByFile: [String: [FileProblem]] {
        var byFile: [String: [FileProblem]] = [:]
        for entry in entries.values {
            for problem in entry.problems where !(byFile[problem.path]?.contains(problem) ?? false) {
                byFile[problem.path, default: []].append(problem)
            }
        }
        return byFile
    }

    /// The rules for a document at `path` (nil for a document with no file, such as an unsaved
    /// buffer: then the config found from `fallbackDirectory`, a workspace folder).
    func entry(forDocumentAt path: String?, fallbackDirectory: String?) -> Entry {
        let directory = path.map(Self.parent) ?? fallbackDirectory ?? "/"
        let file = ConfigDiscovery.find(from: directory)
        let key = file ?? "\u{0}" + directory
        if let known = entries[key] { return known }
        let made = load(configFile: file, directory: directory)
        entries[key] = made
        return made
    }

    private func load(configFile: String?, directory: String) -> Entry {
        var entry = Entry(configFile: configFile)
        let workingDirectory = configFile.map(Self.parent) ?? directory
        let config: Configuration
        if let configFile {
            do {
                config = try ConfigDiscovery.load(path: configFile, workingDirectory: workingDirectory)
            } catch {
                entry.problems = error.errors.map { FileProblem(path: configFile, line: $0.line, column: $0.column, message: $0.message) }
                return entry
            }
        } else {
            config = Configuration(directory: directory)
        }
        entry.config = config
        let (loaded, errors) = ConfiguredRules.load(
            config: config, commandLine: [], noDefaultRules: false, workingDirectory: workingDirectory)
        entry.rules = Dictionary(loaded.configured.rules.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        if !errors.isEmpty {
            entry.problems = errors.map {
                Self.problem(
                    fromLine: $0, workingDirectory: workingDirectory, fallback: configFile ?? directory + "/" + Configuration.fileName)
            }
            return entry
        }
        let active =
            (try? RuleSelection.active(
                loaded.configured, select: config.select, ignore: config.ignore, severities: config.severities, strict: false)) ?? []
        entry.linter = Linter(rules: active, columnUnit: unit, knownRuleIDs: loaded.configured.rules.map(\.id))
        return entry
    }

    /// A problem from an error line as the command line prints it (`path:line:col: error:
    /// message`, the path relative to `workingDirectory`); a line without a location is put at
    /// the start of `fallback`.
    static func problem(fromLine line: String, workingDirectory: String, fallback: String) -> FileProblem {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        if parts.count == 5, let row = Int(parts[1]), let column = Int(parts[2]), parts[3] == " error" {
            let path = String(parts[0])
            let absolute = path.hasPrefix("/") ? path : PathDisplay.normalize(workingDirectory + "/" + path)
            return FileProblem(path: absolute, line: row, column: column, message: String(parts[4].dropFirst()))
        }
        var message = line
        if message.hasPrefix("chaff: error: ") { message.removeFirst("chaff: error: ".count) }
        return FileProblem(path: fallback, line: 1, column: 1, message: message)
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
