import ChaffEngine
import ChaffKinds
import ChaffRunner
import ChaffText

/// The rules one config gives, the same for every command: the built-ins (unless the config or
/// the command line turns them off), the config's `rules` directories (relative to the config
/// file), then the command line's `--rules` directories, with the config's `options` merged
/// over the rule files' own.
enum ConfiguredRules {
    /// What loading gave.
    struct Loaded {
        /// The rules as their files define them (what `test-rules` runs the examples of).
        var original: RuleSet
        /// The rules with the config's `options` applied (what `check` runs).
        var configured: RuleSet
    }

    /// The config a command names (`--config`, `--no-config`, else the nearest), and the rules
    /// it gives; errors are written to stderr and give nil. For the commands that read one config
    /// for everything (`rules`, `rule`, `test-rules`).
    static func loadForCommand(
        configPath: String?, noConfig: Bool, commandLine: [String], noDefaultRules: Bool, console: Console,
        checkSelect: Bool = true
    ) -> (Loaded, Configuration)? {
        let config: Configuration
        do {
            config = try ConfigDiscovery.load(explicit: configPath, disabled: noConfig, workingDirectory: console.workingDirectory)
        } catch {
            console.writeError(error.description + "\n")
            return nil
        }
        let (loaded, errors) = load(
            config: config, commandLine: commandLine, noDefaultRules: noDefaultRules, checkSelect: checkSelect,
            workingDirectory: console.workingDirectory)
        guard errors.isEmpty else {
            for error in errors { console.writeError(error + "\n") }
            return nil
        }
        return (loaded, config)
    }

    /// The rule directories of `config` (made absolute) followed by `commandLine`.
    static func directories(config: Configuration, commandLine: [String]) -> [String] {
        config.ruleDirectories.map { $0.hasPrefix("/") ? $0 : config.directory + "/" + $0 } + commandLine
    }

    /// Loads the rule set; rule-file errors come first and stop there (as one list), then every
    /// error in the config's rule patterns and options, at their lines and columns, sorted.
    /// `checkSelect`: whether the config's `select` is used (the command line's replaces it).
    static func load(
        config: Configuration, commandLine: [String], noDefaultRules: Bool, checkSelect: Bool = true, workingDirectory: String
    ) -> (Loaded, [String]) {
        let (set, errors) = RuleSetLoader.ruleSet(
            defaultRules: !noDefaultRules && config.defaultRules,
            directories: directories(config: config, commandLine: commandLine), workingDirectory: workingDirectory)
        if !errors.isEmpty { return (Loaded(original: set, configured: set), errors) }
        let (configured, configErrors) = apply(config, to: set, checkSelect: checkSelect)
        return (Loaded(original: set, configured: configured), configErrors.map(\.description))
    }

    /// `set` with `config`'s options applied, and every config entry that names no rule or
    /// sets an option the rule's kind rejects.
    static func apply(_ config: Configuration, to set: RuleSet, checkSelect: Bool) -> (RuleSet, [SourceError]) {
        let path = config.path ?? Configuration.fileName
        var errors: [SourceError] = []
        func check(_ patterns: [String], _ locations: [(line: Int, column: Int)], key: String) {
            for (i, pattern) in patterns.enumerated() where !set.rules.contains(where: { $0.matches(pattern) }) {
                // Gathered only for a pattern that matches no rule (see `RuleSelection`).
                let candidates = Suggestion.ruleNames(set.rules.map(\.id))
                let hint = Suggestion.didYouMean(pattern, in: candidates) ?? "; 'chaff rules' lists them"
                let at: (line: Int, column: Int) = i < locations.count ? locations[i] : (1, 1)
                errors.append(
                    SourceError(
                        path: path, line: at.line, column: at.column,
                        message: "'\(TerminalSafe.escape(pattern))' in '\(key)' matches no rule\(hint)"))
            }
        }
        if checkSelect { check(config.select, config.locations.select, key: "select") }
        check(config.ignore, config.locations.ignore, key: "ignore")
        check(config.severities.map(\.rule), config.locations.severity, key: "severity")
        var configured = set
        if let preset = config.preset, let entries = TypographyPresets.entries(of: preset) {
            for entry in entries {
                guard var rule = set.rule(entry.rule) else {
                    // Only when the built-in rules are not loaded.
                    errors.append(
                        SourceError(
                            path: path, bytes: config.source, offset: config.presetOffset,
                            message: "preset '\(preset)' needs rule '\(entry.rule)', which is not loaded"))
                    continue
                }
                // The preset's options are chaff's own and always valid.
                rule = try! rule.configured(options: try! JSONParser.parse(Array(entry.options.utf8)), path: "preset.\(preset)")
                rule.enabledByDefault = true
                configured.replace(rule)
            }
        }
        for entry in config.ruleOptions {
            guard let rule = configured.rule(entry.rule) else {
                // Options belong to one rule: a family prefix is not enough.
                let hint = Suggestion.didYouMean(entry.rule, in: set.rules.map(\.id)) ?? "; 'chaff rules' lists them"
                errors.append(
                    SourceError(
                        path: path, bytes: config.source, offset: entry.keyOffset,
                        message: "'\(TerminalSafe.escape(entry.rule))' in 'options' is no rule\(hint)"))
                continue
            }
            do {
                configured.replace(try rule.configured(options: entry.value, path: "options.\(entry.rule)"))
            } catch {
                errors.append(SourceError(path: path, bytes: config.source, offset: error.offset, message: error.message))
            }
        }
        errors.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return (configured, errors)
    }

    /// Every pattern of the command line's `--select` and `--ignore` that matches no rule in
    /// any of `sets`, as error lines.
    static func commandLineErrors(select: [String], ignore: [String], sets: [RuleSet]) -> [String] {
        let ids = sets.flatMap { $0.rules.map(\.id) }
        return (select + ignore).compactMap { pattern in
            guard !sets.contains(where: { $0.rules.contains { $0.matches(pattern) } }) else { return nil }
            let candidates = Suggestion.ruleNames(ids)
            let hint = Suggestion.didYouMean(pattern, in: candidates) ?? "; 'chaff rules' lists them"
            return "chaff: error: '\(TerminalSafe.escape(pattern))' matches no rule\(hint)"
        }
    }
}
