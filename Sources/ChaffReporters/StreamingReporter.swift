import ChaffEngine

/// A format whose output for a report is the concatenation of the outputs for consecutive runs
/// of its diagnostics (one line or object per diagnostic, no header, no totals), so a run can
/// print each file's findings as soon as they are known and keep none of them.
public protocol StreamingReporter: Reporter {
    /// The output for `diagnostics`, a run of consecutive diagnostics of `context` (whose own
    /// `diagnostics` are ignored; its rules and column unit are used).
    func renderPart(_ diagnostics: [Diagnostic], of context: Report) -> String

    /// `renderPart` as UTF-8 bytes, which is what a run writes: a format that builds its
    /// output as bytes returns them as they are (a String made of them checks every byte).
    func renderPartBytes(_ diagnostics: [Diagnostic], of context: Report) -> [UInt8]
}

extension StreamingReporter {
    /// The reporter itself.
    public var streaming: (any StreamingReporter)? { self }

    /// The output of every diagnostic of `report`, as one part.
    public func render(_ report: Report) -> String { renderPart(report.diagnostics, of: report) }

    /// The UTF-8 of `renderPart`.
    public func renderPartBytes(_ diagnostics: [Diagnostic], of context: Report) -> [UInt8] {
        Array(renderPart(diagnostics, of: context).utf8)
    }
}
