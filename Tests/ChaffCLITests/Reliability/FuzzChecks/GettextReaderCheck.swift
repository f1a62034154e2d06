import ChaffEngine
import ChaffText

/// The `gettext` fuzz target's work: a gettext catalogue read, masked and linted.
///
/// Input layout: byte 0 picks the column unit (bits 0-1) and the path, which names a locale
/// or not (bits 2-3); the rest is the file. Promises: the reader never crashes or hangs; every
/// scope is as long as the file; every decoded byte of every pair maps to bytes of the file
/// in order, inside the pair's span; every reader problem lies in the file and has a
/// message; every finding of every built-in rule lies in the file at the position
/// `LineIndex` gives.
enum GettextReaderCheck {
    private static let paths = ["zh_TW.po", "po/zh_CN/LC_MESSAGES/app.po", "messages.pot", "values-zh-rHK/x.po"]
    private static let linters: [Linter] = ColumnUnit.allCases.map { unit in
        Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) }, columnUnit: unit, regexSeconds: 1)
    }

    /// Runs `input` through the reader and the rules; throws when a promise is broken.
    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        guard !input.isEmpty else { return }
        let source = Array(input[1...])
        let path = paths[Int(input[0] >> 2) & 3]
        let document = DocumentMaker.document(path: path, source: source, format: "po")
        for (scope, bytes) in document.masked.maskedScopes {
            try FuzzSupport.require(bytes.count == source.count, "scope \(scope) has \(bytes.count) bytes, source \(source.count)")
        }
        guard let table = document.masked.localization else {
            throw FuzzFailure(message: "a gettext document without a localization table")
        }
        for pair in table.pairs {
            for text in [pair.source, pair.translation] {
                try FuzzSupport.require(text.origins.count == text.bytes.count, "origins and bytes differ in count")
                try FuzzSupport.require(
                    text.span.lowerBound >= 0 && text.span.upperBound <= source.count, "span \(text.span) outside the file")
                var previous = text.span.lowerBound
                for origin in text.origins {
                    try FuzzSupport.require(
                        origin.lowerBound >= previous && origin.upperBound <= text.span.upperBound && !origin.isEmpty,
                        "origin \(origin) out of order or outside \(text.span)")
                    previous = origin.upperBound
                }
            }
        }
        for problem in table.problems {
            try FuzzSupport.require(
                !problem.range.isEmpty && problem.range.upperBound <= source.count && !problem.message.isEmpty,
                "problem \(problem.range) '\(problem.message)' outside \(source.count) bytes")
        }
        let linter = linters[Int(input[0] & 3) % linters.count]
        let index = LineIndex(source)
        for d in linter.lint(document) where d.ruleID != Linter.timeoutRuleID {
            try FuzzSupport.require(d.range.lowerBound >= 0 && d.range.upperBound <= source.count, "range \(d.range) outside the file")
            let start = index.position(of: d.range.lowerBound, in: source, unit: linter.columnUnit)
            try FuzzSupport.require(start == (d.line, d.column), "position \(d.line):\(d.column) is not \(start)")
        }
    }
}
