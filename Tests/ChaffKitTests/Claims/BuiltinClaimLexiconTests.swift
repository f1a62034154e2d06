import Foundation
import Testing

@testable import ChaffBuiltinRules
@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// The built-in claim lexicon compiled into the binary (`BuiltinClaimLexicon`): current, taken
/// only for the built-in options' text, and the same lexicon as compiling them.
@Suite struct BuiltinClaimLexiconTests {
    static let generatedPath = PackageRoot.path + "/Sources/ChaffKinds/Claims/BuiltinClaimLexicon.generated.swift"

    /// The embedded rule file and the bytes of its `options` object.
    static func builtIn() throws -> (file: BuiltinRuleFile, options: [UInt8]) {
        let file = try #require(BuiltinRules.files.first { $0.name == "unsourced-claim.json" })
        let range = try #require(file.options)
        return (file, Array(Array(file.text.utf8)[range]))
    }

    /// The lexicon the options `text` compile to.
    static func compiled(_ text: [UInt8]) throws -> ClaimLexicon {
        var reader = try ObjectReader(try JSONParser.parse(text), path: "options")
        let lexicon = try ClaimLexicon(options: &reader)
        try reader.finish()
        return lexicon
    }

    /// The committed copy is what the rule file's options compile to. With
    /// `CHAFF_REGENERATE=claim-snapshots` (`Scripts/generate-claim-snapshots.sh`) it is
    /// rewritten first.
    @Test func committedCopyIsCurrent() throws {
        let source = try #require(try BuiltinClaimLexicon.generatedSource(optionsText: Self.builtIn().options))
        if ProcessInfo.processInfo.environment["CHAFF_REGENERATE"] == "claim-snapshots" {
            try source.write(toFile: Self.generatedPath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.generatedPath, encoding: .utf8)
        #expect(committed == source, "BuiltinClaimLexicon.generated.swift is stale: run Scripts/generate-claim-snapshots.sh")
    }

    /// The built-in rule's kind is the compiled copy, which is the lexicon its options compile
    /// to, and finds what the compiled lexicon finds.
    @Test func builtInRuleTakesTheCompiledCopy() throws {
        let (file, options) = try Self.builtIn()
        let taken = try #require(BuiltinClaimLexicon.lexicon(forOptionsTextDigest: ContentHash.of(options)))
        let compiled = try Self.compiled(options)
        #expect(taken.snapshot() == compiled.snapshot())
        #expect(taken.snapshot() == BuiltinClaimLexiconData.words)
        #expect(taken.phrases.count == compiled.phrases.count && taken.phrases.count > 1000)
        let rule = try RuleLoader.loadBuiltIn(
            path: RuleSet.builtInOrigin + file.name, fileStem: "unsourced-claim", text: file.text, examplesAt: file.examplesAt,
            options: file.options)
        #expect(rule.implementation is UnsourcedClaimRule)
        // The same findings on text with phrases, a frame, an exception, Traditional characters
        // and glosses.
        let text = Array("据不完(wan)全统計，某地有三成人受益。據悉此事已定。据某机构调查，数据显示屏坏了。Studies show that 40% agree.".utf8)
        let (a, b) = (ClaimDetector(lexicon: taken), ClaimDetector(lexicon: compiled))
        #expect(a.findings(in: text).map(\.text) == b.findings(in: text).map(\.text))
        #expect(a.findings(in: text).count >= 3)
    }

    /// Any other options text is not taken: a space more, and the options a config sets over
    /// the built-in ones, which are compiled (and checked).
    @Test func otherOptionsAreCompiled() throws {
        let (file, options) = try Self.builtIn()
        #expect(BuiltinClaimLexicon.lexicon(forOptionsTextDigest: ContentHash.of(options + [0x20])) == nil)
        #expect(UnsourcedClaimRule.compiledBuiltIn(optionsTextDigest: ContentHash.of(options + [0x20])) == nil)
        let rule = try RuleLoader.loadBuiltIn(
            path: RuleSet.builtInOrigin + file.name, fileStem: "unsourced-claim", text: file.text, examplesAt: file.examplesAt,
            options: file.options)
        let overrides = try JSONParser.parse(Array(#"{"vagueQualifiers": ["坊间"]}"#.utf8))
        let configured = try rule.configured(options: overrides, path: "options.unsourced-claim")
        guard case .object(let members) = configured.optionsNode.value else {
            Issue.record("the configured options are not an object")
            return
        }
        #expect(members.map(\.key) == ["groups", "vagueQualifiers"])
        let unknown = try JSONParser.parse(Array(#"{"phrases": []}"#.utf8))
        #expect(throws: ObjectReader.Failure.self) { try rule.configured(options: unknown, path: "options.unsourced-claim") }
    }

    /// A snapshot reads back as itself; one of another format is not read.
    @Test func snapshotsReadBack() throws {
        let words = try #require(BuiltinClaimLexiconData.words.withUnsafeBufferPointer { ClaimLexicon(snapshot: $0) }?.snapshot())
        #expect(words == BuiltinClaimLexiconData.words)
        var other = words
        other[0] = UInt64(ClaimLexicon.snapshotFormat + 1)
        #expect(other.withUnsafeBufferPointer { ClaimLexicon(snapshot: $0) } == nil)
        #expect((words + [0]).withUnsafeBufferPointer { ClaimLexicon(snapshot: $0) } == nil)
    }
}
