import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffKinds
@testable import ChaffText

/// The line reader and the record parser of `chaff stream`.
@Suite struct StreamInputTests {
    /// Reads `content` through a file with reads of `chunk` bytes.
    private func lines(_ content: [UInt8], chunk: Int, maximum: Int) throws -> [StreamLine] {
        let scratch = Scratch()
        let path = scratch.path("in")
        FileManager.default.createFile(atPath: path, contents: Data(content))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let reader = StreamLineReader(fd: fd, maximumLineBytes: maximum, chunkBytes: chunk)
        var found: [StreamLine] = []
        while let line = try reader.next() { found.append(line) }
        return found
    }

    private func describe(_ lines: [StreamLine]) -> [String] {
        lines.map {
            switch $0 {
            case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .tooLong(let bytes): return "<\(bytes) bytes>"
            }
        }
    }

    @Test func linesCrossReadsAndTheBufferMovesAndGrows() throws {
        var text = ""
        var expected: [String] = []
        for n in 0..<300 {
            let line = String(repeating: "字", count: n % 17) + "\(n)"
            expected.append(line)
            text += line + "\n"
        }
        for chunk in [1, 3, 7, 64, 1 << 20] {
            #expect(describe(try lines(Array(text.utf8), chunk: chunk, maximum: 1000)) == expected, "chunk \(chunk)")
        }
    }

    @Test func aLastLineWithoutNewlineCountsAndNoEmptyLineFollowsAFinalNewline() throws {
        #expect(describe(try lines(Array("a\n\nb".utf8), chunk: 2, maximum: 10)) == ["a", "", "b"])
        #expect(describe(try lines(Array("a\n".utf8), chunk: 2, maximum: 10)) == ["a"])
        #expect(describe(try lines([], chunk: 2, maximum: 10)) == [])
    }

    @Test func longLinesAreMeasuredAndDroppedWithoutLosingTheNext() throws {
        let text = "short\n" + String(repeating: "x", count: 50) + "\nok\n" + String(repeating: "y", count: 11)
        #expect(describe(try lines(Array(text.utf8), chunk: 4, maximum: 10)) == ["short", "<50 bytes>", "ok", "<11 bytes>"])
        #expect(describe(try lines(Array("0123456789\n".utf8), chunk: 4, maximum: 10)) == ["0123456789"])
    }

    private func parse(_ line: String) -> Result<StreamDocument, StreamRecordError> {
        do throws(StreamRecordError) {
            return .success(try StreamRecordParser.parse(Array(line.utf8)))
        } catch {
            return .failure(error)
        }
    }

    private func error(_ line: String) -> String {
        switch parse(line) {
        case .success: return "parsed"
        case .failure(let error): return "\(error.column): \(error.message)"
        }
    }

