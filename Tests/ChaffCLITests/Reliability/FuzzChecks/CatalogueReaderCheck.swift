import ChaffEngine
import ChaffText

/// The catalogue fuzz targets' work (`apple-strings`, `xcstrings`, `i18n-json`): a catalogue, and
/// for the formats that pair by key the source-locale file beside it, read, masked and linted.
///
/// Input layout: byte 0 picks the column unit (bits 0-1) and, for `i18n-json`, ARB instead of
/// JSON (bit 2); the rest is the file, and after the first 0x1E byte the source catalogue. The
/// file goes through `SourceDecoder` as a run's files do (a UTF-16 `.strings` file is
/// transcoded). Promises: the reader never crashes or hangs; every scope is as long as the text;
/// every decoded byte of every translation maps to bytes of the text in order, inside its span;
/// every reader problem lies in the text and has a message; every finding lies in the file, at
/// the position `LineIndex` gives when the file is UTF-8.
enum CatalogueReaderCheck {
    private static let linters: [Linter] = ColumnUnit.allCases.map { unit in
        Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) }, columnUnit: unit, regexSeconds: 1)
    }

    /// Runs `input` through the reader of `format` and the rules; throws when a promise is broken.
    static func check(_ input: [UInt8], format: DocumentFormat) throws(FuzzFailure) {
        guard !input.isEmpty else { return }
        let rest = Array(input[1...])
        let cut = rest.firstIndex(of: 0x1E)
        let file = cut.map { Array(rest[..<$0]) } ?? rest
        let sibling = cut.map { Array(rest[($0 + 1)...]) }
        let format = format == .i18nJSON && input[0] & 4 != 0 ? DocumentFormat.arb : format
        let path =
            ["strings": "zh-Hant.lproj/Localizable.strings", "xcstrings": "Localizable.xcstrings", "arb": "app_zh_TW.arb"][
                format.rawValue] ?? "locales/zh-TW/common.json"
        var text = file
        var origin: SourceOrigin?
        switch SourceDecoder.decode(file) {
        case .binary, .undecidable: return
        case .utf8: break
        case .decoded(let decoded, let map):
            text = decoded
            origin = map
        }
        var document = SourceCatalogue.document(path: path, source: text, format: format, sourceCatalogue: sibling)
        document.origin = origin
        for (scope, bytes) in document.masked.maskedScopes {
            try FuzzSupport.require(bytes.count == text.count, "scope \(scope) has \(bytes.count) bytes, text \(text.count)")
        }
        guard let table = document.masked.localization else {
            throw FuzzFailure(message: "a \(format) document without a localization table")
        }
        for pair in table.pairs {
            let translation = pair.translation
            try FuzzSupport.require(translation.origins.count == translation.bytes.count, "origins and bytes differ in count")
            try FuzzSupport.require(
                translation.span.lowerBound >= 0 && translation.span.upperBound <= text.count, "span \(translation.span) outside the text")
            var previous = translation.span.lowerBound
            for range in translation.origins {
                try FuzzSupport.require(
                    range.lowerBound >= previous && range.upperBound <= translation.span.upperBound && !range.isEmpty,
                    "origin \(range) out of order or outside \(translation.span)")
                // Several decoded bytes (中 from `\u4E2D`) share their escape's range.
                previous = range.lowerBound
            }
        }
        for problem in table.problems {
            try FuzzSupport.require(
                !problem.range.isEmpty && problem.range.upperBound <= text.count && !problem.message.isEmpty,
                "problem \(problem.range) '\(problem.message)' outside \(text.count) bytes")
        }
        let linter = linters[Int(input[0] & 3) % linters.count]
        let index = LineIndex(file)
        for d in linter.lint(document) where d.ruleID != Linter.timeoutRuleID {
            try FuzzSupport.require(d.range.lowerBound >= 0 && d.range.upperBound <= file.count, "range \(d.range) outside the file")
            guard origin == nil else { continue }
            let start = index.position(of: d.range.lowerBound, in: file, unit: linter.columnUnit)
            try FuzzSupport.require(start == (d.line, d.column), "position \(d.line):\(d.column) is not \(start)")
        }
    }
}
