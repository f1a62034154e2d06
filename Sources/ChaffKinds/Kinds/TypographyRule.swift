import ChaffEngine
import ChaffText

/// `kind: typography` — spacing and punctuation of Chinese text mixed with Latin words,
/// numbers and code, each finding with its fix.
///
/// Option `check` picks the defect (one rule file per check):
/// - `space-cjk-latin`: Han beside a Latin word, number or code span (`mode`, `acrossMarkup`);
/// - `space-cjk-bracket`: Han beside a half-width bracket (`mode`, `acrossMarkup`);
/// - `space-cjk-symbol`: `-`, `+`, `|` between Chinese words, `!!` before Chinese (`marks`);
/// - `space-cjk-dollar`: Han beside a `$` (inline math);
/// - `space-number-unit`: a number and its unit (`10 GB`; `mode`), `50 %`, `30 °C`;
/// - `halfwidth-punctuation`: half-width `,.:;!?` in a Chinese sentence (`marks`);
/// - `fullwidth-punctuation-in-english`: `，。（）` in an English sentence;
/// - `space-fullwidth-punctuation`: spaces beside full-width punctuation (`acrossMarkup`);
/// - `space-fullwidth-quote`: spaces between curly quotes and Chinese (`acrossMarkup`);
/// - `fullwidth-alphanumeric`: full-width letters and digits;
/// - `repeated-punctuation`: `！！`, `？？`;
/// - `ellipsis`: `...` or `…` in Chinese for `……` (`mode`);
/// - `quote-style`: 「」 or “” (`mode`: `curly`, `corner` or `consistent`);
/// - `bracket-width`: （） or () around Chinese (`mode`: `fullwidth`, `halfwidth`, `consistent`).
///
/// Reads the prose scope with the source beside it: markup between two characters is looked
/// through, code, URLs and markup are never changed. Lines holding kana or Hangul are left
/// alone. Message argument: `expected`.
package struct TypographyRule: RuleKind {
    package static let kindName = "typography"
    /// Typography rules share one reading of the document's text and its boundaries.
    package static let derivedFamily: String? = "typography"
    package static let messageArguments = ["expected"]
    package static let isFixable = true

    /// The checks, by the value of `check`.
    enum Check: String, CaseIterable {
        case spaceCJKLatin = "space-cjk-latin"
        case spaceCJKBracket = "space-cjk-bracket"
        case spaceCJKSymbol = "space-cjk-symbol"
        case spaceCJKDollar = "space-cjk-dollar"
        case spaceNumberUnit = "space-number-unit"
        case halfwidthPunctuation = "halfwidth-punctuation"
        case fullwidthPunctuationInEnglish = "fullwidth-punctuation-in-english"
        case spaceFullwidthPunctuation = "space-fullwidth-punctuation"
        case spaceFullwidthQuote = "space-fullwidth-quote"
        case fullwidthAlphanumeric = "fullwidth-alphanumeric"
        case repeatedPunctuation = "repeated-punctuation"
        case ellipsis
        case quoteStyle = "quote-style"
        case bracketWidth = "bracket-width"

        /// The values `mode` takes for this check (the first is the default), or nil when the
        /// check has no `mode`.
        var modes: [String]? {
            switch self {
            case .spaceCJKLatin, .spaceCJKBracket, .spaceNumberUnit: SpacingMode.allCases.map(\.rawValue)
            case .quoteStyle: ["curly", "corner", "consistent"]
            case .bracketWidth: ["fullwidth", "halfwidth", "consistent"]
            case .ellipsis: ["double", "consistent"]
            default: nil
            }
        }

        /// Whether the check takes `acrossMarkup`.
        var takesAcrossMarkup: Bool {
            self == .spaceCJKLatin || self == .spaceCJKBracket || self == .spaceFullwidthPunctuation || self == .spaceFullwidthQuote
        }

        /// The marks `marks` may hold and its default, or nil when the check has no `marks`.
        var marks: (allowed: String, defaults: String)? {
            switch self {
            case .halfwidthPunctuation: (",.:;!?", ",.:;!?")
            case .spaceCJKSymbol: ("-+|!", "-+|!")
            default: nil
            }
        }
    }

    let check: Check
    /// The value of `mode` (the check's default when not given).
    let mode: String
    let acrossMarkup: Bool
    let marks: Set<UInt32>

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        guard let name = try options.optionalChoice("check", Check.allCases.map(\.rawValue)) else {
            throw options.missingKey("check", detail: "; one of \(Check.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
        }
        let check = Check(rawValue: name)!
        self.check = check
        func reject(_ key: String) throws(ObjectReader.Failure) {
            if let node = options.node(key) {
                throw ObjectReader.Failure(offset: node.offset, message: "'\(options.path(of: key))' does not apply to check '\(name)'")
            }
        }
        if let modes = check.modes {
            mode = try options.optionalChoice("mode", modes) ?? modes[0]
        } else {
            try reject("mode")
            mode = ""
        }
        if check.takesAcrossMarkup {
            acrossMarkup = try options.optionalBool("acrossMarkup") ?? true
        } else {
            try reject("acrossMarkup")
            acrossMarkup = true
        }
        if let (allowed, defaults) = check.marks {
            let given = try options.optionalString("marks") ?? defaults
            var marks: Set<UInt32> = []
            for scalar in given.unicodeScalars {
                guard allowed.unicodeScalars.contains(scalar) else {
                    throw ObjectReader.Failure(
                        offset: options.node("marks")?.offset ?? 0,
                        message:
                            "'\(options.path(of: "marks"))' may hold only the marks \(allowed.map { String($0) }.joined(separator: " ")), found '\(scalar)'"
                    )
                }
                marks.insert(scalar.value)
            }
            self.marks = marks
        } else {
            try reject("marks")
            marks = []
        }
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let scope = context.scope
        // Built once per document and scope for every typography rule.
        let text = context.derived(DerivedKey<TypographyText>("typography.\(scope.rawValue)", family: Self.derivedFamily)) {
            let masked = context.document.masked
            let prose = context.bytes(for: scope)
            return masked.source.withUnsafeBufferPointer { source in
                prose.withUnsafeBufferPointer { prose in
                    TypographyText(
                        source: source, prose: prose, codeRanges: masked.codeRanges, referenceSpans: masked.characterReferenceSpans,
                        emphasisMarks: masked.format == .markdown || masked.format == .restructuredText)
                }
            }
        }
        for finding in findings(text, context: context) { report(finding) }
    }

    private func findings(_ text: TypographyText, context: CheckContext) -> [Finding] {
        let across = acrossMarkup
        let spacing = SpacingMode(rawValue: mode) ?? .always
        switch check {
        case .spaceCJKLatin, .spaceCJKBracket:
            // Found once per document, scope and reading of markup for both spacing rules.
            let key = DerivedKey<TypographySpacing.Boundaries>(
                "typography.\(context.scope.rawValue).boundaries.\(across)", family: Self.derivedFamily)
            let boundaries = context.derived(key) { TypographySpacing.boundaries(text, acrossMarkup: across) }
            return TypographySpacing.findings(boundaries.of(check == .spaceCJKLatin ? .latin : .bracket), mode: spacing)
        case .spaceCJKSymbol: return TypographySymbols.spacesBesideSigns(text, marks: marks)
        case .spaceCJKDollar: return TypographySymbols.spacesBesideDollars(text)
        case .spaceNumberUnit: return TypographyUnits.findings(text, mode: spacing)
        case .halfwidthPunctuation: return TypographyPunctuation.halfwidthMarks(text, marks: marks)
        case .fullwidthPunctuationInEnglish: return TypographyEnglish.fullwidthMarks(text)
        case .spaceFullwidthPunctuation: return TypographyPunctuation.spacesBesideFullwidth(text, quotes: false, acrossMarkup: across)
        case .spaceFullwidthQuote: return TypographyPunctuation.spacesBesideFullwidth(text, quotes: true, acrossMarkup: across)
        case .fullwidthAlphanumeric: return TypographyPunctuation.fullwidthAlphanumerics(text)
        case .repeatedPunctuation: return TypographyPunctuation.repeatedMarks(text)
        case .ellipsis: return TypographyPunctuation.ellipses(text, consistent: mode == "consistent")
        case .quoteStyle: return TypographyQuotes.findings(text, style: QuoteStyle(rawValue: mode) ?? .curly)
        case .bracketWidth: return TypographyBrackets.findings(text, style: BracketWidth(rawValue: mode) ?? .fullwidth)
        }
    }
}
