import Foundation
import Testing

@testable import ChaffEngine
@testable import ChaffKinds

/// The rule files in `rules/` are the single source of each rule's documentation and tests:
/// their examples run here through the same runner as `chaff test-rules`.
@Suite struct BuiltinRulesTests {
    static let ruleFiles: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.path + "/rules"))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
    }()

    static func load(_ name: String) throws -> Rule {
        let bytes = Array(FileManager.default.contents(atPath: PackageRoot.path + "/rules/" + name) ?? Data())
        return try RuleLoader.load(path: "rules/" + name, fileStem: String(name.dropLast(5)), bytes: bytes)
    }

    @Test func thereAreRules() {
        #expect(Self.ruleFiles.count >= 6)
    }

    @Test(arguments: ruleFiles)
    func examplesPass(_ name: String) throws {
        let rule = try Self.load(name)
        #expect(!rule.examples.valid.isEmpty, "\(name) needs valid examples")
        #expect(!rule.examples.invalid.isEmpty, "\(name) needs invalid examples")
        let failures = RuleExampleRunner.run(rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: ruleFiles)
    func documentationIsComplete(_ name: String) throws {
        let rule = try Self.load(name)
        #expect(rule.summary.hasSuffix("."), "summary should be one sentence")
        #expect(rule.description.count >= 80, "description should say why and what to do instead")
        #expect(!rule.id.contains("--"))
    }

    @Test func placeholderFamilyIsNamedAsAFamily() throws {
        let placeholders = Self.ruleFiles.filter { $0.hasPrefix("placeholder") }
        #expect(placeholders.count >= 6)
        for name in placeholders { #expect(name == "placeholder-token.json" || name.hasPrefix("placeholder-")) }
    }

    @Test func generatedEmbeddingIsUpToDate() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PackageRoot.path + "/Scripts/generate-builtin-rules.py", "--check"]
        let pipe = Pipe()
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
