import ChaffData
import Foundation
import Testing

@testable import ChaffBuiltinRules
@testable import ChaffEngine
@testable import ChaffKinds
@testable import ChaffText

/// The start-up shortcuts (deferred rule kinds, the JSON string fast path, the phrase
/// normalisation fast paths, the generated class table) must give exactly what the slow
/// paths give.
@Suite struct StartupPathsTests {
    @Test func generatedClassTableMatchesSlowClass() {
        let table = HanScriptCharacterClasses.table
        #expect(table.count == 0x10000)
        var mismatches: [UInt32] = []
        for scalar in 0..<UInt32(0x10000)
        where HanScriptCharacterClasses.bmpClass(table, scalar) != HanScriptCharacterClasses.slowClass(of: scalar) {
            mismatches.append(scalar)
        }
        #expect(mismatches.isEmpty)
        let samples: [(UInt32, UInt8)] = [
            (0x3042, HanScriptCharacterClasses.kana), (0xAC00, HanScriptCharacterClasses.hangul),
            (0xFF71, HanScriptCharacterClasses.kana), (0x41, 0), (0x56FD, 2), (0x570B, 3), (0x540E, 1),
        ]
        for (scalar, expected) in samples {
            #expect(HanScriptCharacterClasses.bmpClass(table, scalar) == expected, "U+\(String(scalar, radix: 16))")
        }
    }

    /// A built-in rule as a check run loads it (`loadBuiltIn`: kind, options and examples
    /// late) runs its examples as the rule file loaded whole does.
    @Test(arguments: BuiltinRulesTests.ruleFiles)
    func deferredRuleMatchesEagerRule(_ name: String) throws {
        let bytes = Array(FileManager.default.contents(atPath: PackageRoot.path + "/rules/" + name) ?? Data())
        let stem = String(name.dropLast(5))
        let eager = try RuleLoader.load(path: "rules/" + name, fileStem: stem, bytes: bytes)
        let file = try #require(BuiltinRules.files.first { $0.name == name })
        let deferred = try RuleLoader.loadBuiltIn(
            path: "rules/" + name, fileStem: stem, text: file.text, examplesAt: file.examplesAt, options: file.options)
        #expect(ObjectIdentifier(deferred.kindType) == ObjectIdentifier(eager.kindType))
        #expect(deferred.isFixable == eager.isFixable)
        #expect(deferred.id == eager.id && deferred.severity == eager.severity && deferred.enabledByDefault == eager.enabledByDefault)
        let failures = RuleExampleRunner.run(deferred)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        #expect(deferred.examples.valid == eager.examples.valid)
        #expect(deferred.examples.invalid == eager.examples.invalid)
        #expect(!eager.examples.invalid.isEmpty)
    }

