import Testing

@testable import ChaffText

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONNode { try JSONParser.parse(Array(text.utf8)) }

    func failure(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "parsed"
        } catch {
            return "\(error.offset): \(error.message)"
        }
    }

    @Test func valuesCommentsAndOffsets() throws {
        let node = try parse("// c\n{\"a\": [1, -2.5e1, true, null, \"\\u00e9\\ud83d\\ude00\\n\",], /* x */ \"b\": {}}")
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(node.offset == 5)
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyOffset == 6)
        guard case .array(let elements) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map(\.offset) == [12, 15, 23, 29, 35])
        guard case .string(let s) = elements[4].value, case .number(let n) = elements[1].value else {
            Issue.record("wrong types")
            return
        }
        #expect(s == "é😀\n")
        #expect(n == -25)
    }

    /// A duplicate key is found in objects of every size, whether it repeats a key read one
    /// by one or after the parser began keeping them in a set; keys equal as strings
    /// (`é` composed and decomposed) are duplicates.
    @Test func duplicateKeysInObjectsOfEverySize() {
        for size in [2, 15, 16, 17, 40] {
            let keys = (0..<size).map { "\"k\($0)\": \($0)" }
            let object = "{" + keys.joined(separator: ", ") + "}"
            #expect(failure(object) == "parsed", "\(size)")
            for repeated in [0, size / 2, size - 1] {
                let text = "{" + keys.joined(separator: ", ") + ", \"k\(repeated)\": 0}"
                let offset = text.utf8.count - "\"k\(repeated)\": 0}".utf8.count
                #expect(failure(text) == "\(offset): duplicate key 'k\(repeated)'", "\(size) \(repeated)")
            }
        }
        #expect(failure("{\"\u{E9}\": 1, \"e\u{301}\": 2}") == "10: duplicate key 'e\u{301}'")
    }

    @Test func errorsCarryOffsets() {
        #expect(failure("{\"a\": 1 \"b\": 2}") == "8: expected ',' or '}' in object, found '\"'")
        #expect(failure("{\"a\": 1, \"a\": 2}") == "9: duplicate key 'a'")
        #expect(failure("[1, 2") == "0: unterminated array")
        #expect(failure("\"abc") == "0: unterminated string")
        #expect(failure("{\"a\": tru}") == "6: expected a value, found 't'")
        #expect(failure("[\"\\x\"]") == "2: invalid escape sequence in string")
        #expect(failure("[\"\\ud800\"]") == "2: unpaired surrogate in \\u escape")
        #expect(failure("01") == "1: unexpected '1' after the JSON value")
        #expect(failure("/* open") == "0: unterminated /* comment")
        #expect(failure("") == "0: expected a value, found end of file")
        #expect(failure("[\"a\nb\"]") == "3: control character in string; write it as an escape such as \\n")
    }

    /// Strings are scanned eight bytes at a time up to a quote, a backslash or a control
    /// byte: each of them, at every position of a long string (within a word, at its edges
    /// and in the bytes after the last whole word), ends the fast scan where it stands.
    @Test(arguments: 0..<24) func stringsScannedByWordsStopAtEveryMark(position: Int) throws {
        let before = String(repeating: "a", count: position), after = String(repeating: "é", count: 3)
        func string(_ text: String) throws -> String? {
            guard case .string(let value) = try parse(text).value else { return nil }
            return value
        }
        #expect(try string("\"\(before)\"") == before)
        #expect(try string("\"\(before)\\n\(after)\"") == before + "\n" + after)
        #expect(try string("\"\(before)\\\"\(after)\"") == before + "\"" + after)
        #expect(failure("\"\(before)\t\(after)\"") == "\(position + 1): control character in string; write it as an escape such as \\n")
        #expect(failure("\"\(before)\u{1F}\(after)\"") == "\(position + 1): control character in string; write it as an escape such as \\n")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(failure(deep) == "200: nesting deeper than 200 levels")
    }

    @Test func writerEscapesControlsAndKeepsOrder() {
        let value: JSONOutput = .object([("z", .int(1)), ("a", .string("q\"\\\n\u{1B}\u{85}\u{2028}中"))])
        #expect(value.serialized() == "{\"z\":1,\"a\":\"q\\\"\\\\\\n\\u001b\\u0085\\u2028中\"}")
    }
}
