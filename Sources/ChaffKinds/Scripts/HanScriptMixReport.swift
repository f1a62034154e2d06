import ChaffData

/// What `HanScriptMix` concluded about one unit of text.
package enum HanScriptUnitVerdict: Sendable, Equatable {
    /// The unit is Simplified (by majority or by configuration); Traditional-only characters
    /// are findings.
    case simplified
    /// The unit is Traditional; Simplified-only characters are findings.
    case traditional
    /// As many Simplified-only as Traditional-only characters: no findings.
    case tie
    /// Fewer decisive characters than the configured minimum: no findings.
    case tooFewDecisiveCharacters
    /// Skipped because the unit contains kana.
    case japanese
    /// Skipped because the unit contains Hangul (and no kana).
    case korean
    /// Skipped because the unit is Latin-script prose with a few Han characters in it: at
    /// least `HanScriptMix.lettersPerMentionedCharacter` ASCII letters per non-ASCII character.
    case latinProse
}

/// The counts and verdict for one unit.
package struct HanScriptUnitResult: Sendable, Equatable {
    /// The unit's byte range in the text.
    package let range: Range<Int>
    /// Occurrences of Simplified-only characters.
    package let simplifiedCount: Int
    /// Occurrences of Traditional-only characters.
    package let traditionalCount: Int
    /// The conclusion.
    package let verdict: HanScriptUnitVerdict

    /// Memberwise initializer, public for tests and tools.
    package init(
        range: Range<Int>, simplifiedCount: Int, traditionalCount: Int,
        verdict: HanScriptUnitVerdict
    ) {
        self.range = range
        self.simplifiedCount = simplifiedCount
        self.traditionalCount = traditionalCount
        self.verdict = verdict
    }
}

/// One character of the minority writing system.
package struct HanScriptMixFinding: Sendable, Equatable {
    /// The character's byte range in the text.
    package let range: Range<Int>
    /// The character.
    package let scalar: UInt32
    /// Its form: `.traditionalOnly` in a Simplified unit, `.simplifiedOnly` in a Traditional one.
    package let form: HanForm
    /// Its forms in the unit's writing system, in Unihan order, without the character itself
    /// and without rare forms outside that system's standard character set when a standard
    /// one exists (`HanVariants.simplifiedSuggestions(for:)`): 國 → [国]; 發 → [发];
    /// 開 → [开]; 鍾 → [钟, 锺]; 发 → [發, 髮].
    package let suggestions: [UInt32]
    /// Index into the `units` passed to `analyze`.
    package let unitIndex: Int

    /// True when the replacement depends on the word (several suggestions) or is unknown
    /// (none): a fix must not be applied blindly.
    package var isAmbiguous: Bool { suggestions.count != 1 }

    /// Memberwise initializer, public for tests and tools.
    package init(
        range: Range<Int>, scalar: UInt32, form: HanForm, suggestions: [UInt32], unitIndex: Int
    ) {
        self.range = range
        self.scalar = scalar
        self.form = form
        self.suggestions = suggestions
        self.unitIndex = unitIndex
    }
}

/// Everything `HanScriptMix.analyze` found.
package struct HanScriptMixReport: Sendable, Equatable {
    /// One result per unit, in the order the units were given.
    package var units: [HanScriptUnitResult]
    /// Findings ordered by unit, then by position.
    package var findings: [HanScriptMixFinding]
}
