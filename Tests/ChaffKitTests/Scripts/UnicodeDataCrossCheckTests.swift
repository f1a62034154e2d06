import ChaffData
import Foundation
import Testing

/// Compares every code point of the generated tables with the UCD text files when a copy of the
/// same Unicode version is installed (Debian's `unicode-data`); skipped otherwise.
@Suite(.enabled(if: UCDFiles.available, "needs /usr/share/unicode for this Unicode version"))
struct UnicodeDataCrossCheckTests {
    @Test func scriptsMatchScriptsTxt() throws {
        var expected = [UInt8](repeating: UnicodeScript.unknown.rawValue, count: 0x110000)
        for (range, value) in try UCDFiles.entries("Scripts.txt") {
            let script = try #require(UnicodeScript(name: value))
            for codePoint in range { expected[Int(codePoint)] = script.rawValue }
        }
        var mismatches = 0
        for codePoint in 0..<0x110000
        where
            ScriptTable.script(of: UInt32(codePoint)).rawValue != expected[codePoint]
        {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test func extensionsMatchScriptExtensionsTxt() throws {
        var listed = [ScriptSet?](repeating: nil, count: 0x110000)
        for (range, value) in try UCDFiles.entries("ScriptExtensions.txt") {
            let set = ScriptSet(
                value.split(separator: " ").map { UnicodeScript(name: String($0))! })
            for codePoint in range { listed[Int(codePoint)] = set }
        }
        var mismatches = 0
        for codePoint in 0..<0x110000 {
            let scalar = UInt32(codePoint)
            let expected = listed[codePoint] ?? ScriptSet(ScriptTable.script(of: scalar))
            if ScriptTable.extensions(of: scalar) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func widthMatchesEastAsianWidthTxt() throws {
        var expected = [Bool](repeating: false, count: 0x110000)
        for range: ClosedRange<Int> in [
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ] {
            for codePoint in range { expected[codePoint] = true }
        }
        for (range, value) in try UCDFiles.entries("EastAsianWidth.txt") {
            for codePoint in range { expected[Int(codePoint)] = value == "W" || value == "F" }
        }
        var mismatches = 0
        for codePoint in 0..<0x110000
        where EastAsianWidth.isWide(UInt32(codePoint)) != expected[codePoint] {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test func wordCharactersMatchUnicodeDataTxt() throws {
        var expected = [Bool](repeating: false, count: 0x110000)
        var rangeStart: Int?
        for line in try UCDFiles.lines("UnicodeData.txt") {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            let codePoint = Int(fields[0], radix: 16)!
            let category = fields[2]
            let isWord = category.hasPrefix("L") || category.hasPrefix("M") || category == "Nd"
            if fields[1].hasSuffix(", First>") {
                rangeStart = codePoint
                continue
            }
            for point in (rangeStart ?? codePoint)...codePoint { expected[point] = isWord }
            rangeStart = nil
        }
        var mismatches = 0
        for codePoint in 0..<0x110000
        where WordCharacters.isWordCharacter(UInt32(codePoint)) != expected[codePoint] {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }
}

/// Access to the installed UCD text files.
enum UCDFiles {
    static let directory = "/usr/share/unicode"

    /// True when Scripts.txt exists and declares the version the tables were generated from.
    static var available: Bool {
        guard let text = try? String(contentsOfFile: directory + "/Scripts.txt", encoding: .utf8)
        else { return false }
        return text.prefix(200).contains("Scripts-\(UnicodeDataVersion.unicode).txt")
    }

    /// Data lines with comments and blank lines removed.
    static func lines(_ name: String) throws -> [Substring] {
        let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let data = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let trimmed = data.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : Substring(trimmed)
        }
    }

    /// `range; value` entries of a property file.
    static func entries(_ name: String) throws -> [(ClosedRange<UInt32>, String)] {
        try lines(name).map { line in
            let fields = line.split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let bounds = fields[0].components(separatedBy: "..").map { UInt32($0, radix: 16)! }
            return (bounds[0]...(bounds.count > 1 ? bounds[1] : bounds[0]), fields[1])
        }
    }
}
