import Foundation
import Testing

@testable import ChaffCLI

/// `.github/chaff-problem-matcher.json` applied, as the Actions runner applies it, to real
/// compiler-style output: every line is tried against every matcher; a matched group that did
/// not take part gives "", and a matcher's `severity` fills in when the pattern has none.
@Suite struct ProblemMatcherTests {
    /// One matcher from the file, compiled.
    struct Matcher {
        var owner: String
        var defaultSeverity: String
        var regex: NSRegularExpression
        var groups: [String: Int]
    }

    /// What the runner would turn a line into.
    struct Issue: Equatable, CustomStringConvertible {
        var owner, file, line, column, severity, message, code: String
        var description: String { "\(owner) \(file):\(line):\(column) \(severity) '\(message)' [\(code)]" }
    }

    static func loadMatchers() throws -> [Matcher] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/.github/chaff-problem-matcher.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(root["problemMatcher"] as? [[String: Any]])
        return try list.map { entry in
            let patterns = try #require(entry["pattern"] as? [[String: Any]])
            try #require(patterns.count == 1)
            let pattern = patterns[0]
            var groups: [String: Int] = [:]
            for key in ["file", "line", "column", "severity", "message", "code"] {
                if let index = pattern[key] as? Int { groups[key] = index }
            }
            return Matcher(
                owner: try #require(entry["owner"] as? String), defaultSeverity: entry["severity"] as? String ?? "",
                regex: try NSRegularExpression(pattern: try #require(pattern["regexp"] as? String)), groups: groups)
        }
    }

    static func issues(in text: String, matchers: [Matcher]) -> [Issue] {
        var found: [Issue] = []
        for line in text.split(separator: "\n") {
            let line = String(line)
            let ns = line as NSString
            for matcher in matchers {
                guard let match = matcher.regex.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
                func group(_ key: String) -> String {
                    guard let index = matcher.groups[key] else { return "" }
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? "" : ns.substring(with: range)
                }
                let severity = group("severity")
                found.append(
                    Issue(
                        owner: matcher.owner, file: group("file"), line: group("line"), column: group("column"),
                        severity: severity.isEmpty ? matcher.defaultSeverity : severity, message: group("message"), code: group("code")))
            }
        }
        return found
    }

    @Test func fileDeclaresTwoOwners() throws {
        let matchers = try Self.loadMatchers()
        #expect(matchers.map(\.owner) == ["chaff", "chaff-note"])
        #expect(matchers.map(\.defaultSeverity) == ["", "notice"])
        #expect(matchers[0].groups == ["file": 1, "line": 2, "column": 3, "severity": 4, "message": 5, "code": 6])
        #expect(matchers[1].groups == ["file": 1, "line": 2, "column": 3, "message": 4, "code": 5])
    }

    @Test func realOutputParsesFieldByField() throws {
        let matchers = try Self.loadMatchers()
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("docs/a b.txt", "第一行\n中文𠀀：据说 {{ a:b }}，有报道称\n")
        scratch.write("x:y 文档.txt", "  据说\n")
        let run = chaff(
            ["check", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", scratch.path("docs"), scratch.path("x:y 文档.txt")],
            in: scratch.root)
        #expect(run.status == 1)
        let found = Self.issues(in: run.out, matchers: matchers)
        #expect(
            found == [
                Issue(
                    owner: "chaff", file: "docs/a b.txt", line: "2", column: "5", severity: "error",
                    message: "Claim: '据说' needs a source: cite it", code: "test-claim-error"),
                Issue(
                    owner: "chaff", file: "docs/a b.txt", line: "2", column: "8", severity: "warning",
                    message: "Unrendered template expression '{{ a:b }}'; fill it in or remove it", code: "placeholder-template-expression"),
                Issue(
                    owner: "chaff-note", file: "docs/a b.txt", line: "2", column: "18", severity: "notice",
                    message: "Hedge: '有报道称' [unsourced]", code: "test-hedge-note"),
                Issue(
                    owner: "chaff", file: "x:y 文档.txt", line: "1", column: "3", severity: "error",
                    message: "Claim: '据说' needs a source: cite it", code: "test-claim-error"),
            ])
        // Each output line gives exactly one annotation.
        #expect(run.out.split(separator: "\n").count == found.count)
    }

    @Test func utf16ColumnsAsTheActionRunsIt() throws {
        let matchers = try Self.loadMatchers()
        let scratch = Scratch()
        scratch.write("a.txt", IntegrationFixtures.text)
        let run = chaff(["check", "--column-unit", "utf16", scratch.path("a.txt")], in: scratch.root)
        #expect(Self.issues(in: run.out, matchers: matchers).map(\.column) == ["6", "19"])
    }

    /// The VS Code problem matcher in docs/integrations.md: one pattern for all three severities.
    @Test func vsCodeMatcherInTheDocs() throws {
        let docs = try String(contentsOfFile: repositoryRoot + "/docs/integrations.md", encoding: .utf8)
        let lines = docs.split(separator: "\n").filter { $0.contains("\"regexp\": \"") }
        try #require(lines.count == 1)
        let value = String(lines[0].split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data("[\(value)]".utf8)) as? [String])
        let matcher = Matcher(
            owner: "vscode", defaultSeverity: "", regex: try NSRegularExpression(pattern: decoded[0]),
            groups: ["file": 1, "line": 2, "column": 3, "severity": 4, "message": 5, "code": 6])
        let scratch = IntegrationFixtures.scratchWithRules()
        scratch.write("docs/a b.txt", "中文𠀀：据说 {{ a:b }}，有报道称\n")
        let run = chaff(
            ["check", "--column-unit", "utf16", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", scratch.path("docs")],
            in: scratch.root)
        #expect(
            Self.issues(in: run.out, matchers: [matcher]) == [
                Issue(
                    owner: "vscode", file: "docs/a b.txt", line: "1", column: "6", severity: "error",
                    message: "Claim: '据说' needs a source: cite it", code: "test-claim-error"),
                Issue(
                    owner: "vscode", file: "docs/a b.txt", line: "1", column: "9", severity: "warning",
                    message: "Unrendered template expression '{{ a:b }}'; fill it in or remove it", code: "placeholder-template-expression"),
                Issue(
                    owner: "vscode", file: "docs/a b.txt", line: "1", column: "19", severity: "note",
                    message: "Hedge: '有报道称' [unsourced]", code: "test-hedge-note"),
            ])
    }

