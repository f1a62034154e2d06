import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffCore

/// Every seed and every input the fuzzers ever failed on (`Fuzz/corpus/<target>/regression-*`)
/// goes through the fuzz targets' own checks (FuzzChecks/ links to Fuzz/Targets/Support), so a
/// finding fixed once stays fixed without a fuzzing run.
@Suite struct FuzzRegressionTests {
    static func corpus(_ target: String) -> [String] {
        let directory = repositoryRoot + "/Fuzz/corpus/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { directory + "/" + $0 }
    }

    @Test func corporaHoldTheRegressionInputs() {
        #expect(Self.corpus("document").map { ($0 as NSString).lastPathComponent }.filter { $0.hasPrefix("regression-") } == [
            "regression-github-combining-mark", "regression-json-feff", "regression-sarif-bom-path",
        ])
    }

    @Test(arguments: corpus("document"))
    func documentPipeline(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try DocumentPipelineCheck.check(Array(bytes))
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    @Test(arguments: corpus("rules"))
    func ruleLoader(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try RuleLoaderCheck.check(Array(bytes))
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    /// regression-json-feff: Foundation's JSONSerialization drops a raw U+FEFF at the start of
    /// a string or after an escape, so a match like "{{ \u{1}\u{FEFF}x }}" came back shorter
    /// than its byteLength. chaff now writes U+FEFF as \ufeff.
    @Test func byteOrderMarkInsideTextSurvivesAJSONReader() throws {
        let scratch = Scratch()
        scratch.write("a.txt", "{{ \u{1}\u{FEFF}x }}\n")
        let out = chaff(["check", "--format", "json", scratch.path("a.txt")], in: scratch.root).out
        #expect(out.contains("\n      \"match\": \"{{ \\u0001\\ufeffx }}\",\n"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(((root["diagnostics"] as? [[String: Any]])?.first?["match"] as? String) == "{{ \u{1}\u{FEFF}x }}")
        #expect(JSONOutput.string("\u{FEFF}a").serialized() == "\"\\ufeffa\"")
    }
}
