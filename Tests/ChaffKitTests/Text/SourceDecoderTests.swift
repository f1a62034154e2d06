import Testing

@testable import ChaffEngine
@testable import ChaffText

/// How `SourceDecoder` decides a file's encoding and maps the transcoding back to the file.
@Suite struct SourceDecoderTests {
    /// GBK bytes of "中文%s" and a line feed: 中 D6D0, 文 CEC4.
    static let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x25, 0x73, 0x0A]

    @Test func utf8StaysUTF8WithoutACopy() {
        #expect(SourceDecoder.decode(Array("中文 text %s\n".utf8)) == .utf8(valid: true))
        #expect(SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("中文".utf8)) == .utf8(valid: true))
        #expect(SourceDecoder.decode([]) == .utf8(valid: true))
    }

    @Test func mostlyUTF8WithABadByteStaysUTF8() {
        let text = Array("价格一共是三十元，".utf8) + [0xB5] + Array("欢迎选购。\n".utf8)
        #expect(SourceDecoder.decode(text) == .utf8(valid: false))
        // A stray Latin-1 byte in ASCII: no plausible Chinese decoding, one bad byte.
        #expect(SourceDecoder.decode(Array("caf".utf8) + [0xE9, 0x0A]) == .utf8(valid: false))
    }

    @Test func gb18030WithItsMap() throws {
        // Three sentences: enough for the score to tell GB18030 from Big5.
        let bytes = try #require(Iconv.convert(Array("我们的产品质量一直很好，欢迎大家前来选购。\n价格：%s 元\n".utf8), from: "UTF-8", to: "GB18030"))
        guard case .decoded(let text, let origin) = SourceDecoder.decode(bytes) else {
            Issue.record("not decoded")
            return
        }
        #expect(String(decoding: text, as: UTF8.self) == "我们的产品质量一直很好，欢迎大家前来选购。\n价格：%s 元\n")
        #expect(origin.encoding == .gb18030)
        // 21 characters (63 → 42 bytes), line feed, 价格： (9 → 6), '%s ' (3 → 3), 元, line feed.
        #expect(origin.originalOffset(0) == 0)
        #expect(origin.originalOffset(63) == 42)
        #expect(origin.originalOffset(64) == 43)
        #expect(origin.originalOffset(73) == 49)
        #expect(origin.originalRange(73..<75) == 49..<51)
        #expect(origin.originalOffset(text.count) == bytes.count)
        #expect(origin.runCount == 6)
    }

    @Test func big5() throws {
        let bytes = try #require(Iconv.convert(Array("我們的產品品質一直很好，歡迎大家前來選購。\n".utf8), from: "UTF-8", to: "BIG5"))
        guard case .decoded(_, let origin) = SourceDecoder.decode(bytes) else {
            Issue.record("not decoded")
            return
        }
        #expect(origin.encoding == .big5)
    }

    @Test func fourByteGB18030Characters() throws {
        // 𠀀 (U+20000) is four bytes in GB18030: 0x95 0x32 0x82 0x36.
        let bytes = try #require(Iconv.convert(Array("我们的产品质量很好𠀀。\n".utf8), from: "UTF-8", to: "GB18030"))
        let (text, origin) = try #require(SourceDecoder.decode(bytes, as: .gb18030))
        #expect(text == Array("我们的产品质量很好𠀀。\n".utf8))
        #expect(origin.originalOffset(27) == 18)
        #expect(origin.originalOffset(31) == 22)
    }

    @Test func shortAmbiguousTextIsUndecidable() {
        guard case .undecidable(let reason) = SourceDecoder.decode([0xC4, 0xE3, 0xBA, 0xC3]) else {
            Issue.record("decided")
            return
        }
        #expect(reason.contains("GB18030 and Big5 both decode it"))
    }

    @Test func nulPatterns() {
        let ascii = Array("hello, world\n".utf8)
        let le = ascii.flatMap { [$0, 0] as [UInt8] }
        let be = ascii.flatMap { [0, $0] as [UInt8] }
        #expect(SourceDecoder.nulPatternCandidates(le) == [.utf16LE])
        #expect(SourceDecoder.nulPatternCandidates(be) == [.utf16BE])
        #expect(SourceDecoder.nulPatternCandidates(ascii.flatMap { [$0, 0, 0, 0] as [UInt8] }).first == .utf32LE)
        #expect(SourceDecoder.nulPatternCandidates(ascii.flatMap { [0, 0, 0, $0] as [UInt8] }).first == .utf32BE)
        guard case .decoded(let text, let origin) = SourceDecoder.decode(le) else {
            Issue.record("not decoded")
            return
        }
        #expect(text == ascii)
        #expect(origin.byteOrderMarkLength == 0)
        #expect(origin.originalOffset(5) == 10)
    }

    @Test func chineseUTF16WithoutAByteOrderMark() {
        // 一 (U+4E00) and 丁 (U+4E01) put NULs in the other byte; ASCII decides.
        let text = "一丁一丁一丁，一二三四五六七八九十。\nA line: 一.\n"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(SourceDecoder.nulPatternCandidates(le) == [.utf16LE])
        #expect(SourceDecoder.nulPatternCandidates(be) == [.utf16BE])
        guard case .decoded(let decoded, _) = SourceDecoder.decode(be) else {
            Issue.record("not decoded")
            return
        }
        #expect(decoded == Array(text.utf8))
    }

    @Test func binaryStaysBinary() {
        // A PNG header, and a NUL pattern that decodes to control characters.
        #expect(SourceDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]) == .binary)
        #expect(SourceDecoder.decode([0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x41, 0x00]) == .binary)
        #expect(SourceDecoder.decode([0x00, 0x01, 0x7B, 0x7B, 0x20, 0x7D, 0x7D]) == .binary)
        // One NUL before an ASCII byte is not yet a UTF-16 pattern.
        #expect(SourceDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x7B, 0x7B, 0x20, 0x7D, 0x7D]) == .binary)
    }

    @Test func utf16SurrogatesAndByteOrderMarks() throws {
        let text = "a😀b"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard case .decoded(let decoded, let origin) = SourceDecoder.decode(le) else {
            Issue.record("not decoded")
            return
        }
        #expect(decoded == Array(text.utf8))
        #expect(origin.byteOrderMarkLength == 2)
        #expect([0, 1, 5, 6].map(origin.originalOffset) == [2, 4, 8, 10])
        // An unpaired surrogate is not UTF-16.
        #expect(
            SourceDecoder.decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])
                == .undecidable(reason: "the file starts with a UTF-16LE byte order mark but is not valid UTF-16LE"))
    }

    @Test func scoresTellRealTextFromMisreadText() throws {
        let simplified = "我们的产品质量一直很好，欢迎大家前来选购。"
        let gbk = try #require(Iconv.convert(Array(simplified.utf8), from: "UTF-8", to: "GBK"))
        #expect(ChineseTextScore.score(Array(simplified.utf8)) == 1)
        if let misread = Iconv.convert(gbk, from: "BIG5", to: "UTF-8") {
            #expect(ChineseTextScore.score(misread) < 0.8)
        }
        #expect(ChineseTextScore.score(Array("ascii only".utf8)) == 0)
    }

    @Test func linesAndColumnsOfADecodedDocument() throws {
        let bytes = try #require(Iconv.convert(Array("第一行\n价格：%s 元\n".utf8), from: "UTF-8", to: "GB18030"))
        let (text, origin) = try #require(SourceDecoder.decode(bytes, as: .gb18030))
        let document = DocumentMaker.document(path: "a.txt", text: text, origin: origin, format: "text", scopes: [.prose, .comment])
        let rule = try loadRule(kind: "pattern", message: "M", options: #"{"phrases": ["%s"]}"#)
        for (unit, column) in [(ColumnUnit.utf8, 7), (.utf16, 4), (.scalar, 4), (.display, 7)] {
            let found = Linter(rules: [ActiveRule(rule)], columnUnit: unit).lint(document)
            #expect(found.map { [$0.line, $0.column, $0.endColumn] } == [[2, column, column + 2]])
            #expect(found.map(\.range) == [13..<15])
        }
    }
}
