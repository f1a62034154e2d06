import ChaffData
import Testing

@testable import ChaffKinds

/// Finding `<ruby>` glosses, with byte offsets.
@Suite struct RubyGlossParserTests {
    static func text(_ characters: some Sequence<GlossCharacter>) -> String {
        String(String.UnicodeScalarView(characters.map { Unicode.Scalar($0.scalar)! }))
    }

    @Test func oneRtPerCharacter() {
        let html = "<ruby>角<rt>jué</rt>色<rt>sè</rt></ruby>"
        let glosses = RubyGlossParser.glosses(in: html)
        #expect(glosses.map { Self.text($0.base) } == ["角", "色"])
        #expect(glosses.map { $0.base.map(\.range) } == [[6..<9], [22..<25]])
        #expect(glosses.map { $0.syllables.map(\.numbered) } == [["jue2"], ["se4"]])
        #expect(glosses.map(\.glossRange) == [9..<22, 25..<37])
        #expect(glosses.map(\.textRange) == [13..<17, 29..<32])
        #expect(glosses.map { Self.text($0.context) } == ["角色", "角色"])
        #expect(glosses.map(\.basePosition) == [0, 1])
        #expect(glosses.allSatisfy { $0.form == .ruby && $0.hasTones })
    }

    @Test func oneRtPerWord() {
        let html = "主<ruby>角色<rt>jué sè</rt></ruby>们"
        let glosses = RubyGlossParser.glosses(in: html)
        #expect(glosses.map { Self.text($0.base) } == ["角色"])
        #expect(glosses.map { $0.base.map(\.range) } == [[9..<12, 12..<15]])
        #expect(glosses.map { $0.syllables.map(\.numbered) } == [["jue2", "se4"]])
        #expect(glosses.map(\.textRange) == [19..<27])
        // Han text touching the ruby outside belongs to the context.
        #expect(glosses.map { Self.text($0.context) } == ["主角色们"])
        #expect(glosses.map(\.basePosition) == [1])
    }

    @Test func rpIsIgnoredAndTagsAreCaseInsensitive() {
        let html = "<RUBY>漢<rp>(</rp><RT>hàn</RT><rp>)</rp>字<rp>(</rp><rt>zì</rt><rp>)</rp></RUBY>"
        let glosses = RubyGlossParser.glosses(in: html)
        #expect(glosses.map { Self.text($0.base) } == ["漢", "字"])
        #expect(glosses.map { $0.syllables.map(\.numbered) } == [["han4"], ["zi4"]])
        #expect(glosses.map { Self.text($0.context) } == ["漢字", "漢字"])
    }

    @Test func repeatedRt() {
        let html = "<ruby>著<rt>zhù</rt><rt>zhe</rt></ruby>"
        let glosses = RubyGlossParser.glosses(in: html)
        #expect(glosses.map { Self.text($0.base) } == ["著", "著"])
        #expect(glosses.map { $0.repeatedSyllables?.map(\.numbered) } == [nil, ["zhu4"]])
    }

    @Test func notGlosses() {
        // Counts must match; non-Han bases and non-pinyin annotations are skipped.
        #expect(RubyGlossParser.glosses(in: "<ruby>角色<rt>jué</rt></ruby>").isEmpty)
        #expect(RubyGlossParser.glosses(in: "<ruby>漢字<rt>かんじ</rt></ruby>").isEmpty)
        #expect(RubyGlossParser.glosses(in: "<ruby>abc<rt>jue</rt></ruby>").isEmpty)
        #expect(RubyGlossParser.glosses(in: "<ruby>角<rt>Jue</rt></ruby>").isEmpty)
        #expect(RubyGlossParser.glosses(in: "<rubyx>角<rt>jue</rt></rubyx>").isEmpty)
    }

    @Test func checkerSeesRubyContext() {
        let findings = GlossChecker.check(
            RubyGlossParser.glosses(in: "<ruby>角<rt>jiǎo</rt>色<rt>sè</rt></ruby>"))
        #expect(findings.map(\.kind) == [.wrongReadingInWord])
        #expect(findings.map { $0.expected?.marked } == ["jué"])
        #expect(findings.map(\.character.range) == [6..<9])
    }
}
