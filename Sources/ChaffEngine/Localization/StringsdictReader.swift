/// Reads an Apple `.stringsdict` file (an XML property list of plural rules) into a class per
/// byte and the pairs of source and translation.
///
/// The `<string>` values are prose, except the values of `NSStringFormatSpecTypeKey` and
/// `NSStringFormatValueTypeKey`, which are syntax; `<key>`s, tags and attributes are no scope.
/// Each value is named by its key path (`files_count/files/one`). The source strings are those
/// of the file of the same name in the `en.lproj` or `Base.lproj` folder beside, which the
/// caller reads and hands over; a plural category the source lacks is paired with its `other`.
enum StringsdictReader {
    /// Keys whose values are syntax, not text.
    static let syntaxKeys: Set<String> = ["NSStringFormatSpecTypeKey", "NSStringFormatValueTypeKey"]
    /// Plural categories that may be a single number's form.
    static let singleCategories: Set<String> = ["zero", "one", "two"]
    static let categories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    static func read(_ source: [UInt8], sourceFile: [UInt8]? = nil) -> XMLCatalogueRead {
        readWithEntries(source, sourceFile: sourceFile).read
    }

    /// `read`, with the strings it found (a source file's are paired by name).
    private static func readWithEntries(_ source: [UInt8], sourceFile: [UInt8]? = nil) -> (
        read: XMLCatalogueRead, entries: [(key: String, text: LocalizedText)]
    ) {
        var state = XMLReadState(source)
        let start = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let tokens = XMLScanner.tokens(source, from: start, problems: &state.problems)
        let ends = XMLScanner.matchElements(tokens, source, problems: &state.problems)
        state.markComments(tokens)
        let entries = strings(source, tokens, ends: ends, state: &state)
        var table = LocalizationTable()
        if let sourceFile {
            table.pairs = pairs(entries, sources: readWithEntries(sourceFile).entries)
            table.pluralCount = 2
        }
        state.problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        table.problems = state.problems
        LocalizationMarking.takePlaceholdersOutOfProse(table.pairs, &state)
        let paired = Set(table.pairs.map(\.translation.span.lowerBound))
        LocalizationMarking.takeOwnPlaceholdersOutOfProse(entries.map(\.text).filter { !paired.contains($0.span.lowerBound) }, &state)
        let read = XMLCatalogueRead(
            text: state.text, classes: state.classes, commentRanges: state.commentRanges,
            literalAmpersands: LocalizationMarking.cdataAmpersands(tokens, source), table: table)
        return (read, entries)
    }

    /// The `<string>`s of the plist, each under its key path (the keys of the enclosing
    /// dictionaries below the top one, joined by `/`); strings of syntax keys are not text.
    private static func strings(
        _ source: [UInt8], _ tokens: [XMLToken], ends: [Int?], state: inout XMLReadState
    ) -> [(key: String, text: LocalizedText)] {
        var entries: [(key: String, text: LocalizedText)] = []
        // The key path of the enclosing dictionaries, each with the index of its end tag.
        var path: [(key: String, end: Int)] = []
        var pendingKey: String?
        var index = 0
        while index < tokens.count {
            while let last = path.last, last.end <= index { path.removeLast() }
            let token = tokens[index]
            defer { index += 1 }
            guard token.kind == .startTag else { continue }
            let end = ends[index] ?? tokens.count
            switch XMLScanner.text(source, token.name) {
            case "plist":
                continue
            case "dict":
                path.append((pendingKey ?? "", end))
                pendingKey = nil
            case "key":
                let policy = XMLContentPolicy(textClass: ScopeClass.none)
                pendingKey = XMLContent.read(source, tokens, start: index, end: end, ends: ends, policy: policy, state: &state).string
                index = end
            case "string":
                let key = pendingKey ?? ""
                let isText = !syntaxKeys.contains(key)
                let policy = XMLContentPolicy(textClass: isText ? ScopeClass.prose : ScopeClass.none)
                let text = XMLContent.read(source, tokens, start: index, end: end, ends: ends, policy: policy, state: &state)
                if isText {
                    entries.append(((path.map(\.key).dropFirst() + [key]).joined(separator: "/"), text))
                    // `%#@files@` names a variable: syntax, whether or not it is compared.
                    for token in FormatPlaceholderScanner.scan(text.bytes, syntaxes: .printf, strict: false)
                    where token.key?.hasPrefix("%#@") == true {
                        state.mark(text.fileRange(of: token.range), ScopeClass.none)
                    }
                }
                pendingKey = nil
                index = end
            default:
                pendingKey = nil
                index = end
            }
        }
        return entries
    }

    /// Each translated value with the source value of its key path.
    static func pairs(_ entries: [(key: String, text: LocalizedText)], sources: [(key: String, text: LocalizedText)])
        -> [TranslationPair]
    {
        var byKey: [String: LocalizedText] = [:]
        for (key, text) in sources where byKey[key] == nil { byKey[key] = text }
        var out: [TranslationPair] = []
        for (key, text) in entries where !text.bytes.allSatisfy(XMLScanner.isSpace) {
            let category = key.split(separator: "/").last.map(String.init) ?? ""
            var source = byKey[key]
            if source == nil, categories.contains(category) { source = byKey[String(key.dropLast(category.count)) + "other"] }
            guard let source else { continue }
            let pluralIndex = categories.contains(category) ? (singleCategories.contains(category) ? 0 : 1) : nil
            out.append(TranslationPair(source: source, translation: text, pluralIndex: pluralIndex))
        }
        return out
    }
}
