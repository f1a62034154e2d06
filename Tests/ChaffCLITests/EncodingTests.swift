import Foundation
import Testing

@testable import ChaffEngine

/// Files in other encodings than UTF-8 (Tests/Fixtures/encodings, written by its make.py):
/// decoded, linted, and reported with positions in the file's own bytes; undecidable files give
/// one finding; `--fix` writes replacements in the file's encoding or leaves the file alone.
@Suite struct EncodingTests {
    static let directory = repositoryRoot + "/Tests/Fixtures/encodings"

    static func check(_ options: [String], _ files: [String]) -> ChaffRun {
        chaff(["check", "--no-config"] + options + files.map { directory + "/" + $0 }, in: directory)
    }

    static func fixture(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: directory + "/" + name)!)
    }

    @Test func gbkFileIsLintedWithPositionsInTheFile() {
        // Line 2: 12 characters (24 GBK bytes) before '<随机段落>'; line 3: 3 (6 bytes) before '點'.
        let utf16 = Self.check(["--column-unit", "utf16"], ["gbk.txt"])
        #expect(
            utf16.out == """
                gbk.txt:2:13: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]
                gbk.txt:3:4: warning: Traditional character '點' in Simplified text; use '点' [mixed-han-script]

                """)
        #expect(utf16.err == "gbk.txt: note: read as GB18030, not UTF-8\n")
        #expect(utf16.status == 1)
        let utf8 = Self.check(["--column-unit", "utf8", "-q"], ["gbk.txt"])
        #expect(
            utf8.out == """
                gbk.txt:2:25: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]
                gbk.txt:3:7: warning: Traditional character '點' in Simplified text; use '点' [mixed-han-script]

                """)
        #expect(utf8.err == "")
        let display = Self.check(["--column-unit", "display", "-q"], ["gbk.txt"])
        #expect(display.out.hasPrefix("gbk.txt:2:25: warning: Unfilled template token"))
    }

    @Test func byteOffsetsInJSONAreOffsetsInTheFile() throws {
        let run = Self.check(["--format", "json", "-q"], ["gbk.txt"])
        let root = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as! [String: Any]
        let diagnostics = root["diagnostics"] as! [[String: Any]]
        // Line 1 is 20 characters and a line feed (41 bytes); line 2 starts with 24 bytes.
        #expect(diagnostics.map { $0["byteOffset"] as! Int } == [65, 100])
        #expect(diagnostics.map { $0["byteLength"] as! Int } == [10, 2])
        #expect(diagnostics.map { $0["match"] as! String } == ["<随机段落>", "點"])
        #expect(diagnostics.map { $0["column"] as! Int } == [13, 4])
        let bytes = Self.fixture("gbk.txt")
        #expect(Array(bytes[65..<75]) == [0x3C] + Array(bytes[66..<74]) + [0x3E])
        #expect(Array(bytes[100..<102]) == [0xFC, 0x63])  // 點 in GBK
    }

    @Test func big5FileIsLintedWithPositionsInTheFile() {
        // Line 2: 14 characters (28 Big5 bytes) before '{{ 城市 }}'.
        let run = Self.check(["--column-unit", "utf16"], ["big5.txt"])
        #expect(
            run.out
                == "big5.txt:2:15: warning: Unrendered template expression '{{ 城市 }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(run.err == "big5.txt: note: read as Big5, not UTF-8\n")
        #expect(run.status == 1)
        let utf8 = Self.check(["--column-unit", "utf8", "-q"], ["big5.txt"])
        #expect(
            utf8.out
                == "big5.txt:2:29: warning: Unrendered template expression '{{ 城市 }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
    }

    @Test func utf16AndUTF32WithAndWithoutByteOrderMark() {
        // "Price 😀 价格：%s 元\r\n第二行 <关键词> end\n": 12 UTF-16 units before '%s' (the emoji
        // is two), 24 bytes of UTF-16 or 44 of UTF-32; the byte order mark is not a column.
        let files = [
            ("utf16le-bom.txt", "UTF-16LE", 25, 9), ("utf16be-bom.txt", "UTF-16BE", 25, 9),
            ("utf16le-nobom.txt", "UTF-16LE", 25, 9), ("utf16be-nobom.txt", "UTF-16BE", 25, 9),
            ("utf32le-bom.txt", "UTF-32LE", 45, 17), ("utf32be-nobom.txt", "UTF-32BE", 45, 17),
        ]
        for (name, encoding, percent, angle) in files {
            let utf16 = Self.check(["--column-unit", "utf16"], [name])
            #expect(
                utf16.out == """
                    \(name):1:13: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                    \(name):2:5: warning: Unfilled template token '<关键词>'; replace it with real text or remove it [placeholder-angle-token]

                    """)
            #expect(utf16.err == "\(name): note: read as \(encoding), not UTF-8\n")
            #expect(utf16.status == 1)
            let scalar = Self.check(["--column-unit", "scalar", "-q"], [name])
            #expect(scalar.out.contains("\(name):1:12: warning: Format specifier"))
            let utf8 = Self.check(["--column-unit", "utf8", "-q"], [name])
            #expect(utf8.out.contains("\(name):1:\(percent): warning: Format specifier"))
            #expect(utf8.out.contains("\(name):2:\(angle): warning: Unfilled template token"))
        }
    }

    @Test func utf16ByteOffsetsSkipTheByteOrderMark() throws {
        let run = Self.check(["--format", "json", "-q"], ["utf16le-bom.txt"])
        let root = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as! [String: Any]
        let diagnostics = root["diagnostics"] as! [[String: Any]]
        // 2 bytes of mark, 24 of text; line 2 starts at 2 + 18 units × 2 = 38, '<' 8 bytes later.
        #expect(diagnostics.map { $0["byteOffset"] as! Int } == [26, 46])
        #expect(diagnostics.map { $0["byteLength"] as! Int } == [4, 10])
    }

    @Test func undecidableFileGivesExactlyOneFinding() {
        let run = Self.check([], ["undecidable.txt"])
        #expect(
            run.out
                == "undecidable.txt:1:1: error: Encoding problem: the file is not UTF-8 (4 invalid bytes) and its encoding cannot be determined: GB18030 and Big5 both decode it, to text that is not clearly one or the other (share of common characters: GB18030 100%, Big5 100%); convert it to UTF-8 to have it checked [invalid-encoding]\n"
        )
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func latin1FileGivesExactlyOneFinding() {
        let run = Self.check([], ["latin1.txt"])
        #expect(
            run.out
                == "latin1.txt:1:1: error: Encoding problem: the file is not UTF-8 (72 invalid bytes) and its encoding cannot be determined: neither GB18030 nor Big5 decodes it; convert it to UTF-8 to have it checked [invalid-encoding]\n"
        )
        #expect(run.status == 1)
    }

    @Test func undecidableFileWithTheEncodingRuleOffIsNotSilentlySkipped() {
        let run = Self.check(["--ignore", "invalid-encoding"], ["latin1.txt"])
        #expect(run.out == "")
        #expect(
            run.err
                == "latin1.txt: note: not linted: the file is not UTF-8 (72 invalid bytes) and its encoding cannot be determined: neither GB18030 nor Big5 decodes it; convert it to UTF-8 to have it checked\n"
        )
        #expect(run.status == 0)
    }

    @Test func utf8WithOneBadByteIsReportedAsToday() {
        let scratch = Scratch()
        scratch.write("a.txt", bytes: Array("价格：".utf8) + [0xE9] + Array(" 元 %s\n第二行\n".utf8))
        let run = chaff(["check", "--no-config", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == """
                a.txt:1:4: error: Encoding problem: invalid UTF-8 byte 0xE9 [invalid-encoding]
                a.txt:1:8: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func replacementCharactersInValidUTF8AreStillFound() {
        // The file is valid UTF-8, so invalid-encoding only looks for U+FFFD.
        let scratch = Scratch()
        scratch.write("a.txt", "价格\u{FFFD}元，\u{FFFD}\u{FFFD}\n")
        let run = chaff(["check", "--no-config", "--column-unit", "utf8", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == """
                a.txt:1:7: error: Encoding problem: replacement character U+FFFD (the original character was lost in an earlier conversion) [invalid-encoding]
                a.txt:1:16: error: Encoding problem: replacement character U+FFFD (the original character was lost in an earlier conversion) [invalid-encoding]
                a.txt:1:19: error: Encoding problem: replacement character U+FFFD (the original character was lost in an earlier conversion) [invalid-encoding]

                """)
        #expect(run.status == 1)
    }

    @Test func utf16WithAByteOrderMarkButAnOddLengthIsOneFinding() {
        let scratch = Scratch()
        scratch.write("odd.txt", bytes: [0xFF, 0xFE, 0x68, 0x00, 0x69])
        scratch.write("ok.txt", bytes: [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69])
        let run = chaff(["check", "--no-config", "-q", scratch.root], in: scratch.root)
        #expect(
            run.out
                == "odd.txt:1:1: error: Encoding problem: the file starts with a UTF-16LE byte order mark but is not valid UTF-16LE [invalid-encoding]\n"
        )
        #expect(run.status == 1)
    }

    @Test func fixWritesTheReplacementInTheFilesEncoding() {
        let scratch = Scratch()
        let original = Self.fixture("gbk.txt")
        scratch.write("gbk.txt", bytes: original)
        let run = chaff(["check", "--no-config", "--fix", scratch.path("gbk.txt")], in: scratch.root)
        #expect(
            run.out
                == "gbk.txt:2:13: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]\n"
        )
        #expect(run.err == "gbk.txt: note: read as GB18030, not UTF-8\nchaff: fixed 1 finding in 1 file\n")
        #expect(run.status == 1)
        // 點 (0xFC 0x63) became 点 (0xB5 0xE3); every other byte is as it was.
        var expected = original
        expected.replaceSubrange(100..<102, with: [0xB5, 0xE3])
        #expect(Array(FileManager.default.contents(atPath: scratch.path("gbk.txt"))!) == expected)
        let again = chaff(["check", "--no-config", "--fix", "-q", scratch.path("gbk.txt")], in: scratch.root)
        #expect(again.status == 1)
        #expect(Array(FileManager.default.contents(atPath: scratch.path("gbk.txt"))!) == expected)
    }

    @Test func fixInUTF16KeepsTheByteOrderMarkAndTheEncoding() {
        let scratch = Scratch()
        scratch.write(
            "rules/price.json",
            """
            {"id": "price", "kind": "pattern", "summary": "S.", "description": "D.", "message": "M",
             "options": {"phrases": ["价格"], "replacement": "價格𠀀"},
             "examples": {"valid": ["x"], "invalid": ["↓价格"]}}
            """)
        let original = Self.fixture("utf16le-bom.txt")
        scratch.write("a.txt", bytes: original)
        let run = chaff(
            ["check", "--no-config", "--no-default-rules", "--rules", scratch.path("rules"), "--fix", "-q", scratch.path("a.txt")],
            in: scratch.root)
        #expect(run.out == "")
        #expect(run.status == 0)
        let text = "Price 😀 價格𠀀：%s 元\r\n第二行 <关键词> end\n"
        let expected: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Array(FileManager.default.contents(atPath: scratch.path("a.txt"))!) == expected)
    }

    @Test func fixThatTheEncodingCannotHoldLeavesTheFileUntouched() {
        let scratch = Scratch()
        // '产品' is Simplified: Big5 has no such characters.
        scratch.write(
            "rules/simplify.json",
            """
            {"id": "simplify", "kind": "pattern", "summary": "S.", "description": "D.", "message": "Simplify '{match}'",
             "options": {"phrases": ["產品"], "replacement": "产品"},
             "examples": {"valid": ["x"], "invalid": ["↓產品"]}}
            """)
        let original = Self.fixture("big5.txt")
        scratch.write("big5.txt", bytes: original)
        let run = chaff(
            ["check", "--no-config", "--no-default-rules", "--rules", scratch.path("rules"), "--fix", "-q", scratch.path("big5.txt")],
            in: scratch.root)
        #expect(run.out == "big5.txt:2:4: warning: Simplify '產品' [simplify]\n")
        #expect(run.err == "big5.txt: error: not fixed: the replacement '产品' cannot be written in Big5, the file's encoding\n")
        #expect(run.status == 2)
        #expect(Array(FileManager.default.contents(atPath: scratch.path("big5.txt"))!) == original)
    }

    @Test func decodedStandardInputIsLinted() {
        let scratch = Scratch()
        let run = chaff(["check", "--no-config", "-q", "--stdin-filename", "in.txt", "-"], in: scratch.root, stdin: "%s\n")
        #expect(
            run.out == "in.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
    }

    /// Every Chinese text fixture, converted to GB18030, Big5 (where it can be), UTF-16LE and
    /// UTF-16BE (no byte order mark), gives the findings of its UTF-8 original at the same
    /// lines and UTF-16 columns.
    @Test func convertedFixturesGiveTheSameFindings() throws {
        let files = [
            "Tests/Fixtures/mixed-script/simplified.txt", "Tests/Fixtures/mixed-script/traditional.txt",
            "Tests/Fixtures/mixed-script/mixed-simplified.txt", "Tests/Fixtures/mixed-script/mixed-traditional.txt",
            "Tests/Fixtures/claims/sourced-and-unsourced.md", "examples/product-page.txt",
        ]
        let scratch = Scratch()
        var compared = 0
        for file in files {
            let utf8 = Array(FileManager.default.contents(atPath: repositoryRoot + "/" + file)!)
            let name = (file as NSString).lastPathComponent
            scratch.write("UTF-8/" + name, bytes: utf8)
            let expected = chaff(
                ["check", "--no-config", "-q", "--column-unit", "utf16", scratch.path("UTF-8/" + name)], in: scratch.path("UTF-8"))
            #expect(!expected.out.isEmpty || name.hasPrefix("simplified") || name.hasPrefix("traditional"))
            for encoding in [SourceEncoding.gb18030, .big5, .utf16LE, .utf16BE] {
                guard let bytes = Iconv.convert(utf8, from: "UTF-8", to: encoding.iconvName) else { continue }
                scratch.write(encoding.rawValue + "/" + name, bytes: bytes)
                let run = chaff(
                    ["check", "--no-config", "--column-unit", "utf16", scratch.path(encoding.rawValue + "/" + name)],
                    in: scratch.path(encoding.rawValue))
                #expect(run.out == expected.out, "\(encoding) \(name)")
                #expect(run.err == "\(name): note: read as \(encoding.displayName), not UTF-8\n", "\(encoding) \(name)")
                compared += 1
            }
        }
        #expect(compared == 19)
    }
}