    @Test func escapesDecodeAndOtherMembersPassThroughAsWritten() throws {
        let document = try parse(#" { "id" : -1.5e3, "text":"a\n\u00e9\ud83d\ude00\/\"", "meta" : {"k":[1, "two"]}, "language":"fr" } "#)
            .get()
        #expect(String(decoding: document.id, as: UTF8.self) == "-1.5e3")
        #expect(String(decoding: document.text, as: UTF8.self) == "a\né😀/\"")
        #expect(String(decoding: document.passThrough, as: UTF8.self) == #","meta":{"k":[1, "two"]},"language":"fr""#)
        #expect(document.format == nil)
        #expect(try parse(#"{"id":"x","text":"","format":"html"}"#).get().format == "html")
    }

    @Test func malformedRecordsSayWhereAndWhy() {
        #expect(error(#"{"id":"x","text":"a",}"#) == "22: expected a member name in quotes, found '}'")
        #expect(error(#"{"id":"x","text":"a"} x"#) == "23: unexpected 'x' after the JSON object")
        #expect(error(#"{"id":"x","text":"a","n":01}"#) == "27: expected ',' or '}' after a member, found '1'")
        #expect(error(#"{"id":true,"text":"a"}"#) == "7: 'id' must be a string or a number, found 't'")
        #expect(error(#"{"id":"x","text":5}"#) == "18: 'text' must be a string, found '5'")
        #expect(
            error(#"{"id":"x","text":"a","format":"pdf"}"#)
                == "31: unknown format 'pdf'; choose one of text, markdown, html, rst, po, xliff, android-strings, stringsdict, strings, xcstrings, i18n-json, arb"
        )
        #expect(error(#"{"id":"x","text":"a\q"}"#) == #"20: an unknown escape '\q'"#)
        #expect(error(#"{"id":"x","text":"a"#) == "18: a string that is not closed on this line")
        #expect(error("{\"id\":\"x\",\"text\":\"a\tb\"}") == "20: a control character (0x9) in a string must be escaped")
        #expect(error(#"{"text":"a"}"#) == "1: the record has no 'id'")
        #expect(error(#"{"id":1,"id":2,"text":""}"#) == "9: duplicate member 'id'")
        #expect(error(#"{"id":1,"text":"","signals":{}}"#) == "19: member 'signals' is reserved for chaff's output; rename it")
        #expect(error(#"{"id":1,"text":"","x":[1,]}"#) == "26: expected a value, found ']'")
        #expect(error(#"["id"]"#) == "1: a line must be a JSON object, found '['")
        #expect(
            error(String(repeating: "[", count: 1) + #"{"id":1,"text":"","x":"# + String(repeating: "[", count: 200))
                == "1: a line must be a JSON object, found '['")
        #expect(error(#"{"id":1,"text":"","x":"# + String(repeating: "[", count: 200)) == "151: values nested deeper than 128 levels")
    }

    @Test func invalidUTF8IsRefusedAtItsByte() {
        var line = Array(#"{"id":1,"text":"ab"#.utf8)
        line += [0xE4, 0xB8]  // a truncated sequence
        line += Array(#""}"#.utf8)
        switch Result(catching: { () throws(StreamRecordError) in try StreamRecordParser.parse(line) }) {
        case .success: Issue.record("parsed")
        case .failure(let error): #expect(error == StreamRecordError(column: 19, message: "the line is not valid UTF-8"))
        }
        // An overlong encoding and an encoded surrogate are not UTF-8 either.
        #expect(UTF8Decoding.firstInvalidOffset([0x61, 0xC0, 0x80]) == 1)
        #expect(UTF8Decoding.firstInvalidOffset([0xED, 0xA0, 0x80]) == 0)
        #expect(UTF8Decoding.firstInvalidOffset(Array("正常 text 😀".utf8)) == nil)
    }

    @Test func ratesAreWrittenAsFloats() {
        #expect(StreamOutput.decimal(0) == "0.0")
        #expect(StreamOutput.decimal(117.64705) == "117.6471")
        #expect(StreamOutput.decimal(2.5) == "2.5")
        #expect(StreamOutput.decimal(1) == "1.0")
        #expect(
            StreamOutput.families(["placeholder-spintax", "mixed-han-script", "placeholder-angle-token", "mixed-script-word"]) == [
                "mixed", "placeholder",
            ])
    }

    /// JSON string escaping as documented on `JSONBytes`, one scalar at a time: the reference
    /// the byte writer (which copies runs that need no escape whole) is compared with.
    static func referenceEscaped(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF:
                let hex = String(v, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The byte writer escapes exactly the scalars JSON reports promise to escape.
    @Test func outputStringsAreEscapedAsTheJSONReportEscapesThem() {
        var samples = [
            "plain", "quote \" and \\ back", "tab\tline\nreturn\r", "\u{0}\u{1F}\u{7F}", "中文「引号」😀",
            "\u{80}\u{85}\u{9F}\u{A0}", "a\u{2028}b\u{2029}c", "\u{FEFF}bom", "\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}",
            "\u{2027}\u{202F}\u{2065}\u{206A}\u{FEFE}\u{0600}", "",
        ]
        // Every scalar up to U+2100 and a few above, one string each, so no case is missed.
        samples += (0..<0x2100).compactMap { Unicode.Scalar($0).map { "x" + String(Character($0)) + "y" } }
        for sample in samples {
            let expected = Self.referenceEscaped(sample)
            var bytes: [UInt8] = []
            JSONBytes.appendString(sample, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scalarsAreCountedEightBytesAtATime() {
        for text in ["", "a", "abcdefgh", "abcdefghi", "中文字符和English混合😀😀 text", String(repeating: "é中😀a", count: 37)] {
            #expect(DocumentSignals.scalarCount(Array(text.utf8)) == text.unicodeScalars.count, "\(text)")
        }
    }
}
