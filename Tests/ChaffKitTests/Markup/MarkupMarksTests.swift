import Testing

@testable import ChaffEngine

/// The maskers record the markup that kinds need (links, notes, block tags, ruby tags) as they
/// parse, and leave out what sits in comments and code.
@Suite struct MarkupMarksTests {
    /// Each reference as `kind text→destination`, quoted from the source.
    static func references(_ source: String, as format: DocumentFormat) -> [String] {
        let bytes = Array(source.utf8)
        return Masking.document(source, as: format).marks.references.map { reference in
            let text = String(decoding: bytes[reference.range], as: UTF8.self)
            let destination = reference.destination.map { "→" + String(decoding: bytes[$0], as: UTF8.self) } ?? ""
            return "\(reference.kind) \(text)\(destination)\(reference.isWebAddress ? " web" : "")"
        }
    }

    @Test func htmlLinksNotesAndBlocks() {
        let source =
            #"<p>See <a class="x" href="https://e.org/a">A</a><sup>1</sup> and <a name="n">B</a> <cite>C</cite>.</p>"#
            + #"<!-- <a href="https://c.org">c</a> --><div><code><a href="/d">d</a></code></div>end<br>"#
        #expect(
            Self.references(source, as: .html) == [
                #"link <a class="x" href="https://e.org/a">→https://e.org/a web"#, "note <sup>", "note <cite>",
            ])
        let document = Masking.document(source, as: .html)
        let bytes = Array(source.utf8)
        // `<div>` and `</div>` touch the code, so they are the code's; `<br>` stands apart.
        #expect(
            document.marks.blockTags.map { "\($0.name) \($0.isEndTag) " + String(decoding: bytes[$0.range], as: UTF8.self) } == [
                "other false <p>", "other true </p>", "other false <br>",
            ])
    }

    @Test func tableCellsAndTermsAreTold() {
        let source = "<table><tr><td>%f</td><th>x</th></tr></table><dl><dt>%s</dt><dd>y</dd></dl>"
        #expect(
            Masking.document(source, as: .html).marks.blockTags.map { "\($0.name)\($0.isEndTag ? "/" : "")" } == [
                "other", "row", "cell", "cell/", "cell", "cell/", "row/", "other/", "other", "term", "term/", "other", "other/",
                "other/",
            ])
    }

    @Test func markdownLinksAutolinksAndAddresses() {
        let source =
            "[a](<https://e.org/a> \"t\") ![i](x.png) <https://f.org> <me@x.org> [b][r] [c] https://g.org/p. "
            + "`[d](https://h.org)` <a href=\"#top\">up</a><sup>2</sup>\n\n[r]: /ref\n[c]: https://c.org\n"
        #expect(
            Self.references(source, as: .markdown) == [
                "link [a](<https://e.org/a> \"t\")→https://e.org/a web", "address <https://f.org>→https://f.org web", "link [b][r]",
                "link [c]", "address https://g.org/p→https://g.org/p web", "link <a href=\"#top\">→#top", "note <sup>",
            ])
    }

    @Test func restructuredTextReferencesAndFootnotes() {
        let source = "See `the FAQ <https://e.org/faq>`_, `home`_ and [1]_, [#n]_.\n\n.. [1] A note.\n"
        #expect(
            Self.references(source, as: .restructuredText) == [
                "link `the FAQ <https://e.org/faq>`_→https://e.org/faq web", "note [1]_", "note [#n]_",
            ])
    }

    @Test func plainTextHasAddressesOnly() {
        #expect(
            Self.references("see https://e.org/x, write to me@e.org, <a href=\"https://f.org\">f</a>", as: .plainText) == [
                "address https://e.org/x→https://e.org/x web", "address https://f.org→https://f.org web",
            ])
    }

    @Test func rubyTagsInHTMLAndMarkdown() {
        let source = "<ruby>角<rp>(</rp><rt>jiǎo</rt><rp>)</rp></ruby>"
        let expected = ["ruby", "rp", "rp/", "rt", "rt/", "rp", "rp/", "ruby/"]
        for format in [DocumentFormat.html, .markdown] {
            #expect(
                Masking.document(source, as: format).marks.rubyTags.map { "\($0.name)\($0.isEndTag ? "/" : "")" } == expected,
                "\(format)")
        }
        #expect(Masking.document("`" + source + "`", as: .markdown).marks.rubyTags.isEmpty)
        #expect(Masking.document(source, as: .plainText).marks.rubyTags.isEmpty)
    }

    @Test func lookupsAreByStart() {
        let marks = MarkupMarks(references: [
            MarkupReference(kind: .link, range: 0..<40, destination: nil, isWebAddress: false),
            MarkupReference(kind: .address, range: 5..<20, destination: 5..<20, isWebAddress: true),
            MarkupReference(kind: .note, range: 50..<55, destination: nil, isWebAddress: false),
        ])
        #expect(marks.references(startingIn: 1..<50).map(\.kind) == [.address])
        #expect(marks.references(startingIn: 0..<51).map(\.kind) == [.link, .address, .note])
        #expect(marks.references(startingIn: 55..<90).isEmpty)
    }
}

/// Marks merged from two passes come out in source order, stably, and a list already in order
/// is kept as it is.
@Suite struct MarkupMarksOrderTests {
    @Test func mergedMarksAreInSourceOrder() {
        let text: [UInt8] = Array("0123456789".utf8)
        text.withUnsafeBufferPointer { text in
            var first = MarkupMarks()
            first.addBlockTag(.row, 6..<7, isEndTag: false)
            first.addBlockTag(.cell, 2..<3, isEndTag: false)
            first.addBlockTag(.term, 2..<4, isEndTag: true)
            first.addReference(.note, 5..<6, in: text)
            var second = MarkupMarks()
            second.addReference(.address, 1..<2, destination: 1..<2, in: text)
            let merged = first.merged(with: second)
            #expect(merged.blockTags.map(\.range) == [2..<3, 2..<4, 6..<7])
            #expect(merged.blockTags.map(\.name) == [.cell, .term, .row])
            #expect(merged.references.map(\.range) == [1..<2, 5..<6])
            let alone = first.merged(with: MarkupMarks())
            #expect(alone.blockTags.map(\.range) == [2..<3, 2..<4, 6..<7])
            #expect(alone.references.map(\.range) == [5..<6])
        }
    }
}
