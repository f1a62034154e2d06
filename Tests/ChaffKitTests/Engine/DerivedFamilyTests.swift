import ChaffText
import Synchronization
import Testing

@testable import ChaffEngine

/// Where one thread checks a document, a family of derived values is dropped after the last
/// rule that names the family, and made again for any rule after it that reads it anyway;
/// where threads share the document's values, nothing is dropped. The report is the same.
@Suite struct DerivedFamilyTests {
    /// Counts how often the family's value is made.
    private final class Made: Sendable {
        let count = Mutex(0)
        func increment() -> Int {
            count.withLock {
                $0 += 1
                return $0
            }
        }
    }

    /// Reports one finding, as long as the value of `family`'s key.
    private struct Reader: RuleKind {
        static let kindName = "test-family-reader"
        static let derivedFamily: String? = "counted"
        let made: Made

        init(made: Made) { self.made = made }
        init(options: inout ObjectReader) throws(ObjectReader.Failure) { made = Made() }

        func check(_ context: CheckContext, report: (Finding) -> Void) {
            report(Finding(range: 0..<Self.value(context, made)))
        }

        static func value(_ context: CheckContext, _ made: Made) -> Int {
            context.derived(DerivedKey<Int>("counted.value", family: "counted")) { made.increment() }
        }
    }

    /// Reads the same key without naming its family.
    private struct Stranger: RuleKind {
        static let kindName = "test-family-stranger"
        let made: Made

        init(made: Made) { self.made = made }
        init(options: inout ObjectReader) throws(ObjectReader.Failure) { made = Made() }

        func check(_ context: CheckContext, report: (Finding) -> Void) {
            report(Finding(range: 0..<Reader.value(context, made)))
        }
    }

    private static func rule(_ id: String, _ kind: any RuleKind) throws -> ActiveRule {
        ActiveRule(
            Rule(
                id: id, kindName: type(of: kind).kindName, severity: .warning, summary: id, description: id,
                message: try MessageTemplate("found", allowed: []), helpURI: nil, scope: .prose, tags: [],
                enabledByDefault: true, examples: DeferredValue(RuleExamples(valid: [], invalid: [])), origin: "test",
                box: RuleKindBox(kind)))
    }

    /// Rules `kinds` (built over one counter) on a five-byte document: how often the value was
    /// made, and the findings' ends.
    private static func run(workers: Int, _ kinds: (Made) -> [any RuleKind]) throws -> (made: Int, ends: [Int]) {
        let made = Made()
        let rules = try kinds(made).enumerated().map { try rule("rule-\($0.offset)", $0.element) }
        let document = DocumentMaker.document(path: "a.txt", source: Array("abcde".utf8), format: "text")
        let diagnostics = Linter(rules: rules).lint(document, workers: workers)
        return (made.count.withLock { $0 }, diagnostics.map(\.range.upperBound))
    }

    @Test func aFamilyIsKeptWhileARuleNamingItIsStillToRun() throws {
        let run = try Self.run(workers: 1) { [Reader(made: $0), Stranger(made: $0), Reader(made: $0)] }
        #expect(run.made == 1)
        #expect(run.ends == [1, 1, 1])
    }

    @Test func aFamilyIsDroppedAfterItsLastRuleAndMadeAgainForAStranger() throws {
        let run = try Self.run(workers: 1) { [Reader(made: $0), Reader(made: $0), Stranger(made: $0)] }
        #expect(run.made == 2)
        // The stranger's finding shows it read a value made after the family was dropped.
        #expect(run.ends == [1, 1, 2])
    }

    @Test func threadsSharingADocumentDropNothing() throws {
        let run = try Self.run(workers: 2) { [Reader(made: $0), Reader(made: $0), Stranger(made: $0)] }
        #expect(run.made == 1)
        #expect(run.ends == [1, 1, 1])
    }
}
