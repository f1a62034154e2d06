import ChaffEngine
import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffRunner

/// One document checked by several threads at once (its rules side by side) must report
/// exactly what one thread reports: the same diagnostics in the same order, byte for byte in
/// every format.
@Suite struct OneFileWorkersTests {
    /// The text fixtures of every rule family (glosses right and wrong, ruby, mixed scripts,
    /// claims), one after another, with suppression comments used, unused and misspelt.
    static let mixedText: String = {
        let fixtures = [
            "glosses/correct.txt", "glosses/wrong.txt", "glosses/ruby.html", "mixed-script/mixed-simplified.txt",
            "mixed-script/mixed-traditional.txt", "mixed-script/multilingual.txt", "mixed-script/words.txt",
            "claims/sourced-and-unsourced.md",
        ]
        var text = "<!-- chaff-disable-next-line placeholder-printf-specifier -->\n%s 已填写 {{ name }} 据不完全统计，用户很多。\n\n"
        text += "<!-- chaff-disable-next-line unsourced-claim -->\n没有问题。\n\n<!-- chaff-disable-line no-such-rule -->\n\n"
        for name in fixtures {
            let url = URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/" + name)
            text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            text += "\n\n"
        }
        return text
    }()

    static let linter = Linter(rules: FuzzSupport.builtInRules.map { ActiveRule($0) })

    @Test(arguments: ["markdown", "text", "html"]) func rulesSideBySideReportAsOne(format: String) {
        let document = DocumentMaker.document(path: "mixed", source: Array(Self.mixedText.utf8), format: format)
        let one = Self.linter.lint(document, workers: 1)
        // Every family reports something here, so the comparison covers their merge.
        #expect(Set(one.map(\.ruleID)).count >= 7)
        for workers in [2, 3, 64] {
            #expect(Self.linter.lint(document, workers: workers) == one, "\(workers) workers, \(format)")
        }
    }

    @Test func largeFileReportIsTheSameWithTwoJobs() throws {
        // Above LintRunner.parallelFileBytes, so that -j 2 checks the file on two threads.
        let scratch = Scratch()
        let copies = LintRunner.parallelFileBytes / Self.mixedText.utf8.count + 2
        try String(repeating: Self.mixedText, count: copies).write(
            toFile: scratch.path("large.md"), atomically: true, encoding: .utf8)
        // A regex budget no run reaches: a rule running out of time on one run only would differ.
        for format in ["json", "compiler"] {
            let one = chaff(
                ["check", "--no-config", "--format", format, "--regex-timeout", "3600", "-j", "1", scratch.path("large.md")],
                in: scratch.root)
            let two = chaff(
                ["check", "--no-config", "--format", format, "--regex-timeout", "3600", "-j", "2", scratch.path("large.md")],
                in: scratch.root)
            #expect(one.out.count > 100_000)
            #expect(two.out == one.out, "\(format)")
            #expect(two.err == one.err)
            #expect(two.status == one.status)
        }
    }
}
