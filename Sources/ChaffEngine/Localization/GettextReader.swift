/// Reads a gettext catalogue (`.po`, `.pot`) into a class per byte, its text with escapes
/// decoded in place, and the pairs of source and translation.
///
/// Translations (`msgstr`, `msgstr[n]`) are prose; source strings (`msgid`, `msgid_plural`),
/// contexts (`msgctxt`), the header entry and keywords are no scope, since they are not text of
/// the catalogue's language; comments (`#`, `#.`, `#:`, `#,`, `#|`) and obsolete entries (`#~`,
/// which gettext no longer uses) are comments. Anything the reader cannot read is recorded as
/// a problem at its place, and the rest of the file is still read.
enum GettextReader {
    /// What the reader made of a file.
    struct Result {
        /// The source with each escape in a translation decoded in place (`\"` becomes `"` and a
        /// space).
        var text: [UInt8]
        /// The scope class of each byte (`ScopeClass`).
        var classes: [UInt8]
        /// Whole comment lines.
        var commentRanges: [Range<Int>]
        /// Pairs, locale and problems.
        var table: LocalizationTable
    }

    private enum Field {
        case context, id, idPlural, string(Int?)
    }

    private struct Entry {
        var context: LocalizedText?
        var id: LocalizedText?
        var idPlural: LocalizedText?
        var strings: [(index: Int?, text: LocalizedText)] = []
        var declared: PlaceholderSyntaxes = []
        var excluded: PlaceholderSyntaxes = []
        var isFuzzy = false
        var field: Field?
        /// Whether the current field has had a quoted string yet (its span starts there).
        var fieldHasString = false

        /// The text of `field`, which has been started.
        func text(of field: Field) -> LocalizedText {
            switch field {
            case .context: context!
            case .id: id!
            case .idPlural: idPlural!
            case .string: strings[strings.count - 1].text
            }
        }

        mutating func setText(_ text: LocalizedText, of field: Field) {
            switch field {
            case .context: context = text
            case .id: id = text
            case .idPlural: idPlural = text
            case .string: strings[strings.count - 1].text = text
            }
        }
        var start = 0
        var isEmpty: Bool { context == nil && id == nil && strings.isEmpty }
    }

    static func read(_ source: [UInt8]) -> Result {
        var result = Result(
            text: source, classes: [UInt8](repeating: ScopeClass.none, count: source.count), commentRanges: [],
            table: LocalizationTable())
        var entry = Entry()
        // A byte order mark is no part of the first line.
        var lineStart = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let count = source.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count && source[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > lineStart
                && (source[contentEnd - 1] == 0x0D || source[contentEnd - 1] == 0x20 || source[contentEnd - 1] == 0x09)
            {
                contentEnd -= 1
            }
            var p = lineStart
            while p < contentEnd && (source[p] == 0x20 || source[p] == 0x09) { p += 1 }
            defer { lineStart = lineEnd + 1 }
            if p == contentEnd { continue }
            switch source[p] {
            case 0x23:  // #
                if !entry.strings.isEmpty { finish(&entry, &result) }
                result.commentRanges.append(p..<contentEnd)
                // `#,`, `#:`, `#.`, `#|`, `#~`: the second character is syntax too.
                let marker = p + 1 < contentEnd && [0x2C, 0x3A, 0x2E, 0x7C, 0x7E].contains(source[p + 1]) ? 2 : 1
                mark(&result.classes, (p + marker)..<contentEnd, ScopeClass.comment)
                if p + 1 < contentEnd && source[p + 1] == 0x2C {  // #, flags
                    readFlags(source[(p + 2)..<contentEnd], into: &entry)
                }
            case 0x22:  // " continues the current field
                guard let field = entry.field else {
                    result.table.problems.append(
                        LocalizationProblem(range: p..<contentEnd, message: "a string with no keyword before it (msgid, msgstr)"))
                    continue
                }
                readStrings(source, from: p, to: contentEnd, field: field, entry: &entry, result: &result)
            default:
                readKeywordLine(source, from: p, to: contentEnd, entry: &entry, result: &result)
            }
        }
        finish(&entry, &result)
        result.table.problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        markPlaceholders(&result)
        return result
    }

