import Testing

/// Tokens a document talks about rather than leaves unfilled: one it quotes as a name elsewhere,
/// a message shown as an example in a reStructuredText block quote, a regular expression's
/// repetition count explained in prose. Exact lines and columns.
@Suite struct PlaceholderMentionTests {
    @Test func aTokenTheDocumentQuotesElsewhereIsANameEverywhere() throws {
        let changelog = "* extlinks: \"%s\" becomes required in the caption string\n* extlinks: Allow %s in the caption string\n"
        #expect(try shippedRuleFindings("placeholder-printf-specifier", changelog, format: "rst") == [])
        // Never quoted: the bare one is a slot left unfilled.
        let unquoted = "* extlinks: the caption changed\n* extlinks: Allow %s in the caption string\n"
        #expect(try shippedRuleFindings("placeholder-printf-specifier", unquoted, format: "rst") == ["2:19 %s"])
    }

    @Test func aMessageShownAsAnExampleInReSTIsNoSlot() throws {
        let todo =
            "Throw an error with a helpful message, e.g.\n\n  Default title for language %s missing, please specify one.\n\nor\n\n  Title for language %s missing, use a generic one.\n"
        #expect(try shippedRuleFindings("placeholder-printf-specifier", todo, format: "rst") == [])
        // A block quote introduced by a sentence of its own is prose.
        let quote = "The page said this.\n\n  Visit %s today for the best deals.\n"
        #expect(try shippedRuleFindings("placeholder-printf-specifier", quote, format: "rst") == ["3:9 %s"])
    }

    @Test func aRegularExpressionsRepetitionCountIsExplained() throws {
        let help =
            "<table><tr><td><p>^[:digit:]{3}$</p></td><td><p>{3} specifies that a digit must occur three times.</p></td></tr></table>\n"
        #expect(try shippedRuleFindings("placeholder-brace-slot", help, format: "html") == [])
        let slot = "<p>{3} specifies that a digit must occur three times.</p>\n"
        #expect(try shippedRuleFindings("placeholder-brace-slot", slot, format: "html") == ["1:4 {3}"])
        // Glued to a parenthesis too; a longer count that starts the same is another token.
        let counts = "Match (ab){2} twice; {2} here, and {20} there.\n"
        #expect(try shippedRuleFindings("placeholder-brace-slot", counts, format: "text") == ["1:36 {20}"])
    }
}
