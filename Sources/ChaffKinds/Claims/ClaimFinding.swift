/// One vague-authority phrase in a sentence that names no source.
public struct ClaimFinding: Sendable, Equatable {
    /// The sentence, as a byte range of the text.
    public var sentence: Range<Int>
    /// The phrase, as a byte range of the text.
    public var phrase: Range<Int>
    /// The phrase as written in the text (its case and spacing).
    public var text: String
    /// The phrase's category, such as `unnamed-counting`.
    public var category: String
    /// Whether the phrase is vague on its own or only without a named subject.
    public var mode: ClaimPhraseMode
    /// What is missing, completing "Unsourced claim: '<phrase>' …", such as `names no source`.
    public var missing: String
    /// `warning` when the sentence carries a signature of its group, else the group's bare tier.
    public var tier: ClaimTier = .warning
    /// The signature that made it a warning, if any (figure before prediction before sweeping).
    public var signature: ClaimSignature?

    /// A finding.
    public init(sentence: Range<Int>, phrase: Range<Int>, text: String, category: String, mode: ClaimPhraseMode, missing: String) {
        self.sentence = sentence
        self.phrase = phrase
        self.text = text
        self.category = category
        self.mode = mode
        self.missing = missing
    }

    /// The default message: `Unsourced claim: '据不完全统计' names no source; cite it or name the source`.
    public var message: String { "Unsourced claim: '\(text)' \(missing); cite it or name the source" }
}
