import ChaffEngine
import ChaffText

/// `kind: localization-syntax` — what a localization file's reader could not read (an
/// unclosed string, a `msgstr` without a `msgid`, an unknown escape), each at its place.
///
/// No options. Message argument: `problem`.
package struct LocalizationSyntaxRule: RuleKind {
    package static let kindName = "localization-syntax"
    package static let messageArguments = ["problem"]

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {}

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        guard let table = context.document.masked.localization else { return }
        for problem in table.problems {
            report(Finding(range: problem.range, arguments: ["problem": problem.message]))
        }
    }
}
