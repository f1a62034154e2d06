import ChaffEngine
import ChaffText

/// GitHub Actions workflow commands: `::warning file=…,line=…::message`, shown as annotations.
///
/// Everything taken from the linted files is escaped, so text cannot end the command early or
/// start a new one (`%`, CR, LF in the message; also `:` and `,` in properties). Other control
/// and bidi characters have no escape the runner undoes; they are shown as `\x1b`-style text
/// (`TerminalSafe`), so the output is also safe to print on a terminal.
public struct GitHubReporter: StreamingReporter {
    public static let formatName = "github"
    // GitHub's UI is JavaScript, which counts UTF-16 code units.
    public static let defaultColumnUnit = ColumnUnit.utf16

    /// A reporter.
    public init() {}

    /// A reporter; the format has no colour.
    public static func make(color: Bool) -> any Reporter { Self() }

    public func renderPart(_ diagnostics: [Diagnostic], of context: Report) -> String {
        var out = ""
        for d in diagnostics {
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            var properties = "file=\(Self.escapeProperty(Self.visible(d.path))),line=\(d.line),endLine=\(d.endLine)"
            properties += ",col=\(d.column),endColumn=\(d.endColumn)"
            properties += ",title=\(Self.escapeProperty(Self.visible(Self.title(for: d.ruleID, in: context.rules))))"
            out += "::\(command) \(properties)::\(Self.escapeData(Self.visible(d.message + " [" + d.ruleID + "]")))\n"
        }
        return out
    }

    /// The annotation's title: `chaff: ` and the rule's summary without its final full stop
    /// (GitHub shows the title in bold above the message, which already ends in `[rule-id]`);
    /// `chaff` alone for a rule the report does not list.
    public static func title(for ruleID: String, in rules: [ActiveRule]) -> String {
        guard let rule = rules.first(where: { $0.rule.id == ruleID })?.rule, !rule.summary.isEmpty else { return "chaff" }
        var summary = Substring(rule.summary)
        while let last = summary.last, last == "." || last == "。" || last == " " { summary = summary.dropLast() }
        return "chaff: " + summary
    }

    /// `s` with control and bidi characters other than CR and LF made visible; CR and LF
    /// have exact escapes in workflow commands.
    public static func visible(_ s: String) -> String { TerminalSafe.escape(s, except: ["\r", "\n"]) }

    /// Escapes a message (command data).
    public static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a property value.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}
