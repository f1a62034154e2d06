import Testing

@testable import ChaffEngine
@testable import ChaffText

/// Every construct that is not prose, with each kind of text a rule looks for put inside it:
/// none of it may reach prose, and where the construct is code or comment, the text must be in
/// that scope at exactly its source offset.
@Suite struct NonProseConstructTests {
    static let payloads = ["{{ name }}", "<关键词>", "%s", "据不完全统计"]

    /// A construct with `@` where the payload goes, the format, and the scope the payload must
    /// land in (nil: masked everywhere).
    static let constructs: [(String, DocumentFormat, Scope?)] = [
        ("```\n@\n```", .markdown, .code),
        ("~~~ info\n@\n~~~", .markdown, .code),
        ("段落\n\n    @\n", .markdown, .code),
        ("前 `@` 后", .markdown, .code),
        ("前 `` a ` @ `` 后", .markdown, .code),
        ("前 <code>@</code> 后", .markdown, .code),
        ("<pre>\n@\n</pre>", .markdown, .code),
        ("前 <!-- @ --> 后", .markdown, .comment),
        ("<!-- @ -->", .markdown, .comment),
        ("<div>\n<!-- @ -->\n</div>", .markdown, .comment),
        ("[t](/u \"@\")", .markdown, nil),
        ("![t](/i.png '@')", .markdown, nil),
        ("[t][@]\n\n[@]: /u", .markdown, nil),
        ("[x]: /u '@'\n", .markdown, nil),
        ("前 <span data-x=\"@\">t</span>", .markdown, nil),
        ("<div class=\"@\">\n文字\n</div>", .markdown, nil),
        ("<script>\n@\n</script>", .markdown, nil),
        ("---\ntitle: @\n---\n正文", .markdown, nil),
        ("+++\ntitle = \"@\"\n+++\n", .markdown, nil),
        ("$$\n@\n$$", .markdown, nil),
        ("<p data-x=\"@\">t</p>", .html, nil),
        ("<p>t<!-- @ --></p>", .html, .comment),
        ("<script>var a = \"@\";</script>", .html, nil),
        ("<style>p::after { content: \"@\" }</style>", .html, nil),
        ("<pre>@</pre>", .html, .code),
        ("<code>@</code>", .html, .code),
        ("<![CDATA[ @ ]]>", .html, nil),
        ("<xmp>@</xmp>", .html, .code),
        ("<iframe>@</iframe>", .html, nil),
        ("<template><p>@</p></template>", .html, nil),
        ("<template><!-- @ --></template>", .html, .comment),
        ("<textarea>@</textarea>", .html, nil),
        ("<meta http-equiv=\"refresh\" content=\"0; URL=@\">", .html, nil),
        ("<meta name=\"viewport\" content=\"@\">", .html, nil),
        ("<input type=\"text\" value=\"@\">", .html, nil),
        ("<noscript><a href=\"@\">t</a></noscript>", .html, nil),
    ]

    static let cases: [(Int, Int)] = constructs.indices.flatMap { c in payloads.indices.map { (c, $0) } }

    @Test(arguments: cases)
    func payloadStaysOutOfProse(construct: Int, payload: Int) {
        let (template, format, scope) = Self.constructs[construct]
        let text = Self.payloads[payload]
        let source = template.replacingOccurrences(of: "@", with: text)
        let document = Masking.document(source, as: format)
        #expect(Masking.offset(of: text, in: document.bytes(for: .prose)) == nil, "\(source.debugDescription)")
        guard let scope else { return }
        let expected = Masking.offset(of: text, in: source)
        #expect(expected != nil)
        #expect(Masking.offset(of: text, in: document.bytes(for: scope)) == expected, "\(source.debugDescription)")
    }

    @Test(arguments: payloads)
    func payloadInPlainProseIsFoundAtItsOffset(payload: String) {
        // A localization file's prose is its translations only (see GettextReaderTests,
        // XLIFFReaderTests, AndroidStringsReaderTests, StringsdictReaderTests and the catalogue
        // reader tests).
        for format in DocumentFormat.allCases where !format.isLocalization {
            let source = "前文 " + payload + " 后文"
            let document = Masking.document(source, as: format)
            #expect(Masking.offset(of: payload, in: document.bytes(for: .prose)) == 7, "\(format)")
        }
        // In a translation a payload stays prose at its offset, except a printf directive or a
        // template expression, which the parity rules compare (they are taken out of prose).
        let catalogue = Masking.document("msgid \"x\"\nmsgstr \"前文 " + payload + " 后文\"\n", as: .gettext)
        #expect(Masking.offset(of: payload, in: catalogue.bytes(for: .prose)) == (payload == "%s" || payload == "{{ name }}" ? nil : 25))
    }
}
