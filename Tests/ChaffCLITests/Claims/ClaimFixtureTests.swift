import Foundation
import Testing

/// Unsourced claims in Markdown, end to end: a link or a footnote marker in the sentence is a
/// citation; a code block is not prose. A figure or a prediction makes a warning; a bare unnamed
/// study is a note and a bare 众所周知 is not reported.
@Suite struct ClaimFixtureTests {
    @Test func markdownLinksAndFootnotesCountAsCitations() throws {
        let fixture = repositoryRoot + "/Tests/Fixtures/claims/sourced-and-unsourced.md"
        let run = chaff(["check", "--select", "unsourced-claim", fixture], in: repositoryRoot)
        #expect(
            run.out == """
                Tests/Fixtures/claims/sourced-and-unsourced.md:3:1: warning: Unsourced claim: '据不完全统计' names no source for its figures; cite it or name the source [unsourced-claim]
                Tests/Fixtures/claims/sourced-and-unsourced.md:9:1: warning: Unsourced claim: '有业内人士' names no source; cite it or name the source [unsourced-claim]
                Tests/Fixtures/claims/sourced-and-unsourced.md:11:1: note: Unsourced claim: 'Studies show' names no study; cite it or name the source [unsourced-claim]

                """)
        #expect(run.status == 1)
    }

    @Test func uncitedStatisticIsOffUntilSelected() throws {
        let scratch = Scratch()
        scratch.write("a.md", "用户数量增长了3倍。\n")
        #expect(chaff(["check", scratch.path("a.md")], in: scratch.root).out == "")
        let run = chaff(["check", "--select", "uncited-statistic", scratch.path("a.md")], in: scratch.root)
        #expect(
            run.out == "a.md:1:8: note: Uncited statistic: '3倍' has no source in its sentence or paragraph; cite it [uncited-statistic]\n")
        // A note is below the default --fail-on warning.
        #expect(run.status == 0)
        #expect(chaff(["check", "--select", "uncited-statistic", "--fail-on", "note", scratch.path("a.md")], in: scratch.root).status == 1)
    }
}
