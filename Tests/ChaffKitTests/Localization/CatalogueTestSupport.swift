@testable import ChaffEngine
@testable import ChaffText

/// `line:column-endLine:endColumn rule match` of every finding of the shipped rules `ids` on the
/// catalogue `bytes` at `path` (transcoded first when it is UTF-16, as a run does), paired with
/// `sourceCatalogue`, with columns in `unit`.
func catalogueFindings(
    _ ids: [String], _ bytes: [UInt8], path: String, sourceCatalogue: String? = nil, unit: ColumnUnit = .scalar
) throws -> [String] {
    let format = DocumentFormat(forPath: path)
    var document: Document
    if case .decoded(let text, let origin) = SourceDecoder.decode(bytes) {
        document = SourceCatalogue.document(
            path: path, source: text, format: format, sourceCatalogue: sourceCatalogue.map { Array($0.utf8) })
        document.origin = origin
    } else {
        document = SourceCatalogue.document(
            path: path, source: bytes, format: format, sourceCatalogue: sourceCatalogue.map { Array($0.utf8) })
    }
    return try Linter(rules: shippedRules(ids), columnUnit: unit).lint(document).sorted(by: Diagnostic.reportOrder).map {
        "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.ruleID) \($0.matchedText)"
    }
}

/// The prose scope of `source` read as `format`, with trailing spaces of each line removed.
func proseLines(_ source: String, format: DocumentFormat, sourceCatalogue: String? = nil) -> [String] {
    let document = SourceCatalogue.document(
        path: "x", source: Array(source.utf8), format: format, sourceCatalogue: sourceCatalogue.map { Array($0.utf8) })
    return String(decoding: document.masked.bytes(for: .prose), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        .map { String($0.reversed().drop { $0 == " " }.reversed()) }
}

/// `text` as UTF-16LE with a byte order mark, as Xcode writes `.strings` files.
func utf16LittleEndian(_ text: String) -> [UInt8] {
    [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}
