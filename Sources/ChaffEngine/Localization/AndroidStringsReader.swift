/// Reads an Android string resource file (`res/values-zh-rTW/strings.xml`) into a class per
/// byte, its text with escapes decoded in place, and the pairs of source and translation.
///
/// The text of `<string>`, `<plurals>/<item>` and `<string-array>/<item>` is prose unless the
/// element says `translatable="false"`; names, attributes, tags (`<b>`, `<xliff:g>`) and the
/// content of `<xliff:g>` (text not to translate) are no scope; XML comments are comments.
/// Android's escapes (`\'`, `\"`, `\n`, `\t`, `\@`, `\?`, `\uXXXX`) are decoded in place.
/// The source strings are those of the default `values/` file of the same name, which the
/// caller reads and hands over (a reader is a function of bytes): each string is paired with
/// the one of the same name there (a plural item with the same quantity, or `other`).
enum AndroidStringsReader {
    /// One string of the file: its name (`title`, `files#one`, `days[2]`) and text.
    struct Entry {
        var key: String
        var text: LocalizedText
        /// `formatted="false"`: `%` is not a directive.
        var unformatted: Bool
        /// The plural quantity of a `<plurals>` item, or nil.
        var quantity: String?
    }

    static let policy = XMLContentPolicy(
        textClass: ScopeClass.prose, androidEscapes: true, protected: ["xliff:g"], tagsInCDATA: true)

    /// Whether the first element of `source` is `<resources>`: an Android resource file.
    static func isResourceFile(_ source: [UInt8]) -> Bool {
        var problems: [LocalizationProblem] = []
        let start = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The root comes after the declaration and comments, well inside the first 64 KiB.
        let head = Array(source.prefix(65_536))
        for token in XMLScanner.tokens(head, from: start, problems: &problems) {
            switch token.kind {
            case .startTag, .emptyTag: return XMLScanner.text(head, token.name) == "resources"
            case .text where !head[token.content].allSatisfy(XMLScanner.isSpace): return false
            default: continue
            }
        }
        return false
    }

    /// Reads `source`; with `sourceFile` (the default `values/` file's bytes), pairs each string
    /// with its source.
    static func read(_ source: [UInt8], sourceFile: [UInt8]? = nil) -> XMLCatalogueRead {
        readWithEntries(source, sourceFile: sourceFile).read
    }

    /// `read`, with the strings it found (a source file's are paired by name).
    private static func readWithEntries(_ source: [UInt8], sourceFile: [UInt8]? = nil) -> (read: XMLCatalogueRead, entries: [Entry]) {
        var state = XMLReadState(source)
        let start = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let tokens = XMLScanner.tokens(source, from: start, problems: &state.problems)
        let ends = XMLScanner.matchElements(tokens, source, problems: &state.problems)
        state.markComments(tokens)
        var entries: [Entry] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            defer { index += 1 }
            guard token.kind == .startTag else { continue }
            let end = ends[index] ?? tokens.count
            let name = XMLScanner.text(source, token.name)
            guard name == "string" || name == "plurals" || name == "string-array" else { continue }
            defer { index = end }
            guard XMLScanner.attribute(token, "translatable", in: source) != "false",
                let key = XMLScanner.attribute(token, "name", in: source)
            else { continue }
            let unformatted = XMLScanner.attribute(token, "formatted", in: source) == "false"
            if name == "string" {
                let text = XMLContent.read(source, tokens, start: index, end: end, ends: ends, policy: policy, state: &state)
                entries.append(Entry(key: key, text: text, unformatted: unformatted))
                continue
            }
            entries += items(
                of: index..<end, name: name, key: key, unformatted: unformatted, source, tokens, ends: ends, state: &state)
        }
        var table = LocalizationTable()
        if let sourceFile {
            table.pairs = pairs(entries, sources: readWithEntries(sourceFile).entries)
            if entries.contains(where: { $0.quantity != nil }) { table.pluralCount = 2 }
        }
        state.problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        table.problems = state.problems
        LocalizationMarking.takePlaceholdersOutOfProse(table.pairs, &state)
        let paired = Set(table.pairs.map(\.translation.span.lowerBound))
        LocalizationMarking.takeOwnPlaceholdersOutOfProse(
            entries.filter { !$0.unformatted && !paired.contains($0.text.span.lowerBound) }.map(\.text), &state)
        let read = XMLCatalogueRead(
            text: state.text, classes: state.classes, commentRanges: state.commentRanges,
            literalAmpersands: LocalizationMarking.cdataAmpersands(tokens, source), table: table)
        return (read, entries)
    }

    /// The `<item>`s of the `<plurals>` or `<string-array>` element `element` (its start tag's
    /// index to its end tag's), keyed `name#quantity` or `name[position]`.
    private static func items(
        of element: Range<Int>, name: String, key: String, unformatted: Bool, _ source: [UInt8], _ tokens: [XMLToken],
        ends: [Int?], state: inout XMLReadState
    ) -> [Entry] {
        var entries: [Entry] = []
        let end = element.upperBound
        var item = element.lowerBound + 1
        var position = 0
        while item < end {
            let child = tokens[item]
            guard child.kind == .startTag, XMLScanner.text(source, child.name) == "item" else {
                if child.kind == .startTag { item = ends[item] ?? end }
                item += 1
                continue
            }
            let itemEnd = min(ends[item] ?? end, end)
            let text = XMLContent.read(source, tokens, start: item, end: itemEnd, ends: ends, policy: policy, state: &state)
            if name == "plurals" {
                let quantity = XMLScanner.attribute(child, "quantity", in: source) ?? "other"
                entries.append(Entry(key: "\(key)#\(quantity)", text: text, unformatted: unformatted, quantity: quantity))
            } else {
                entries.append(Entry(key: "\(key)[\(position)]", text: text, unformatted: unformatted))
                position += 1
            }
            item = itemEnd + 1
        }
        return entries
    }

    /// Each translated string with the source string of its name; a plural quantity the
    /// source does not have is paired with its `other`.
    static func pairs(_ entries: [Entry], sources: [Entry]) -> [TranslationPair] {
        var byKey: [String: Entry] = [:]
        for entry in sources where byKey[entry.key] == nil { byKey[entry.key] = entry }
        var out: [TranslationPair] = []
        for entry in entries where !entry.text.bytes.allSatisfy(XMLScanner.isSpace) {
            var source = byKey[entry.key]
            if source == nil, let quantity = entry.quantity {
                source = byKey[String(entry.key.dropLast(quantity.count)) + "other"]
            }
            guard let source else { continue }
            // `zero`, `one` and `two` may be a single number's form, which may leave a named
            // number out ("Eine Datei" for `%1$d files`).
            let pluralIndex = entry.quantity.map { ["zero", "one", "two"].contains($0) ? 0 : 1 }
            out.append(
                TranslationPair(
                    source: source.text, translation: entry.text, declared: .markup,
                    excluded: entry.unformatted || source.unformatted ? [.printf] : [], pluralIndex: pluralIndex))
        }
        return out
    }
}
