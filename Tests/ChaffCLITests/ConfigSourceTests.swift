import ChaffRunner
import Foundation
import Testing

@testable import ChaffCLI

/// The issue "The first day", item 5: the config is the single source of truth. `rules`,
/// `rule` and `test-rules` read it as `check` does; a rule directory named twice is loaded
/// once; rule options are set in `.chaff.json`; each file gets its nearest config.
@Suite struct ConfigSourceTests {
    static let rule = RuleFileErrorTests.valid
    /// A second rule, off by default.
    static let offRule = RuleFileErrorTests.valid.replacingOccurrences(of: "my-rule", with: "my-off")
        .replacingOccurrences(of: "\"summary\": \"S.\"", with: "\"summary\": \"Off.\", \"enabled\": false")

    func scratch(config: String) -> Scratch {
        let scratch = Scratch()
        scratch.write("rules/my-rule.json", Self.rule)
        scratch.write("rules/my-off.json", Self.offRule)
        scratch.write(".chaff.json", config)
        return scratch
    }

    // MARK: 1. rules, rule and test-rules read the config

    @Test func rulesListsWhatCheckWouldRun() {
        let scratch = scratch(config: #"{"rules": ["rules"], "defaultRules": false}"#)
        let run = chaff(["rules"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(
            run.out == """
                my-off   warning  Off. (off by default)
                my-rule  warning  S.

                """)
        // Severity and selection as the config sets them.
        scratch.write(
            ".chaff.json", #"{"rules": ["rules"], "defaultRules": false, "severity": {"my-rule": "error"}, "select": ["my-off"]}"#)
        #expect(
            chaff(["rules"], in: scratch.root).out == """
                my-off   warning  Off.
                my-rule  error    S. (off in .chaff.json)

                """)
        scratch.write(".chaff.json", #"{"rules": ["rules"], "defaultRules": false, "severity": {"my": "note", "my-off": "off"}}"#)
        #expect(
            chaff(["rules"], in: scratch.root).out == """
                my-off   warning  Off. (off by default)
                my-rule  note     S.

                """)
        scratch.write(".chaff.json", #"{"rules": ["rules"], "defaultRules": false, "ignore": ["my-rule"]}"#)
        #expect(
            chaff(["rules"], in: scratch.root).out == """
                my-off   warning  Off. (off by default)
                my-rule  warning  S. (off in .chaff.json)

                """)
        // --no-config and --config FILE as in check; the built-ins come back without the config.
        let none = chaff(["rules", "--no-config"], in: scratch.root)
        #expect(none.out.hasPrefix("gloss-inconsistent "))
        #expect(!none.out.contains("my-rule"))
        scratch.write("other.json", #"{"rules": ["rules"], "defaultRules": false, "ignore": ["my"]}"#)
        #expect(
            chaff(["rules", "--config", scratch.path("other.json")], in: scratch.root).out == """
                my-off   warning  Off. (off by default)
                my-rule  warning  S. (off in other.json)

                """)
    }

    @Test func rulesFindsTheConfigFromASubdirectory() {
        let scratch = scratch(config: #"{"rules": ["rules"], "defaultRules": false}"#)
        scratch.write("sub/deeper/.keep", "")
        let run = chaff(["rules"], in: scratch.path("sub/deeper"))
        #expect(
            run.out == """
                my-off   warning  Off. (off by default)
                my-rule  warning  S.

                """)
        // A config error is reported as check reports it.
        scratch.write(".chaff.json", #"{"rules": ["rules"], "ignore": ["my-rul"]}"#)
        let broken = chaff(["rules"], in: scratch.root)
        #expect(broken.status == 2)
        #expect(broken.out == "")
        #expect(broken.err == ".chaff.json:1:33: error: 'my-rul' in 'ignore' matches no rule; did you mean 'my-rule'?\n")
    }

    @Test func ruleExplainsARuleFromTheConfigsDirectory() {
        let scratch = scratch(config: #"{"rules": ["rules"]}"#)
        let run = chaff(["rule", "my-rule"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("my-rule (warning, kind pattern, scope prose)\nS.\n"))
        let none = chaff(["rule", "my-rule", "--no-config"], in: scratch.root)
        #expect(none.status == 2)
        #expect(none.err == "chaff: error: no rule 'my-rule'; 'chaff rules' lists them\n")
    }

    @Test func testRulesRunsTheConfigsRules() {
        let scratch = scratch(config: #"{"rules": ["rules"], "defaultRules": false}"#)
        let run = chaff(["test-rules"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(run.out == "2 rules, 4 examples: 4 passed, 0 failed\n")
        // With the built-ins too, the config's rules are added to them.
        scratch.write(".chaff.json", #"{"rules": ["rules"]}"#)
        let builtIns = chaff(["test-rules", "--no-config"], in: scratch.root)
        let all = chaff(["test-rules"], in: scratch.root)
        let count = { (run: ChaffRun) in Int(run.out.split(separator: " ")[0])! }
        #expect(count(all) == count(builtIns) + 2)
        #expect(all.status == 0)
        // A failing example of a config rule is found.
        scratch.write("rules/my-rule.json", Self.rule.replacingOccurrences(of: "[\"↓bad\"]", with: "[\"↓nothing\"]"))
        let failing = chaff(["test-rules"], in: scratch.root)
        #expect(failing.status == 1)
        #expect(failing.out.hasPrefix("rules/my-rule.json: my-rule: examples.invalid[0]\n  expected: ↓nothing\n  actual:   nothing\n"))
    }

    // MARK: 2. a rule directory named twice is loaded once

    @Test func aRuleDirectoryInTheConfigAndOnTheCommandLineIsNoDuplicate() {
        let scratch = scratch(config: #"{"rules": ["rules"], "defaultRules": false}"#)
        scratch.write("a.txt", "bad\n")
        for spelling in [scratch.path("rules"), scratch.path("rules/"), scratch.path("./rules/../rules")] {
            let run = chaff(["check", "--rules", spelling, scratch.path("a.txt")], in: scratch.root)
            #expect(run.err == "", "\(spelling)")
            #expect(run.status == 1)
            #expect(run.out == "a.txt:1:1: warning: Found bad [my-rule]\n")
            let rules = chaff(["rules", "--rules", spelling], in: scratch.root)
            #expect(rules.status == 0)
            #expect(rules.out.split(separator: "\n").count == 2)
        }
        // A different directory defining the same id still is.
        scratch.write("more/my-rule.json", Self.rule)
        let clash = chaff(["check", "--rules", scratch.path("more"), scratch.path("a.txt")], in: scratch.root)
        #expect(clash.status == 2)
        #expect(clash.err == "more/my-rule.json:2:9: error: duplicate rule id 'my-rule'; also defined in rules/my-rule.json\n")
    }

    // MARK: 3. rule options in the config

    @Test func optionsInTheConfigAreMergedOverTheRuleFiles() {
        let scratch = scratch(config: #"{"rules": ["rules"], "defaultRules": false, "options": {"my-rule": {"phrases": ["worse"]}}}"#)
        scratch.write("a.txt", "bad worse\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.err == "")
        #expect(run.out == "a.txt:1:5: warning: Found worse [my-rule]\n")
        // Keys the config does not set keep the rule file's values: the replacement stays.
        scratch.write("rules/my-rule.json", Self.rule.replacingOccurrences(of: "[\"bad\"]}", with: "[\"bad\"], \"replacement\": \"good\"}"))
        let fixed = chaff(["check", "--fix", scratch.path("a.txt")], in: scratch.root)
        #expect(fixed.err == "chaff: fixed 1 finding in 1 file\n")
        #expect(scratch.read("a.txt") == "bad good\n")
        // The examples still test the rule file's own options.
        let tests = chaff(["test-rules"], in: scratch.root)
        #expect(tests.out == "2 rules, 4 examples: 4 passed, 0 failed\n")
        #expect(tests.status == 0)
    }

    @Test func aBuiltInRulesOptionsCanBeSet() {
        let scratch = Scratch()
        scratch.write("a.txt", "觀点\n")
        let plain = chaff(["check", "--select", "mixed-han-script", scratch.path("a.txt")], in: scratch.root)
        scratch.write(".chaff.json", #"{"options": {"mixed-han-script": {"direction": "simplified"}}}"#)
        let configured = chaff(["check", "--select", "mixed-han-script", scratch.path("a.txt")], in: scratch.root)
        #expect(configured.err == "")
        #expect(configured.out == "a.txt:1:1: warning: Traditional character '觀' in Simplified text; use '观' [mixed-han-script]\n")
        #expect(plain.out == "")
    }

    @Test func optionErrorsArePositionedInTheConfig() {
        let scratch = scratch(
            config: """
                {
                  "rules": ["rules"],
                  "options": {
                    "my-rul": {"phrases": ["x"]},
                    "my-rule": {"phrase": ["x"], "caseSensitive": "yes"},
                    "mixed-han-script": {"direction": "sideways"},
                    "placeholder": {}
                  }
                }
                """)
        scratch.write("a.txt", "bad\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.out == "")
        #expect(
            run.err == """
                .chaff.json:4:5: error: 'my-rul' in 'options' is no rule; did you mean 'my-rule'?
                .chaff.json:5:51: error: 'options.my-rule.caseSensitive' must be a boolean, found a string
                .chaff.json:6:39: error: 'options.mixed-han-script.direction' must be one of 'majority', 'simplified', 'traditional', found 'sideways'
                .chaff.json:7:5: error: 'placeholder' in 'options' is no rule; 'chaff rules' lists them

                """)
        // A kind stops at its first bad option, as in a rule file ('phrase' is reported once
        // 'caseSensitive' is fixed). The same errors from every command that reads the config.
        #expect(chaff(["rules"], in: scratch.root).err == run.err)
        #expect(chaff(["test-rules"], in: scratch.root).err == run.err)
        scratch.write(
            ".chaff.json", #"{"rules": ["rules"], "options": {"my-rule": {"phrases": ["x"], "exceptoins": []}, "gloss-tone": 3}}"#)
        #expect(
            chaff(["check", scratch.path("a.txt")], in: scratch.root).err == """
                .chaff.json:1:97: error: 'options.gloss-tone' must be an object of the rule's options, found a number

                """)
        scratch.write(".chaff.json", #"{"rules": ["rules"], "options": {"my-rule": {"phrases": ["x"], "exceptoins": []}}}"#)
        #expect(
            chaff(["check", scratch.path("a.txt")], in: scratch.root).err == """
                .chaff.json:1:64: error: unknown key 'options.my-rule.exceptoins'; did you mean 'exceptions'?

                """)
    }

    // MARK: 4. the nearest config per file

    @Test func eachFileGetsItsNearestConfig() {
        let scratch = Scratch()
        scratch.write("a.txt", "%s {a|b}\n")
        scratch.write("docs/b.txt", "%s {a|b}\n")
        scratch.write("docs/deep/c.txt", "%s {a|b}\n")
        scratch.write("docs/drafts/d.txt", "%s {a|b}\n")
        scratch.write("docs/notes.tmpl", "%s {a|b}\n")
        scratch.write(".chaff.json", #"{"select": ["placeholder-printf-specifier"], "exclude": ["drafts"]}"#)
        // Relative to docs/: `drafts` here is docs/drafts, `*.tmpl` docs/*.tmpl.
        scratch.write(
            "docs/.chaff.json",
            #"{"select": ["placeholder-spintax"], "severity": {"placeholder-spintax": "error"}, "exclude": ["/drafts/**"], "formats": {"*.tmpl": "text"}}"#
        )
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(run.err == "")
        #expect(run.status == 1)
        #expect(
            run.out == """
                a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                docs/b.txt:1:4: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                docs/deep/c.txt:1:4: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                docs/notes.tmpl:1:4: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]

                """)
        // From inside docs/, the same files get the same configs.
        let inside = chaff(["check", scratch.path("docs/b.txt"), scratch.path("a.txt")], in: scratch.path("docs"))
        #expect(
            inside.out == """
                \(scratch.path("a.txt")):1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                b.txt:1:4: error: Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]

                """)
        // --config forces one config for every file; --no-config none.
        let forced = chaff(["check", "--config", scratch.path(".chaff.json"), scratch.root], in: scratch.root)
        #expect(
            forced.out == """
                a.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                docs/b.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]
                docs/deep/c.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        let none = chaff(["check", "--no-config", "--select", "placeholder-spintax", scratch.path("docs")], in: scratch.root)
        #expect(
            none.out.split(separator: "\n").map { String($0.split(separator: ":")[0]) } == [
                "docs/b.txt", "docs/deep/c.txt", "docs/drafts/d.txt",
            ])
        // The command line wins over every config.
        let cli = chaff(["check", "--select", "placeholder-printf-specifier", "--fail-on", "error", scratch.root], in: scratch.root)
        #expect(cli.status == 0)
        #expect(cli.out.split(separator: "\n").count == 4)
    }

    @Test func aNearerConfigsRulesAndErrors() {
        let scratch = Scratch()
        scratch.write("a.txt", "bad\n")
        scratch.write("docs/b.txt", "bad\n")
        scratch.write("docs/rules/my-rule.json", Self.rule)
        scratch.write("docs/.chaff.json", #"{"rules": ["rules"], "select": ["my-rule"]}"#)
        let run = chaff(["check", scratch.root], in: scratch.root)
        #expect(run.err == "")
        #expect(run.out == "docs/b.txt:1:1: warning: Found bad [my-rule]\n")
        // A command-line selection is an error only when no config has the rule.
        let selected = chaff(["check", "--select", "my-rule", scratch.root], in: scratch.root)
        #expect(selected.out == "docs/b.txt:1:1: warning: Found bad [my-rule]\n")
        let missing = chaff(["check", "--select", "my-rul", scratch.root], in: scratch.root)
        #expect(missing.status == 2)
        #expect(missing.err == "chaff: error: 'my-rul' matches no rule; did you mean 'my-rule'?\n")
        // An error in a nearer config stops the run, at its own path.
        scratch.write("docs/.chaff.json", #"{"rules": ["rules"], "select": ["my-rul"]}"#)
        let broken = chaff(["check", scratch.root], in: scratch.root)
        #expect(broken.status == 2)
        #expect(broken.out == "")
        #expect(broken.err == "docs/.chaff.json:1:33: error: 'my-rul' in 'select' matches no rule; did you mean 'my-rule'?\n")
    }

    @Test func configsAreReadOncePerDirectoryAndShareRuleSets() {
        let scratch = Scratch()
        scratch.write(".chaff.json", "{}")
        scratch.write("x/.chaff.json", "{}")
        for i in 0..<3 {
            scratch.write("x/\(i).txt", "%s\n")
            scratch.write("x/sub/\(i).txt", "%s\n")
        }
        var options = CheckOptions()
        options.noDefaultRules = false
        let tree = ConfigTree(options: options, workingDirectory: scratch.root)
        _ = tree.addPrimary(Configuration(directory: scratch.root))
        let first = tree.context(forFile: scratch.path("x/0.txt"))
        #expect(tree.context(forFile: scratch.path("x/sub/1.txt")) == first)
        #expect(tree.context(forFile: scratch.path("x/2.txt")) == first)
        #expect(tree.contexts.count == 2)
    }

    // MARK: 5. README

    @Test func readmeDocumentsIt() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        for phrase in [
            "\"options\": {\"mixed-han-script\"", "nearest `.chaff.json` in its directory or above", "Precedence", "`chaff test-rules`",
        ] {
            #expect(readme.contains(phrase), "\(phrase)")
        }
    }
}
