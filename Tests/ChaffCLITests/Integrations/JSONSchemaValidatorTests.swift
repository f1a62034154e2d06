import ChaffText
import Foundation
import Testing

/// The vendored schema validator rejects what the official schema rejects, so a passing SARIF
/// test means something.
@Suite struct JSONSchemaValidatorTests {
    static let sarif: JSONSchemaValidator = {
        try! JSONSchemaValidator(schema: Array(try! Data(contentsOf: URL(fileURLWithPath: schemaDirectory + "sarif-schema-2.1.0.json"))))
    }()

    static func violations(_ sarif: String) throws -> [String] {
        try Self.sarif.violations(of: try JSONParser.parse(Array(sarif.utf8)))
    }

    static let minimal = #"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"chaff"}},"results":[]}]}"#

    @Test func acceptsAMinimalLog() throws {
        #expect(try Self.violations(Self.minimal) == [])
    }

    @Test func rejectsWhatTheOfficialSchemaRejects() throws {
        #expect(try Self.violations(#"{"version":"2.0.0","runs":[]}"#) == ["/version: '2.0.0' is not one of the allowed values"])
        #expect(try Self.violations(#"{"runs":[]}"#) == ["<root>: required property 'version' is missing"])
        #expect(try Self.violations(#"{"version":"2.1.0","runs":[],"extra":1}"#) == ["<root>: property 'extra' is not allowed"])
        #expect(
            try Self.violations(#"{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}"#) == [
                "/runs/0/tool/driver: required property 'name' is missing"
            ])
        #expect(
            try Self.violations(#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":7}}}]}"#) == [
                "/runs/0/tool/driver/name: a number is not of type string"
            ])
        // draft-04 `minimum` on an integer, reached through two $refs.
        let badLine =
            #"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"c"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.txt"},"region":{"startLine":0}}}]}]}]}"#
        let lineViolations = try Self.violations(badLine)
        #expect(lineViolations == ["/runs/0/results/0/locations/0/physicalLocation/region/startLine: 0 is out of range (minimum 1)"])
        let badLevel =
            #"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"c"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}"#
        #expect(try Self.violations(badLevel) == ["/runs/0/results/0/level: 'fatal' is not one of the allowed values"])
        let badURI = #"{"$schema":"not a uri","version":"2.1.0","runs":[]}"#
        #expect(try Self.violations(badURI) == ["/$schema: 'not a uri' is not a valid uri"])
    }

    @Test func keywordsItDoesNotImplementAreErrors() throws {
        let validator = try JSONSchemaValidator(schema: Array(#"{"type":"object","dependencies":{"a":["b"]}}"#.utf8))
        #expect(throws: JSONSchemaValidator.UnsupportedSchema.self) { try validator.violations(of: try JSONParser.parse(Array("{}".utf8))) }
    }

    @Test func draft07Keywords() throws {
        let schema =
            #"{"$schema":"http://json-schema.org/draft-07/schema#","type":"array","items":{"type":"object","properties":{"n":{"type":"integer","exclusiveMinimum":0},"k":{"const":"x"}},"additionalProperties":{"type":"string","minLength":2,"pattern":"^[a-z]+$"}},"uniqueItems":true,"maxItems":3}"#
        let validator = try JSONSchemaValidator(schema: Array(schema.utf8))
        func check(_ document: String) throws -> [String] { try validator.violations(of: try JSONParser.parse(Array(document.utf8))) }
        #expect(try check(#"[{"n":1,"k":"x","a":"ab"}]"#) == [])
        #expect(try check(#"[{"n":0}]"#) == ["/0/n: 0 is out of range (exclusiveMinimum 0)"])
        #expect(try check(#"[{"n":1.5}]"#) == ["/0/n: a number is not of type integer"])
        #expect(try check(#"[{"k":"y"}]"#) == ["/0/k: 'y' is not 'x'"])
        #expect(try check(#"[{"a":"A"}]"#) == ["/0/a: length 1, minLength is 2", "/0/a: 'A' does not match /^[a-z]+$/"])
        let duplicates = try check(#"[1,1]"#)
        #expect(duplicates == ["/0: a number is not of type object", "/1: a number is not of type object", "/1: duplicate item"])
        #expect(try check(#"[{},{"n":1},{"n":2},{"n":3}]"#) == ["<root>: 4 items, maxItems is 3"])
    }
}
