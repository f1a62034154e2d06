import Foundation
import Testing

@testable import ChaffKinds
@testable import ChaffText

/// The built-in claim lexicon compiled into the binary (`BuiltinClaimLexicon`): current, taken
/// only for the built-in options, and the same lexicon as compiling them.
@Suite struct BuiltinClaimLexiconTests {
    static let generatedPath = PackageRoot.path + "/Sources/ChaffKinds/Claims/BuiltinClaimLexicon.generated.swift"

    /// The options of `rules/unsourced-claim.json`.
    static func builtInOptions() throws -> JSONNode {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: PackageRoot.path + "/rules/unsourced-claim.json")))
        var rule = try ObjectReader(try JSONParser.parse(bytes), path: "")
        let options = rule.node("options")
        return try #require(options)
    }

    /// The committed copy is what the rule file's options compile to. With
    /// `CHAFF_REGENERATE=claim-snapshots` (`Scripts/generate-claim-snapshots.sh`) it is rewritten
    /// first.
    @Test func committedCopyIsCurrent() throws {
        let source = try #require(try BuiltinClaimLexicon.generatedSource(options: Self.builtInOptions()))
        if ProcessInfo.processInfo.environment["CHAFF_REGENERATE"] == "claim-snapshots" {
            try source.write(toFile: Self.generatedPath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.generatedPath, encoding: .utf8)
        #expect(committed == source, "BuiltinClaimLexicon.generated.swift is stale: run Scripts/generate-claim-snapshots.sh")
    }

    /// The built-in options take the compiled copy, which is the lexicon they compile to, and
    /// every key counts as read.
    @Test func builtInOptionsTakeTheCompiledCopy() throws {
        let options = try Self.builtInOptions()
        var reader = try ObjectReader(options, path: "options")
        let taken = try #require(BuiltinClaimLexicon.lexicon(for: &reader))
        #expect(throws: Never.self) { try reader.finish() }
        var compilingReader = try ObjectReader(options, path: "options")
        let compiled = try ClaimLexicon(compiling: &compilingReader)
        #expect(taken.snapshot() == compiled.snapshot())
        #expect(taken.snapshot() == BuiltinClaimLexiconData.words)
        #expect(taken.phrases.count == compiled.phrases.count && taken.phrases.count > 1000)
        // The same findings on text with phrases, a frame, an exception, Traditional characters
        // and glosses.
        let text = Array("据不完(wan)全统計，某地有三成人受益。據悉此事已定。据某机构调查，数据显示屏坏了。Studies show that 40% agree.".utf8)
        let (a, b) = (ClaimDetector(lexicon: taken), ClaimDetector(lexicon: compiled))
        #expect(a.findings(in: text).map(\.text) == b.findings(in: text).map(\.text))
        #expect(a.findings(in: text).count >= 3)
    }

    /// Options that differ from the built-in ones in any way are compiled, and checked: an
    /// added cue word, a phrase less, an unknown key.
    @Test func changedOptionsAreCompiledAndChecked() throws {
        guard case .object(var members) = try Self.builtInOptions().value else {
            Issue.record("the options are not an object")
            return
        }
        let withCue =
            members + [
                JSONNode.Member(
                    key: "vagueQualifiers", keyOffset: 0,
                    value: JSONNode(value: .array([JSONNode(value: .string("坊间"), offset: 0)]), offset: 0))
            ]
        var reader = try ObjectReader(JSONNode(value: .object(withCue), offset: 0), path: "options")
        #expect(BuiltinClaimLexicon.lexicon(for: &reader) == nil)
        let lexicon = try ClaimLexicon(options: &reader)
        #expect(lexicon.customCues != nil && lexicon.snapshot() == nil)

        guard case .array(var groups) = members[0].value.value, case .object(var first) = groups[0].value,
            let always = first.firstIndex(where: { $0.key == "always" }), case .array(let phrases) = first[always].value.value
        else {
            Issue.record("the first group has no 'always' list")
            return
        }
        first[always].value.value = .array(Array(phrases.dropFirst()))
        groups[0].value = .object(first)
        members[0].value.value = .array(groups)
        var fewer = try ObjectReader(JSONNode(value: .object(members), offset: 0), path: "options")
        #expect(BuiltinClaimLexicon.lexicon(for: &fewer) == nil)
        // The dropped phrase is no longer listed (its Traditional twin, if any, now is).
        let dropped = try #require(
            phrases.first.flatMap { node -> String? in
                if case .string(let text) = node.value { return text }
                return nil
            })
        let compiled = try ClaimLexicon(options: &fewer)
        #expect(!compiled.phrases.contains { $0.text == dropped })
        #expect(compiled.snapshot() != BuiltinClaimLexiconData.words)

        let unknown = members + [JSONNode.Member(key: "phrases", keyOffset: 7, value: JSONNode(value: .null, offset: 9))]
        var withUnknown = try ObjectReader(JSONNode(value: .object(unknown), offset: 0), path: "options")
        _ = try ClaimLexicon(options: &withUnknown)
        #expect(throws: ObjectReader.Failure.self) { try withUnknown.finish() }
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
