import ChaffEngine
import ChaffKinds
import ChaffText

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
    /// Locales by path pattern, first match wins, normalised (`zh-TW`): a file matching one is
    /// written in that locale, whatever it declares (see `LocalizationTable.configuredLocale`).
    public var locales: [(glob: Glob, locale: String)] = []
    /// Options per rule id, each an object merged over the rule file's `options` (checked by
    /// the rule's kind once the rules are loaded), with the byte offset of its key.
    public var ruleOptions: [(rule: String, keyOffset: Int, value: JSONNode)] = []
    /// A typography preset (`TypographyPresets`) turning its rules on with their options, or
    /// nil; the command line's `--preset` replaces it.
    public var preset: String?
    /// The byte offset of the `preset` value, to place an error about it.
    public var presetOffset = 0
    /// The file's bytes, to place errors found after parsing (in `ruleOptions`).
    public var source: [UInt8] = []
    /// Where each entry of `select`, `ignore` and `severity` stands in the file (in the same
    /// order as those lists), so that an entry naming no rule, found only once the rules are
    /// loaded, is reported at its line and column.
    public var locations = Locations()

    /// Lines and columns of the rule patterns in the file; empty for a default configuration.
    public struct Locations: Sendable {
        /// One per `select` entry.
        public var select: [(line: Int, column: Int)] = []
        /// One per `ignore` entry.
        public var ignore: [(line: Int, column: Int)] = []
        /// One per `severity` key, at the key.
        public var severity: [(line: Int, column: Int)] = []
    }

    /// The locale the `locales` patterns give a file at `relativePath` (relative to
    /// `directory`), or nil.
    public func locale(forRelativePath relativePath: String) -> String? {
        locales.first(where: { $0.glob.matches(relativePath) })?.locale
    }

    /// Defaults, relative to `directory`.
    public init(directory: String) { self.directory = directory }

    /// The config file name looked for.
    public static let fileName = ".chaff.json"

    /// Parses `bytes`; errors point at the line and column in `path`. Every error in the file is
    /// reported, not only the first, so one edit can fix them all; a syntax error stops parsing,
    /// so it comes alone.
    public static func parse(_ bytes: [UInt8], path: String, directory: String) throws(SourceErrors) -> Configuration {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw SourceErrors([SourceError(path: path, bytes: bytes, offset: error.offset, message: error.message)])
        }
        var offsets = Offsets()
        let (config, failures) = decode(root, path: path, directory: directory, offsets: &offsets)
        guard var config, failures.isEmpty else {
            throw SourceErrors(failures.map { SourceError(path: path, bytes: bytes, offset: $0.offset, message: $0.message) })
        }
        let index = LineIndex(bytes)
        func locate(_ list: [Int]) -> [(line: Int, column: Int)] {
            list.map { offset in
                let position = index.position(of: offset, in: bytes, unit: .scalar)
                return (position.line, position.column)
            }
        }
        config.locations = Locations(select: locate(offsets.select), ignore: locate(offsets.ignore), severity: locate(offsets.severity))
        config.source = bytes
        return config
    }

    /// Byte offsets of the entries `Locations` reports.
    private struct Offsets {
        var select: [Int] = []
        var ignore: [Int] = []
        var severity: [Int] = []
    }

    private static func decode(_ root: JSONNode, path: String, directory: String, offsets: inout Offsets) -> (
        Configuration?, [ObjectReader.Failure]
    ) {
        var config = Configuration(directory: directory)
        config.path = path
        let reader: ObjectReader
        do {
            reader = try ObjectReader(root, path: "")
        } catch {
            return (nil, [error])
        }
        var decoder = Decoder(config: config, reader: reader, rootOffset: root.offset)
        decoder.decodeVersionAndRules()
        decoder.decodeSelection()
        decoder.decodeSeverities()
        decoder.decodeFormats()
        decoder.decodeLocales()
        decoder.decodePresetAndOptions()
        var failures = decoder.failures + decoder.reader.unknownKeys()
        // File order, so the list reads top to bottom like the file.
        failures.sort { $0.offset < $1.offset }
        offsets = decoder.offsets
        return (decoder.config, failures)
    }

    /// The state of one decoding: the configuration so far and every failure met on the way.
    private struct Decoder {
        var config: Configuration
        var reader: ObjectReader
        let rootOffset: Int
        var offsets = Offsets()
        var failures: [ObjectReader.Failure] = []

        init(config: Configuration, reader: ObjectReader, rootOffset: Int) {
            self.config = config
            self.reader = reader
            self.rootOffset = rootOffset
        }

        // Each key is decoded on its own, so one wrong value does not hide the errors after it.
        mutating func attempt(_ body: (inout Decoder) throws(ObjectReader.Failure) -> Void) {
            do { try body(&self) } catch { failures.append(error) }
        }

        mutating func decodeVersionAndRules() {
            attempt { d throws(ObjectReader.Failure) in
                if let version = try d.reader.optionalInt("version", in: 0...Int.max), version != 1 {
                    throw ObjectReader.Failure(
                        offset: d.reader.node("version")?.offset ?? d.rootOffset,
                        message: "unsupported 'version' \(version); this chaff reads version 1")
                }
            }
            attempt { d throws(ObjectReader.Failure) in
                d.config.ruleDirectories = try d.reader.optionalStrings("rules")?.map(\.0) ?? []
            }
            attempt { d throws(ObjectReader.Failure) in d.config.defaultRules = try d.reader.optionalBool("defaultRules") ?? true }
        }

        /// `select`, `ignore`, `exclude`, `include` and `failOn`: which rules and files, and when to fail.
        mutating func decodeSelection() {
            attempt { d throws(ObjectReader.Failure) in
                let select = try d.reader.optionalStrings("select") ?? []
                d.config.select = select.map(\.0)
                d.offsets.select = select.map(\.1)
            }
            attempt { d throws(ObjectReader.Failure) in
                let ignore = try d.reader.optionalStrings("ignore") ?? []
                d.config.ignore = ignore.map(\.0)
                d.offsets.ignore = ignore.map(\.1)
            }
            attempt { d throws(ObjectReader.Failure) in
                d.config.exclude = try d.reader.optionalStrings("exclude")?.map { Glob($0.0) } ?? []
            }
            attempt { d throws(ObjectReader.Failure) in
                guard let include = try d.reader.optionalStrings("include") else { return }
                // An empty list would lint nothing at all, which is never what was meant.
                guard !include.isEmpty else {
                    throw ObjectReader.Failure(
                        offset: d.reader.node("include")?.offset ?? d.rootOffset,
                        message: "'include' is empty; list the paths to lint, or remove it to lint the document types chaff reads")
                }
                d.config.include = include.map { Glob($0.0) }
            }
            attempt { d throws(ObjectReader.Failure) in
                if let failOn = try d.reader.optionalChoice("failOn", Severity.allCases.map(\.rawValue) + ["never"]) {
                    if failOn == "never" { d.config.failOnNever = true } else { d.config.failOn = Severity(rawValue: failOn) }
                }
            }
        }

        /// Decodes each member of the object `key` on its own, so one wrong member does not hide the others.
        mutating func eachMember(
            of key: String, _ body: (inout Decoder, JSONNode.Member) throws(ObjectReader.Failure) -> Void
        ) {
            attempt { d throws(ObjectReader.Failure) in
                guard var object = try d.reader.optionalObject(key) else { return }
                for member in object.allMembers() {
                    d.attempt { d throws(ObjectReader.Failure) in try body(&d, member) }
                }
            }
        }

        mutating func decodeSeverities() {
            eachMember(of: "severity") { d, member throws(ObjectReader.Failure) in
                let value = try ObjectReader.string(member.value, path: "severity.\(member.key)")
                if value == "off" {
                    d.config.severities.append((member.key, nil))
                } else if let severity = Severity(rawValue: value) {
                    d.config.severities.append((member.key, severity))
                } else {
                    throw ObjectReader.Failure(
                        offset: member.value.offset,
                        message: "'severity.\(member.key)' must be one of 'error', 'warning', 'note', 'off', found '\(value)'")
                }
                d.offsets.severity.append(member.keyOffset)
            }
        }

        mutating func decodeFormats() {
            eachMember(of: "formats") { d, member throws(ObjectReader.Failure) in
                let value = try ObjectReader.string(member.value, path: "formats.\(member.key)")
                guard DocumentFormatName.all.contains(value) else {
                    throw ObjectReader.Failure(
                        offset: member.value.offset,
                        message:
                            "'formats.\(member.key)' must be one of \(DocumentFormatName.all.map { "'\($0)'" }.joined(separator: ", ")), found '\(value)'"
                    )
                }
                d.config.formats.append((Glob(member.key), value))
            }
        }

        mutating func decodeLocales() {
            eachMember(of: "locales") { d, member throws(ObjectReader.Failure) in
                let value = try ObjectReader.string(member.value, path: "locales.\(member.key)")
                guard let locale = LocaleName.normalized(value) else {
                    throw ObjectReader.Failure(
                        offset: member.value.offset,
                        message: "'locales.\(member.key)' must be a locale such as 'zh-TW' or 'zh_Hans', found '\(value)'")
                }
                d.config.locales.append((Glob(member.key), locale))
            }
        }

        mutating func decodePresetAndOptions() {
            attempt { d throws(ObjectReader.Failure) in
                d.config.presetOffset = d.reader.node("preset")?.offset ?? 0
                d.config.preset = try d.reader.optionalChoice("preset", TypographyPresets.names)
            }
            attempt { d throws(ObjectReader.Failure) in
                guard var options = try d.reader.optionalObject("options") else { return }
                for member in options.allMembers() {
                    guard case .object = member.value.value else {
                        d.failures.append(
                            ObjectReader.Failure(
                                offset: member.value.offset,
                                message: "'options.\(member.key)' must be an object of the rule's options, found \(member.value.typeName)"))
                        continue
                    }
                    d.config.ruleOptions.append((member.key, member.keyOffset, member.value))
                }
            }
        }
    }
}

/// The names of document formats accepted in config and examples.
public enum DocumentFormatName {
    /// `text`, `markdown`, `html`.
    public static let all = DocumentFormat.allCases.map(\.rawValue)
}
