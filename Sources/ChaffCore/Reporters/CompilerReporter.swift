/// `path:line:col: severity: message [rule-id]`, one line per diagnostic: the format compilers
/// print, which editors, problem matchers and `grep` all read. A diagnostic that carries its
/// `sourceLine` (`--show-source`) is followed by the line and a caret line (`SourceExcerpt`);
/// the first line stays the same.
public struct CompilerReporter: StreamingReporter {
    public static let formatName = "compiler"
    public static let defaultColumnUnit = ColumnUnit.scalar

    /// Whether to colour severities with ANSI escapes.
    public var color: Bool

    /// A reporter, coloured or not.
    public init(color: Bool = false) { self.color = color }

    /// A reporter, coloured when `color` is set.
    public static func make(color: Bool) -> any Reporter { CompilerReporter(color: color) }

    public func renderPart(_ diagnostics: [Diagnostic], of context: Report) -> String {
        var out = ""
        out.reserveCapacity(diagnostics.count * 128)
        // A part is one file's: its path is escaped once, and plain lines are written in place
        // rather than built and copied (a cached run spends most of its time here).
        var lastPath: String?
        var path = ""
        for d in diagnostics {
            if color {
                out += line(for: d)
            } else {
                if d.path != lastPath {
                    path = TerminalSafe.escape(d.path)
                    lastPath = d.path
                }
                Self.appendPlainLine(d, escapedPath: path, to: &out)
            }
            out += "\n"
            if d.sourceLine != nil { out += SourceExcerpt.render(d, unit: context.columnUnit, color: color) }
        }
        return out
    }

    /// `PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE]`, the uncoloured line, appended to `out`
    /// piece by piece (no line string is built and copied).
    private static func appendPlainLine(_ d: Diagnostic, escapedPath: String, to out: inout String) {
        out += escapedPath
        out += ":"
        out += String(d.line)
        out += ":"
        out += String(d.column)
        out += ": "
        out += d.severity.rawValue
        out += ": "
        out += TerminalSafe.escape(d.message)
        out += " ["
        out += d.ruleID
        out += "]"
    }

    /// One diagnostic's line, without the newline.
    public func line(for d: Diagnostic) -> String {
        let path = TerminalSafe.escape(d.path)
        guard color else {
            var out = ""
            Self.appendPlainLine(d, escapedPath: path, to: &out)
            return out
        }
        let message = TerminalSafe.escape(d.message)
        let code: String
        switch d.severity {
        case .error: code = "1;31"
        case .warning: code = "1;35"
        case .note: code = "1;36"
        }
        return
            "\u{1B}[1m\(path):\(d.line):\(d.column):\u{1B}[0m \u{1B}[\(code)m\(d.severity.rawValue):\u{1B}[0m \(message) \u{1B}[2m[\(d.ruleID)]\u{1B}[0m"
    }
}
