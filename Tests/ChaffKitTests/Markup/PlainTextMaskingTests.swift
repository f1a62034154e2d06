import Testing

@testable import ChaffEngine

/// Plain text is all prose except bare URLs and e-mail addresses, blanked as in Markdown.
@Suite struct PlainTextMaskingTests {
    @Test func urlsAndAddressesAreBlanked() {
        expectScopes(
            .plainText,
            p("See "), x("https://example.com/colour-guide"), p(", "), x("www.example.com/colour"), p(" or write to "),
            x("colour.team@example.com"), p(". The colour guide (見"), x("http://example.com/a_(b)"), p("）。\n"),
            x("FTP://files.example.com/colour.txt"), p("."))
    }

    /// The URL stops at `{`, as in Markdown: what follows the placeholder is text again.
    @Test func lettersOfAlphabetsContinueAURLAndCJKEndsIt() {
        expectScopes(
            .plainText,
            x("https://pаypal.example/login"), p(" "), x("https://пример.рф/путь"), p(" "), x("https://example.com/café"),
            p("«x» "), x("www.example.com"), p("然后 "), x("https://example.com/a"), p("×2 "), x("https://example.com"), p("。"))
    }

    @Test func aPlaceholderInAVisibleURLStaysProse() {
        expectScopes(.plainText, p("链接："), x("https://example.com/"), p("{{ slug }}/page 与 "), x("https://example.com/?q="), p("{keyword}"))
    }

    @Test func wordsThatLookLikeURLsAreText() {
        expectScopes(.plainText, p("http:// www. https://-x wwwhttps://a.b ftp @ a@b user@localhost"))
    }

    @Test func byteOrderMarkAndURLTogether() {
        expectScopes(.plainText, x("\u{FEFF}"), x("https://example.com"), p(" 文\r\n"))
    }

    @Test func withoutURLsProseIsStillTheSource() {
        let document = PlainTextMasker().mask(Array("colour 文 {{ x }}\n".utf8))
        #expect(document.storage(of: .prose) == .source)
    }
}
