import ChaffRunner
import Testing

@testable import ChaffCLI

/// `KindPreparation` builds the kinds of the rules a run uses on a thread beside the walk,
/// only when the run may use several threads, and only those rules.
@Suite struct KindPreparationTests {
    private static func plan(_ arguments: [String], in scratch: Scratch) throws -> (CheckPlan, CheckOptions) {
        let console = Console(
            writeOut: { _ in }, writeError: { _ in }, readInput: { () throws(FileReader.Failure) -> [UInt8] in [] },
            outputIsTerminal: false, environment: [:], workingDirectory: scratch.root)
        let options = try #require(try CheckOptions.parse(arguments))
        return (try CheckPlan.make(options, console: console), options)
    }

    @Test func buildsTheSelectedRulesKindsWithSeveralJobs() throws {
        let scratch = Scratch()
        let (plan, options) = try Self.plan(["--no-config", "-j", "2", "--select", "unsourced-claim,placeholder-spintax"], in: scratch)
        let rules = KindPreparation.rules(of: plan.tree.contexts[0], options: options)
        #expect(rules.map(\.id).sorted() == ["placeholder-spintax", "unsourced-claim"])
        let preparation = try #require(KindPreparation.start(plan))
        preparation.wait()
        #expect(rules.allSatisfy { $0.isImplementationBuilt })
        // Waiting again returns at once.
        preparation.wait()
    }

    @Test func startsNothingOnOneThreadOrWhenTheSelectionIsInError() throws {
        let scratch = Scratch()
        let (single, _) = try Self.plan(["--no-config", "-j", "1"], in: scratch)
        #expect(KindPreparation.start(single) == nil)
        // A selection that names no rule is reported by the linters' set-up, not here.
        let (plan, options) = try Self.plan(["--no-config", "-j", "2", "--select", "no-such-rule"], in: scratch)
        #expect(KindPreparation.rules(of: plan.tree.contexts[0], options: options).isEmpty)
        #expect(KindPreparation.start(plan) == nil)
    }
}
