/// One string of a localization file, decoded, with the file offset of every decoded byte.
///
/// A catalogue writes its strings with escapes (`\"`, `\n`, `%%` stays as is) and may split
/// one string over several quoted pieces; rules compare the decoded text and report at the
/// bytes of the file that produced it.
package struct LocalizedText: Sendable, Equatable {
    /// The decoded UTF-8 bytes.
    package var bytes: [UInt8]
    /// For each decoded byte, the file range it was decoded from (an escape such as `\"` is two
    /// bytes of the file for one decoded byte).
    package var origins: [Range<Int>]
    /// The file range from the start of the first piece's text to the end of the last one's,
    /// where a finding about the string as a whole is reported.
    package var span: Range<Int>

    /// An empty text at `offset`.
    package init(emptyAt offset: Int) {
        bytes = []
        origins = []
        span = offset..<offset
    }

    /// The file range of the decoded bytes `range` (not empty).
    package func fileRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.upperBound <= origins.count else { return span }
        return origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
    }

    /// The decoded text as a string.
    package var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// The placeholder syntaxes a translation must keep, as a set of bits.
package struct PlaceholderSyntaxes: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// C `printf` (and Apple `%@`, positional `%1$s`).
    package static let printf = PlaceholderSyntaxes(rawValue: 1 << 0)
    /// Python `%(name)s`, besides the printf directives Python's `%` operator shares.
    package static let pythonNamed = PlaceholderSyntaxes(rawValue: 1 << 1)
    /// Python `str.format` and .NET-like `{name}`, `{0}`, `{}`.
    package static let brace = PlaceholderSyntaxes(rawValue: 1 << 2)

    /// Template expressions: `{{ name }}` (i18next, Angular, Vue, Jinja) and `{$ name $}`
    /// (Angular with Horizon's delimiters).
    package static let template = PlaceholderSyntaxes(rawValue: 1 << 3)

    /// XML and HTML tags: XLIFF inline elements and Android's `<b>`, `<xliff:g>`, matched by
    /// name and `id`. Only a reader that declares it compares them (see `checkedSyntaxes`):
    /// a gettext string's `<b>` is text of the program, not of a markup format.
    package static let markup = PlaceholderSyntaxes(rawValue: 1 << 4)

    /// ICU MessageFormat arguments: `{name}`, `{n, number}`, `{count, plural, one {…} other {…}}`
    /// (Flutter ARB, vue-i18n and i18next JSON), compared by name and type.
    package static let icu = PlaceholderSyntaxes(rawValue: 1 << 5)
    /// i18next nesting: `$t(key)` inserts another string of the catalogue.
    package static let nesting = PlaceholderSyntaxes(rawValue: 1 << 6)

    /// Every syntax a gettext entry may use without declaring it.
    package static let all: PlaceholderSyntaxes = [.printf, .pythonNamed, .brace, .template]
}

/// A source string and its translation, as a catalogue pairs them.
package struct TranslationPair: Sendable, Equatable {
    /// The source text (a `.po` file's `msgid`, or `msgid_plural` for the plural forms).
    package var source: LocalizedText
    /// The translation (`msgstr`, `msgstr[n]`).
    package var translation: LocalizedText
    /// The syntaxes the catalogue declares for this entry (`#, c-format`); empty when it says
    /// nothing, and then the syntaxes the source uses are checked.
    package var declared: PlaceholderSyntaxes
    /// Syntaxes the catalogue says the entry does not use (`#, no-c-format`).
    package var excluded: PlaceholderSyntaxes
    /// The plural form index (`msgstr[n]`), nil for a singular entry.
    package var pluralIndex: Int?
    /// Whether the entry is marked `fuzzy` (not used by gettext at run time).
    package var isFuzzy: Bool
    /// The syntaxes compared when the entry declares none (a format's own: printf for Apple
    /// `.strings`, ICU and i18next for JSON catalogues); `.all` for gettext.
    package var undeclared: PlaceholderSyntaxes = .all
    /// The plural category of the form, for catalogues that name it (i18next `key_one`,
    /// `key_other`): `zero`, `one`, `two`, `few`, `many` or `other`; nil otherwise.
    package var pluralCategory: String?
    /// The translation's own locale, normalised, when the file holds several (`.xcstrings`);
    /// nil when the file's locale (`LocalizationTable.locale`) is the translation's.
    package var locale: String?

    /// A pair.
    package init(
        source: LocalizedText, translation: LocalizedText, declared: PlaceholderSyntaxes = [],
        excluded: PlaceholderSyntaxes = [], pluralIndex: Int? = nil, isFuzzy: Bool = false
    ) {
        self.source = source
        self.translation = translation
        self.declared = declared
        self.excluded = excluded
        self.pluralIndex = pluralIndex
        self.isFuzzy = isFuzzy
    }

    /// The syntaxes to compare: the declared ones, or with no declaration every syntax not
    /// excluded (a token counts only when the source has one, see `PlaceholderParity`).
    package var checkedSyntaxes: PlaceholderSyntaxes {
        // A declared markup syntax is the format's, not a declaration of the string's own.
        let own = declared.subtracting(.markup)
        let markup = declared.intersection(.markup)
        return (own.isEmpty ? undeclared : own).union(markup).subtracting(excluded)
    }
}

/// What a localization reader knows beyond the scopes: the pairs of source and translation
/// and the catalogue's locale, for the parity rules and the locale-aware script rule.
package struct LocalizationTable: Sendable, Equatable {
    /// The locale the catalogue declares (`Language:` header), normalised (`zh-TW`); nil when
    /// it declares none.
    package var declaredLocale: String?
    /// The locale from the file's path (`zh_TW.po`, `zh_CN/LC_MESSAGES/x.po`), normalised.
    package var pathLocale: String?
    /// The locale given by the configuration for the file's path, normalised.
    package var configuredLocale: String?
    /// The pairs, in file order.
    package var pairs: [TranslationPair]
    /// The number of plural forms the catalogue declares (`Plural-Forms: nplurals=…`), or nil.
    package var pluralCount: Int?
    /// For each plural form, whether the catalogue's formula selects it for exactly one
    /// number (then a translation may leave the number out); empty when unknown.
    package var singleNumberForms: [Bool] = []
    /// What the reader could not read, in file order: each is reported where it is.
    package var problems: [LocalizationProblem] = []

    /// A table.
    package init(declaredLocale: String? = nil, pathLocale: String? = nil, pairs: [TranslationPair] = []) {
        self.declaredLocale = declaredLocale
        self.pathLocale = pathLocale
        self.pairs = pairs
    }

    /// The locale in force: the configuration's, then the file's declaration, then its path.
    package var locale: String? { configuredLocale ?? declaredLocale ?? pathLocale }
}

/// A place in a localization file the reader could not read, and why.
package struct LocalizationProblem: Sendable, Equatable {
    /// The file bytes concerned.
    package var range: Range<Int>
    /// What is wrong, for the report.
    package var message: String

    /// A problem at `range`.
    package init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }
}
