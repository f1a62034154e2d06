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
    public var fingerprint: String {
        get { fingerprintHash.map(Fingerprint.hex) ?? fingerprintText }
        set {
            fingerprintText = newValue
            fingerprintHash = nil
        }
    }
    /// The fingerprint as given, or "" when `fingerprintHash` holds it: the linter makes one
    /// per finding, and only some formats print it, so it is written out as text on demand
    /// (a string of sixteen digits per finding cost a sixth of making the diagnostic).
    private var fingerprintText: String
    private var fingerprintHash: UInt64?
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
        self.fingerprintText = fingerprint
        self.fingerprintHash = nil
    }

    /// A diagnostic whose fingerprint is `Fingerprint.hex(fingerprintHash)`.
    init(
        path: String, range: Range<Int>, line: Int, column: Int, endLine: Int, endColumn: Int,
        severity: Severity, ruleID: String, message: String, matchedText: String, fix: String?,
        fingerprintHash: UInt64
    ) {
        self.init(
            path: path, range: range, line: line, column: column, endLine: endLine, endColumn: endColumn, severity: severity,
            ruleID: ruleID, message: message, matchedText: matchedText, fix: fix)
        self.fingerprintHash = fingerprintHash
    }

    /// Equal when every field is, the fingerprint compared as text however it is held.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.path == b.path && a.range == b.range && a.line == b.line && a.column == b.column && a.endLine == b.endLine
            && a.endColumn == b.endColumn && a.severity == b.severity && a.ruleID == b.ruleID && a.message == b.message
            && a.matchedText == b.matchedText && a.fix == b.fix && a.sourceLine == b.sourceLine
            && (a.fingerprintHash != nil && a.fingerprintHash == b.fingerprintHash || a.fingerprint == b.fingerprint)
    }

    /// Report order: path, line, column, rule, then message for full determinism.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }

    /// Sorts `diagnostics` stably by `reportOrder`. Diagnostics already in order (one file's
    /// after the linter, or files that come in path order) are left after one pass. The others
    /// are ordered on their indices, read in place, and then moved into place along the cycles
    /// of that order: sorting the diagnostics themselves, or copying them in the new order,
    /// retained and released their strings at every step.
    public static func putInReportOrder(_ diagnostics: inout [Diagnostic]) {
        guard diagnostics.count > 1 else { return }
        let order: [Int]? = diagnostics.withUnsafeBufferPointer { d in
            if (1..<d.count).allSatisfy({ !reportOrder(d[$0], d[$0 - 1]) }) { return nil }
            var order = Array(d.indices)
            // Ties by index: the order of a stable sort.
            order.sort { i, j in
                if d[i].path != d[j].path { return d[i].path.utf8.lexicographicallyPrecedes(d[j].path.utf8) }
                if d[i].line != d[j].line { return d[i].line < d[j].line }
                if d[i].column != d[j].column { return d[i].column < d[j].column }
                if d[i].ruleID != d[j].ruleID { return d[i].ruleID < d[j].ruleID }
                if d[i].message != d[j].message { return d[i].message < d[j].message }
                return i < j
            }
            return order
        }
        guard let order else { return }
        // Position k takes the diagnostic at order[k]: each cycle of the order is followed from
        // its first position, whose diagnostic waits aside while the others move up. Moved as
        // memory, never copied: `swapAt` copied each diagnostic, retaining its strings.
        var placed = [Bool](repeating: false, count: order.count)
        let waiting = UnsafeMutablePointer<Diagnostic>.allocate(capacity: 1)
        defer { waiting.deallocate() }
        diagnostics.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !placed[start] && order[start] != start {
                waiting.moveInitialize(from: base + start, count: 1)
                var k = start
                while order[k] != start {
                    placed[k] = true
                    (base + k).moveInitialize(from: base + order[k], count: 1)
                    k = order[k]
                }
                placed[k] = true
                (base + k).moveInitialize(from: waiting, count: 1)
            }
        }
    }
}
