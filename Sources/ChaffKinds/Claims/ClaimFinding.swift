/// One vague-authority phrase in a sentence that names no source.
package struct ClaimFinding: Sendable, Equatable {
    /// The sentence, as a byte range of the text.
    package var sentence: Range<Int>
    /// The phrase, as a byte range of the text.
    package var phrase: Range<Int>
    /// The phrase as written in the text (its case and spacing).
    package var text: String
    /// The phrase's category, such as `unnamed-counting`.
    package var category: String
    /// Whether the phrase is vague on its own or only without a named subject.
    package var mode: ClaimPhraseMode
    /// What is missing, completing "Unsourced claim: '<phrase>' …", such as `names no source`.
    package var missing: String
    /// `warning` when the sentence carries a signature of its group, else the group's bare tier.
    package var tier: ClaimTier = .warning
    /// The signature that made it a warning, if any (figure before prediction before sweeping).
    package var signature: ClaimSignature?

    /// A finding.
    package init(sentence: Range<Int>, phrase: Range<Int>, text: String, category: String, mode: ClaimPhraseMode, missing: String) {
        self.sentence = sentence
        self.phrase = phrase
        self.text = text
        self.category = category
        self.mode = mode
        self.missing = missing
    }

    /// The default message: `Unsourced claim: '据不完全统计' names no source; cite it or name the source`.
    package var message: String { "Unsourced claim: '\(text)' \(missing); cite it or name the source" }
}
