import Testing

@testable import ChaffCLI

/// Every kind of mistake in a rule file is reported at its exact line and column, in compiler
/// style, with exit status 2.
@Suite struct RuleFileErrorTests {
    static let valid = """
        {
          "id": "my-rule",
          "kind": "pattern",
          "summary": "S.",
          "description": "D.",
          "message": "Found {match}",
          "options": {"phrases": ["bad"]},
          "examples": {"valid": ["good"], "invalid": ["↓bad"]}
        }

        """

    func error(for text: String, name: String = "my-rule") -> ChaffRun {
        let scratch = Scratch()
        scratch.write("rules/\(name).json", text)
        scratch.write("a.txt", "bad\n")
        return chaff(["check", "--no-default-rules", "--rules", scratch.path("rules"), scratch.path("a.txt")], in: scratch.root)
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old))
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func validRuleLoadsAndRuns() {
        let run = error(for: Self.valid)
        #expect(run.err == "")
        #expect(run.out == "a.txt:1:1: warning: Found bad [my-rule]\n")
        #expect(run.status == 1)
    }

    @Test func syntaxError() {
        let run = error(for: replacing("\"kind\": \"pattern\",", "\"kind\": \"pattern\""))
        #expect(run.status == 2)
        #expect(run.err == "rules/my-rule.json:4:3: error: expected ',' or '}' in object, found '\"'\n")
        #expect(run.out == "")
    }

    @Test func commentsAndTrailingCommasAreAllowed() {
        let run = error(
            for: replacing("\"options\": {\"phrases\": [\"bad\"]},", "// a comment\n  \"options\": {\"phrases\": [\"bad\",],}, /* block */")
        )
        #expect(run.err == "")
        #expect(run.status == 1)
    }

    @Test func unknownKeySuggestsTheIntendedOne() {
        let run = error(for: replacing("\"summary\"", "\"sumary\""))
        #expect(run.status == 2)
        // Intentionally changed: the misspelt key is named where it stands, not reported missing at 1:1.
        #expect(run.err == "rules/my-rule.json:4:3: error: unknown key 'sumary'; did you mean 'summary'?\n")
        let typo = error(for: replacing("\"kind\": \"pattern\",", "\"kind\": \"pattern\", \"sevrity\": \"note\","))
        #expect(typo.err == "rules/my-rule.json:3:22: error: unknown key 'sevrity'; did you mean 'severity'?\n")
    }

    @Test func unknownOptionKeyNamesItsPath() {
        let run = error(for: replacing("{\"phrases\": [\"bad\"]}", "{\"phrases\": [\"bad\"], \"wholeword\": true}"))
        #expect(run.err == "rules/my-rule.json:7:35: error: unknown key 'options.wholeword'; did you mean 'wholeWords'?\n")
    }

    @Test func wrongType() {
        let run = error(for: replacing("{\"phrases\": [\"bad\"]}", "{\"phrases\": [\"bad\", 3]}"))
        #expect(run.err == "rules/my-rule.json:7:34: error: 'options.phrases[1]' must be a string, found a number\n")
        let severity = error(for: replacing("\"kind\": \"pattern\",", "\"kind\": \"pattern\", \"severity\": \"fatal\","))
        #expect(severity.err == "rules/my-rule.json:3:34: error: 'severity' must be one of 'note', 'warning', 'error', found 'fatal'\n")
    }

    @Test func unknownKind() {
        let run = error(for: replacing("\"kind\": \"pattern\"", "\"kind\": \"patern\""))
        #expect(run.err.hasPrefix("rules/my-rule.json:3:11: error: unknown kind 'patern'; known kinds: 'pattern'"))
        #expect(run.status == 2)
    }

    @Test func idMustMatchTheFileName() {
        let run = error(for: Self.valid, name: "other-rule")
        #expect(run.err == "rules/other-rule.json:2:9: error: 'id' is 'my-rule' but the file is named 'other-rule.json'; they must match\n")
    }

    @Test func idMustBeKebabCase() {
        let run = error(for: replacing("\"id\": \"my-rule\"", "\"id\": \"My_Rule\""), name: "My_Rule")
        #expect(
            run.err
                == "rules/My_Rule.json:2:9: error: 'id' must be kebab-case (lowercase letters, digits and single hyphens, starting with a letter), found 'My_Rule'\n"
        )
    }

    @Test func invalidRegex() {
        let run = error(for: replacing("{\"phrases\": [\"bad\"]}", "{\n    \"patterns\": [\"ok\", \"(unclosed\"]\n  }"))
        #expect(run.err == "rules/my-rule.json:8:24: error: 'options.patterns[1]' is not a valid regular expression: (unclosed\n")
    }

    @Test func unknownMessagePlaceholder() {
        let run = error(for: replacing("Found {match}", "Found {mtch}"))
        #expect(
            run.err
                == "rules/my-rule.json:6:14: error: message uses unknown placeholder '{mtch}'; this kind offers '{match}', '{replacement}'\n"
        )
    }

    @Test func examplesNeedMarkers() {
        let run = error(for: replacing("\"invalid\": [\"↓bad\"]", "\"invalid\": [\"bad\"]"))
        #expect(run.err == "rules/my-rule.json:8:47: error: an invalid example must mark each expected finding with '↓'\n")
    }

    @Test func duplicateKeys() {
        let run = error(for: replacing("\"kind\": \"pattern\",", "\"kind\": \"pattern\", \"kind\": \"pattern\","))
        #expect(run.err == "rules/my-rule.json:3:22: error: duplicate key 'kind'\n")
    }

    @Test func duplicateIdsAcrossDirectories() {
        let scratch = Scratch()
        scratch.write("one/my-rule.json", Self.valid)
        scratch.write("two/my-rule.json", Self.valid)
        let run = chaff(
            ["check", "--no-default-rules", "--rules", scratch.path("one"), "--rules", scratch.path("two"), scratch.root], in: scratch.root)
        #expect(run.status == 2)
        #expect(run.err == "two/my-rule.json:2:9: error: duplicate rule id 'my-rule'; also defined in one/my-rule.json\n")
    }

    @Test func everyBrokenFileIsReportedNotJustTheFirst() {
        let scratch = Scratch()
        scratch.write("rules/a-rule.json", "{")
        scratch.write("rules/b-rule.json", "[]")
        let run = chaff(["test-rules", scratch.path("rules")], in: scratch.root)
        #expect(run.status == 2)
        #expect(
            run.err
                == "rules/a-rule.json:1:1: error: unterminated object\nrules/b-rule.json:1:1: error: the file must be an object, found an array\n"
        )
    }

    @Test func ruleDirectoryOverridesABuiltInRule() {
        let scratch = Scratch()
        let override = Self.valid.replacingOccurrences(of: "my-rule", with: "placeholder-spintax")
        scratch.write("rules/placeholder-spintax.json", override)
        scratch.write("a.txt", "bad {a|b}\n")
        let run = chaff(
            ["check", "--rules", scratch.path("rules"), "--select", "placeholder-spintax", scratch.path("a.txt")], in: scratch.root)
        #expect(run.out == "a.txt:1:1: warning: Found bad [placeholder-spintax]\n")
    }
}
