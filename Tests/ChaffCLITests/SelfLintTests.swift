import Foundation
import Testing

/// chaff in its own repository reports only what is in its documents, and only the example page
/// holds defects (on purpose): the README, docs/ and the rule documentation stay clean, and
/// source code, JSON and scripts are not linted at all.
@Suite struct SelfLintTests {
    @Test func theRepositoryReportsOnlyTheExamplePage() {
        let run = chaff(["check", "--no-show-source", "."], in: repositoryRoot)
        let paths = Set(run.out.split(separator: "\n").map { $0.split(separator: ":").first.map(String.init) ?? "" })
        #expect(paths == ["examples/product-page.txt"], "\(run.out)")
        #expect(run.out.split(separator: "\n").count == 7)
        #expect(run.status == 1)
        #expect(run.err == "")
    }
}
