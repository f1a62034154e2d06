import Foundation
import Testing

@testable import ChaffCLI

/// A repository's `.chaff.json` and rule files are input too: a hostile one must give an
/// error at a position, not a crash.
@Suite struct HostileConfigTests {
    /// A million nested arrays would overflow the stack of a recursive parser.
    @Test func deeplyNestedConfigIsAnErrorNotAStackOverflow() {
        let scratch = Scratch()
        scratch.write(".chaff.json", String(repeating: "[", count: 1_000_000))
        scratch.write("a.txt", "%s\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == ".chaff.json:1:201: error: nesting deeper than 200 levels\n")
        #expect(run.status == 2)
    }

    @Test func deeplyNestedRuleFileIsAnErrorNotAStackOverflow() {
        let scratch = Scratch()
        // The 200th object opens at column 7 + 199 × 6 + 1.
        scratch.write("rules/deep-rule.json", "{\"id\": " + String(repeating: "{\"a\": ", count: 1_000_000))
        scratch.write("a.txt", "%s\n")
        let run = chaff(["check", "--no-config", "--rules", scratch.path("rules"), scratch.path("a.txt")], in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == "rules/deep-rule.json:1:1202: error: nesting deeper than 200 levels\n")
        #expect(run.status == 2)
    }
}
