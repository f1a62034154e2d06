import ChaffEngine
import ChaffText

/// `kind: placeholder` — unfilled template and spinner slots, found by byte scanners that jump
/// from one anchor byte (`<`, `{`, `%`, `$`, `[`, `【` …) to the next with `memchr` and parse the
/// token there, instead of running regular expressions over the whole text. A token on a line of
/// code that the markup did not mark (quoted, or an indented or prompted line of plain text) is
/// not reported: see `CodeLine`.
///
/// Options:
/// - `form` (required): `angle-token`, `template-expression`, `delimited-keyword`, `spintax`,
///   `printf-specifier`, `bracket-keyword` or `brace-slot`; each form's grammar is documented on its scanner
///   in `Sources/ChaffCore/Placeholders/`.
/// - `slotNames`: for `angle-token`, slot names reported even without `_` or a number
///   (`keyword`, `关键词`); for `bracket-keyword`, CJK slot names (`关键词`); for `brace-slot`,
///   ASCII names reported in single braces even without `_` or a number (`keyword`, `name`).
///   Han characters match in either script.
/// - `slotPrefixes`: for `angle-token` and `bracket-keyword`, names that may be followed by up to
///   six Han characters (`随机` covers `随机句子`).
/// - `asciiSlotNames`: for `bracket-keyword`, ASCII names in `[…]` (`keyword`, `city`).
/// - `environmentNames`: for `delimited-keyword`, environment variables (`APPDATA`) that
///   `%NAME%` expands on Windows, which are not slots.
/// - `codeNames`: for `spintax`, type and value names (`string`, `null`, `auto`) that make a
///   union of single words a type or option list instead of spun text.
package struct PlaceholderRule: RuleKind {
    package static let kindName = "placeholder"
    /// Starts early on a large document: costly on large files after the claim, pattern and gloss kinds.
    package static let startingPriority = 1
    /// The forms, in documentation order.
    package static let forms = [
        "angle-token", "template-expression", "delimited-keyword", "spintax", "printf-specifier", "bracket-keyword", "brace-slot",
    ]

    private enum Scanner: Sendable {
        case angle(AngleTokenScanner)
        case template(TemplateExpressionScanner)
        case delimited(DelimitedKeywordScanner)
        case spintax(SpintaxScanner)
        case printf(PrintfSpecifierScanner)
        case bracket(BracketKeywordScanner)
        case brace(BraceSlotScanner)
    }

    private let scanner: Scanner

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        let formNode = options.node("form")
        guard let formNode else {
            throw ObjectReader.Failure(
                offset: options.offset,
                message:
                    "missing required key '\(options.path(of: "form"))'; one of \(Self.forms.map { "'\($0)'" }.joined(separator: ", "))")
        }
        let form = try ObjectReader.string(formNode, path: options.path(of: "form"))
        switch form {
        case "angle-token":
            let names = try options.optionalStrings("slotNames")?.map(\.0) ?? []
            let prefixes = try options.optionalStrings("slotPrefixes")?.map(\.0) ?? []
            scanner = .angle(
                AngleTokenScanner(
                    slotNames: SlotNames(names, caseInsensitiveASCII: true), prefixNames: SlotNames(prefixes, caseInsensitiveASCII: false)))
        case "template-expression": scanner = .template(TemplateExpressionScanner())
        case "delimited-keyword":
            let names = try options.optionalStrings("environmentNames")?.map(\.0) ?? []
            scanner = .delimited(DelimitedKeywordScanner(environmentNames: SlotNames(names, caseInsensitiveASCII: true)))
        case "spintax":
            let names = try options.optionalStrings("codeNames")?.map(\.0) ?? []
            scanner = .spintax(SpintaxScanner(codeNames: SlotNames(names, caseInsensitiveASCII: false)))
        case "printf-specifier": scanner = .printf(PrintfSpecifierScanner())
        case "bracket-keyword":
            let names = try options.optionalStrings("slotNames")?.map(\.0) ?? []
            let prefixes = try options.optionalStrings("slotPrefixes")?.map(\.0) ?? []
            let ascii = try options.optionalStrings("asciiSlotNames")?.map(\.0) ?? []
            scanner = .bracket(
                BracketKeywordScanner(
                    cjkNames: SlotNames(names, caseInsensitiveASCII: false), prefixNames: SlotNames(prefixes, caseInsensitiveASCII: false),
                    asciiNames: SlotNames(ascii, caseInsensitiveASCII: true)))
        case "brace-slot":
            let names = try options.optionalStrings("slotNames")?.map(\.0) ?? []
            scanner = .brace(BraceSlotScanner(slotNames: SlotNames(names, caseInsensitiveASCII: true)))
        default:
            throw ObjectReader.Failure(
                offset: formNode.offset,
                message:
                    "'\(options.path(of: "form"))' must be one of \(Self.forms.map { "'\($0)'" }.joined(separator: ", ")), found '\(form)'")
        }
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let bytes = context.bytes(for: context.scope)
        let document = context.document
        bytes.withUnsafeBufferPointer { text in
            var tokens: [Range<Int>] = []
            let collect: (Range<Int>) -> Void = { tokens.append($0) }
            switch scanner {
            case .angle(let s): s.scan(text, report: collect)
            case .template(let s): s.scan(text, report: collect)
            case .delimited(let s): s.scan(text, report: collect)
            case .spintax(let s): s.scan(text, report: collect)
            case .printf(let s): s.scan(text, report: collect)
            case .bracket(let s): s.scan(text, report: collect)
            case .brace(let s): s.scan(text, report: collect)
            }
            guard !tokens.isEmpty else { return }
            let marks = document.format == .html ? document.masked.marks : nil
            let plainText = document.format == .plainText
            // A document that lists a syntax as terms (`%f` in the first cell of a row, `{name}`
            // over its indented description) documents it: every use of those tokens there is
            // a mention. So does one that quotes a token as a name.
            let defined = SyntaxGlossary.terms(tokens, in: text, marks: marks)
            let restructuredText = document.format == .restructuredText
            // A token the document quotes as a name somewhere (`"%s" becomes required`) is
            // that syntax's name wherever the document uses it bare (`Allow %s in captions`).
            var quoted: Set<[UInt8]> = []
            var bare: [Range<Int>] = []
            for range in tokens {
                if CodeLine.contains(range, in: text, plainText: plainText, restructuredText: restructuredText) {
                    quoted.insert(SyntaxGlossary.key(range, in: text))
                } else {
                    bare.append(range)
                }
            }
            // Braces glued to a bracket or parenthesis are found in one pass over the text, when a
            // brace token first needs them; each distinct token is then compared there only (a
            // spun page repeats its slots hundreds of times, and a large file has thousands of
            // distinct tokens: a search of the whole text per token was quadratic).
            var quantifiers: [[UInt8]: Bool] = [:]
            var glued: [Int]? = nil
            for range in bare {
                let key = SyntaxGlossary.key(range, in: text)
                if defined.contains(key) || quoted.contains(key) { continue }
                if let known = quantifiers[key] {
                    if known { continue }
                } else if key.first == UInt8(ascii: "{") {
                    if glued == nil { glued = Self.gluedBraces(in: text) }
                    let found = Self.isQuantifier(key, in: text, gluedBraces: glued!)
                    quantifiers[key] = found
                    if found { continue }
                } else {
                    quantifiers[key] = false
                }
                report(Finding(range: range))
            }
        }
    }

    /// Whether `key`, a brace token (`{3}`), also stands glued to a bracket or parenthesis in the
    /// document (`^[:digit:]{3}$`, `(ab){2}`): a regular expression's repetition count, which
    /// the document then explains in prose.
    /// `gluedBraces` are the offsets of every `{` right after `]` or `)` (`gluedBraces(in:)`).
    private static func isQuantifier(_ key: [UInt8], in text: UnsafeBufferPointer<UInt8>, gluedBraces: [Int]) -> Bool {
        gluedBraces.contains { start in
            start + key.count <= text.count && UnsafeBufferPointer(rebasing: text[start..<(start + key.count)]).elementsEqual(key)
        }
    }

    /// The offsets of every `{` right after `]` or `)`: where a repetition count of a regular
    /// expression may start.
    private static func gluedBraces(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var out: [Int] = []
        var from = 1
        while let brace = ByteSearch.next(UInt8(ascii: "{"), in: text, from: from) {
            let before = text[brace - 1]
            if before == UInt8(ascii: "]") || before == UInt8(ascii: ")") { out.append(brace) }
            from = brace + 1
        }
        return out
    }
}
