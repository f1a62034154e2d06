import ChaffEngine
import ChaffText

/// `kind: uncited-statistic` — figures (percentages, multiples, hedged and large counts,
/// ratios) whose sentence and paragraph name no source.
///
/// Options are a `ClaimLexicon`, whose `unlessNamed` phrases serve as attribution verbs: with a
/// named subject (国家统计局数据显示) they source the figures around them. Message argument:
/// `kind` (`percentage`, `fraction`, `multiple`, `approximateCount`, `largeCount`, `ratio`).
package struct UncitedStatisticRule: RuleKind {
    package static let kindName = "uncited-statistic"
    /// Starts early on a large document: costly on large files after the claim, pattern and gloss kinds.
    package static let startingPriority = 1
    package static let messageArguments = ["kind"]

    private let detector: StatisticDetector

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        detector = StatisticDetector(lexicon: try ClaimLexicon(options: &options))
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let text = context.bytes(for: context.scope)
        for finding in detector.findings(in: text, marks: context.document.masked.marks) {
            report(Finding(range: finding.figure, arguments: ["kind": finding.kind.rawValue]))
        }
    }
}
