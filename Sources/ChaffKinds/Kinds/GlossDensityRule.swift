import ChaffEngine
import ChaffText

/// `kind: gloss-density` — paragraphs of running prose with pinyin glosses interleaved
/// throughout, the signature of anti-plagiarism spinning: `通(tong)用(yong)人(ren)工(gong)…`.
///
/// Paragraphs, running prose and counting are defined by `GlossDensity`. A paragraph is
/// reported once, at its first gloss, when it has at least `minimumGlosses` glosses and at
/// least `minimumDensity` of its Han characters are glossed. Options:
/// - `minimumGlosses` (default `5`): fewest glosses in a paragraph.
/// - `minimumDensity` (default `0.05`): smallest share (0…1) of its Han characters glossed.
/// - `minimumParagraphCharacters` (default `60`): fewest Han characters for a paragraph to
///   count, so short glossed lines (teaching material, a glossed title) are exempt.
/// - `includeRuby` (default `false`): count `<ruby>` glosses too. Ruby is how publishers set
///   pronunciation deliberately (children's books, textbooks), so by default only parenthesised
///   glosses count.
package struct GlossDensityRule: RuleKind {
    package static let kindName = "gloss-density"
    /// Reads the document's glosses, which the other gloss kinds share.
    package static let derivedFamily: String? = DocumentGlosses.family
    package static let messageArguments = ["count", "glossed", "characters", "percent"]

    private let density: GlossDensity
    private let includeRuby: Bool

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        density = GlossDensity(
            minimumGlosses: try options.optionalInt("minimumGlosses", in: 1...1_000_000) ?? 5,
            minimumDensity: try options.optionalDouble("minimumDensity", in: 0...1) ?? 0.05,
            minimumParagraphCharacters: try options.optionalInt("minimumParagraphCharacters", in: 0...1_000_000) ?? 60)
        includeRuby = try options.optionalBool("includeRuby") ?? false
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let scoped = context.bytes(for: context.scope)
        // Both come from the document's one parse, shared with the other gloss rules.
        let glosses = includeRuby ? DocumentGlosses.glosses(in: context) : DocumentGlosses.parenthesizedGlosses(in: context)
        for paragraph in density.interleavedParagraphs(glosses, in: scoped) {
            let percent = Int((paragraph.density * 100).rounded())
            report(
                Finding(
                    range: paragraph.firstGlossRange,
                    arguments: [
                        "count": String(paragraph.glossCount), "glossed": String(paragraph.glossedCharacters),
                        "characters": String(paragraph.hanCharacters), "percent": String(percent),
                    ]))
        }
    }
}
