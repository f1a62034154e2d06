import ChaffEngine
import ChaffText

/// The `xliff`, `android-strings` and `stringsdict` fuzz targets' work: an XML localization
/// file read, masked and linted, with a source file beside it or not.
///
/// Input layout: byte 0 picks the column unit (bits 0-1) and whether the rest holds a source
/// file after the first 0xFF byte (bit 2; 0xFF is never UTF-8); the rest is the file. Promises:
/// the reader never crashes or hangs; every scope is as long as the file; every decoded byte
/// of every pair maps to bytes of the file, in order, inside the pair's span; every reader
/// problem lies in the file and has a message; every finding of every built-in rule lies in
/// the file at the position `LineIndex` gives.
enum XMLLocalizationReaderCheck {
    private static let paths: [DocumentFormat: String] = [
        .xliff: "Resources/zh-Hant.xliff", .androidStrings: "res/values-zh-rTW/strings.xml",
        .stringsdict: "zh-Hans.lproj/Localizable.stringsdict",
    ]
    private static let linters: [Linter] = ColumnUnit.allCases.map { unit in
        Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) }, columnUnit: unit, regexSeconds: 1)
    }

    /// Runs `input` through the reader of `format` and the rules; throws when a promise is broken.
    static func check(_ input: [UInt8], format: DocumentFormat) throws(FuzzFailure) {
        guard !input.isEmpty else { return }
        var source = Array(input[1...])
        var sourceFile: [UInt8]?
        if input[0] & 4 != 0, let cut = source.firstIndex(of: 0xFF) {
            sourceFile = Array(source[(cut + 1)...])
            source = Array(source[..<cut])
        }
        let document = DocumentMaker.document(path: paths[format]!, source: source, format: format.rawValue, sourceFile: sourceFile)
        for (scope, bytes) in document.masked.maskedScopes {
            try FuzzSupport.require(bytes.count == source.count, "scope \(scope) has \(bytes.count) bytes, source \(source.count)")
        }
        let table = document.masked.localization ?? LocalizationTable()
        for pair in table.pairs {
            try FuzzSupport.require(
                pair.translation.span.upperBound <= source.count, "translation span \(pair.translation.span) outside the file")
            for text in [pair.source, pair.translation] {
                try FuzzSupport.require(text.origins.count == text.bytes.count, "origins and bytes differ in count")
                // An entity or `\u` escape decodes to several bytes from one origin.
                var previous = text.span.lowerBound
                for origin in text.origins {
                    try FuzzSupport.require(
                        origin.lowerBound >= previous && origin.upperBound <= text.span.upperBound && !origin.isEmpty,
                        "origin \(origin) out of order or outside \(text.span)")
                    previous = origin.lowerBound
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
