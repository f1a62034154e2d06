import Testing

@testable import ChaffText

@Test func scopeNamesAreStable() {
    #expect(Scope.allCases.map(\.rawValue) == ["prose", "heading", "code", "comment", "raw"])
}
