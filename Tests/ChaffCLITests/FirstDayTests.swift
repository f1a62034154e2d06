import ChaffText
import Foundation
import Testing

@testable import ChaffCLI
@testable import ChaffRunner

/// The issue "The first day": help on every command, did-you-mean everywhere, paths that work
/// from subdirectories, and documentation that agrees with behaviour.
@Suite struct FirstDayTests {
    static let commands = ["check", "fix", "rules", "rule", "test-rules", "lsp"]

    // MARK: help

    @Test func everyCommandHasHelpThatExitsZero() throws {
        let scratch = Scratch()
        for command in Self.commands {
            let expected = try #require(HelpText.command(command))
            for flag in ["--help", "-h"] {
                let run = chaff([command, flag], in: scratch.root)
                #expect(run.status == 0, "\(command) \(flag)")
                #expect(run.out == expected, "\(command) \(flag)")
                #expect(run.err == "")
            }
            // `chaff help COMMAND` is the same text.
            #expect(chaff(["help", command], in: scratch.root).out == expected)
            #expect(expected.hasPrefix("Usage: chaff \(command)"))
        }
        // --help wins over other options, even invalid values, and lints nothing.
        let mixed = chaff(["check", "--format", "nope", "--help", "missing.txt"], in: scratch.root)
        #expect(mixed.status == 0)
        #expect(mixed.out == HelpText.command("check"))
    }

