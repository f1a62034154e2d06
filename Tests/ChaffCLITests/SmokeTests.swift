import Testing
@testable import ChaffCLI

@Test func runReturnsStatus() {
    #expect(ChaffCommandLine.run([]) == 0)
}
