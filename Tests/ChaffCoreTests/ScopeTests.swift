import Testing

@testable import ChaffCore

@Test func scopeNamesAreStable() {
    #expect(Scope.allCases.map(\.rawValue) == ["prose", "heading", "code", "comment", "raw"])
}
