import Foundation
import Testing

@testable import ChaffCLI

/// `--fix` rewrites only what needs it, atomically, keeping permissions, and is idempotent.
@Suite struct FixTests {
    static let rule = """
        {"id": "use-color", "kind": "pattern", "summary": "S.", "description": "D.",
         "message": "Write '{replacement}' instead of '{match}'",
         "options": {"phrases": ["colour"], "replacement": "color"},
         "examples": {"valid": ["color"], "invalid": ["↓colour"]}}
        """

    func modificationDate(_ path: String) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
    }

    @Test func fixesByteExactlyKeepsPermissionsAndLeavesOtherFilesAlone() throws {
        let scratch = Scratch()
        scratch.write("rules/use-color.json", Self.rule)
        let fixable = scratch.write("a.txt", "中文 colour, Colour!\r\nno change here colours\n")
        let clean = scratch.write("b.txt", "color only\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: fixable)
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: clean)
        let arguments = [
            "check", "--no-default-rules", "--rules", scratch.path("rules"), "--fix", scratch.path("a.txt"), scratch.path("b.txt"),
        ]
        let run = chaff(arguments, in: scratch.root)
        #expect(run.out == "")
        #expect(run.err == "chaff: fixed 2 findings in 1 file\n")
        #expect(run.status == 0)
        #expect(scratch.read("a.txt") == "中文 color, color!\r\nno change here colours\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: fixable)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(modificationDate(clean) == past)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.root).filter { $0.contains("chaff-") }
        #expect(leftovers == [])

        let past2 = Date(timeIntervalSince1970: 2_000_000)
        try FileManager.default.setAttributes([.modificationDate: past2], ofItemAtPath: fixable)
        let again = chaff(arguments, in: scratch.root)
        #expect(again.err == "chaff: fixed 0 findings in 0 files\n")
        #expect(modificationDate(fixable) == past2)
    }

    @Test func chaffFixIsCheckWithFixAndStdinIsRefused() {
        let scratch = Scratch()
        scratch.write("rules/use-color.json", Self.rule)
        scratch.write("a.txt", "colour\n")
        let run = chaff(["fix", "--no-default-rules", "--rules", scratch.path("rules"), scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 0)
        #expect(scratch.read("a.txt") == "color\n")
        let stdin = chaff(["fix", "-"], in: scratch.root, stdin: "colour")
        #expect(stdin.status == 2)
        #expect(stdin.err == "chaff: error: --fix cannot rewrite standard input; name the files instead\n")
    }

    @Test func withoutFixTheFileIsUntouchedAndFixesAreOffered() throws {
        let scratch = Scratch()
        scratch.write("rules/use-color.json", Self.rule)
        scratch.write("a.txt", "colour\n")
        let run = chaff(
            ["check", "--no-default-rules", "--rules", scratch.path("rules"), "--format", "json", scratch.path("a.txt")], in: scratch.root)
        #expect(scratch.read("a.txt") == "colour\n")
        #expect(run.out.contains("\"fix\": \"color\""))
        let sarif = chaff(
            ["check", "--no-default-rules", "--rules", scratch.path("rules"), "--format", "sarif", scratch.path("a.txt")], in: scratch.root)
        #expect(sarif.out.contains("\"insertedContent\": {\n"))
        let output = scratch.path("out.sarif")
        _ = chaff(
            ["check", "--no-default-rules", "--rules", scratch.path("rules"), "--format", "sarif", "-o", output, scratch.path("a.txt")],
            in: scratch.root)
        try expectValidSARIF(output)
    }
}

/// A pattern rule's fix never rewrites a URL or an e-mail address, in any format.
@Suite struct FixLeavesURLsAloneTests {
    @Test(arguments: ["a.txt", "a.md", "a.html", "a.rst"])
    func urlsAndAddressesAreByteIdenticalAfterFixing(name: String) {
        let scratch = Scratch()
        scratch.write("rules/use-color.json", FixTests.rule)
        let text =
            "The colour guide: https://example.com/colour-guide?colour=red#colour, www.colour.example/x, colour@example.com.\nColour {{ colour }} https://example.com/{{ colour }}/colour\n"
        scratch.write(name, text)
        let arguments = ["check", "--no-default-rules", "--rules", scratch.path("rules"), "--fix", scratch.path(name)]
        let run = chaff(arguments, in: scratch.root)
        #expect(run.status == 0)
        // `{{ colour }}` in the URL is visible text (the URL stops at `{`), and so is the
        // `/colour` after it: both are fixed like any other text, as in Markdown and HTML.
        #expect(run.err == "chaff: fixed 5 findings in 1 file\n", "\(name)")
        #expect(
            scratch.read(name)
                == "The color guide: https://example.com/colour-guide?colour=red#colour, www.colour.example/x, colour@example.com.\ncolor {{ color }} https://example.com/{{ color }}/color\n",
            "\(name)")
    }
}
