/// A `chaff-…` directive that turns rules off for part of a document.
///
/// In Markdown and HTML a directive is the whole text of a comment:
/// `<!-- chaff-disable-next-line placeholder-token -- generated on purpose -->`. In plain text
/// it is a line of its own starting with `#` or `//`, or, for `chaff-disable-line` only, a `#`
/// or `//` comment after a blank at the end of a line of text. The rule list is separated by commas or
/// spaces; an empty list means every rule; text after ` -- ` is a reason and is kept only for
/// display.
public struct SuppressionDirective: Sendable, Hashable {
    /// What a directive does.
    public enum Kind: String, Sendable, CaseIterable {
        /// Turns rules off from the end of the directive until a matching `chaff-enable` or the
        /// end of the file.
        case disable = "chaff-disable"
        /// Turns rules back on from the start of the directive.
        case enable = "chaff-enable"
        /// Turns rules off on the whole line after the line where the directive ends.
        case disableNextLine = "chaff-disable-next-line"
        /// Turns rules off on the line where the directive stands, which must hold it whole: a
        /// comment at the end of a line of text (in plain text, `#` or `//` after the text).
        case disableLine = "chaff-disable-line"
        /// Turns rules off in the whole file, before the directive too.
        case disableFile = "chaff-disable-file"
    }

    /// What the directive does.
    public let kind: Kind
    /// The rules and families it names; empty means every rule.
    public let rules: [RuleSelector]
    /// The text after ` -- `, trimmed; nil when there is none.
    public let reason: String?
    /// The bytes of the comment (or `#`/`//` line) holding the directive.
    public let range: Range<Int>
    /// The 0-based line where the directive starts.
    public let line: Int
    /// The 0-based line where the directive ends (a comment can span lines).
    public let endLine: Int

    /// A directive; `rules` empty means every rule.
    public init(kind: Kind, rules: [RuleSelector], reason: String?, range: Range<Int>, line: Int, endLine: Int) {
        self.kind = kind
        self.rules = rules
        self.reason = reason
        self.range = range
        self.line = line
        self.endLine = endLine
    }

    /// Whether the directive applies to `ruleID`.
    public func selects(_ ruleID: String) -> Bool {
        rules.isEmpty || rules.contains { $0.matches(ruleID) }
    }

    /// Whether the directive and `selector` can name a common rule.
    func overlaps(_ selector: RuleSelector) -> Bool {
        rules.isEmpty || rules.contains { $0.overlaps(selector) }
    }
}

/// A comment that starts like a directive (`chaff-…`) but is not one, such as
/// `chaff-disable-nextline` or a rule list with a character a rule id cannot have.
public struct MalformedSuppression: Sendable, Hashable {
    /// The bytes of the comment or line.
    public let range: Range<Int>
    /// The 0-based line where it starts.
    public let line: Int
    /// The byte range of the offending word.
    public let wordRange: Range<Int>
    /// Why it is not a directive, for a diagnostic.
    public let message: String

    /// A malformed directive.
    public init(range: Range<Int>, line: Int, wordRange: Range<Int>, message: String) {
        self.range = range
        self.line = line
        self.wordRange = wordRange
        self.message = message
    }
}

/// The directives of one document and the comments that tried to be directives.
public struct ParsedSuppressions: Sendable, Hashable {
    /// Valid directives in source order.
    public var directives: [SuppressionDirective]
    /// Malformed directives in source order.
    public var malformed: [MalformedSuppression]

    /// A parse result.
    public init(directives: [SuppressionDirective] = [], malformed: [MalformedSuppression] = []) {
        self.directives = directives
        self.malformed = malformed
    }
}
