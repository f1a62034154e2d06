/// The settings in a `.chaff.json` file. Every key is optional; see the README for each.
public struct Configuration: Sendable {
    /// The config file's path, or `nil` when none is used.
    public var path: String?
    /// The absolute directory that relative paths in the file are resolved against.
    public var directory: String
    /// Extra rule directories, resolved against `directory`.
    public var ruleDirectories: [String] = []
    /// Whether the built-in rules are loaded.
    public var defaultRules = true
    /// Rule ids or family prefixes to run (empty: every rule enabled by default).
    public var select: [String] = []
    /// Rule ids or family prefixes not to run.
    public var ignore: [String] = []
    /// Severity per rule id or prefix; `nil` turns the rule off.
    public var severities: [(rule: String, severity: Severity?)] = []
    /// Paths not to lint.
    public var exclude: [Glob] = []
    /// Paths a directory walk lints instead of the default document types; `nil` when the
    /// file has no `include`.
    public var include: [Glob]?
    /// The lowest severity that makes chaff exit 1.
    public var failOn: Severity?
    /// Whether any finding fails the run (`failOn: never` sets this to false).
    public var failOnNever = false
    /// Document formats by path pattern, first match wins.
    public var formats: [(glob: Glob, format: String)] = []

    /// Defaults, relative to `directory`.
    public init(directory: String) { self.directory = directory }

    /// The config file name looked for.
    public static let fileName = ".chaff.json"

    /// Parses `bytes`; errors point at the line and column in `path`.
    public static func parse(_ bytes: [UInt8], path: String, directory: String) throws(SourceError) -> Configuration {
        try SourceError.decodingJSON(bytes, path: path) { (root) throws(ObjectReader.Failure) in
            try decode(root, path: path, directory: directory)
        }
    }

    private static func decode(_ root: JSONNode, path: String, directory: String) throws(ObjectReader.Failure) -> Configuration {
        var config = Configuration(directory: directory)
        config.path = path
        var reader = try ObjectReader(root, path: "")
        if let version = try reader.optionalInt("version", in: 0...Int.max), version != 1 {
            throw ObjectReader.Failure(offset: reader.node("version")?.offset ?? root.offset, message: "unsupported 'version' \(version); this chaff reads version 1")
        }
        config.ruleDirectories = try reader.optionalStrings("rules")?.map(\.0) ?? []
        config.defaultRules = try reader.optionalBool("defaultRules") ?? true
        config.select = try reader.optionalStrings("select")?.map(\.0) ?? []
        config.ignore = try reader.optionalStrings("ignore")?.map(\.0) ?? []
        config.exclude = try reader.optionalStrings("exclude")?.map { Glob($0.0) } ?? []
        if let include = try reader.optionalStrings("include") {
            // An empty list would lint nothing at all, which is never what was meant.
            guard !include.isEmpty else {
                throw ObjectReader.Failure(offset: reader.node("include")?.offset ?? root.offset, message: "'include' is empty; list the paths to lint, or remove it to lint the document types chaff reads")
            }
            config.include = include.map { Glob($0.0) }
        }
        if let failOn = try reader.optionalChoice("failOn", Severity.allCases.map(\.rawValue) + ["never"]) {
            if failOn == "never" { config.failOnNever = true } else { config.failOn = Severity(rawValue: failOn) }
        }
        if var severities = try reader.optionalObject("severity") {
            for member in severities.allMembers() {
                let value = try ObjectReader.string(member.value, path: "severity.\(member.key)")
                if value == "off" {
                    config.severities.append((member.key, nil))
                } else if let severity = Severity(rawValue: value) {
                    config.severities.append((member.key, severity))
                } else {
                    throw ObjectReader.Failure(offset: member.value.offset, message: "'severity.\(member.key)' must be one of 'error', 'warning', 'note', 'off', found '\(value)'")
                }
            }
        }
        if var formats = try reader.optionalObject("formats") {
            for member in formats.allMembers() {
                let value = try ObjectReader.string(member.value, path: "formats.\(member.key)")
                guard DocumentFormatName.all.contains(value) else {
                    throw ObjectReader.Failure(offset: member.value.offset, message: "'formats.\(member.key)' must be one of \(DocumentFormatName.all.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'")
                }
                config.formats.append((Glob(member.key), value))
            }
        }
        try reader.finish()
        return config
    }
}

/// The names of document formats accepted in config and examples.
public enum DocumentFormatName {
    /// `text`, `markdown`, `html`.
    public static let all = ["text", "markdown", "html"]
}
