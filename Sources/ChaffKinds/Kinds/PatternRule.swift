import ChaffEngine
import ChaffText
import Foundation

/// `kind: pattern` — literal phrases and regular expressions, with exceptions.
///
/// Options:
/// - `phrases`: literal phrases, all matched in one pass by an Aho–Corasick automaton;
///   leftmost-longest, non-overlapping.
/// - `patterns`: ICU regular expressions (`NSRegularExpression` syntax, `\p{Han}` works).
/// - `caseSensitive` (default `false`): for phrases, ASCII letters match either case; for
///   patterns, the `i` flag.
/// - `wholeWords` (default `true`): a phrase whose edge is an ASCII letter or digit must not
///   continue an ASCII word there.
/// - `exceptions`: regular expressions; a match whose whole text matches one is not reported.
/// - `exceptionsCaseSensitive` (default: the value of `caseSensitive`): whether exceptions get
///   the `i` flag is their own choice, so a case-insensitive rule can still except only `NASA`
///   and not `nasa`; without it they follow `caseSensitive`, as they always did.
/// - `replacement`: text that replaces each match under `--fix` (and in SARIF `fixes`); the
///   message may use `{replacement}`.
///
/// At least one phrase or pattern is required.
package struct PatternRule: RuleKind {
    package static let kindName = "pattern"
    /// Starts early on a large document: the costliest kind on large files (callgrind on man pages and glossed pages).
    package static let startingPriority = 3
    package static let messageArguments = ["replacement"]
    package static let isFixable = true

    private let phrases: AhoCorasick
    private let regexes: [NSRegularExpressionBox]
    private let exceptions: [NSRegularExpressionBox]
    private let wholeWords: Bool
    private let replacement: String?

    package var offersFixes: Bool { replacement != nil }

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        let caseSensitive = try options.optionalBool("caseSensitive") ?? false
        replacement = try options.optionalString("replacement")
        wholeWords = try options.optionalBool("wholeWords") ?? true
        let phraseList = try options.optionalStrings("phrases") ?? []
        let patternList = try options.optionalStrings("patterns") ?? []
        let exceptionList = try options.optionalStrings("exceptions") ?? []
        let exceptionsCaseSensitive = try options.optionalBool("exceptionsCaseSensitive") ?? caseSensitive
        if phraseList.isEmpty && patternList.isEmpty {
            throw ObjectReader.Failure(
                offset: options.offset, message: "'\(options.path)' needs at least one entry in 'phrases' or 'patterns'")
        }
        for (i, (phrase, offset)) in phraseList.enumerated() where phrase.isEmpty {
            throw ObjectReader.Failure(offset: offset, message: "'\(options.path(of: "phrases"))[\(i)]' is empty")
        }
        phrases = AhoCorasick(patterns: phraseList.map { Array($0.0.utf8) }, caseInsensitiveASCII: !caseSensitive)
        regexes = try patternList.enumerated().map { (i, entry) throws(ObjectReader.Failure) in
            try NSRegularExpressionBox.compile(
                entry.0, caseInsensitive: !caseSensitive, offset: entry.1, path: "\(options.path(of: "patterns"))[\(i)]")
        }
        exceptions = try exceptionList.enumerated().map { (i, entry) throws(ObjectReader.Failure) in
            try NSRegularExpressionBox.compile(
                entry.0, caseInsensitive: !exceptionsCaseSensitive, offset: entry.1, path: "\(options.path(of: "exceptions"))[\(i)]")
        }
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        // Scope is chosen by the engine; the kind reads whatever scope the rule asked for.
        let scope = context.scope
        let bytes = context.bytes(for: scope)
        var found: [Range<Int>] = []
        if phrases.patternCount > 0 {
            bytes.withUnsafeBufferPointer { buffer in
                for match in phrases.nonOverlappingMatches(in: buffer)
                where !wholeWords || WordBoundary.isWholeWord(match.range, in: buffer) {
                    found.append(match.range)
                }
            }
        }
        if !regexes.isEmpty {
            let text = context.regexText(for: scope)
            for regex in regexes {
                regex.enumerate(in: text, budget: context.regexBudget) { found.append($0) }
            }
        }
        if found.isEmpty { return }
        let text = exceptions.isEmpty ? nil : context.regexText(for: scope)
        found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var lastEnd = -1
        for range in found where range.lowerBound >= lastEnd && !range.isEmpty {
            if let text, isException(range, text: text, bytes: bytes) { continue }
            lastEnd = range.upperBound
            if let replacement {
                report(Finding(range: range, arguments: ["replacement": replacement], fix: replacement))
            } else {
                report(Finding(range: range))
            }
        }
    }

    private func isException(_ range: Range<Int>, text: RegexText, bytes: [UInt8]) -> Bool {
        let matched = String(decoding: bytes[range], as: UTF8.self)
        return exceptions.contains { $0.matchesWhole(matched) }
    }
}
