import ChaffEngine
import ChaffText

/// `kind: suppression-audit` — suppression directives that do nothing or cannot be read.
///
/// Options:
/// - `report` (required): `unused` (a `chaff-disable…` that suppressed no finding, or a
///   `chaff-enable` that closes nothing) or `invalid` (a misspelt directive, or one naming a
///   rule or family that does not exist).
///
/// A directive is only called unused when every rule it names ran in this invocation: with
/// `--select` a directive for an unselected rule is not stale.
package struct SuppressionAuditRule: SuppressionAuditing {
    package static let kindName = "suppression-audit"
    package static let messageArguments = ["problem"]

    private let reportsUnused: Bool

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        guard let node = options.node("report") else {
            throw ObjectReader.Failure(
                offset: options.offset, message: "missing required key '\(options.path(of: "report"))'; one of 'unused', 'invalid'")
        }
        let value = try ObjectReader.string(node, path: options.path(of: "report"))
        guard value == "unused" || value == "invalid" else {
            throw ObjectReader.Failure(
                offset: node.offset, message: "'\(options.path(of: "report"))' must be one of 'unused', 'invalid', found '\(value)'")
        }
        reportsUnused = value == "unused"
    }

    package func audit(_ audit: SuppressionAudit, report: (Finding) -> Void) {
        if reportsUnused {
            for directive in audit.unused {
                let what = directive.rules.isEmpty ? "any rule" : directive.rules.map { "'\($0.id)'" }.joined(separator: ", ")
                report(
                    Finding(
                        range: directive.range,
                        arguments: ["problem": "'\(directive.kind.rawValue)' for \(what) suppresses nothing; remove it"]))
            }
        } else {
            for malformed in audit.malformed {
                report(Finding(range: malformed.range, arguments: ["problem": malformed.message]))
            }
            for (directive, rule) in audit.unknownRules {
                let hint = audit.suggestions[rule].map { "did you mean '\($0)'?" } ?? "'chaff rules' lists them"
                report(
                    Finding(
                        range: directive.range,
                        arguments: ["problem": "'\(directive.kind.rawValue)' names '\(rule)', which is no rule or family; \(hint)"]))
            }
        }
    }
}
