import Testing

@testable import ChaffText

/// `JSONNode.digest`: the same for the same values however they are laid out, different for any
/// change of a key, string, number, literal or order.
@Suite struct JSONDigestTests {
    private func digest(_ text: String) throws -> UInt64 {
        try JSONParser.parse(Array(text.utf8)).digest
    }

    @Test func layoutDoesNotCount() throws {
        let compact = try digest(#"{"a":["x","y"],"b":{"c":1.5,"d":true,"e":null}}"#)
        let spaced = try digest("{\n  \"a\": [ \"x\", \"y\" ],\n  \"b\": { \"c\": 1.5, \"d\": true, \"e\": null }\n}\n")
        #expect(compact == spaced)
    }

    @Test func everyChangeCounts() throws {
        let base = #"{"a":["ab","c"],"b":{"c":1.5,"d":true,"e":null}}"#
        let changed = [
            #"{"a":["a","bc"],"b":{"c":1.5,"d":true,"e":null}}"#,
            #"{"a":["c","ab"],"b":{"c":1.5,"d":true,"e":null}}"#,
            #"{"a":["ab","c"],"b":{"c":1.25,"d":true,"e":null}}"#,
            #"{"a":["ab","c"],"b":{"c":1.5,"d":false,"e":null}}"#,
            #"{"a":["ab","c"],"b":{"c":1.5,"d":true,"e":"null"}}"#,
            #"{"a":["ab","c"],"b":{"c":1.5,"d":true,"f":null}}"#,
            #"{"b":{"c":1.5,"d":true,"e":null},"a":["ab","c"]}"#,
            #"{"a":["ab","c"],"b":{"c":1.5,"d":true}}"#,
            #"{"a":[["ab","c"]],"b":{"c":1.5,"d":true,"e":null}}"#,
        ]
        let digests = try changed.map(digest)
        #expect(try !digests.contains(digest(base)))
        #expect(Set(digests).count == changed.count)
    }

    @Test func readerDigestIsTheObjectsAndReadsNothing() throws {
        let node = try JSONParser.parse(Array(#"{"groups":[1,2],"extra":"x"}"#.utf8))
        let reader = try ObjectReader(node, path: "options")
        #expect(reader.digest == node.digest)
        #expect(reader.unknownKeys().count == 2)
    }
}
