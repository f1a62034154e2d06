import ChaffEngine
import ChaffRunner
import ChaffText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The configs of one `check` run. With `--config FILE` or `--no-config` there is one config for
/// every file. Otherwise each file gets the nearest `.chaff.json` in its directory or above, as
/// in ruff and ESLint: `docs/.chaff.json` governs `docs/**` even when chaff runs from the
/// repository root. Each directory's config is looked up once, each config file is loaded once,
/// and configs with the same rule sources share one loaded rule set.
final class ConfigTree {
    /// One config and what it gives.
    struct Context {
        var config: Configuration
        /// The rules as the config makes them (its options applied).
        var rules: RuleSet
        /// Which files of the directories it governs are walked.
        var policy: FileWalker.Policy
    }

    private let options: CheckOptions
    private let workingDirectory: String
    /// Whether one config governs everything (`--config`, `--no-config`).
    let forced: Bool
    /// The configs met so far; the first is the one found from the working directory.
    private(set) var contexts: [Context] = []
    /// Errors in configs other than the first (and in the rule sets they load), in the order
    /// the configs were met.
    private(set) var errors: [String] = []
    /// Context index by config file (absolute; `""` for no config).
    private var byFile: [String: Int] = [:]
    /// Config file (absolute) by directory (absolute, lexical); `""` for none.
    private var fileOfDirectory: [String: String] = [:]
    /// Loaded rule sets by their sources.
    private var ruleSets: [String: (RuleSet, [String])] = [:]

    /// The tree; its first context is `primary`, the config the working directory gives (or
    /// the one forced), whose file is `primaryFile` (absolute; `nil` when forced or none).
    init(options: CheckOptions, workingDirectory: String) {
        self.options = options
        self.workingDirectory = workingDirectory
        self.forced = options.configPath != nil || options.noConfig
    }

    /// Adds the first context. Its errors are returned rather than kept: they stop the run at once.
    func addPrimary(_ config: Configuration) -> (errors: [String], rulesLoaded: Bool) {
        let (context, errors, loaded) = makeContext(config, checkSelect: options.select.isEmpty)
        contexts.append(context)
        if !forced {
            let file = config.path == nil ? "" : config.directory + "/" + Configuration.fileName
            byFile[Self.lexical(file)] = 0
        }
        return (errors, loaded)
    }

    /// The context index for a file or directory at `path` (as walked or shown).
    func context(forFile path: String) -> Int {
        // Files of one folder share its context: the folder as written is looked up once (for
        // a name other than `.` or `..`, the folder as written decides).
        guard !forced else { return 0 }
        // The last slash by bytes: a Character search costs a grapheme walk per step, for
        // every walked file.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { path.utf8[path.utf8.index(after: $0)...] } ?? path.utf8[...]
        let memo = !name.elementsEqual(".".utf8) && !name.elementsEqual("..".utf8)
        if memo, let known = contextByFolder[folder] { return known }
        let found = context(forDirectory: Self.parent(of: absolute(path)))
        if memo { contextByFolder[folder] = found }
        return found
    }

    /// Context index by the folder part of a path as given to `context(forFile:)`.
    private var contextByFolder: [String: Int] = [:]

    /// The context index governing the entries of `directory` (as walked).
    func context(forDirectory directory: String) -> Int {
        guard !forced else { return 0 }
        let file = configFile(for: absolute(directory))
        if let index = byFile[file] { return index }
        let config: Configuration
        if file.isEmpty {
            config = Configuration(directory: workingDirectory)
        } else {
            do {
                config = try ConfigDiscovery.load(path: file, workingDirectory: workingDirectory)
            } catch {
                errors.append(error.description)
                config = Configuration(directory: Self.parent(of: file))
            }
        }
        let (context, contextErrors, _) = makeContext(config, checkSelect: options.select.isEmpty)
        errors += contextErrors
        contexts.append(context)
        byFile[file] = contexts.count - 1
        return contexts.count - 1
    }

    /// The walk policy for the entries of `directory` (as walked).
    func policy(forDirectory directory: String) -> FileWalker.Policy {
        contexts[context(forDirectory: directory)].policy
    }

    private func makeContext(_ config: Configuration, checkSelect: Bool) -> (Context, [String], Bool) {
        var config = config
        if let preset = options.preset { config.preset = preset }
        let directories = ConfiguredRules.directories(config: config, commandLine: options.ruleDirectories)
        let defaults = !options.noDefaultRules && config.defaultRules
        // Every run makes this key: joined without the generic `joined(separator:)` (`StringList`).
        let key = (defaults ? "1" : "0") + StringList.joined(directories.map { RuleSetLoader.resolved($0) }, separator: "\u{0}")
        let (set, loadErrors): (RuleSet, [String])
        if let cached = ruleSets[key] {
            (set, loadErrors) = cached
        } else {
            (set, loadErrors) = RuleSetLoader.ruleSet(defaultRules: defaults, directories: directories, workingDirectory: workingDirectory)
            ruleSets[key] = (set, loadErrors)
        }
        var errors = loadErrors
        var rules = set
        if loadErrors.isEmpty {
            let (configured, configErrors) = ConfiguredRules.apply(config, to: set, checkSelect: checkSelect)
            rules = configured
            errors += configErrors.map(\.description)
        }
        let documents = DocumentSelection(
            include: config.include, formats: config.formats.map(\.glob), base: config.directory, workingDirectory: workingDirectory)
        let policy = FileWalker.Policy(exclude: config.exclude, excludeBase: config.directory, documents: documents)
        return (Context(config: config, rules: rules, policy: policy), errors, loadErrors.isEmpty)
    }

    /// The nearest config file at or above `directory` (absolute, lexical), or `""`; every
    /// directory on the way is remembered.
    private func configFile(for directory: String) -> String {
        var visited: [String] = []
        var current = directory
        var found = ""
        while true {
            if let known = fileOfDirectory[current] {
                found = known
                break
            }
            visited.append(current)
            let candidate = (current == "/" ? "" : current) + "/" + Configuration.fileName
            if access(candidate, F_OK) == 0 {
                found = candidate
                break
            }
            if current == "/" { break }
            current = Self.parent(of: current)
        }
        for directory in visited { fileOfDirectory[directory] = found }
        return found
    }

    /// `path` made absolute against the working directory, with `.` and `..` resolved lexically.
    private func absolute(_ path: String) -> String {
        Self.lexical(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    private static func lexical(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        return "/" + BaselinePaths.components(path).joined(separator: "/")
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
