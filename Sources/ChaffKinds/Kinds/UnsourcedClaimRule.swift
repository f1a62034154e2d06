import ChaffEngine
import ChaffText

/// `kind: unsourced-claim` — sentences that lean on an unnamed authority and cite nothing.
///
/// Options are a `ClaimLexicon` (see `Sources/ChaffKinds/Claims/ClaimLexicon.swift`): `groups`
/// of phrases (`category`, `missing`, `always`, `unlessNamed`, `frames`, `exceptions`),
/// `vagueQualifiers`, `sourceSuffixes`. The prose scope is split into sentences; citations are
/// looked for in the sentence's text and, for the links, addresses and `<sup>` notes that
/// masking blanks, in the masker's `MarkupMarks` (see `CitationView`). Message arguments: `missing` (what the sentence lacks, from the
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

    private init(lexicon: ClaimLexicon) {
        detector = ClaimDetector(lexicon: lexicon)
    }

    /// The built-in rule's kind, its lexicon compiled into the binary (`BuiltinClaimLexicon`).
    package static func compiledBuiltIn(optionsTextDigest: UInt64) -> UnsourcedClaimRule? {
        BuiltinClaimLexicon.lexicon(forOptionsTextDigest: optionsTextDigest).map(UnsourcedClaimRule.init(lexicon:))
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let text = context.bytes(for: context.scope)
        for finding in detector.findings(in: text, marks: context.document.masked.marks, workers: context.workers) {
            report(
                Finding(
                    range: finding.phrase, arguments: ["missing": finding.missing, "category": finding.category],
                    severity: finding.tier == .note ? .note : nil))
        }
    }
}
