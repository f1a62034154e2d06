import ChaffEngine
import ChaffText

/// `kind: gloss-consistency` — glosses and acronym expansions that contradict each other within
/// one document: `著(zhu)(zhe)`, `银行(hang)` … `银行(xing)`, `AGI (Artificial General
/// Intelligence)` … `AGI (Artificial Generative Intelligence)`.
///
/// Gloss conflicts are found by `GlossConflicts` over the glosses of `DocumentGlosses`;
/// acronym conflicts by `AcronymConflicts` over `AcronymParser` in the rule's scope.
///
/// Options:
/// - `glosses` (default `true`): report pinyin glosses that contradict an earlier gloss.
/// - `acronyms` (default `true`): report acronyms expanded differently from their first
///   expansion in the same language.
///
/// The later occurrence is reported, and the message points at the first with its line. A
/// gloss finding covers the later gloss (`(zhe)`, or its `<rt>…</rt>`); an acronym finding
/// covers the later expansion as written (`Artificial Generative Intelligence`).
package struct GlossConsistencyRule: RuleKind {
    package static let kindName = "gloss-consistency"
    /// Reads the document's glosses and their judgements, which the other gloss kinds share.
    package static let derivedFamily: String? = DocumentGlosses.family
    /// Starts early on a large document: second costliest on glossed pages.
    package static let startingPriority = 2
    package static let messageArguments = ["subject", "action", "found", "first", "where", "line", "term", "word"]

    private let checkGlosses: Bool
    private let checkAcronyms: Bool

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        checkGlosses = try options.optionalBool("glosses") ?? true
        checkAcronyms = try options.optionalBool("acronyms") ?? true
        if !checkGlosses && !checkAcronyms {
            throw ObjectReader.Failure(
                offset: options.offset, message: "'\(options.path)' turns off both 'glosses' and 'acronyms'; the rule would check nothing")
        }
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let source = context.document.source
        func line(_ offset: Int) -> Int { context.document.masked.lineIndex.lineIndex(of: offset) + 1 }
        if checkGlosses {
            let glosses = DocumentGlosses.glosses(in: context)
            if glosses.count >= 2 {
                let words = DocumentGlosses.contextWords(in: context)
                let conflicts = GlossConflicts.conflicts(in: glosses, words: words) { n, k in
                    GlossConflicts.isFlagged(DocumentGlosses.findings(in: context)[n], k)
                }
                for conflict in conflicts {
                    let character = GlossText.string([conflict.gloss.base[conflict.index]])
                    let word = GlossText.string(conflict.word)
                    let firstLine = line(conflict.first.glossRange.lowerBound)
                    let subject = conflict.kind == .repeated ? "'\(character)'" : "'\(character)' in '\(word)'"
                    report(
                        Finding(
                            range: conflict.gloss.glossRange,
                            arguments: [
                                "subject": subject, "action": "glossed",
                                "found": GlossText.written(conflict.gloss, conflict.index, in: source),
                                "first": GlossText.written(conflict.first, conflict.firstIndex, in: source),
                                "where": conflict.kind == .repeated ? "right before it" : "at line \(firstLine)",
                                "line": String(firstLine), "term": character, "word": word,
                            ]))
                }
            }
        }
        if checkAcronyms {
            let expansions = AcronymParser.expansions(in: context.bytes(for: context.scope))
            if expansions.count >= 2 {
                for conflict in AcronymConflicts.conflicts(in: expansions) {
                    let firstLine = line(conflict.first.range.lowerBound)
                    report(
                        Finding(
                            range: conflict.expansion.range,
                            arguments: [
                                "subject": "'\(conflict.expansion.acronym)'", "action": "expanded as",
                                "found": conflict.expansion.text, "first": conflict.first.text,
                                "where": "at line \(firstLine)", "line": String(firstLine),
                                "term": conflict.expansion.acronym, "word": "",
                            ]))
                }
            }
        }
    }
}
