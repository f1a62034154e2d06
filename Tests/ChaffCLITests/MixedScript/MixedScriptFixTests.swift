import Foundation
import Testing

/// `chaff check --fix` with `mixed-han-script`: one-to-one characters are replaced byte for
/// byte, ambiguous ones stay and are still reported, permissions are kept, a clean file is not
/// touched and a second run changes nothing.
@Suite struct MixedScriptFixTests {
    static let fixtures = repositoryRoot + "/Tests/Fixtures/mixed-script"

    func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }

    func modificationDate(_ path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }

    @Test func fixRewritesOnlyCertainReplacements() throws {
        let scratch = Scratch()
        let names = ["mixed-simplified.txt", "mixed-traditional.txt", "simplified.txt"]
        for name in names {
            scratch.write(name, bytes: bytes(Self.fixtures + "/" + name))
        }
        let simplified = scratch.path("mixed-simplified.txt")
        let traditional = scratch.path("mixed-traditional.txt")
        let clean = scratch.path("simplified.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: simplified)
        try FileManager.default.setAttributes([.posixPermissions: 0o604], ofItemAtPath: traditional)
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: clean)

        let arguments =
            ["check", "--no-config", "--select", "mixed-han-script,mixed-script-word", "--fix"]
            + names.map { scratch.path($0) }
        let remaining = """
            mixed-simplified.txt:5:46: warning: Traditional character '線' in Simplified text; use '线' or '缐' [mixed-han-script]
            mixed-traditional.txt:5:2: warning: Simplified character '发' in Traditional text; use '發' or '髮' [mixed-han-script]

            """
        let run = chaff(arguments, in: scratch.root)
        #expect(run.out == remaining)
        #expect(run.err == "chaff: fixed 5 findings in 2 files\n")
        #expect(run.status == 1)
        #expect(bytes(simplified) == bytes(Self.fixtures + "/fixed/mixed-simplified.txt"))
        #expect(bytes(traditional) == bytes(Self.fixtures + "/fixed/mixed-traditional.txt"))
        #expect(bytes(clean) == bytes(Self.fixtures + "/simplified.txt"))
        #expect(try FileManager.default.attributesOfItem(atPath: simplified)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.attributesOfItem(atPath: traditional)[.posixPermissions] as? Int == 0o604)
        #expect(modificationDate(clean) == past)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted()
        #expect(leftovers == names.sorted())

        // The second run finds only the ambiguous characters and writes nothing.
        let later = Date(timeIntervalSince1970: 2_000_000)
        for path in [simplified, traditional] {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        }
        let again = chaff(arguments, in: scratch.root)
        #expect(again.out == remaining)
        #expect(again.err == "chaff: fixed 0 findings in 0 files\n")
        #expect(again.status == 1)
        #expect(modificationDate(simplified) == later)
        #expect(modificationDate(traditional) == later)
        #expect(bytes(simplified) == bytes(Self.fixtures + "/fixed/mixed-simplified.txt"))
    }

    @Test func fixKeepsLineEndingsAndEverythingAroundTheCharacter() {
        let scratch = Scratch()
        // CRLF, a BOM, ASCII and a supplementary character around the fixed ones.
        let original = Array("\u{FEFF}这里说的话很多。\r\n價格 5 元 𠮷 國家发展\r\n".utf8)
        let path = scratch.write("a.txt", bytes: original)
        let run = chaff(["check", "--no-config", "--select", "mixed-han-script", "--fix", path], in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == "chaff: fixed 2 findings in 1 file\n")
        #expect(bytes(path) == Array("\u{FEFF}这里说的话很多。\r\n价格 5 元 𠮷 国家发展\r\n".utf8))
    }
}
