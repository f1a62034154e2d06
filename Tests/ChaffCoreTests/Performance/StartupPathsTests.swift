import Foundation
import Testing

@testable import ChaffCore

/// The start-up shortcuts (deferred rule kinds, the JSON string fast path, the phrase
/// normalisation fast paths, the class table's block filter) must give exactly what the slow
/// paths give.
@Suite struct StartupPathsTests {
    @Test func classTableMatchesSlowClass() {
        let table = HanScriptCharacterClasses.shared.table
        var mismatches: [UInt32] = []
        for scalar in 0..<UInt32(0x10000) where table[Int(scalar)] != HanScriptCharacterClasses.slowClass(of: scalar) {
            mismatches.append(scalar)
        }
        #expect(mismatches.isEmpty)
        #expect(table[0x3042] == HanScriptCharacterClasses.kana)
        #expect(table[0xAC00] == HanScriptCharacterClasses.hangul)
        #expect(table[0xFF71] == HanScriptCharacterClasses.kana)
        #expect(table[0x41] == 0)
    }

    @Test(arguments: BuiltinRulesTests.ruleFiles)
    func deferredRuleMatchesEagerRule(_ name: String) throws {
        let bytes = Array(FileManager.default.contents(atPath: BuiltinRulesTests.root + "/rules/" + name) ?? Data())
        let stem = String(name.dropLast(5))
        let eager = try RuleLoader.load(path: "rules/" + name, fileStem: stem, bytes: bytes)
        let deferred = try RuleLoader.load(path: "rules/" + name, fileStem: stem, bytes: bytes, deferringOptions: true)
        #expect(ObjectIdentifier(deferred.kindType) == ObjectIdentifier(eager.kindType))
        #expect(deferred.isFixable == eager.isFixable)
        #expect(deferred.id == eager.id && deferred.severity == eager.severity && deferred.enabledByDefault == eager.enabledByDefault)
        let failures = RuleExampleRunner.run(deferred)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func deferredOptionsAreNotDecodedAtLoad() throws {
        // Invalid options pass a deferred load (built-ins are checked by the tests) and fail an eager one.
        let text = #"{"id": "x", "kind": "unsourced-claim", "summary": "s", "description": "d", "message": "m", "options": {"nope": 1}, "examples": {"valid": ["a"], "invalid": []}}"#
        let deferred = try RuleLoader.load(path: "x.json", fileStem: "x", bytes: Array(text.utf8), deferringOptions: true)
        #expect(ObjectIdentifier(deferred.kindType) == ObjectIdentifier(UnsourcedClaimRule.self))
        #expect(throws: SourceError.self) {
            try RuleLoader.load(path: "x.json", fileStem: "x", bytes: Array(text.utf8))
        }
    }

    @Test func jsonStringsWithAndWithoutEscapes() throws {
        func string(_ text: String) throws -> String {
            guard case .string(let s) = try JSONParser.parse(Array(text.utf8)).value else { return "<not a string>" }
            return s
        }
        #expect(try string(#""据不完全统计""#) == "据不完全统计")
        #expect(try string(#""""#) == "")
        #expect(try string(#""a\"b\\c\u00e9\n""#) == "a\"b\\cé\n")
        #expect(try string(#""plain then \t escape""#) == "plain then \t escape")
        func failure(_ bytes: [UInt8]) -> String {
            do { _ = try JSONParser.parse(bytes); return "no error" } catch { return "\(error.offset): \(error.message)" }
        }
        #expect(failure([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) == "1: string is not valid UTF-8")
        #expect(failure([0x5B, 0x22, 0x61, 0x5C, 0x6E, 0xFF, 0x22, 0x5D]) == "1: string is not valid UTF-8")
        #expect(failure(Array("[\"ab\ncd\"]".utf8)) == "4: control character in string; write it as an escape such as \\n")
        #expect(failure(Array("[\"abc".utf8)) == "1: unterminated string")
    }

    @Test func phraseNormalisationMatchesTheCharacterPath() {
        func reference(_ phrase: String) -> String {
            phrase.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        let phrases = [
            "据不完全统计", "  studies   show  ", "studies\tshow\nthat", "a\r\nb", "a\rb", "a \r\n b", " ",
            "", "據 不完全\t統計 ", "e \u{301}x", " é ", "experts\u{3000}say", "x\n\n\ny",
        ]
        for phrase in phrases {
            #expect(ClaimLexicon.normalize(phrase) == reference(phrase), "\(phrase.debugDescription)")
        }
        #expect(ClaimLexicon.normalize("  studies   show  ") == "studies show")
    }
}