    @Test func deferredExamplesAreNotDecodedAtLoad() throws {
        // An invalid example without a marker passes a deferred load and fails an eager one,
        // at the example's offset.
        let text =
            #"{"id": "x", "kind": "encoding", "summary": "s", "description": "d", "message": "m", "examples": {"valid": ["a"], "invalid": ["b"]}}"#
        let deferred = try Self.loadBuiltIn(text)
        #expect(deferred.id == "x")
        do {
            _ = try RuleLoader.load(path: "x.json", fileStem: "x", bytes: Array(text.utf8))
            Issue.record("an eager load of an unmarked invalid example succeeded")
        } catch {
            #expect(error.description == "x.json:1:126: error: an invalid example must mark each expected finding with '↓'")
        }
        // A missing `examples` is an error of an eager load (a built-in rule's generator refuses it).
        let missing = #"{"id": "x", "kind": "encoding", "summary": "s", "description": "d", "message": "m"}"#
        #expect(throws: SourceError.self) {
            try RuleLoader.load(path: "x.json", fileStem: "x", bytes: Array(missing.utf8))
        }
    }

    /// `text` loaded as a built-in rule, with the offsets the generator records: the comma
    /// before `"examples"` and the `options` object, if any (`{` to its matching `}` without
    /// strings holding braces, as in these tests).
    static func loadBuiltIn(_ text: String) throws -> Rule {
        let bytes = Array(text.utf8)
        func offset(of needle: String) -> Int? {
            let n = Array(needle.utf8)
            return bytes.indices.first { bytes[$0...].starts(with: n) }
        }
        let examplesAt = try #require(offset(of: #", "examples""#))
        var options: Range<Int>? = nil
        if let key = offset(of: #""options": "#) {
            let start = key + #""options": "#.utf8.count
            var depth = 0
            var end = start
            repeat {
                if bytes[end] == UInt8(ascii: "{") { depth += 1 }
                if bytes[end] == UInt8(ascii: "}") { depth -= 1 }
                end += 1
            } while depth > 0
            options = start..<end
        }
        return try RuleLoader.loadBuiltIn(path: "x.json", fileStem: "x", text: text, examplesAt: examplesAt, options: options)
    }

    /// The fold table is built from the table's pairs; it must be what a lookup of every code
    /// point in the ideograph blocks gives.
    @Test func hanFoldTableMatchesALookupPerCodePoint() {
        let table = HanFold.table
        var expected = [UInt16](repeating: 0, count: Int(HanFold.end - HanFold.base))
        for s in HanFold.base..<HanFold.end {
            let t = PinyinHanNormalization.simplified(s)
            if t != s, t >= HanFold.base, t < HanFold.end { expected[Int(s - HanFold.base)] = UInt16(t) }
        }
        #expect(table == expected)
        #expect(HanFold.fold("據悉與國") == "据悉与国")
        #expect(table.filter { $0 != 0 }.count > 2_000)
    }

    @Test func deferredOptionsAreNotDecodedAtLoad() throws {
        // Invalid options pass a deferred load (built-ins are checked by the tests) and fail an eager one.
        let text =
            #"{"id": "x", "kind": "unsourced-claim", "summary": "s", "description": "d", "message": "m", "options": {"nope": 1}, "examples": {"valid": ["a"], "invalid": []}}"#
        let deferred = try Self.loadBuiltIn(text)
        #expect(ObjectIdentifier(deferred.kindType) == ObjectIdentifier(UnsourcedClaimRule.self))
        #expect(!deferred.isImplementationBuilt)
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
            do {
                _ = try JSONParser.parse(bytes)
                return "no error"
            } catch { return "\(error.offset): \(error.message)" }
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
            // Already normal, returned as they are; and near misses that are not.
            "studies show", "据 悉 称", "studies show ", " studies show", "studies  show", "a \u{301}",
        ]
        for phrase in phrases {
            #expect(ClaimLexicon.normalize(phrase) == reference(phrase), "\(phrase.debugDescription)")
        }
        #expect(ClaimLexicon.normalize("  studies   show  ") == "studies show")
    }

    @Test func cueTablesSplitOnBytesAsTheCharacterPathDid() {
        func reference(_ text: String) -> [[UInt8]] {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) }
        }
        for table in [SourceCueTables.chineseVague, SourceCueTables.englishNotNames, " 据悉  有关人士\n\n坊间 ", ""] {
            #expect(SourceCues.tableWords(table) == reference(table))
        }
        let list = "according to, as reported by,\n    data  from,, 据 报道 "
        #expect(
            SourceCues.commaList(list).map { String(decoding: $0, as: UTF8.self) } == [
                "according to", "as reported by", "data from", "据 报道",
            ])
        #expect(SourceCues.lowerBytes(Array("WHO's".utf8)) == Array("who's".utf8))
        #expect(SourceCues.lowerBytes(Array("ÉCOLE".utf8)) == Array("école".utf8))
    }

    @Test func exampleMarkersAreFoundOnBytes() {
        let example = RuleExamples.Example(marked: "↓据悉，↓↓{{x}} é↓")
        #expect(example.text == "据悉，{{x}} é")
        #expect(example.expectedStarts == [0, 9, 9, 17])
        #expect(RuleExamples.Example(marked: "no marks").expectedStarts == [])
        // A lone lead byte of the arrow's encoding is text, not a marker.
        #expect(RuleExamples.Example(marked: "→").text == "→")
    }

    /// The options path hands the lexicon phrases it already normalised and checked; the
    /// result must be what the general path makes of the same groups, raw spacing included.
    @Test func checkedOptionsBuildTheSameLexicon() throws {
        let bytes = Array(FileManager.default.contents(atPath: PackageRoot.path + "/rules/unsourced-claim.json") ?? Data())
        let root = try JSONParser.parse(bytes)
        var reader = try ObjectReader(root, path: "")
        var options = try #require(try reader.optionalObject("options"))
        let checked = try ClaimLexicon(options: &options)
        let general = ClaimLexicon(groups: checked.groups)
        #expect(checked.phrases == general.phrases)
        #expect(checked.phrases.count > 1_100)  // Traditional listings fold into their Simplified pattern
        #expect(checked.exceptionEnd == general.exceptionEnd && checked.openerEnd == general.openerEnd)
        let spaced = ClaimLexicon.Group(category: "x", always: ["  studies   show  "], frames: ["据 … 统计"])
        #expect(ClaimLexicon(groups: [spaced]).phrases.map(\.text) == ["studies show", "据…统计"])
    }
}