    /// A `msgid "…"`-like line.
    private static func readKeywordLine(
        _ source: [UInt8], from start: Int, to end: Int, entry: inout Entry, result: inout Result
    ) {
        var p = start
        while p < end && (isLetter(source[p]) || source[p] == 0x5F) { p += 1 }
        let keyword = String(decoding: source[start..<p], as: UTF8.self)
        var index: Int?
        if p < end && source[p] == 0x5B {  // [n]
            guard let (value, after) = pluralIndex(source, at: p, end: end, lineStart: start, result: &result) else { return }
            index = value
            p = after
        }
        guard
            let field = startField(
                keyword: keyword, index: index, range: start..<p, end: end, entry: &entry, result: &result)
        else { return }
        entry.field = field
        entry.fieldHasString = false
        while p < end && (source[p] == 0x20 || source[p] == 0x09) { p += 1 }
        guard p < end, source[p] == 0x22 else {
            result.table.problems.append(LocalizationProblem(range: start..<max(p, start + 1), message: "\(keyword) needs a quoted string"))
            return
        }
        readStrings(source, from: p, to: end, field: field, entry: &entry, result: &result)
    }

    /// The `n` of `[n]` at `open` and the offset after `]`; nil after a problem when it is not one.
    private static func pluralIndex(
        _ source: [UInt8], at open: Int, end: Int, lineStart: Int, result: inout Result
    ) -> (Int, Int)? {
        var q = open + 1
        var value = 0
        while q < end && source[q] >= 0x30 && source[q] <= 0x39 && q - open < 4 {
            value = value * 10 + Int(source[q] - 0x30)
            q += 1
        }
        guard q < end, source[q] == 0x5D, q > open + 1 else {
            result.table.problems.append(
                LocalizationProblem(
                    range: lineStart..<min(end, q + 1), message: "a plural index must be a number in brackets: msgstr[0]"))
            return nil
        }
        return (value, q + 1)
    }

    /// The field `keyword` (at `range`) opens, finishing the entry before when it starts a new
    /// one; nil after a problem when the keyword is unknown or out of place.
    private static func startField(
        keyword: String, index: Int?, range: Range<Int>, end: Int, entry: inout Entry, result: inout Result
    ) -> Field? {
        let (start, p) = (range.lowerBound, range.upperBound)
        switch (keyword, index) {
        case ("msgctxt", nil):
            if !entry.isEmpty && (entry.id != nil || !entry.strings.isEmpty) { finish(&entry, &result) }
            entry.context = LocalizedText(emptyAt: p)
            return .context
        case ("msgid", nil):
            if entry.id != nil || !entry.strings.isEmpty { finish(&entry, &result) }
            entry.start = start
            entry.id = LocalizedText(emptyAt: p)
            return .id
        case ("msgid_plural", nil):
            guard entry.id != nil, entry.strings.isEmpty else {
                result.table.problems.append(LocalizationProblem(range: range, message: "msgid_plural must follow a msgid"))
                return nil
            }
            entry.idPlural = LocalizedText(emptyAt: p)
            return .idPlural
        case ("msgstr", _):
            guard entry.id != nil else {
                result.table.problems.append(LocalizationProblem(range: range, message: "msgstr without a msgid before it"))
                return nil
            }
            if index == nil, !entry.strings.isEmpty {
                result.table.problems.append(LocalizationProblem(range: range, message: "a second msgstr for one msgid"))
            } else if (index == nil) != (entry.idPlural == nil) {
                let message =
                    index == nil
                    ? "an entry with msgid_plural needs msgstr[0], msgstr[1], … instead of msgstr"
                    : "msgstr[\(index!)] in an entry without msgid_plural"
                result.table.problems.append(LocalizationProblem(range: range, message: message))
            }
            entry.strings.append((index, LocalizedText(emptyAt: p)))
            return .string(index)
        default:
            result.table.problems.append(
                LocalizationProblem(
                    range: start..<max(p, min(end, start + 1)),
                    message: "cannot read this line: expected msgctxt, msgid, msgid_plural, msgstr, a quoted string or a # comment"))
            return nil
        }
    }

