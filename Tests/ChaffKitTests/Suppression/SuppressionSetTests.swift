import Testing

@testable import ChaffEngine

@Suite struct SuppressionSetTests {
    private func set(_ text: String, as format: DocumentFormat = .markdown) -> SuppressionSet {
        SuppressionSet(document: Masking.document(text, as: format))
    }

    private func offset(_ needle: String, in text: String) -> Int { Masking.offset(of: needle, in: text)! }

    /// `suppresses` is mutating (it records use), which `#expect` cannot call on a variable.
    private func suppressed(_ suppressions: inout SuppressionSet, _ ruleID: String, at offset: Int) -> Bool {
        suppressions.suppresses(ruleID: ruleID, at: offset)
    }

    @Test func ruleSelectorsMatchIdsAndFamilies() {
        let family = RuleSelector("placeholder")
        #expect(family.matches("placeholder"))
        #expect(family.matches("placeholder-token"))
        #expect(!family.matches("placeholders"))
        #expect(!family.matches("place"))
        #expect(family.covers(RuleSelector("placeholder-token")))
        #expect(!RuleSelector("placeholder-token").covers(family))
        #expect(RuleSelector("placeholder-token").overlaps(family))
        #expect(!RuleSelector("claims").overlaps(family))
    }

    @Test func nextLineCoversOnlyTheWholeNextLine() {
        let text = "a {{ x }}\n<!-- chaff-disable-next-line placeholder -->\n前 {{ y }} 后 {{ z }}\r\n{{ w }}"
        var suppressions = set(text)
        #expect(!suppressed(&suppressions, "placeholder-token", at: offset("{{ x }}", in: text)))
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ y }}", in: text)))
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ z }}", in: text)))
        #expect(suppressed(&suppressions, "placeholder", at: offset("前", in: text)))
        #expect(!suppressed(&suppressions, "claims", at: offset("{{ y }}", in: text)))
        #expect(!suppressed(&suppressions, "placeholder-token", at: offset("{{ w }}", in: text)))
        #expect(suppressions.unusedDirectives() == [])
    }

    @Test func nextLineAfterAMultiLineComment() {
        let text = "<!-- chaff-disable-next-line\n-->\n{{ a }}\n{{ b }}"
        var suppressions = set(text)
        #expect(suppressed(&suppressions, "x", at: offset("{{ a }}", in: text)))
        #expect(!suppressed(&suppressions, "x", at: offset("{{ b }}", in: text)))
    }

    @Test func disableEnableRanges() {
        let text = "{{ a }} <!-- chaff-disable placeholder --> {{ b }}\n{{ c }} <!-- chaff-enable placeholder --> {{ d }}"
        var suppressions = set(text)
        #expect(!suppressed(&suppressions, "placeholder-token", at: offset("{{ a }}", in: text)))
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ b }}", in: text)))
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ c }}", in: text)))
        #expect(!suppressed(&suppressions, "placeholder-token", at: offset("{{ d }}", in: text)))
        #expect(!suppressed(&suppressions, "claims", at: offset("{{ b }}", in: text)))
        #expect(suppressions.unusedDirectives() == [])
    }

    @Test func narrowEnableInsideWideDisable() {
        let text = "<!-- chaff-disable placeholder -->\n<!-- chaff-enable placeholder-token -->\n{{ a }}\n<!-- chaff-enable -->\n{{ b }}"
        var suppressions = set(text)
        let a = offset("{{ a }}", in: text)
        #expect(!suppressed(&suppressions, "placeholder-token", at: a))
        #expect(suppressed(&suppressions, "placeholder-percent", at: a))
        #expect(!suppressed(&suppressions, "placeholder-percent", at: offset("{{ b }}", in: text)))
        #expect(suppressions.unusedDirectives() == [])
    }

    @Test func disableWithoutEnableRunsToTheEnd() {
        let text = "<!-- chaff-disable -->\n\n\n{{ a }}"
        var suppressions = set(text)
        #expect(suppressed(&suppressions, "anything", at: offset("{{ a }}", in: text)))
    }

    @Test func fileDirectiveCoversEverythingBeforeAndAfter() {
        let text = "{{ a }}\n<!-- chaff-disable-file claims -->\n据不完全统计"
        var suppressions = set(text)
        #expect(suppressed(&suppressions, "claims-unsourced", at: 0))
        #expect(suppressed(&suppressions, "claims", at: offset("据", in: text)))
        #expect(!suppressed(&suppressions, "placeholder", at: 0))
    }

    @Test func mostSpecificDirectiveIsCreditedAndTheRestAreUnused() {
        let text = """
            <!-- chaff-disable-file placeholder -->
            <!-- chaff-disable placeholder -->
            <!-- chaff-disable-next-line placeholder -->
            {{ a }}
            <!-- chaff-disable-next-line claims -->
            text
            <!-- chaff-enable pinyin -->
            <!-- chaff-disable-next-line -->
            """
        var suppressions = set(text)
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ a }}", in: text)))
        let unused = suppressions.unusedDirectives()
        #expect(unused.map(\.kind) == [.disableFile, .disable, .disableNextLine, .enable, .disableNextLine])
        #expect(unused.map(\.line) == [0, 1, 4, 6, 7])
    }

    @Test func rangeBeatsFile() {
        let text = "<!-- chaff-disable-file -->\n<!-- chaff-disable x -->\n{{ a }}"
        var suppressions = set(text)
        #expect(suppressed(&suppressions, "x", at: offset("{{ a }}", in: text)))
        #expect(suppressions.unusedDirectives().map(\.kind) == [.disableFile])
        #expect(suppressed(&suppressions, "y", at: offset("{{ a }}", in: text)))
        #expect(suppressions.unusedDirectives() == [])
    }

    @Test func plainTextDirectives() {
        let text = "intro\n# chaff-disable-next-line placeholder-token -- intentional\nHello {{ name }}\r\nBye {{ name }}"
        var suppressions = set(text, as: .plainText)
        #expect(suppressed(&suppressions, "placeholder-token", at: offset("{{ name }}", in: text)))
        #expect(!suppressed(&suppressions, "placeholder-token", at: offset("Bye", in: text) + 4))
    }

    @Test func malformedDirectivesNeverSuppress() {
        let text = "<!-- chaff-disable-nextline -->\n{{ a }}"
        var suppressions = set(text)
        #expect(suppressions.malformed.count == 1)
        #expect(!suppressed(&suppressions, "placeholder", at: offset("{{ a }}", in: text)))
        #expect(suppressions.unusedDirectives() == [])
    }

    @Test func noDirectives() {
        var suppressions = set("{{ a }}")
        #expect(!suppressed(&suppressions, "placeholder", at: 0))
        #expect(suppressions.unusedDirectives() == [])
    }
}
