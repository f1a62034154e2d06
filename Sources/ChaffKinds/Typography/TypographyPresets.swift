/// Named sets of typography rules with their options, for a config's `preset` or the command
/// line's `--preset`: each turns its rules on (as if they were enabled by default) and sets
/// their options; the config's own `options` still apply over them.
package enum TypographyPresets {
    /// One rule of a preset and the options it sets (a JSON object).
    package struct Entry: Sendable {
        /// The rule id.
        package var rule: String
        /// The options, as a JSON object's text.
        package var options: String
    }

    /// The presets by name, in documentation order.
    package static let all: [(name: String, entries: [Entry])] = [
        // autocorrect's default rules: Markdown syntax is not looked through, `;` is not
        // made full-width, half-width brackets take a space from Chinese, and so do `-`, `+`
        // and `|` between Chinese words; its `space-dollar` is off by default and not here.
        (
            "autocorrect",
            [
                Entry(rule: "typography-space-cjk-latin", options: #"{"mode": "always", "acrossMarkup": false}"#),
                Entry(rule: "typography-space-cjk-bracket", options: #"{"mode": "always", "acrossMarkup": false}"#),
                Entry(rule: "typography-halfwidth-punctuation", options: #"{"marks": ",.:!?"}"#),
                Entry(rule: "typography-space-fullwidth-punctuation", options: #"{"acrossMarkup": false}"#),
                Entry(rule: "typography-space-fullwidth-quote", options: #"{"acrossMarkup": false}"#),
                Entry(rule: "typography-fullwidth-alphanumeric", options: "{}"),
                Entry(rule: "typography-space-cjk-symbol", options: "{}"),
                Entry(rule: "typography-fullwidth-punctuation-in-english", options: "{}"),
            ]
        ),
        // The widely used Chinese copywriting guidelines: spaces around Latin words, numbers
        // and code, and between a number and its unit; full-width punctuation in Chinese and
        // （）, half-width in English; no repeated marks; …… for an ellipsis; “” quotes.
        ("copywriting", copywriting(quotes: "curly")),
        // The same for Traditional Chinese as written in Taiwan: 「」 quotes.
        ("zh-TW", copywriting(quotes: "corner")),
    ]

    private static func copywriting(quotes: String) -> [Entry] {
        [
            Entry(rule: "typography-space-cjk-latin", options: #"{"mode": "always", "acrossMarkup": true}"#),
            Entry(rule: "typography-halfwidth-punctuation", options: #"{"marks": ",.:;!?"}"#),
            Entry(rule: "typography-space-fullwidth-punctuation", options: "{}"),
            Entry(rule: "typography-space-fullwidth-quote", options: "{}"),
            Entry(rule: "typography-fullwidth-alphanumeric", options: "{}"),
            Entry(rule: "typography-repeated-punctuation", options: "{}"),
            Entry(rule: "typography-ellipsis", options: "{}"),
            Entry(rule: "typography-quote-style", options: #"{"mode": "\#(quotes)"}"#),
            Entry(rule: "typography-space-number-unit", options: #"{"mode": "always"}"#),
            Entry(rule: "typography-bracket-width", options: #"{"mode": "fullwidth"}"#),
            Entry(rule: "typography-fullwidth-punctuation-in-english", options: "{}"),
        ]
    }

    /// The preset names.
    package static var names: [String] { all.map(\.name) }

    /// The entries of the preset `name`, or nil.
    package static func entries(of name: String) -> [Entry]? {
        all.first { $0.name == name }?.entries
    }
}