    /// The quoted string at `start` (a `"`), appended to `field`.
    private static func readStrings(
        _ source: [UInt8], from start: Int, to end: Int, field: Field, entry: inout Entry, result: inout Result
    ) {
        var text = entry.text(of: field)
        let isTranslation: Bool
        if case .string = field, let id = entry.id, !(id.bytes.isEmpty && entry.context == nil) {
            isTranslation = true
        } else {
            isTranslation = false
        }
        let contentStart = start + 1
        let (p, closed) = decodeQuoted(source, from: contentStart, to: end, into: &text, isTranslation: isTranslation, result: &result)
        if isTranslation { mark(&result.classes, contentStart..<p, ScopeClass.prose) }
        text.span = (entry.fieldHasString ? text.span.lowerBound : contentStart)..<p
        entry.fieldHasString = true
        if !closed {
            result.table.problems.append(LocalizationProblem(range: start..<end, message: "string not closed by a quote on its line"))
        } else {
            var q = p + 1
            while q < end && (source[q] == 0x20 || source[q] == 0x09) { q += 1 }
            if q < end {
                result.table.problems.append(
                    LocalizationProblem(range: q..<end, message: "text after the closing quote; put each string on a line of its own"))
            }
        }
        entry.setText(text, of: field)
    }

    /// Appends the string's content from `start` to `text`, decoding escapes; returns where it
    /// stopped and whether a closing quote stopped it.
    private static func decodeQuoted(
        _ source: [UInt8], from start: Int, to end: Int, into text: inout LocalizedText, isTranslation: Bool, result: inout Result
    ) -> (Int, Bool) {
        var p = start
        while p < end {
            let byte = source[p]
            if byte == 0x22 { return (p, true) }
            if byte == 0x5C {  // backslash
                let (decoded, length, known) = escape(source, at: p, end: end)
                if !known {
                    result.table.problems.append(
                        LocalizationProblem(range: p..<min(end, p + 2), message: "unknown escape; write \\\\ for a backslash"))
                }
                text.bytes.append(decoded)
                text.origins.append(p..<(p + length))
                if isTranslation {
                    // The decoded character where the escape starts, padded with spaces;
                    // control characters read as a space.
                    result.text[p] = decoded >= 0x20 && decoded < 0x7F ? decoded : 0x20
                    for k in (p + 1)..<(p + length) { result.text[k] = 0x20 }
                }
                p += length
                continue
            }
            text.bytes.append(byte)
            text.origins.append(p..<(p + 1))
            p += 1
        }
        return (p, false)
    }

