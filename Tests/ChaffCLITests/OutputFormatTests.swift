import ChaffEngine
import ChaffReporters
import Foundation
import Testing

@testable import ChaffCLI

/// Each format on one fixture whose finding follows multibyte text (CJK and an astral
/// character), so that byte, scalar and UTF-16 columns all differ.
@Suite struct OutputFormatTests {
    // "𠀀" is 4 UTF-8 bytes, 2 UTF-16 units, 1 scalar; "中文" 6 bytes, 2 units, 2 scalars.
    static let fixture = "第一行\n中文𠀀 {{ name }} 和 %s\n"

    @Test func compilerFormat() {
        let scratch = Scratch()
        scratch.write("docs/a b.txt", Self.fixture)
        let run = chaff(["check", scratch.path("docs")], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.err == "")
        #expect(
            run.out == """
                docs/a b.txt:2:5: warning: Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]
                docs/a b.txt:2:18: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
    }

    @Test func compilerColumnsInEveryUnit() {
        let scratch = Scratch()
        scratch.write("a.txt", Self.fixture)
        func column(_ unit: String) -> String {
            let run = chaff(
                ["check", "--column-unit", unit, "--select", "placeholder-template-expression", scratch.path("a.txt")], in: scratch.root)
            return String(run.out.split(separator: ":")[2])
        }
        #expect(column("scalar") == "5")
        #expect(column("utf16") == "6")
        #expect(column("utf8") == "12")
        #expect(column("display") == "8")
    }

    @Test func githubFormat() {
        let scratch = Scratch()
        scratch.write("a,b:c%.txt", Self.fixture)
        let run = chaff(["check", "--format", "github", scratch.path("a,b:c%.txt")], in: scratch.root)
        #expect(run.status == 1)
        #expect(
            run.out == """
                ::warning file=a%2Cb%3Ac%25.txt,line=2,endLine=2,col=6,endColumn=16,title=chaff%3A A template expression such as {{ name }}%2C {%25 if %25}%2C <%25= name %25>%2C {count%2C plural%2C …} or ${name} was published unrendered::Unrendered template expression '{{ name }}'; fill it in or remove it [placeholder-template-expression]
                ::warning file=a%2Cb%3Ac%25.txt,line=2,endLine=2,col=19,endColumn=21,title=chaff%3A A printf-style format specifier such as %25s%2C %25d%2C %251$s%2C %25(name)s or %25@ appears in prose::Format specifier '%25s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
    }

    @Test func githubEscapingStopsInjectedCommands() {
        #expect(GitHubReporter.escapeData("x\n::error::boom %0A") == "x%0A::error::boom %250A")
        #expect(GitHubReporter.escapeData("a\r\nb") == "a%0D%0Ab")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test func jsonFormat() {
        let scratch = Scratch()
        scratch.write("a.txt", Self.fixture)
        let run = chaff(["check", "--format", "json", "--select", "placeholder-printf-specifier", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 1)
        #expect(
            run.out == """
                {
                  "version": 1,
                  "tool": {
                    "name": "chaff",
                    "version": "\(ChaffVersion.current)"
                  },
                  "columnUnit": "scalar",
                  "diagnostics": [
                    {
                      "path": "a.txt",
                      "rule": "placeholder-printf-specifier",
                      "severity": "warning",
                      "message": "Format specifier '%s' in prose; the value was never filled in",
                      "byteOffset": 36,
                      "byteLength": 2,
                      "line": 2,
                      "column": 18,
                      "endLine": 2,
                      "endColumn": 20,
                      "match": "%s",
                      "fingerprint": "\(Fingerprint.hash(["placeholder-printf-specifier", "%s", "0"]))"
                    }
                  ]
                }

                """)
    }

    @Test func sarifFormatFields() throws {
        let scratch = Scratch()
        scratch.write("docs/a b.txt", Self.fixture)
        let run = chaff(["check", "--format", "sarif", scratch.path("docs/a b.txt")], in: scratch.root)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let sarifRun = runs[0]
        #expect(sarifRun["columnKind"] as? String == "utf16CodeUnits")
        let base = try #require(sarifRun["originalUriBaseIds"] as? [String: [String: String]])
        #expect(base["%SRCROOT%"]?["uri"] == "file://" + SARIFReporter.percentEncode(scratch.root) + "/")
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "chaff")
        #expect(driver["version"] as? String == ChaffVersion.current)
        #expect(driver["informationUri"] as? String == SARIFReporter.informationURI)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "placeholder-template-expression")
        #expect(first["ruleIndex"] as? Int == ids.firstIndex(of: "placeholder-template-expression"))
        #expect(first["level"] as? String == "warning")
        let location = try #require(((first["locations"] as? [[String: Any]])?[0]["physicalLocation"]) as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "docs/a%20b.txt", "uriBaseId": "%SRCROOT%"])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 2)
        #expect(region["startColumn"] as? Int == 6)
        #expect(region["endColumn"] as? Int == 16)
        let fingerprints = try #require(first["partialFingerprints"] as? [String: String])
        #expect(fingerprints.keys.sorted() == ["chaff/v1"])
        let rule = try #require(rules.first { $0["id"] as? String == "placeholder-template-expression" })
        #expect(rule["name"] as? String == "PlaceholderTemplateExpression")
        #expect((rule["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect(((rule["help"] as? [String: String])?["markdown"] ?? "").contains("↓{{ name }}"))
        #expect(((rule["properties"] as? [String: Any])?["tags"] as? [String])?.contains("placeholder") == true)
    }

    @Test func sarifFingerprintIgnoresLinesInsertedAbove() throws {
        let scratch = Scratch()
        scratch.write("a.txt", Self.fixture)
        let before = chaff(["check", "--format", "json", scratch.path("a.txt")], in: scratch.root).out
        scratch.write("a.txt", "新的一行\n\n" + Self.fixture)
        let after = chaff(["check", "--format", "json", scratch.path("a.txt")], in: scratch.root).out
        func fingerprints(_ text: String) throws -> [String] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
        #expect(try fingerprints(before).count == 2)
        #expect(try fingerprints(before) == fingerprints(after))
        #expect(before != after)
    }

    @Test func sarifValidatesAgainstTheSchema() throws {
        let scratch = Scratch()
        scratch.write("a b/x.txt", Self.fixture)
        scratch.write("clean.txt", "nothing here\n")
        let output = scratch.path("out.sarif")
        let run = chaff(
            ["check", "--format", "sarif", "--output", output, scratch.path("a b"), scratch.path("clean.txt")], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.out == "")
        try expectValidSARIF(output)
        let empty = scratch.path("empty.sarif")
        #expect(chaff(["check", "--format", "sarif", "--output", empty, scratch.path("clean.txt")], in: scratch.root).status == 0)
        try expectValidSARIF(empty)
    }

    @Test func sarifRejectsByteColumns() {
        let scratch = Scratch()
        let run = chaff(["check", "--format", "sarif", "--column-unit", "utf8", scratch.root], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "chaff: error: format 'sarif' cannot express 'utf8' columns; use utf16 or scalar\n")
    }
}
