import ChaffEngine
import ChaffRunner
import ChaffText

/// chaff's diagnostics as protocol `Diagnostic` objects.
enum DiagnosticJSON {
    /// The `source` of every diagnostic.
    static let source = "chaff"

    /// A finding. Its positions are the engine's, converted once in the session's encoding:
    /// the protocol's are the same numbers, 0-based.
    static func finding(_ d: Diagnostic, rules: [String: Rule]) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("range", range(d)),
            ("severity", .int(severity(d.severity))),
            ("code", .string(d.ruleID)),
        ]
        if let uri = rules[d.ruleID]?.helpURI { members.append(("codeDescription", .object([("href", .string(uri))]))) }
        members.append(("source", .string(source)))
        members.append(("message", .string(d.message)))
        if let fix = d.fix { members.append(("data", .object([("fix", .string(fix))]))) }
        return .object(members)
    }

    /// The protocol range of `d`.
    static func range(_ d: Diagnostic) -> JSONOutput {
        .object([
            ("start", TextPosition(line: d.line - 1, character: d.column - 1).json),
            ("end", TextPosition(line: d.endLine - 1, character: d.endColumn - 1).json),
        ])
    }

    /// An error in a config or rule file, at its place in `bytes`, the file's content.
    static func problem(_ p: WorkspaceRules.FileProblem, bytes: [UInt8], unit: ColumnUnit) -> JSONOutput {
        let positions = TextPositions(bytes, unit: unit)
        // chaff's errors count columns in scalars; the protocol wants the session's unit.
        let start = TextPositions(bytes, unit: .scalar).offset(of: TextPosition(line: p.line - 1, character: p.column - 1))
        var end = start
        while end < bytes.count, end - start < 1 || (bytes[end] & 0xC0) == 0x80 { end += 1 }
        return .object([
            ("range", positions.range(start..<end)), ("severity", .int(1)), ("code", .string(configErrorCode)),
            ("source", .string(source)), ("message", .string(p.message)),
        ])
    }

    /// The code of a diagnostic about a config or rule file, and of the one shown on documents
    /// that such a file leaves without rules.
    static let configErrorCode = "config-error"

    /// Shown at the start of a document whose config or rule files have errors.
    static func unlinted(configFile: String?) -> JSONOutput {
        let zero = TextPosition(line: 0, character: 0).json
        let name = configFile ?? Configuration.fileName
        return .object([
            ("range", .object([("start", zero), ("end", zero)])), ("severity", .int(1)), ("code", .string(configErrorCode)),
            ("source", .string(source)),
            ("message", .string("not linted: \(name) or its rule files have errors (shown in those files)")),
        ])
    }

    private static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
