import Foundation
import Testing

/// Validates the JSON document at `documentPath` against `Schemas/<schema>` with
/// `Scripts/validate-json-schema.py` (Python's jsonschema, installed by .ci/run).
func expectValidJSON(schema: String, documentPath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let schemaPath = repositoryRoot + "/Tests/ChaffCLITests/Integrations/Schemas/" + schema
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot + "/Scripts/validate-json-schema.py", schemaPath, documentPath]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(schema) rejects \(documentPath): \(output)", sourceLocation: sourceLocation)
}

/// Whether the schema rejects the document (the validator exits 1).
func schemaRejects(_ schema: String, _ documentPath: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot + "/Scripts/validate-json-schema.py", repositoryRoot + "/Tests/ChaffCLITests/Integrations/Schemas/" + schema, documentPath]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 1
}
