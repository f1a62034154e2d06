import ChaffEngine
import ChaffText

/// `kind: unsourced-claim` — sentences that lean on an unnamed authority and cite nothing.
///
/// Options are a `ClaimLexicon` (see `Sources/ChaffCore/Claims/ClaimLexicon.swift`): `groups`
/// of phrases (`category`, `missing`, `always`, `unlessNamed`, `frames`, `exceptions`),
/// `vagueQualifiers`, `sourceSuffixes`. The prose scope is split into sentences; citations
/// (links, footnotes, `<a href>`) are looked for in the raw source of the same sentence, since
/// masking blanks them in prose. Message arguments: `missing` (what the sentence lacks, from the
/// phrase's group) and `category`. A finding is reported at the rule's severity when its sentence
/// carries a signature of its group (a figure, a prediction, a sweeping claim) and otherwise at
/// the group's `bare` tier (`note`, or nothing).
package struct UnsourcedClaimRule: RuleKind {
    package static let kindName = "unsourced-claim"
    /// Starts early on a large document: the costliest kind on large files (callgrind on man pages and glossed pages).
    package static let startingPriority = 3
    package static let messageArguments = ["missing", "category"]

    private let detector: ClaimDetector

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        detector = ClaimDetector(lexicon: try ClaimLexicon(options: &options))
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let text = context.bytes(for: context.scope)
        let document = context.document
        for finding in detector.findings(in: text, citationSource: { CitationSource.bytes(of: document) }) {
            report(
                Finding(
                    range: finding.phrase, arguments: ["missing": finding.missing, "category": finding.category],
                    severity: finding.tier == .note ? .note : nil))
        }
    }
}
