import Testing

@Suite struct MixedScriptWordRuleTests {
    static let message = "Word '{word}' mixes {script} with {others}: {characters}"

    private func findings(_ text: String) throws -> [String] {
        let rule = try loadRule(kind: "mixed-script-word", message: Self.message)
        return lint(rule, text).map { "\($0.line):\($0.column) \($0.range) \($0.message)" }
    }

    @Test func reportsAtTheFirstOddCharacter() throws {
        #expect(
            try findings("Log in to p\u{430}ypal.") == [
                "1:12 11..<13 Word 'p\u{430}ypal' mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A"
            ])
    }

    @Test func listsEachOddCharacterOnceInTextOrder() throws {
        #expect(
            try findings("G\u{43E}\u{43E}gl\u{435}") == [
                "1:2 1..<3 Word 'G\u{43E}\u{43E}gl\u{435}' mixes Latin with Cyrillic: U+043E CYRILLIC SMALL LETTER O, U+0435 CYRILLIC SMALL LETTER IE"
            ])
    }

    @Test func namesEveryForeignScript() throws {
        // Cyrillic а and Greek ο in one Latin word.
        #expect(
            try findings("p\u{430}yp\u{3BF}l") == [
                "1:2 1..<3 Word 'p\u{430}yp\u{3BF}l' mixes Latin with Cyrillic and Greek: U+0430 CYRILLIC SMALL LETTER A, U+03BF GREEK SMALL LETTER OMICRON"
            ])
        // Script names with underscores read as words.
        #expect(
            try findings("pay\u{10300}pal") == [
                "1:4 3..<7 Word 'pay\u{10300}pal' mixes Latin with Old Italic: U+10300 OLD ITALIC LETTER A"
            ])
    }

    @Test func cyrillicWordWithLatinLetter() throws {
        #expect(
            try findings("Москвa") == [
                "1:6 10..<11 Word 'Москвa' mixes Cyrillic with Latin: U+0061 LATIN SMALL LETTER A"
            ])
    }

    @Test func wordInsideChineseIsOnlyTheForeignPart() throws {
        #expect(
            try findings("我用\u{410}pple手机") == [
                "1:3 6..<8 Word '\u{410}pple' mixes Latin with Cyrillic: U+0410 CYRILLIC CAPITAL LETTER A"
            ])
    }

    @Test func legitimateTextGivesNothing() throws {
        let text = """
            Hello, мир! Η Αθήνα. Москва — столица. café, naïve, iPhone, AI创新, 5kg, 10μm, 4.7kΩ,
            Δt = 2πr, 😀👍🏽, https://пример.рф/p\u{430}th, j\u{43E}hn@ex\u{430}mple.com, 東京タワー, 한국語.
            """
        #expect(try findings(text) == [])
    }
}
