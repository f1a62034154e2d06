import ChaffEngine
import ChaffText

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
        plainPart(diagnostics).map { String(decoding: $0, as: UTF8.self) } ?? renderStringPart(diagnostics, of: context)
    }

    public func renderPartBytes(_ diagnostics: [Diagnostic], of context: Report) -> [UInt8] {
        plainPart(diagnostics) ?? Array(renderStringPart(diagnostics, of: context).utf8)
    }

    /// The part as plain lines, in UTF-8 (`PlainLines`); nil when its lines are coloured or
    /// followed by their source excerpt. Written as bytes: appending to a String piece by
    /// piece cost most of a cached run's time, and a String made of them checks every byte
    /// again.
    private func plainPart(_ diagnostics: [Diagnostic]) -> [UInt8]? {
        guard !color && !diagnostics.contains(where: { $0.sourceLine != nil }) else { return nil }
        return diagnostics.withUnsafeBufferPointer(PlainLines.render)
    }

    /// `renderPart` for coloured lines and lines followed by their source excerpt.
    private func renderStringPart(_ diagnostics: [Diagnostic], of context: Report) -> String {
        var out = ""
        for d in diagnostics {
            out += line(for: d)
            out += "\n"
            if d.sourceLine != nil { out += SourceExcerpt.render(d, unit: context.columnUnit, color: color) }
        }
        return out
    }

    /// The uncoloured line of a finding given by its fields (`escapedPath` already passed
    /// through `TerminalSafe`; `message` is escaped here), without the newline: what
    /// `renderPart` writes for it. A run that reports findings stored by the cache writes their
    /// lines with this, straight from the stored bytes.
    public static func appendPlainLine(
        escapedPath: some Collection<UInt8>, line: Int, column: Int, severity: Severity, message: UnsafeBufferPointer<UInt8>,
        ruleID: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
    ) {
        out.append(contentsOf: escapedPath)
        appendPosition(line: line, column: column, severity: severity, to: &out)
        TerminalSafe.appendEscaped(message, to: &out)
        appendRule(ruleID, to: &out)
    }

    /// `:LINE:COLUMN: SEVERITY: `. Constant pieces come from static strings' bytes: appending
    /// a string's bytes went through its view, a few hundred instructions each, five per line.
    @inline(__always)
    private static func appendPosition(line: Int, column: Int, severity: Severity, to out: inout [UInt8]) {
        out.append(0x3A)
        appendDecimal(line, to: &out)
        out.append(0x3A)
        appendDecimal(column, to: &out)
        PlainLines.severityPiece(severity).withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// ` [RULE]`.
    @inline(__always)
    private static func appendRule(_ ruleID: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x20)
        out.append(0x5B)
        out.append(contentsOf: ruleID)
        out.append(0x5D)
    }

    /// The decimal digits of `value` (not negative: lines and columns count from 1), written
    /// from the highest: a slice of a digit buffer was appended through the generic path, a
    /// few hundred instructions for each number.
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            if value == 0 { out.append(0x30) } else { out.append(contentsOf: String(value).utf8) }
            return
        }
        var unit = 1
        while unit <= value / 10 { unit *= 10 }
        var rest = value
        while unit > 0 {
            out.append(UInt8(truncatingIfNeeded: rest / unit) &+ 0x30)
            rest %= unit
            unit /= 10
        }
    }

    /// One diagnostic's line, without the newline.
    public func line(for d: Diagnostic) -> String {
        let path = TerminalSafe.escape(d.path)
        guard color else {
            var out: [UInt8] = []
            var message = d.message
            var ruleID = d.ruleID
            message.withUTF8 { message in
                ruleID.withUTF8 { ruleID in
                    Self.appendPlainLine(
                        escapedPath: path.utf8, line: d.line, column: d.column, severity: d.severity, message: message,
                        ruleID: ruleID, to: &out)
                }
            }
            return String(decoding: out, as: UTF8.self)
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
