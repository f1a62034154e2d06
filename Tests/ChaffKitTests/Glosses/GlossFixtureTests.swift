import ChaffData
import Foundation
import Testing

@testable import ChaffKinds

/// Runs the checker over the generated fixtures in Tests/Fixtures/glosses (see
/// make-gloss-fixtures.py there): correctly glossed dictionary words must stay silent, and every
/// injected wrong reading must be found.
@Suite struct GlossFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/glosses")

    static func lines(_ name: String) throws -> [Substring] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n")
    }

    static func isPolyphone(_ scalar: UInt32) -> Bool {
        Set(PinyinReadings.readings(of: scalar).map(\.index)).count > 1
    }

    @Test func correctGlossesAreSilent() throws {
        var glossCount = [Substring: Int]()
        var syllables = [Substring: Int]()
        var polyphones = [Substring: Int]()
        var findings: [String] = []
        for line in try Self.lines("correct.txt") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let script = parts[0]
            let glosses = GlossParser.glosses(in: String(parts[1]))
            glossCount[script, default: 0] += glosses.count
            for gloss in glosses {
                syllables[script, default: 0] += gloss.syllables.count
                polyphones[script, default: 0] += gloss.base.filter { Self.isPolyphone($0.scalar) }.count
                for finding in GlossChecker.check(gloss) {
                    findings.append("\(finding.kind) \(finding.found.numbered) \(parts[1])")
                }
            }
        }
        #expect(findings == [])
        #expect(glossCount == ["S": 2415, "T": 2415])
        #expect(syllables == ["S": 3618, "T": 3618])
        // Syllables on characters with several toneless readings: all of them silent.
        #expect(polyphones == ["S": 1787, "T": 1826])
    }

    @Test func correctRubyGlossesAreSilent() throws {
        var count = 0
        var syllables = 0
        var findings: [String] = []
        for line in try Self.lines("ruby.html") {
            for gloss in RubyGlossParser.glosses(in: String(line)) {
                count += 1
                syllables += gloss.syllables.count
                for finding in GlossChecker.check(gloss) {
                    findings.append("\(finding.kind) \(finding.found.numbered) \(line.prefix(80))")
                }
            }
        }
        #expect(findings == [])
        #expect(count == 1640)
        #expect(syllables == 2478)
    }

    @Test func injectedWrongReadingsAreFound() throws {
        var total = 0
        var missed: [String] = []
        var wrongPlace: [String] = []
        for line in try Self.lines("wrong.txt") {
            let parts = line.split(separator: "\t")
            let text = String(parts[1])
            let index = Int(parts[2])!
            let expected = String(parts[3])
            total += 1
            let glosses = GlossParser.glosses(in: text)
            let findings = GlossChecker.check(glosses)
            if findings.isEmpty {
                missed.append(String(line))
                continue
            }
            let han = text.unicodeScalars.filter { GlossUTF8.isHan($0.value) }
            let target = han[han.index(han.startIndex, offsetBy: index)].value
            if findings.count != 1 || findings[0].character.scalar != target
                || findings[0].kind != .wrongReadingInWord
                || findings[0].expected?.toneless != String(expected.dropLast())
            {
                wrongPlace.append("\(line) -> \(findings.map { "\($0.kind) \($0.expected?.numbered ?? "-")" })")
            }
        }
        #expect(total == 2261)
        // Unconfirmed readings (one dictionary, few words read the character so) do not
        // overrule the character's frequent reading.
        #expect(
            missed == [
                "S\t堡(bao)子(zi)\t0\tbu3", "S\t轧(ya)账(zhang)\t0\tga2", "S\t鞭(bian)鞘(qiao)\t1\tshao1",
                "T\t堡(bao)子(zi)\t0\tbu3", "T\t軋(ya)賬(zhang)\t0\tga2", "T\t鞭(bian)鞘(qiao)\t1\tshao1",
            ])
        #expect(wrongPlace == [])
    }
}
