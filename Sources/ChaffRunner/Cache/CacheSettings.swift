import ChaffEngine
import ChaffText

/// The part of a cache key that says how a file was linted: everything besides its bytes that
/// can change its findings.
public enum CacheSettings {
    /// The digest for files linted by `linter` as `format`, under a config whose file holds
    /// `configSource` (empty for none): each active rule's id, effective severity, origin and
    /// rule-file hash, in order; the ids of all rules (suppression comments are checked against
    /// them); the column unit and regex budget; the document format; and the config's bytes,
    /// which cover its options, severities, selections and format patterns. Anything else a
    /// run varies (`extra`, such as options that change findings) is added by the caller.
    public static func digest(linter: Linter, format: String, configSource: [UInt8], extra: [String] = []) -> UInt64 {
        var text = "rules"
        for active in linter.rules {
            text +=
                "\u{0}\(active.rule.id)\u{1}\(active.severity.rawValue)\u{1}\(active.rule.origin)\u{1}\(ContentHash.hex(active.rule.sourceDigest))"
        }
        text += "\u{0}known\u{0}" + linter.knownRuleIDs.joined(separator: "\u{1}")
        text += "\u{0}unit\u{0}\(linter.columnUnit.rawValue)\u{0}regex\u{0}\(linter.regexSeconds)"
        text += "\u{0}format\u{0}\(format)\u{0}config\u{0}\(ContentHash.hex(ContentHash.of(configSource)))"
        for item in extra { text += "\u{0}" + item }
        return ContentHash.of(text)
    }
}
