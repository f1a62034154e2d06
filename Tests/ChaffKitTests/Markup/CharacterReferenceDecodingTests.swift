import Testing

@testable import ChaffEngine

@Suite struct CharacterReferenceDecodingTests {
    private func decoded(_ text: String) -> (String, [Range<Int>]) {
        var bytes = Array(text.utf8)
        let spans = CharacterReferenceDecoding.apply(to: &bytes)
        #expect(bytes.count == text.utf8.count)
        return (String(decoding: bytes, as: UTF8.self), spans)
    }

    @Test func runsArePackedTowardsTheTextBefore() {
        #expect(decoded("中&#25991;字").0 == "中文     字")
        #expect(decoded("前&#20013;&#x6587;后").0 == "前中文          后")
    }

    @Test func openingBracketsAndWordStartsAlignToTheTextAfter() {
        #expect(decoded("&lt;关键词&gt;").0 == "   <关键词>   ")
        #expect(decoded("x &quot;q&quot;").0 == "x      \"q\"     ")
        #expect(decoded("&ldquo;引&rdquo;").0 == "    “引”    ")
    }

    @Test func whitespaceAndInvisibleReferences() {
        #expect(decoded("{{&nbsp;name&nbsp;}}").0 == "{{ " + "     name " + "     }}")
        #expect(decoded("a&shy;b&#x200B;c").0 == "a     b        c")
        #expect(decoded("a&#10;b&#9;c").0 == "a     b    c")
    }

    @Test func unknownNamesBecomeNothing() {
        let (text, spans) = decoded("x&frobnicate;y &rArr;")
        #expect(text == "x            y       ")
        #expect(spans == [1..<13, 15..<21])
    }

    @Test func latin1AndTypographicNames() {
        #expect(decoded("caf&eacute;").0 == "café      ")
        #expect(decoded("&copy;&mdash;&hellip;").0 == "©—…             ")
        #expect(CharacterReferenceDecoding.named["yuml"] == 0xFF)
        #expect(CharacterReferenceDecoding.named["nbsp"] == 0xA0)
        #expect(CharacterReferenceDecoding.named["iquest"] == 0xBF)
        #expect(CharacterReferenceDecoding.named["times"] == 0xD7)
        #expect(CharacterReferenceDecoding.named["divide"] == 0xF7)
    }

    @Test func invalidNumericReferences() {
        #expect(decoded("&#0;").0 == "\u{FFFD} ")
        #expect(decoded("&#xD800;").0 == "\u{FFFD}     ")
        #expect(decoded("&#x110000;").0 == "\u{FFFD}       ")
        // Too many digits, no semicolon, empty: not references at all.
        #expect(decoded("&#12345678; &#x1234567; &#20013 &#; &; & amp;").0 == "&#12345678; &#x1234567; &#20013 &#; &; & amp;")
    }

    @Test func astralCharactersFit() {
        #expect(decoded("&#128512;").0 == "😀     ")
        #expect(decoded("&#x1F600;").0 == "😀     ")
    }

    @Test func sourceRangeCoversWholeReferences() {
        let document = Masking.document("<p>见&lt;关键词&gt;。</p>", as: .html)
        let prose = document.bytes(for: .prose)
        let placeholder = Masking.offset(of: "<关键词>", in: prose)!
        #expect(placeholder == 9)
        let found = placeholder..<(placeholder + "<关键词>".utf8.count)
        #expect(document.sourceRange(covering: found) == 6..<23)
        #expect(String(decoding: document.source[6..<23], as: UTF8.self) == "&lt;关键词&gt;")
        #expect(document.sourceRange(covering: 0..<3) == 0..<3)
        #expect(document.sourceRange(covering: 10..<13) == 10..<13)
    }
}

