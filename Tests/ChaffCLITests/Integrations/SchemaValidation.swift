import ChaffText
import Foundation
import Testing

/// The schemas the report formats are checked against, vendored beside this file (see
/// `Schemas/README.md` for where each comes from and its license).
let schemaDirectory = repositoryRoot + "/Tests/ChaffCLITests/Integrations/Schemas/"

/// The violations of the JSON document at `documentPath` against `Schemas/<schema>`.
func schemaViolations(_ schema: String, _ documentPath: String) throws -> [String] {
    let validator = try JSONSchemaValidator(schema: Array(try Data(contentsOf: URL(fileURLWithPath: schemaDirectory + schema))))
    let document = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: documentPath))))
    return try validator.violations(of: document)
}

/// Expects the JSON document at `documentPath` to satisfy `Schemas/<schema>`.
func expectValidJSON(schema: String, documentPath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let violations = try schemaViolations(schema, documentPath)
    #expect(violations == [], "\(schema) rejects \(documentPath)", sourceLocation: sourceLocation)
}

/// Whether the schema rejects the document.
func schemaRejects(_ schema: String, _ documentPath: String) throws -> Bool {
    try !schemaViolations(schema, documentPath).isEmpty
}

/// Expects a SARIF file to satisfy the official SARIF 2.1.0 schema.
func expectValidSARIF(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectValidJSON(schema: "sarif-schema-2.1.0.json", documentPath: path, sourceLocation: sourceLocation)
}
