import ChaffEngine
import ChaffText

/// `kind: translation-placeholder` — a translation whose format placeholders differ from its
/// source's, in a localization file (see `PlaceholderParity`).
///
/// Options:
/// - `problem` (required): `missing` (a placeholder of the source is not in the translation;
///   reported over the whole translation), `extra` (the translation has one the source does
///   not), `changed` (the same argument with another type, `%d` → `%s`; fixed with the source's
///   directive when both take the argument the same way) or `reordered` (sequential printf
///   directives in another order, which needs positional ones: `%2$s … %1$d`).
///
/// In a fuzzy entry (`#, fuzzy`) a mismatch is at most a note: gettext does not use the
/// translation until a translator confirms it, and that is when it must be right.
///
/// The syntaxes compared are those the entry declares (`#, c-format`, `python-format`,
/// `python-brace-format`), or with no declaration those either string uses; `no-c-format`
/// turns one off. A plural form the catalogue's `Plural-Forms` formula uses for a single
/// number may leave out a placeholder ("one file" for `%d file`), as `msgfmt -c` allows; a
/// form that also serves 21, 31, … may not.
///
/// Message arguments: `placeholder` (as the translation or, for `missing`, the source writes
/// it) and `expected` (the source's directive, or its order).
package struct TranslationPlaceholderRule: RuleKind {
    package static let kindName = "translation-placeholder"
    package static let messageArguments = ["placeholder", "expected"]
    package static let isFixable = true

    private let problem: PlaceholderMismatch.Problem

    package var offersFixes: Bool { problem == .changed }

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        let names = PlaceholderMismatch.Problem.allCases.map(\.rawValue)
        guard let name = try options.optionalChoice("problem", names), let problem = PlaceholderMismatch.Problem(rawValue: name) else {
            throw ObjectReader.Failure(
                offset: options.offset,
                message: "missing required key '\(options.path(of: "problem"))'; one of \(names.map { "'\($0)'" }.joined(separator: ", "))")
        }
        self.problem = problem
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        guard let table = context.document.masked.localization else { return }
        let forms = table.pluralCount ?? 1
        for pair in table.pairs {
            // A form the formula uses for one number only; without a formula that reads,
            // the first of several forms (English-like rules).
            let missingAllowed: Bool
            if let category = pair.pluralCategory {
                missingAllowed = PluralCategory.selectsOneNumber(category, locale: pair.locale ?? table.locale)
            } else if let index = pair.pluralIndex, index < table.singleNumberForms.count {
                missingAllowed = table.singleNumberForms[index]
            } else {
                missingAllowed = forms >= 2 && pair.pluralIndex == 0 && table.singleNumberForms.isEmpty
            }
            for mismatch in PlaceholderParity.mismatches(pair, missingAllowed: missingAllowed) where mismatch.problem == problem {
                var range = mismatch.range.map { pair.translation.fileRange(of: $0) } ?? pair.translation.span
                // An empty translation (`msgstr[1] ""`) is reported with its quotes.
                if range.isEmpty { range = max(0, range.lowerBound - 1)..<min(context.document.source.count, range.upperBound + 1) }
                report(
                    Finding(
                        range: range, arguments: ["placeholder": mismatch.placeholder, "expected": mismatch.expected],
                        fix: mismatch.fix, severity: pair.isFuzzy ? .note : nil))
            }
        }
    }
}