    @Test func toolErrorsMatchWithoutCodeAndNotesAboutTheRunDoNot() throws {
        let matchers = try Self.loadMatchers()
        let scratch = Scratch()
        scratch.write(
            "rules/test-claim-error.json", IntegrationFixtures.errorRule.replacingOccurrences(of: "\"severity\"", with: "\"sevrity\""))
        scratch.write("a.txt", "fine\n")
        let run = chaff(
            ["check", "--rules", scratch.path("rules"), "--ignore", "unsourced-claim", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        let found = Self.issues(in: run.err, matchers: matchers)
        try #require(found.count >= 1)
        #expect(found[0].owner == "chaff")
        #expect(found[0].file == "rules/test-claim-error.json")
        #expect(found[0].line == "4")
        #expect(found[0].column == "3")
        #expect(found[0].severity == "error")
        #expect(found[0].code == "")
        #expect(found[0].message.hasPrefix("unknown key 'sevrity'"))

        let lines = [
            "chaff: note: skipped 1 binary file (first: a.bin)",
            "chaff: error: unknown format 'x'",
            "a.txt:1: warning: no column",
            "a.txt:1:2: info: not a severity chaff prints [r]",
        ]
        #expect(Self.issues(in: lines.joined(separator: "\n"), matchers: matchers) == [])
    }
}
