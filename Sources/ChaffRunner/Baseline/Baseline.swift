import ChaffEngine
import ChaffText

/// Findings a team has accepted, so that a large repository can adopt chaff and fail only on
/// new findings.
///
/// An entry is a path (relative to the baseline file's directory), a rule id and chaff's
/// fingerprint (rule, matched text and occurrence number in the file). No line numbers are
/// stored, so entries survive edits elsewhere in the file; an entry matches one finding at most.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Hashable, Comparable {
        /// Path relative to the baseline's directory, with `/` separators.
        public var path: String
        /// Rule id.
        public var rule: String
        /// `Diagnostic.fingerprint`.
        public var fingerprint: String
        /// The matched text, for people reading the file.
        public var match: String

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.rule, a.fingerprint) < (b.path, b.rule, b.fingerprint)
        }

        fileprivate var key: String { path + "\u{0}" + rule + "\u{0}" + fingerprint }
    }

    /// The entries, sorted.
    public private(set) var entries: [Entry]

    /// A baseline of `entries`.
    public init(entries: [Entry]) { self.entries = entries.sorted() }

    /// A baseline accepting `diagnostics`; `relativePath` maps a diagnostic's path to the
    /// baseline's directory.
    public init(diagnostics: [Diagnostic], relativePath: (String) -> String) {
        self.init(
            entries: diagnostics.map {
                Entry(path: relativePath($0.path), rule: $0.ruleID, fingerprint: $0.fingerprint, match: $0.matchedText)
            })
    }

    /// `diagnostics` without those the baseline accepts, and how many it accepted.
    public func filter(_ diagnostics: [Diagnostic], relativePath: (String) -> String) -> (kept: [Diagnostic], accepted: Int) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.key, default: 0] += 1 }
        var kept: [Diagnostic] = []
        var accepted = 0
        for d in diagnostics {
            let key = Entry(path: relativePath(d.path), rule: d.ruleID, fingerprint: d.fingerprint, match: "").key
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                accepted += 1
            } else {
                kept.append(d)
            }
        }
        return (kept, accepted)
    }

    /// The file's text: JSON, one entry per line, stable order, so diffs of it review well.
    public func serialized() -> String {
        var out = "{\n  \"version\": 1,\n  \"tool\": \"chaff\",\n  \"findings\": ["
        for (i, entry) in entries.enumerated() {
            let object: JSONOutput = .object([
                ("path", .string(entry.path)), ("rule", .string(entry.rule)),
                ("fingerprint", .string(entry.fingerprint)), ("match", .string(entry.match)),
            ])
            out += (i == 0 ? "\n    " : ",\n    ") + object.serialized()
        }
        out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Parses a baseline file; errors point at the line and column.
    public static func parse(_ bytes: [UInt8], path: String) throws(SourceError) -> Baseline {
        try SourceError.decodingJSON(bytes, path: path, decode)
    }

    private static func decode(_ root: JSONNode) throws(ObjectReader.Failure) -> Baseline {
        var reader = try ObjectReader(root, path: "")
        if let version = try reader.optionalInt("version", in: 0...Int.max), version != 1 {
            throw ObjectReader.Failure(
                offset: root.offset, message: "unsupported baseline 'version' \(version); this chaff reads version 1")
        }
        _ = try reader.optionalString("tool")
        guard let list = reader.node("findings") else {
            throw ObjectReader.Failure(offset: root.offset, message: "missing required key 'findings'")
        }
        guard case .array(let elements) = list.value else {
            throw ObjectReader.Failure(offset: list.offset, message: "'findings' must be an array, found \(list.typeName)")
        }
        var entries: [Entry] = []
        for (i, element) in elements.enumerated() {
            var entry = try ObjectReader(element, path: "findings[\(i)]")
            entries.append(
                Entry(
                    path: try entry.string("path"), rule: try entry.string("rule"), fingerprint: try entry.string("fingerprint"),
                    match: try entry.optionalString("match") ?? ""))
            try entry.finish()
        }
        try reader.finish()
        return Baseline(entries: entries)
    }
}