    @Test func rulesHelpDocumentsOnlyWhatExists() {
        let scratch = Scratch()
        // Intentionally changed (config as the single source of truth): --config, --no-config.
        let help = chaff(["help", "rules"], in: scratch.root)
        #expect(
            help.out == """
                Usage: chaff rules [--rules DIR] [--no-default-rules] [--config FILE] [--no-config]

                Lists the rules 'chaff check' would load here, with the nearest .chaff.json: id,
                severity (as the config sets it) and summary. Rules that are off by default, or
                turned off by the config, are marked.

                Options:
                  --rules DIR              also load the rule files in DIR (repeatable)
                  --no-default-rules       do not load the built-in rules
                  --config FILE            read this config instead of the nearest .chaff.json
                  --no-config              read no config file
                  -h, --help               show this help

                """)
        let all = chaff(["rules", "--all"], in: scratch.root)
        #expect(all.status == 2)
        #expect(all.err == "chaff: error: unknown option '--all' for 'chaff rules'; see 'chaff help rules'\n")
        let fixHelp = chaff(["help", "fix"], in: scratch.root)
        #expect(fixHelp.status == 0)
        #expect(fixHelp.out.hasPrefix("Usage: chaff fix [OPTIONS] [PATH…]\n\nThe same as 'chaff check --fix'"))
        #expect(!fixHelp.out.contains("  --fix "))
    }

    /// Every option in a command's help is accepted by its parser and nothing else is: both come
    /// from the same table.
    @Test func helpAndParserShareOneTable() throws {
        for spec in HelpText.specs {
            for option in spec.allOptions {
                for name in option.names {
                    #expect(spec.helpText.contains(name), "\(spec.name) \(name)")
                    let arguments = option.value == nil ? [name] : [name, "x"]
                    let parsed = try ArgumentParser.parse(arguments, for: spec)
                    #expect(parsed.options.first?.name == option.canonical)
                }
            }
        }
    }

    @Test func flagsRejectValuesTheSameWayInEveryCommand() {
        let scratch = Scratch()
        for command in ["check", "rules", "rule"] {
            let run = chaff([command, "--no-default-rules=x"], in: scratch.root)
            #expect(run.status == 2, "\(command)")
            #expect(run.err == "chaff: error: option '--no-default-rules' takes no value\n")
        }
        let missing = chaff(["rules", "--rules"], in: scratch.root)
        #expect(missing.err == "chaff: error: option '--rules' needs a value\n")
    }

    // MARK: did you mean

    @Test func misspeltOptionIsNamed() {
        let scratch = Scratch()
        let run = chaff(["check", "--fromat", "json"], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "chaff: error: unknown option '--fromat' for 'chaff check'; did you mean '--format'?\n")
        let rules = chaff(["rules", "--no-defualt-rules"], in: scratch.root)
        #expect(rules.err == "chaff: error: unknown option '--no-defualt-rules' for 'chaff rules'; did you mean '--no-default-rules'?\n")
    }

    @Test func misspeltCommandIsAnErrorUnlessAPathByThatNameExists() throws {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "%s\n")
        let run = chaff(["chek", "docs"], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err == "chaff: error: unknown command 'chek'; did you mean 'check'?\n")
        // A file that happens to be called `chek` is linted (by the real binary, which opens
        // relative paths against its own working directory).
        scratch.write("chek", "%s\n")
        let file = try binary(["chek"], in: scratch.root)
        #expect(file.err == "")
        #expect(file.status == 1)
        #expect(
            file.out == "chek:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n")
        // A missing path far from every command is a missing path, as before.
        let far = chaff(["nowhere.txt"], in: scratch.root)
        #expect(far.err == "nowhere.txt: error: No such file or directory\n")
        #expect(chaff(["help", "chekc"], in: scratch.root).err == "chaff: error: no help for 'chekc'; did you mean 'check'?\n")
    }

    @Test func misspeltRulesAndFamiliesAreNamedAllAtOnce() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        let run = chaff(
            ["check", "--select", "placeholdr,placeholder-spintx", "--ignore", "no-such-rule", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(
            run.err == """
                chaff: error: 'placeholdr' matches no rule; did you mean 'placeholder'?
                chaff: error: 'placeholder-spintx' matches no rule; did you mean 'placeholder-spintax'?
                chaff: error: 'no-such-rule' matches no rule; 'chaff rules' lists them

                """)
        let rule = chaff(["rule", "gloss-tones"], in: scratch.root)
        #expect(rule.status == 2)
        #expect(rule.err == "chaff: error: no rule 'gloss-tones'; did you mean 'gloss-tone'?\n")
    }

    @Test func configErrorsArePositionedSuggestedAndAllReported() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        scratch.write(
            ".chaff.json",
            """
            {
              "ignore": ["placeholder-spintax", "placeholdr"],
              "severity": {"placeholder-spintx": "error", "gloss": "note"},
              "failOn": "sometimes",
              "exclud": []
            }
            """)
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        // Everything the parser sees, in file order.
        #expect(
            run.err == """
                .chaff.json:4:13: error: 'failOn' must be one of 'note', 'warning', 'error', 'never', found 'sometimes'
                .chaff.json:5:3: error: unknown key 'exclud'; did you mean 'exclude'?

                """)
        scratch.write(
            ".chaff.json",
            """
            {
              "ignore": ["placeholder-spintax", "placeholdr"],
              "severity": {"placeholder-spintx": "error", "gloss": "note"}
            }
            """)
        // Then every entry naming no rule, at its line and column.
        let rules = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(rules.status == 2)
        #expect(rules.out == "")
        #expect(
            rules.err == """
                .chaff.json:2:37: error: 'placeholdr' in 'ignore' matches no rule; did you mean 'placeholder'?
                .chaff.json:3:16: error: 'placeholder-spintx' in 'severity' matches no rule; did you mean 'placeholder-spintax'?

                """)
    }

    @Test func misspeltSuppressionDirectiveIsNamed() {
        let scratch = Scratch()
        scratch.write("a.md", "<!-- chaff-disabel-next-line -->\n%s\n<!-- chaff-disable placeholder-spintx -->\n")
        let run = chaff(["check", "--select", "invalid-suppression", scratch.path("a.md")], in: scratch.root)
        #expect(
            run.out == """
                a.md:1:1: warning: Invalid suppression: unknown suppression directive 'chaff-disabel-next-line'; did you mean 'chaff-disable-next-line'? [invalid-suppression]
                a.md:3:1: warning: Invalid suppression: 'chaff-disable' names 'placeholder-spintx', which is no rule or family; did you mean 'placeholder-spintax'? [invalid-suppression]

                """)
    }

    @Test func misspeltRequiredRuleKeyIsNamedNotMissing() {
        let scratch = Scratch()
        scratch.write("rules/my-rule.json", RuleFileErrorTests.valid.replacingOccurrences(of: "\"examples\"", with: "\"exampels\""))
        let run = chaff(["test-rules", scratch.path("rules")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "rules/my-rule.json:8:3: error: unknown key 'exampels'; did you mean 'examples'?\n")
        // A required key that is really absent is still "missing"; a valid neighbour is not a typo.
        scratch.write("rules/my-rule.json", RuleFileErrorTests.valid.replacingOccurrences(of: ", \"invalid\": [\"↓bad\"]", with: ""))
        let missing = chaff(["test-rules", scratch.path("rules")], in: scratch.root)
        #expect(missing.err == "rules/my-rule.json:8:15: error: missing required key 'examples.invalid'\n")
    }

    @Test func suggestionDistance() {
        #expect(Suggestion.closest(to: "chek", in: ["check", "fix"]) == "check")
        #expect(Suggestion.closest(to: "chekc", in: ["check"]) == "check")  // a swap is one edit
        #expect(Suggestion.closest(to: "docs", in: ["check", "fix", "rules"]) == nil)
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    }

    // MARK: paths

    @Test func baselineAboveTheWorkingDirectoryFromASubdirectory() {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "%s\n")
        scratch.write("sub/.keep", "")
        let sub = scratch.path("sub")
        // In-process runs open files relative to the test process's directory, so the baseline is
        // named with '..' inside an absolute path; `baselinePathsAreRelativeToTheBaselineDirectory`
        // covers a bare `../base.json`.
        let written = chaff(["check", "--write-baseline", scratch.path("sub/../base.json"), scratch.path("docs")], in: sub)
        #expect(written.status == 0)
        #expect(scratch.read("base.json").contains(#"{"path":"docs/a.txt","#))
        let checked = chaff(["check", "--baseline", scratch.path("sub/../base.json"), scratch.path("docs")], in: sub)
        #expect(checked.status == 0)
        #expect(checked.out == "")
        #expect(checked.err == "chaff: note: 1 finding accepted by the baseline\n")
        // Written from the subdirectory beside the files it lists: relative with '..', not absolute.
        let beside = chaff(["check", "--write-baseline", scratch.path("sub/b.json"), scratch.path("docs")], in: sub)
        #expect(beside.status == 0)
        #expect(scratch.read("sub/b.json").contains(#"{"path":"../docs/a.txt","#))
        #expect(chaff(["check", "--baseline", scratch.path("sub/b.json"), scratch.path("docs")], in: sub).status == 0)
    }

    /// The same with the real binary and relative arguments exactly as a user types them.
    @Test func baselineGivenAsDotDotWithTheBinary() throws {
        let scratch = Scratch()
        scratch.write("docs/a.txt", "%s\n")
        scratch.write("sub/.keep", "")
        let written = try binary(["check", "--write-baseline", "../base.json", "../docs"], in: scratch.path("sub"))
        #expect(written.status == 0)
        #expect(written.err == "chaff: wrote 1 finding to the baseline ../base.json\n")
        #expect(scratch.read("base.json").contains(#"{"path":"docs/a.txt","#))
        let checked = try binary(["check", "--baseline", "../base.json", "../docs"], in: scratch.path("sub"))
        #expect(checked.status == 0)
        #expect(checked.out == "")
        #expect(checked.err == "chaff: note: 1 finding accepted by the baseline\n")
        let fromTop = try binary(["check", "--baseline", "base.json", "docs"], in: scratch.root)
        #expect(fromTop.status == 0)
        let beside = try binary(["check", "--write-baseline", "b.json", "../docs"], in: scratch.path("sub"))
        #expect(beside.status == 0)
        #expect(scratch.read("sub/b.json").contains(#"{"path":"../docs/a.txt","#))
        let output = try binary(["check", "-o", "reports/x.json", "-f", "json", "../docs"], in: scratch.path("sub"))
        #expect(output.status == 1)
        #expect(scratch.read("sub/reports/x.json").contains("\"rule\": \"placeholder-printf-specifier\""))
    }

    @Test func baselinePathsAreRelativeToTheBaselineDirectory() {
        let paths = BaselinePaths(baselineFile: "../base.json", workingDirectory: "/r/sub")
        #expect(paths.relative("a.txt") == "sub/a.txt")
        #expect(paths.relative("/r/docs/b.md") == "docs/b.md")
        let inside = BaselinePaths(baselineFile: "b.json", workingDirectory: "/r/sub")
        #expect(inside.relative("/r/docs/b.md") == "../docs/b.md")
        #expect(inside.relative("/elsewhere/c.md") == "../../elsewhere/c.md")
    }

    @Test func outputCreatesMissingDirectories() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        let run = chaff(["check", "-f", "sarif", "-o", scratch.path("reports/ci/x.sarif"), scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.out == "")
        #expect(run.err == "")
        #expect(scratch.read("reports/ci/x.sarif").contains("\"ruleId\": \"placeholder-printf-specifier\""))
    }

    @Test func sarifFromStandardInput() throws {
        let scratch = Scratch()
        let unnamed = chaff(["check", "-f", "sarif", "-"], in: scratch.root, stdin: "%s\n")
        #expect(unnamed.status == 1)
        #expect(!unnamed.out.contains("stdin%3E"))
        #expect(
            unnamed.out.contains(
                """
                                "artifactLocation": {
                                  "description": {
                                    "text": "standard input"
                                  }
                                },
                """))
        #expect(try JSONSchemaValidatorTests.violations(unnamed.out) == [])
        let named = chaff(["check", "-f", "sarif", "--stdin-filename", "docs/page.md", "-"], in: scratch.root, stdin: "%s\n")
        #expect(
            named.out.contains(
                """
                                "artifactLocation": {
                                  "uri": "docs/page.md",
                                  "uriBaseId": "%SRCROOT%"
                                },
                """))
        #expect(try JSONSchemaValidatorTests.violations(named.out) == [])
    }

    // MARK: documentation agrees with behaviour

    @Test func aBrokenConfigLintsNothing() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s\n")
        scratch.write(".chaff.json", #"{"failOn": 3}"#)
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(run.err == ".chaff.json:1:12: error: 'failOn' must be a string, found a number\n")
        let readme = try! String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains("| 2 | a usage, config or rule-file error: nothing is linted"))
        #expect(!readme.contains("every readable file is still linted and reported first |"))
    }

    /// The README's built-in rule table says what the rules say: severity, off by default,
    /// fixable.
    @Test func readmeRuleTableMatchesTheRules() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Built-in rules").last)
        var rows: [String: String] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[String(cells[0].dropFirst().dropLast())] = cells[1]
        }
        let rules = try RuleSetLoader.builtIns()
        #expect(Set(rows.keys) == Set(rules.map(\.id)))
        for rule in rules {
            var expected = [rule.severity.rawValue]
            if rule.offersFixes { expected.append("fixable") }
            if !rule.enabledByDefault { expected.append("off by default") }
            #expect(rows[rule.id] == expected.joined(separator: ", "), "README row for \(rule.id)")
        }
        #expect(
            rules.filter(\.offersFixes).map(\.id).sorted()
                == ["gloss-reading", "gloss-tone", "mixed-han-script", "translation-placeholder-changed"]
                + rules.map(\.id).filter { $0.hasPrefix("typography-") }.sorted())
        #expect(rules.filter { $0.id.hasPrefix("typography-") }.count == 14)
    }

    @Test func ruleSaysWhetherItFixes() {
        let scratch = Scratch()
        let fixes = chaff(["rule", "mixed-han-script"], in: scratch.root)
        #expect(fixes.out.contains("\nFixable: 'chaff fix' (or 'chaff check --fix') rewrites what it finds where it can.\n"))
        let not = chaff(["rule", "placeholder-spintax"], in: scratch.root)
        #expect(not.out.contains("\nNot fixable: 'chaff fix' leaves its findings to you.\n"))
        // A pattern rule fixes only with a replacement.
        scratch.write("rules/my-rule.json", RuleFileErrorTests.valid)
        scratch.write(
            "fixing/my-fix.json",
            RuleFileErrorTests.valid.replacingOccurrences(of: "my-rule", with: "my-fix").replacingOccurrences(
                of: "[\"bad\"]}", with: "[\"bad\"], \"replacement\": \"good\"}"))
        #expect(
            chaff(["rule", "my-rule", "--no-default-rules", "--rules", scratch.path("rules")], in: scratch.root).out.contains(
                "\nNot fixable"))
        #expect(
            chaff(["rule", "my-fix", "--no-default-rules", "--rules", scratch.path("fixing")], in: scratch.root).out.contains("\nFixable"))
    }

    @Test func patternExceptionsHaveTheirOwnCaseFlag() {
        func run(_ options: String) -> String {
            let scratch = Scratch()
            scratch.write(
                "rules/my-rule.json", RuleFileErrorTests.valid.replacingOccurrences(of: "{\"phrases\": [\"bad\"]}", with: options))
            scratch.write("a.txt", "NASA nasa\n")
            return chaff(["check", "--no-default-rules", "--rules", scratch.path("rules"), scratch.path("a.txt")], in: scratch.root).out
        }
        // Exceptions follow caseSensitive by default (documented), so both are excepted here.
        #expect(run(#"{"phrases": ["nasa"], "exceptions": ["NASA"]}"#) == "")
        // With their own flag, only the exact spelling is excepted.
        #expect(
            run(#"{"phrases": ["nasa"], "exceptions": ["NASA"], "exceptionsCaseSensitive": true}"#)
                == "a.txt:1:6: warning: Found nasa [my-rule]\n")
        #expect(run(#"{"phrases": ["nasa"], "caseSensitive": true, "exceptions": ["NASA"], "exceptionsCaseSensitive": false}"#) == "")
        #expect(
            run(#"{"phrases": ["nasa"], "caseSensitive": true, "exceptions": ["NASA"]}"#) == "a.txt:1:6: warning: Found nasa [my-rule]\n")
    }

    /// Runs the built executable in `directory`, so relative paths resolve as for a user.
    func binary(_ arguments: [String], in directory: String) throws -> ChaffRun {
        let executable = try #require(CopiedBinaryTests.builtExecutable(), "the chaff executable was not built next to the tests")
        return try runExecutable(executable, arguments, in: directory)
    }
}
