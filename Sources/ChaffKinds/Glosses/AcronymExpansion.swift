/// An acronym with the expansion written beside it: `AGI (Artificial General Intelligence)`,
/// `API（应用程序接口）`, `Application Programming Interface (API)`.
package struct AcronymExpansion: Hashable, Sendable {
    /// The language family of an expansion. Expansions in different families are translations,
    /// not conflicts.
    package enum Language: String, Hashable, Sendable {
        /// Latin letters, judged by the acronym's initials.
        case latin
        /// Han characters.
        case han
    }

    /// Which comes first.
    package enum Form: String, Hashable, Sendable {
        /// `ACR (Expansion)`.
        case acronymFirst
        /// `Expansion (ACR)`.
        case expansionFirst
    }

    /// The acronym, `AGI`.
    package let acronym: String
    /// Byte range of the acronym.
    package let acronymRange: Range<Int>
    /// The expansion's language family.
    package let language: Language
    /// Which comes first.
    package let form: Form
    /// Byte range of the expansion as written (for a Han expansion, from its first to its last
    /// character, glosses inside included).
    package let range: Range<Int>
    /// The expansion for messages: Latin words separated by single spaces, or the Han
    /// characters without any glosses inside.
    package let text: String
    /// The comparison key: lowercase words without hyphens and punctuation and without a
    /// plural `s`, or the Han characters in simplified form.
    package let normalized: String

    /// Makes an expansion record.
    package init(
        acronym: String, acronymRange: Range<Int>, language: Language, form: Form,
        range: Range<Int>, text: String, normalized: String
    ) {
        self.acronym = acronym
        self.acronymRange = acronymRange
        self.language = language
        self.form = form
        self.range = range
        self.text = text
        self.normalized = normalized
    }
}
