/// A figure stated in a sentence whose sentence and paragraph name no source.
package struct StatisticFinding: Sendable, Equatable {
    /// The sentence, as a byte range of the text.
    package var sentence: Range<Int>
    /// The paragraph, as a byte range of the text.
    package var paragraph: Range<Int>
    /// The figure, as a byte range of the text (with its hedge: `近4000`, `more than 1,000`).
    package var figure: Range<Int>
    /// The figure as written.
    package var text: String
    /// What kind of figure it is.
    package var kind: StatisticKind

    /// A finding.
    package init(sentence: Range<Int>, paragraph: Range<Int>, figure: Range<Int>, text: String, kind: StatisticKind) {
        self.sentence = sentence
        self.paragraph = paragraph
        self.figure = figure
        self.text = text
        self.kind = kind
    }

    /// The default message: `Uncited statistic: '30%' has no source in its sentence or paragraph; cite it`.
    package var message: String { "Uncited statistic: '\(text)' has no source in its sentence or paragraph; cite it" }
}
