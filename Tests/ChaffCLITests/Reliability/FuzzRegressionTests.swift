import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffEngine
@testable import ChaffRunner
@testable import ChaffText

/// Every seed and every input the fuzzers ever failed on (`Fuzz/corpus/<target>/regression-*`)
/// goes through the fuzz targets' own checks (Fuzz/build compiles FuzzChecks/ into the fuzz targets), so a
/// finding fixed once stays fixed without a fuzzing run.
@Suite struct FuzzRegressionTests {
    static func corpus(_ target: String) -> [String] {
        let directory = repositoryRoot + "/Fuzz/corpus/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { directory + "/" + $0 }
    }

    @Test func corporaHoldTheRegressionInputs() {
        #expect(
            Self.corpus("document").map { ($0 as NSString).lastPathComponent }.filter { $0.hasPrefix("regression-") } == [
                "regression-github-combining-mark", "regression-json-feff", "regression-sarif-bom-path",
            ])
        #expect(
            Self.corpus("rules").map { ($0 as NSString).lastPathComponent }.filter { $0.hasPrefix("regression-") } == [
                "regression-glob-backtracking"
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

    @Test(arguments: corpus("gettext"))
    func gettextReader(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try GettextReaderCheck.check(Array(bytes))
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    @Test(
        arguments: [DocumentFormat.xliff, .androidStrings, .stringsdict].flatMap { format in
            corpus(format == .androidStrings ? "android-strings" : format.rawValue).map { (format, $0) }
        })
    func xmlLocalizationReaders(_ format: DocumentFormat, _ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try XMLLocalizationReaderCheck.check(Array(bytes), format: format)
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    @Test(
        arguments: corpus("apple-strings").map { ($0, DocumentFormat.appleStrings) } + corpus("xcstrings").map { ($0, .xcstrings) }
            + corpus("i18n-json").map { ($0, .i18nJSON) })
    func catalogueReaders(_ path: String, format: DocumentFormat) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try CatalogueReaderCheck.check(Array(bytes), format: format)
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    @Test(arguments: corpus("lsp"))
    func languageServerMessages(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        do {
            try LanguageServerMessageCheck.check(Array(bytes))
        } catch {
            Issue.record("\(path): \(error.message)")
        }
    }

    /// regression-glob-backtracking: a `formats` pattern with 65 stars took minutes per path.
    /// Matching now remembers the pattern and path positions that failed, so each is tried once;
    /// without that, this 13-star pattern against 60 a's would not finish in any time limit.
    @Test(.timeLimit(.minutes(1))) func globPatternsCannotBacktrackExponentially() {
        let glob = Glob("a*a*a*a*a*a*a*a*a*a*a*a*b")
        #expect(glob.matches(String(repeating: "a", count: 60)) == false)
        #expect(glob.matches(String(repeating: "a", count: 60) + "b") == true)
        #expect(Glob("x/**/a**a**a**a**a**a**a**a**b").matches("x/" + String(repeating: "a/", count: 30) + "c") == false)

        // The same through a config file's `exclude`, as a hostile repository would ship it.
        let scratch = Scratch()
        scratch.write(".chaff.json", #"{"exclude": ["a*a*a*a*a*a*a*a*a*a*a*a*b"]}"#)
        scratch.write(String(repeating: "a", count: 60) + ".txt", "%s\n")
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(
            run.out == String(repeating: "a", count: 60)
                + ".txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
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