    /// The byte an escape at `start` stands for, its length in the file, and whether C knows it.
    private static func escape(_ source: [UInt8], at start: Int, end: Int) -> (UInt8, Int, Bool) {
        guard start + 1 < end else { return (0x5C, 1, false) }
        let next = source[start + 1]
        switch next {
        case UInt8(ascii: "n"): return (0x0A, 2, true)
        case UInt8(ascii: "t"): return (0x09, 2, true)
        case UInt8(ascii: "r"): return (0x0D, 2, true)
        case UInt8(ascii: "a"): return (0x07, 2, true)
        case UInt8(ascii: "b"): return (0x08, 2, true)
        case UInt8(ascii: "f"): return (0x0C, 2, true)
        case UInt8(ascii: "v"): return (0x0B, 2, true)
        case 0x22, 0x5C, 0x27, 0x3F: return (next, 2, true)
        case 0x30...0x37:
            var value = 0
            var p = start + 1
            while p < end && p < start + 4 && source[p] >= 0x30 && source[p] <= 0x37 {
                value = value * 8 + Int(source[p] - 0x30)
                p += 1
            }
            return (UInt8(truncatingIfNeeded: value), p - start, true)
        case UInt8(ascii: "x"):
            var value = 0
            var p = start + 2
            while p < end && p < start + 4 && MarkupBytes.isHexDigit(source[p]) {
                let byte = source[p]
                value = value * 16 + Int(MarkupBytes.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
                p += 1
            }
            return p > start + 2 ? (UInt8(value), p - start, true) : (next, 2, false)
        default:
            return (next, 2, false)
        }
    }

    private static func mark(_ classes: inout [UInt8], _ range: Range<Int>, _ value: UInt8) {
        classes.withUnsafeMutableBufferPointer { ScopeClass.mark($0, range, value) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }

    /// The `#,` flags: `fuzzy`, `c-format`, `no-python-format`, ….
    private static func readFlags(_ bytes: ArraySlice<UInt8>, into entry: inout Entry) {
        for flag in bytes.split(separator: 0x2C) {
            let name = String(decoding: flag, as: UTF8.self).trimmingCharacters(in: " \t")
            var negated = false
            var base = Substring(name)
            if base.hasPrefix("no-") {
                negated = true
                base = base.dropFirst(3)
            }
            let syntaxes: PlaceholderSyntaxes
            switch base {
            case "fuzzy":
                entry.isFuzzy = true
                continue
            case "c-format", "objc-format", "perl-format", "php-format", "gcc-internal-format", "gfc-internal-format",
                "awk-format", "object-pascal-format", "lua-format", "sh-printf-format", "javascript-format":
                syntaxes = .printf
            case "python-format":
                syntaxes = [.printf, .pythonNamed]
            case "python-brace-format", "csharp-format", "java-format":
                syntaxes = .brace
            default:
                continue
            }
            if negated { entry.excluded.formUnion(syntaxes) } else { entry.declared.formUnion(syntaxes) }
        }
    }

    /// Closes `entry` and starts the next.
    private static func finish(_ entry: inout Entry, _ result: inout Result) {
        close(entry, into: &result)
        entry = Entry()
    }

    /// Turns a finished entry into pairs, or reads the header.
    private static func close(_ entry: Entry, into result: inout Result) {
        guard let id = entry.id else { return }
        if entry.strings.isEmpty {
            let end = min(result.text.count, id.span.upperBound + 1)
            result.table.problems.append(
                LocalizationProblem(range: entry.start..<max(end, entry.start + 1), message: "msgid without msgstr"))
            return
        }
        if id.bytes.isEmpty && entry.context == nil {
            if let header = entry.strings.first?.text { readHeader(header, into: &result.table) }
            return
        }
        // An empty msgstr is an untranslated entry, except an empty plural form beside
        // translated ones: gettext shows it as an empty string for its numbers.
        let translated = entry.strings.contains { !$0.text.bytes.isEmpty }
        for (index, translation) in entry.strings where !translation.bytes.isEmpty || (translated && index != nil) {
            // Every plural form is compared with msgid_plural, as msgfmt -c does: the singular
            // often spells the number out ("one file"); a form used for one number only may
            // leave it out (see TranslationPlaceholderRule).
            let source = entry.idPlural ?? id
            result.table.pairs.append(
                TranslationPair(
                    source: source, translation: translation, declared: entry.declared, excluded: entry.excluded,
                    pluralIndex: index, isFuzzy: entry.isFuzzy))
        }
    }

    /// `Language:` and `Plural-Forms:` of the header entry.
    private static func readHeader(_ header: LocalizedText, into table: inout LocalizationTable) {
        for line in header.bytes.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimmingCharacters(in: " \t")
            let value = text[text.index(after: colon)...].trimmingCharacters(in: " \t\r")
            switch key.lowercased() {
            case "language":
                if !value.isEmpty { table.declaredLocale = LocaleName.normalized(value) }
            case "plural-forms":
                if let range = value.range(of: "nplurals") {
                    let digits = value[range.upperBound...].drop { $0 == " " || $0 == "=" }.prefix { $0.isNumber }
                    table.pluralCount = Int(digits)
                }
                if let count = table.pluralCount, count > 0, count <= 16, let formula = PluralFormula(header: value) {
                    table.singleNumberForms = formula.singleNumberForms(count: count)
                }
            default:
                continue
            }
        }
    }

    /// Takes the placeholders the parity rules compare out of prose, so that the placeholder
    /// rules, which read prose, do not report a `%s` the source has too (see
    /// docs/localization.md).
    private static func markPlaceholders(_ result: inout Result) {
        for pair in result.table.pairs {
            for range in PlaceholderParity.comparedPlaceholders(pair) {
                let file = pair.translation.fileRange(of: range)
                mark(&result.classes, file, ScopeClass.none)
            }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
