import Testing

@testable import ChaffEngine
@testable import ChaffText

/// Masks the concatenated `parts` as `format` and expects every scope to be exactly what the
/// parts say, byte for byte.
func expectScopes(
    _ format: DocumentFormat, _ parts: Part..., sourceLocation: SourceLocation = #_sourceLocation
) {
    let source = Masking.source(parts)
    let document = Masking.document(source, as: format)
    for scope in Scope.allCases {
        let actual = String(decoding: document.bytes(for: scope), as: UTF8.self)
        let expected = Masking.expected(scope, parts)
        #expect(actual == expected, "scope \(scope.rawValue) of \(format.rawValue) fixture", sourceLocation: sourceLocation)
    }
}
