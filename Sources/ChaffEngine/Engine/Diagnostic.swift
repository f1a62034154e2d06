/// One finding, ready to report: where, what, how serious, which rule.
public struct Diagnostic: Sendable, Equatable {
    /// The path of findings in standard input read without `--stdin-filename`. Reporters that
    /// need a location (SARIF) treat it as "no file" rather than as a file of that name.
    public static let standardInputPath = "<stdin>"

    /// The file as reported (relative to the working directory when below it).
    public var path: String
    /// Byte range in the source.
    public var range: Range<Int>
    /// 1-based start line.
    public var line: Int
    /// 1-based start column, in the run's column unit.
    public var column: Int
    /// 1-based end line.
    public var endLine: Int
    /// 1-based column one past the last character, in the run's column unit.
    public var endColumn: Int
    /// Effective severity.
    public var severity: Severity
    /// The rule's id.
    public var ruleID: String
    /// The rendered message.
    public var message: String
    /// The source text of `range`.
    public var matchedText: String
    /// Replacement text for `range`, when the rule offers a fix.
    public var fix: String?
    /// A fingerprint that survives edits elsewhere in the file: rule, matched text and the
    /// occurrence's index among equal matches of that rule in the file.
    public var fingerprint: String
    /// The text of the finding's first line (UTF-8, without its line break), attached only when
    /// the compiler format shows source (`--show-source`); `nil` otherwise.
    public var sourceLine: [UInt8]? = nil

    /// A diagnostic with every field given.
    public init(
        path: String, range: Range<Int>, line: Int, column: Int, endLine: Int, endColumn: Int,
        severity: Severity, ruleID: String, message: String, matchedText: String, fix: String? = nil,
        fingerprint: String = ""
    ) {
        self.path = path
        self.range = range
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.matchedText = matchedText
        self.fix = fix
        self.fingerprint = fingerprint
    }

    /// Report order: path, line, column, rule, then message for full determinism.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}
