/// How a translation's placeholders differ from its source's.
package struct PlaceholderMismatch: Equatable {
    /// What differs.
    package enum Problem: String, CaseIterable {
        /// A placeholder of the source is not in the translation: the value is never shown, and
        /// with printf every later argument shifts.
        case missing
        /// The translation has a placeholder the source does not: printf reads an argument the
        /// caller never passed.
        case extra
        /// The same argument with another type (`%d` → `%s`).
        case changed
        /// The same placeholders in another order without positional indices (`%s … %d` →
        /// `%d … %s`): printf hands each the other's argument.
        case reordered
    }

    /// What differs.
    package var problem: Problem
    /// Decoded bytes of the translation the finding is about; nil for the translation as a
    /// whole (a missing placeholder has no place).
    package var range: Range<Int>?
    /// The placeholder concerned, as written (the source's for `missing`, the translation's
    /// otherwise).
    package var placeholder: String
    /// What the source has (`changed`: its directive; `reordered`: its order).
    package var expected: String
    /// A safe replacement for `range`, when there is one.
    package var fix: String?
}

/// Compares the placeholders of a source string and its translation.
package enum PlaceholderParity {
    /// Every mismatch in `pair`, in translation order (missing ones first). With
    /// `missingAllowed` (a plural form used for a single number, where dropping the count is
    /// idiomatic: "one file" for `%d files`), missing placeholders are not reported.
    package static func mismatches(_ pair: TranslationPair, missingAllowed: Bool = false) -> [PlaceholderMismatch] {
        let syntaxes = pair.checkedSyntaxes
        let strict = pair.declared.contains(.printf) || pair.declared.contains(.pythonNamed)
        let source = pair.source.bytes
        let translation = pair.translation.bytes
        let sourceTokens = FormatPlaceholderScanner.scan(
            source, syntaxes: syntaxes, strict: strict, strayBraces: pair.declared.contains(.brace))
        let translationTokens = FormatPlaceholderScanner.scan(
            translation, syntaxes: syntaxes, strict: strict, strayBraces: pair.declared.contains(.brace))
        var out: [PlaceholderMismatch] = []
        for family in [FormatPlaceholder.Family.percent, .brace, .template, .markup, .icu, .nesting] {
            let s = sourceTokens.filter { $0.family == family }
            let t = translationTokens.filter { $0.family == family }
            guard isCompared(family, pair: pair, sourceTokens: sourceTokens, translationTokens: translationTokens) else { continue }
            out += compare(s, t, source: source, translation: translation, family: family, missingAllowed: missingAllowed)
                .filter { !isHarmless($0, family: family, pair: pair) }
        }
        return out
    }

    /// Mismatches that cannot go wrong at run time: a translation that writes out the text a
    /// `$t(key)` nests (i18next inserts nothing then, and shows what the translator wrote), and
    /// `{{count}}` in a plural form (`key_one`), which i18next always interpolates.
    private static func isHarmless(_ mismatch: PlaceholderMismatch, family: FormatPlaceholder.Family, pair: TranslationPair) -> Bool {
        if family == .nesting && mismatch.problem == .missing { return true }
        return family == .template && pair.pluralCategory != nil && mismatch.problem == .extra
            && mismatch.placeholder.filter { $0 != " " } == "{{count}}"
    }

    /// The decoded ranges of the translation's placeholders that the parity rules compare for
    /// `pair`: those of a family the entry declares or its source uses.
    static func comparedPlaceholders(_ pair: TranslationPair) -> [Range<Int>] {
        let syntaxes = pair.checkedSyntaxes
        let strict = pair.declared.contains(.printf) || pair.declared.contains(.pythonNamed)
        let translationTokens = FormatPlaceholderScanner.scan(
            pair.translation.bytes, syntaxes: syntaxes, strict: strict, strayBraces: pair.declared.contains(.brace))
        guard !translationTokens.isEmpty else { return [] }
        let sourceTokens = FormatPlaceholderScanner.scan(
            pair.source.bytes, syntaxes: syntaxes, strict: strict, strayBraces: pair.declared.contains(.brace))
        var ranges = translationTokens.filter { token in
            token.family != .icu && isCompared(token.family, pair: pair, sourceTokens: sourceTokens, translationTokens: translationTokens)
        }.map(\.range)
        // A plural's or select's branches are text: only the syntax around them is taken out.
        if translationTokens.contains(where: { $0.family == .icu }) {
            ranges += ICUMessageScanner.scan(pair.translation.bytes, skipTemplates: syntaxes.contains(.template)).syntax
        }
        return ranges
    }

    /// Whether placeholders of `family` are compared in `pair`: undeclared, a family counts when
    /// either string has one (a `%(email)s` that only the translation has is read as a
    /// directive all the same; `100%` or `% d` is not one, see `FormatPlaceholderScanner`).
    private static func isCompared(
        _ family: FormatPlaceholder.Family, pair: TranslationPair, sourceTokens: [FormatPlaceholder],
        translationTokens: [FormatPlaceholder]
    ) -> Bool {
        let declared: Bool
        switch family {
        case .percent: declared = !pair.declared.isDisjoint(with: [.printf, .pythonNamed])
        case .brace: declared = pair.declared.contains(.brace)
        case .template: declared = pair.declared.contains(.template)
        case .markup: declared = pair.declared.contains(.markup)
        case .icu: declared = pair.declared.contains(.icu)
        case .nesting: declared = pair.declared.contains(.nesting)
        }
        return declared || sourceTokens.contains { $0.family == family } || translationTokens.contains { $0.family == family }
    }

    /// The key each placeholder fills: its name or number, or for a sequential one its place
    /// among the sequential ones (1-based for `%`, 0-based for `{}`), which is the number a
    /// positional directive would give it.
    private static func keyed(_ tokens: [FormatPlaceholder], family: FormatPlaceholder.Family) -> [(key: String, token: FormatPlaceholder)]
    {
        var next = family == .percent ? 1 : 0
        return tokens.map { token in
            if let key = token.key { return (key, token) }
            defer { next += 1 }
            return (String(next), token)
        }
    }

    private static func compare(
        _ s: [FormatPlaceholder], _ t: [FormatPlaceholder], source: [UInt8], translation: [UInt8],
        family: FormatPlaceholder.Family, missingAllowed: Bool
    ) -> [PlaceholderMismatch] {
        func text(_ token: FormatPlaceholder, _ bytes: [UInt8]) -> String { String(decoding: bytes[token.range], as: UTF8.self) }
        let sourceKeyed = keyed(s, family: family)
        let translationKeyed = keyed(t, family: family)
        var sourceByKey: [String: FormatPlaceholder] = [:]
        for (key, token) in sourceKeyed where sourceByKey[key] == nil { sourceByKey[key] = token }
        let translationKeys = Set(translationKeyed.map(\.key))
        var out: [PlaceholderMismatch] = []
        do {
            var reported: Set<String> = []
            // Only a named argument may be left out: an unnamed one still takes its place in the
            // argument list (Python raises "not all arguments converted"), as msgfmt -c says.
            for (key, token) in sourceKeyed
            where !translationKeys.contains(key) && !(missingAllowed && token.key != nil) && reported.insert(key).inserted {
                out.append(
                    PlaceholderMismatch(problem: .missing, range: nil, placeholder: text(token, source), expected: text(token, source)))
            }
        }
        var changed: [PlaceholderMismatch] = []
        for (key, token) in translationKeyed {
            guard let expected = sourceByKey[key] else {
                out.append(PlaceholderMismatch(problem: .extra, range: token.range, placeholder: text(token, translation), expected: ""))
                continue
            }
            // An ICU argument may stand with several types (`{count, plural, other {{count} items}}`).
            let sameType =
                expected.conversion == token.conversion
                || (family == .icu && sourceKeyed.contains { $0.key == key && $0.token.conversion == token.conversion })
            if !sameType {
                // Replacing the directive with the source's keeps the argument it names; only
                // when both name it the same way (both sequential or both by key).
                let sameForm = (expected.key == nil) == (token.key == nil)
                changed.append(
                    PlaceholderMismatch(
                        problem: .changed, range: token.range, placeholder: text(token, translation),
                        expected: text(expected, source), fix: sameForm ? text(expected, source) : nil))
            }
        }
        // Sequential directives in another order: the same types, shuffled.
        let sequentialSource = s.filter { $0.key == nil }.map(\.conversion)
        let sequentialTranslation = t.filter { $0.key == nil }.map(\.conversion)
        if !changed.isEmpty, family == .percent, sequentialSource.count == sequentialTranslation.count,
            sequentialSource.sorted() == sequentialTranslation.sorted(), t.allSatisfy({ $0.key == nil })
        {
            let first = t.first { $0.key == nil }!
            out.append(
                PlaceholderMismatch(
                    problem: .reordered, range: first.range.lowerBound..<t.last!.range.upperBound,
                    placeholder: t.map { text($0, translation) }.joined(separator: " "),
                    expected: s.map { text($0, source) }.joined(separator: " ")))
        } else {
            out += changed
        }
        return out
    }
}
