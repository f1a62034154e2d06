import Foundation

/// An `NSRegularExpression` compiled from a rule file, with byte-offset results and a time
/// budget: a pathological user pattern stops instead of hanging the run.
public struct NSRegularExpressionBox: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as thread-safe.
    private let regex: NSRegularExpression

    /// Compiles `pattern`; a failure points at `offset` and names `path`.
    public static func compile(_ pattern: String, caseInsensitive: Bool, offset: Int, path: String) throws(ObjectReader.Failure)
        -> NSRegularExpressionBox
    {
        do {
            var options: NSRegularExpression.Options = []
            if caseInsensitive { options.insert(.caseInsensitive) }
            return NSRegularExpressionBox(regex: try NSRegularExpression(pattern: pattern, options: options))
        } catch {
            throw ObjectReader.Failure(offset: offset, message: "'\(path)' is not a valid regular expression: \(pattern)")
        }
    }

    /// Calls `body` with the byte range of each match. Stops early when `budget` runs out.
    public func enumerate(in text: RegexText, budget: RegexBudget, _ body: (Range<Int>) -> Void) {
        let whole = NSRange(location: 0, length: text.utf16Count)
        var checks = 0
        // Foundation on Linux declares the block escaping although it runs synchronously.
        withoutActuallyEscaping(body) { body in
            regex.enumerateMatches(in: text.string as String, options: [.reportProgress], range: whole) { result, _, stop in
                checks += 1
                if checks & 0x3F == 0 && budget.isExhausted {
                    stop.pointee = true
                    return
                }
                guard let result, result.range.location != NSNotFound else { return }
                body(text.byteRange(result.range))
            }
        }
    }

    /// Whether the pattern matches all of `string`.
    public func matchesWhole(_ string: String) -> Bool {
        let ns = string as NSString
        guard let match = regex.firstMatch(in: string, options: [.anchored], range: NSRange(location: 0, length: ns.length)) else {
            return false
        }
        return match.range.length == ns.length
    }
}
