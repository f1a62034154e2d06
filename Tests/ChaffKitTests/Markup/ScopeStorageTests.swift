import Testing

@testable import ChaffEngine
@testable import ChaffText

/// Scopes stored as "the source" or "blank" instead of copies give the same bytes as the copies
/// did, and scopes left out are not built.
@Suite struct ScopeStorageTests {
    static let text = "第一行 {{ x }}\r\n# not a heading\n\nend\r"

    @Test func plainTextProseIsTheSourceAndTheRestBlank() {
        let source = Array(Self.text.utf8)
        let document = PlainTextMasker().mask(source)
        #expect(document.storage(of: .prose) == .source)
        #expect(document.storage(of: .raw) == .source)
        for scope in [Scope.heading, .code, .comment] {
            #expect(document.storage(of: scope) == .blank)
            #expect(document.isBlank(scope))
        }
        #expect(document.bytes(for: .prose) == source)
        // "第一行 {{ x }}" is 17 bytes, "# not a heading" 15, "end" 3.
        let blank = Array((String(repeating: " ", count: 17) + "\r\n" + String(repeating: " ", count: 15) + "\n\n   \r").utf8)
        #expect(blank.count == source.count)
        #expect(document.bytes(for: .heading) == blank)
        #expect(document.bytes(for: .code) == blank)
        #expect(document.bytes(for: .comment) == blank)
        #expect(Document.blank(source) == blank)
        #expect(document.maskedScopes.count == 4)
    }

    @Test func plainTextByteOrderMarkIsBlankedInProseOnly() {
        let source = Array(("\u{FEFF}" + Self.text).utf8)
        let document = PlainTextMasker().mask(source)
        #expect(document.bytes(for: .prose) == [0x20, 0x20, 0x20] + Array(Self.text.utf8))
        #expect(document.bytes(for: .raw) == source)
        #expect(document.storage(of: .code) == .blank)
    }

    @Test func markdownWithoutCommentsStoresBlankComment() {
        let source = Array("# Title\n\nText `code` here.\n".utf8)
        let document = MarkdownMasker().mask(source)
        #expect(document.storage(of: .comment) == .blank)
        #expect(document.bytes(for: .comment) == ScopeBytes.blank(source))
        #expect(String(decoding: document.bytes(for: .heading), as: UTF8.self) == "  Title\n\n" + String(repeating: " ", count: 17) + "\n")
        #expect(String(decoding: document.bytes(for: .code), as: UTF8.self) == "       \n\n      code       \n")
    }

    @Test func onlyRequestedScopesAreBuiltAndTheyMatchAFullMask() {
        let source = Array("# 标题 &amp; x\n\n正文 <!-- c --> `code` &lt;b&gt; https://e.x/y\n".utf8)
        for format in [DocumentFormat.markdown, .html] {
            let full = format.masker.mask(source)
            let some = format.masker.mask(source, scopes: [.prose, .comment])
            #expect(some.storage(of: .heading) == .omitted, "\(format)")
            #expect(some.storage(of: .code) == .omitted, "\(format)")
            #expect(some.bytes(for: .prose) == full.bytes(for: .prose), "\(format)")
            #expect(some.bytes(for: .comment) == full.bytes(for: .comment), "\(format)")
            #expect(some.characterReferenceSpans == full.characterReferenceSpans, "\(format)")
            #expect(some.commentRanges == full.commentRanges, "\(format)")
            #expect(some.maskedScopes.keys.sorted { $0.rawValue < $1.rawValue } == [.comment, .prose], "\(format)")
            let headingOnly = format.masker.mask(source, scopes: [.heading])
            #expect(headingOnly.storage(of: .prose) == .omitted, "\(format)")
            #expect(headingOnly.bytes(for: .heading) == full.bytes(for: .heading), "\(format)")
            #expect(headingOnly.characterReferenceSpans == full.characterReferenceSpans, "\(format)")
        }
    }

    @Test func documentFromGivenScopesFillsMissingOnesWithBlank() {
        let source = Array("ab\ncd".utf8)
        let document = Document(path: "x", source: source, scopes: [.prose: Array("a \n d".utf8)])
        #expect(document.bytes(for: .prose) == Array("a \n d".utf8))
        #expect(document.masked.storage(of: .code) == .blank)
        #expect(document.bytes(for: .code) == Array("  \n  ".utf8))
    }

    /// Copies of a document share its fields; the one whose localization table is set gets its
    /// own, and the others keep theirs.
    @Test func settingTheLocalizationOfACopyLeavesTheOriginal() {
        let source = Array(Self.text.utf8)
        let original = PlainTextMasker().mask(source)
        var copy = original
        copy.localization = LocalizationTable()
        copy.localization?.configuredLocale = "zh-TW"
        #expect(original.localization == nil)
        #expect(copy.localization?.configuredLocale == "zh-TW")
        #expect(copy.source == original.source)
        #expect(copy.bytes(for: .prose) == original.bytes(for: .prose))
        var third = copy
        third.localization?.configuredLocale = "zh-CN"
        #expect(copy.localization?.configuredLocale == "zh-TW")
        #expect(third.localization?.configuredLocale == "zh-CN")
    }
}