@Suite struct BareURLMaskingTests {
    private func masked(_ text: String) -> String {
        var bytes = Array(text.utf8)
        BareURLMasking.apply(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func urlsEndAtWhitespaceNonASCIIAndBraces() {
        #expect(masked("见https://a.com/x?q=1&b=2。然后") == "见" + Masking.spaces(23) + "。然后")
        #expect(masked("go http://a.b/{{ slug }} now") == "go " + Masking.spaces(11) + "{{ slug }} now")
        #expect(masked("HTTPS://A.COM ftp://f.org www.w.cn") == Masking.spaces(34))
    }

    @Test func trailingPunctuationAndParentheses() {
        #expect(masked("(see https://a.com/x_(y)).") == "(see " + Masking.spaces(19) + ").")
        #expect(masked("https://a.com/path, and") == Masking.spaces(18) + ", and")
    }

    @Test func needsABoundaryAndSomethingAfterTheScheme() {
        #expect(masked("xhttp://a.com") == "xhttp://a.com")
        #expect(masked("http:// www.") == "http:// www.")
        #expect(masked("awww.example.com") == "awww.example.com")
    }

    @Test func emails() {
        #expect(masked("联系kefu.x+1@mail.example.com。") == "联系" + Masking.spaces(25) + "。")
        #expect(masked("a@b @x.com user@localhost end@x.com.") == "a@b @x.com user@localhost " + Masking.spaces(9) + ".")
    }
}

@Suite struct DocumentFormatTests {
    @Test func detectionByExtension() {
        #expect(DocumentFormat(forPath: "docs/a.md") == .markdown)
        #expect(DocumentFormat(forPath: "A.MARKDOWN") == .markdown)
        #expect(DocumentFormat(forPath: "x/y.mdx") == .markdown)
        #expect(DocumentFormat(forPath: "index.html") == .html)
        #expect(DocumentFormat(forPath: "index.HTM") == .html)
        #expect(DocumentFormat(forPath: "a.xhtml") == .html)
        #expect(DocumentFormat(forPath: "notes.txt") == .plainText)
        #expect(DocumentFormat(forPath: "README") == .plainText)
        #expect(DocumentFormat(forPath: ".md") == .plainText)
        #expect(DocumentFormat(forPath: "dir.md/file") == .plainText)
        #expect(DocumentFormat(forPath: "a.md.txt") == .plainText)
        #expect(DocumentFormat(forPath: "docs/intro.rst") == .restructuredText)
        #expect(DocumentFormat(forPath: "b.REST") == .restructuredText)
        #expect(DocumentFormat(forPath: "_sources/library/os.rst.txt") == .restructuredText)
        #expect(DocumentFormat(forPath: "a/.rst.txt") == .restructuredText)
        #expect(DocumentFormat(forPath: "a/rst.txt") == .plainText)
        #expect(DocumentFormat(forPath: "a.RST.TXT") == .restructuredText)
        #expect(DocumentFormat(forPath: "a.") == .plainText)
        #expect(DocumentFormat(forPath: "文档/说明.Md") == .markdown)
        #expect(DocumentFormat(forPath: "locale/zh_TW/LC_MESSAGES/app.po") == .gettext)
        #expect(DocumentFormat(forPath: "app.POT") == .gettext)
        #expect(DocumentFormat(forPath: "app.pox") == .plainText)
    }

    @Test func rawValuesMatchConfigurationNames() {
        #expect(
            DocumentFormat.allCases.map(\.rawValue) == [
                "text", "markdown", "html", "rst", "po", "xliff", "android-strings", "stringsdict", "strings", "xcstrings",
                "i18n-json", "arb",
            ])
    }

    @Test func eachFormatHasItsMasker() {
        #expect(DocumentFormat.plainText.masker is PlainTextMasker)
        #expect(DocumentFormat.markdown.masker is MarkdownMasker)
        #expect(DocumentFormat.html.masker is HTMLMasker)
        #expect(DocumentFormat.html.masker.mask(Array("<b>x</b>".utf8)).format == .html)
        #expect(DocumentFormat.xliff.masker is XLIFFMasker)
        #expect(DocumentFormat.androidStrings.masker is AndroidStringsMasker)
        #expect(DocumentFormat.stringsdict.masker(sourceFile: [0x20]) is StringsdictMasker)
    }
}

@Suite struct PlainTextMaskerTests {
    @Test func everythingButURLsIsProse() {
        let source = "# chaff-disable-next-line x\n`{{ a }}` <b>&amp; https://a.com 据不完全统计\r\n"
        let document = Masking.document(source, as: .plainText)
        #expect(document.bytes(for: .prose) == Array(source.replacingOccurrences(of: "https://a.com", with: Masking.spaces(13)).utf8))
        #expect(document.bytes(for: .code) == Array(Masking.blank(source).utf8))
        #expect(document.bytes(for: .heading) == Array(Masking.blank(source).utf8))
        #expect(document.bytes(for: .comment) == Array(Masking.blank(source).utf8))
        #expect(document.commentRanges.isEmpty)
    }

    @Test func byteOrderMarkIsMasked() {
        expectScopes(.plainText, x("\u{FEFF}"), p("正文"))
    }
}
