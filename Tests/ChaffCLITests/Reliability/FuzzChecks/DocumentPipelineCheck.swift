import ChaffEngine
import ChaffReporters
import ChaffText

/// The `document` fuzz target's work: the whole document pipeline on arbitrary bytes.
///
/// Input layout: byte 0 picks the format (bits 0-1: text, markdown, html), the column unit
/// (bits 2-3) and whether SARIF describes the rules (bits 4-7 all set: rule documentation is
/// the same for every input, and rendering it each time would be most of the work); byte 1
/// picks the reported path, from a list of hostile names or (high bit set) the input's own
/// first line; the rest is the file. The document is made by `DocumentMaker`, linted by every
/// built-in rule (on by default or not) and rendered by every reporter, whose promises
/// `FuzzSupport.checkReporters` checks.
enum DocumentPipelineCheck {
    private static let formats = ["text", "markdown", "html"]
    private static let units = ColumnUnit.allCases
    private static let paths = [
        "a.txt", "dir with space/a,b:c%25.md", "new\nline.html", "\u{1B}[31mred\u{1B}[0m.txt",
        "中文/路径 ①.txt", "/abs/p\r.txt", "::error::x.txt", "%0A::warning::y.md", "\u{202E}txt.exe",
    ]

    private static let linters: [Linter] = units.map { unit in
        Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) }, columnUnit: unit, regexSeconds: 1)
    }

    /// Runs `input` through the pipeline; throws when a promise is broken.
    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        guard input.count >= 2 else { return }
        let format = formats[Int(input[0] & 3) % formats.count]
        let unitIndex = Int(input[0] >> 2) & 3
        let describeRules = input[0] & 0xF0 == 0xF0
        var source = Array(input[2...])
        var path = paths[Int(input[1] & 0x7F) % paths.count]
        if input[1] & 0x80 != 0, let newline = source.firstIndex(of: 0x0A) {
            path = String(decoding: source[..<newline], as: UTF8.self)
            source.removeSubrange(...newline)
            if path.isEmpty { path = "-" }
        }
        let document = DocumentMaker.document(path: path, source: source, format: format)
        try FuzzSupport.require(document.source == source, "the document changed its source")
        for (scope, bytes) in document.masked.maskedScopes {
            try FuzzSupport.require(bytes.count == source.count, "scope \(scope) has \(bytes.count) bytes, source \(source.count)")
        }
        let linter = linters[unitIndex]
        let diagnostics = linter.lint(document)
        let index = LineIndex(source)
        for d in diagnostics where d.ruleID != Linter.timeoutRuleID {
            // The linter's incremental cursor must agree with counting from the line start.
            let start = index.position(of: d.range.lowerBound, in: source, unit: linter.columnUnit)
            let end = index.position(of: d.range.upperBound, in: source, unit: linter.columnUnit)
            try FuzzSupport.require(
                start == (d.line, d.column) && end == (d.endLine, d.endColumn),
                "position \(d.line):\(d.column)-\(d.endLine):\(d.endColumn) is not \(start)-\(end)")
        }
        for d in diagnostics {
            try FuzzSupport.require(
                d.range.lowerBound >= 0 && d.range.upperBound <= source.count, "range \(d.range) outside \(source.count) bytes")
            try FuzzSupport.require(d.line >= 1 && d.column >= 1, "position \(d.line):\(d.column)")
            try FuzzSupport.require(d.endLine > d.line || (d.endLine == d.line && d.endColumn >= d.column), "end before start")
            try FuzzSupport.require(d.path == path, "diagnostic path changed")
        }
        let report = Report(
            diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), rules: describeRules ? linter.rules : [],
            columnUnit: linter.columnUnit == .utf8 || linter.columnUnit == .display ? .utf16 : linter.columnUnit,
            toolVersion: "0.0.0-fuzz", sourceRoot: "/fuzz root/")
        try FuzzSupport.checkReporters(report)
    }
}
