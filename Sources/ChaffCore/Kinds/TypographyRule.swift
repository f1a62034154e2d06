/// `kind: typography` — spacing and punctuation of Chinese text mixed with Latin words,
/// numbers and code, each finding with its fix.
///
/// Option `check` picks the defect (one rule file per check):
/// - `space-cjk-latin`: Han beside a Latin word, number or code span (`mode`, `acrossMarkup`);
/// - `space-cjk-bracket`: Han beside a half-width bracket (`mode`, `acrossMarkup`);
/// - `halfwidth-punctuation`: half-width `,.:;!?` in a Chinese sentence (`marks`);
/// - `space-fullwidth-punctuation`: spaces beside full-width punctuation (`acrossMarkup`);
/// - `space-fullwidth-quote`: spaces between curly quotes and Chinese (`acrossMarkup`);
/// - `fullwidth-alphanumeric`: full-width letters and digits;
/// - `repeated-punctuation`: `！！`, `？？`;
/// - `ellipsis`: `...` or `…` in Chinese for `……`;
/// - `quote-style`: 「」 or “” (`mode`: `corner` or `curly`).
///
/// Reads the prose scope with the source beside it: markup between two characters is looked
/// through, code, URLs and markup are never changed. Lines holding kana or Hangul are left
/// alone. Message argument: `expected`.
public struct TypographyRule: RuleKind {
    public static let kindName = "typography"
    public static let messageArguments = ["expected"]
    public static let isFixable = true

    /// The checks, by the value of `check`.
    enum Check: String, CaseIterable {
        case spaceCJKLatin = "space-cjk-latin"
        case spaceCJKBracket = "space-cjk-bracket"
        case halfwidthPunctuation = "halfwidth-punctuation"
        case spaceFullwidthPunctuation = "space-fullwidth-punctuation"
        case spaceFullwidthQuote = "space-fullwidth-quote"
        case fullwidthAlphanumeric = "fullwidth-alphanumeric"
        case repeatedPunctuation = "repeated-punctuation"
        case ellipsis
        case quoteStyle = "quote-style"
    }

    let check: Check
    let spacing: SpacingMode
    let quoteStyle: QuoteStyle
    let acrossMarkup: Bool
    let marks: Set<UInt32>

    public init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        guard let name = try options.optionalChoice("check", Check.allCases.map(\.rawValue)) else {
            throw options.missingKey("check", detail: "; one of \(Check.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
        }
        let check = Check(rawValue: name)!
        self.check = check
        let spacingCheck = check == .spaceCJKLatin || check == .spaceCJKBracket
        func reject(_ key: String) throws(ObjectReader.Failure) {
            if let node = options.node(key) {
                throw ObjectReader.Failure(offset: node.offset, message: "'\(options.path(of: key))' does not apply to check '\(name)'")
            }
        }
        if spacingCheck {
            spacing = SpacingMode(rawValue: try options.optionalChoice("mode", SpacingMode.allCases.map(\.rawValue)) ?? "always")!
            acrossMarkup = try options.optionalBool("acrossMarkup") ?? true
            quoteStyle = .curly
        } else if check == .quoteStyle {
            quoteStyle = QuoteStyle(rawValue: try options.optionalChoice("mode", QuoteStyle.allCases.map(\.rawValue)) ?? "curly")!
            spacing = .always
            acrossMarkup = true
            try reject("acrossMarkup")
        } else if check == .spaceFullwidthPunctuation || check == .spaceFullwidthQuote {
            try reject("mode")
            acrossMarkup = try options.optionalBool("acrossMarkup") ?? true
            spacing = .always
            quoteStyle = .curly
        } else {
            try reject("mode")
            try reject("acrossMarkup")
            spacing = .always
            quoteStyle = .curly
            acrossMarkup = true
        }
        if check == .halfwidthPunctuation {
            let given = try options.optionalString("marks") ?? ",.:;!?"
            var marks: Set<UInt32> = []
            for scalar in given.unicodeScalars {
                guard TypographyCharacters.fullwidth(of: scalar.value) != nil else {
                    throw ObjectReader.Failure(
                        offset: options.node("marks")?.offset ?? 0,
                        message: "'\(options.path(of: "marks"))' may hold only the marks , . : ; ! ?, found '\(scalar)'")
                }
                marks.insert(scalar.value)
            }
            self.marks = marks
        } else {
            try reject("marks")
            marks = []
        }
    }

    public func check(_ context: CheckContext, report: (Finding) -> Void) {
        let across = acrossMarkup
        let scope = context.currentScope
        // Built once per document and scope for every typography rule.
        let text = context.derived(DerivedKey<TypographyText>("typography.\(scope.rawValue)")) {
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
        let findings: [Finding]
        switch check {
        case .spaceCJKLatin:
            findings = TypographySpacing.findings(TypographySpacing.boundaries(text, pair: .latin, acrossMarkup: across), mode: spacing)
        case .spaceCJKBracket:
            findings = TypographySpacing.findings(TypographySpacing.boundaries(text, pair: .bracket, acrossMarkup: across), mode: spacing)
        case .halfwidthPunctuation: findings = TypographyPunctuation.halfwidthMarks(text, marks: marks)
        case .spaceFullwidthPunctuation: findings = TypographyPunctuation.spacesBesideFullwidth(text, quotes: false, acrossMarkup: across)
        case .spaceFullwidthQuote: findings = TypographyPunctuation.spacesBesideFullwidth(text, quotes: true, acrossMarkup: across)
        case .fullwidthAlphanumeric: findings = TypographyPunctuation.fullwidthAlphanumerics(text)
        case .repeatedPunctuation: findings = TypographyPunctuation.repeatedMarks(text)
        case .ellipsis: findings = TypographyPunctuation.ellipses(text)
        case .quoteStyle: findings = TypographyQuotes.findings(text, style: quoteStyle)
        }
        for finding in findings { report(finding) }
    }
}
