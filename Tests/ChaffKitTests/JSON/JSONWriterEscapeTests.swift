import Testing

@testable import ChaffText

/// `JSONBytes.appendString`: strings with nothing to escape are copied whole, and every scalar
/// the writer escapes is still escaped whichever path a string takes.
@Suite struct JSONWriterEscapeTests {
    func written(_ s: String) -> String {
        var out: [UInt8] = []
        JSONBytes.appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func plainStringsAreCopiedWhole() {
        #expect(written("中文，“引号”与‘单引号’…—") == "\"中文，“引号”与‘单引号’…—\"")
        #expect(written("a.md:1:2 ÿ\u{2027}\u{2030}\u{206A}\u{FEFE}") == "\"a.md:1:2 ÿ\u{2027}\u{2030}\u{206A}\u{FEFE}\"")
        #expect(written("") == "\"\"")
    }

    @Test func everyEscapedScalarIsEscapedNextToPlainText() {
        let cases: [(String, String)] = [
            ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\u{1}", "\\u0001"),
            ("\u{7F}", "\\u007f"), ("\u{85}", "\\u0085"), ("\u{9F}", "\\u009f"), ("\u{61C}", "\\u061c"),
            ("\u{200E}", "\\u200e"), ("\u{200F}", "\\u200f"), ("\u{2028}", "\\u2028"), ("\u{202E}", "\\u202e"),
            ("\u{2066}", "\\u2066"), ("\u{2069}", "\\u2069"), ("\u{FEFF}", "\\ufeff"),
        ]
        for (raw, escaped) in cases {
            #expect(written("中" + raw + "文") == "\"中" + escaped + "文\"", "\(escaped)")
        }
    }

    @Test func prettyPrintedOutputKeepsItsLayout() {
        let value: JSONOutput = .object([
            ("a", .array([.int(-12), .int(0), .int(Int.max), .bool(true), .null])), ("b", .object([])), ("c", .array([])),
            ("d", .object([("e", .string("x\ny"))])),
        ])
        #expect(
            value.serialized(indent: 2)
                == "{\n  \"a\": [\n    -12,\n    0,\n    9223372036854775807,\n    true,\n    null\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": {\n    \"e\": \"x\\ny\"\n  }\n}"
        )
        #expect(value.serialized() == "{\"a\":[-12,0,9223372036854775807,true,null],\"b\":{},\"c\":[],\"d\":{\"e\":\"x\\ny\"}}")
        #expect(JSONOutput.int(Int.min).serialized() == "-9223372036854775808")
    }
}
