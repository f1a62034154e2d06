/// Reads an Apple `.strings` file (`"key" = "value";`, with `/* */` and `//` comments and
/// unquoted keys) into scopes and pairs.
///
/// Values are translations (prose), keys no scope, comments comments. The reader works on UTF-8;
/// a UTF-16 file (as Xcode writes them) is transcoded first by `SourceDecoder`, whose
/// `SourceOrigin` maps every offset back to the file. Pairs: the value of the same key in the
/// source locale's file (`en.lproj` or `Base.lproj` beside, see `SourceCatalogue`); without one,
/// a key that reads as source text (Apple's common practice: the key is the English string) is
/// the source.
enum AppleStringsReader {
    /// One `key = value;` entry.
    struct Entry {
        var key: LocalizedText
        var value: LocalizedText
    }

    /// Reads `source` (UTF-8); `sourceCatalogue` is the source locale's file (UTF-8), if any.
    static func read(_ source: [UInt8], sourceCatalogue: [UInt8]?) -> CatalogueRead {
        var read = CatalogueRead(source: source)
        let entries = scan(source, read: &read, inPlace: true)
        var byKey: [[UInt8]: LocalizedText]?
        if let sourceCatalogue {
            var sourceRead = CatalogueRead(source: sourceCatalogue)
            var map: [[UInt8]: LocalizedText] = [:]
            for entry in scan(sourceCatalogue, read: &sourceRead, inPlace: false) where map[entry.key.bytes] == nil {
                map[entry.key.bytes] = entry.value
            }
            byKey = map
        }
        for entry in entries where !entry.value.bytes.isEmpty {
            // The source file's value; without one (no source file, or a key it lacks), a key
            // that reads as text.
            guard let original = byKey?[entry.key.bytes] ?? (readsAsText(entry.key.bytes) ? entry.key : nil) else {
                read.markUnpairedPlaceholders(entry.value, syntaxes: .printf)
                continue
            }
            var pair = TranslationPair(source: original, translation: entry.value)
            pair.undeclared = .printf
            read.table.pairs.append(pair)
        }
        return read
    }

    /// Whether a key is source text rather than an identifier: it has a space or a format
    /// directive (`"Delete %@?"`, `"Open File"`), where `settings.title` or `OK_BUTTON` does not.
    static func readsAsText(_ key: [UInt8]) -> Bool {
        key.contains(0x20) || key.contains(0x25)
    }

    /// The entries of `source`, marking scopes and recording problems in `read`.
    static func scan(_ source: [UInt8], read: inout CatalogueRead, inPlace: Bool) -> [Entry] {
        var entries: [Entry] = []
        var p = source.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            skipTrivia(source, &p, read: &read)
            guard p < source.count else { break }
            let entryStart = p
            guard let key = token(source, &p, read: &read, inPlace: false) else {
                guard p < source.count else { break }
                // Not a key: report the rest of the line and read on from the next one.
                let end = lineEnd(source, from: p)
                read.table.problems.append(
                    LocalizationProblem(range: p..<max(end, p + 1), message: "expected a quoted key (\"key\" = \"value\";)"))
                p = end
                continue
            }
            skipTrivia(source, &p, read: &read)
            if p < source.count && source[p] == 0x3B {  // "key"; stands for "key" = "key";
                p += 1
                continue
            }
            guard p < source.count, source[p] == 0x3D else {
                read.table.problems.append(
                    LocalizationProblem(range: entryStart..<max(p, key.span.upperBound), message: "expected '=' after the key"))
                p = skipToEntryEnd(source, from: p)
                continue
            }
            p += 1
            skipTrivia(source, &p, read: &read)
            guard let value = token(source, &p, read: &read, inPlace: inPlace) else {
                // An unclosed string was reported where it opens.
                guard p < source.count else { break }
                let end = lineEnd(source, from: p)
                read.table.problems.append(
                    LocalizationProblem(range: p..<max(end, p + 1), message: "expected a quoted value after '='"))
                p = skipToEntryEnd(source, from: p)
                continue
            }
            if inPlace { read.markProse(value) }
            entries.append(Entry(key: key, value: value))
            let afterValue = p
            skipTrivia(source, &p, read: &read)
            if p < source.count && source[p] == 0x3B {
                p += 1
            } else {
                read.table.problems.append(
                    LocalizationProblem(range: max(afterValue - 1, 0)..<afterValue, message: "missing ';' after the value"))
            }
        }
        return entries
    }

    /// A quoted string or an unquoted word at `p`; nil (with `p` unmoved) when there is none. An
    /// unclosed string is a problem, and the rest of the file is no entry.
    private static func token(_ source: [UInt8], _ p: inout Int, read: inout CatalogueRead, inPlace: Bool) -> LocalizedText? {
        guard p < source.count else { return nil }
        if source[p] == 0x22 {
            let open = p
            var q = p + 1
            while q < source.count && source[q] != 0x22 {
                q += source[q] == 0x5C ? 2 : 1
            }
            guard q < source.count else {
                read.table.problems.append(LocalizationProblem(range: open..<(open + 1), message: "a string not closed by a quote"))
                p = source.count
                return nil
            }
            p = q + 1
            return CatalogueString.decode(
                source, (open + 1)..<q, dialect: .appleStrings, text: &read.text, inPlace: inPlace, problems: &read.table.problems)
        }
        let start = p
        while p < source.count && isWordByte(source[p]) { p += 1 }
        guard p > start else { return nil }
        var scratch: [UInt8] = []
        var ignored: [LocalizationProblem] = []
        return CatalogueString.decode(source, start..<p, dialect: .appleStrings, text: &scratch, inPlace: false, problems: &ignored)
    }

    /// Letters, digits and `_ . - $ : /`, which old-style property lists allow unquoted.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || [0x5F, 0x2E, 0x2D, 0x24, 0x3A, 0x2F].contains(byte)
    }

    private static func skipTrivia(_ source: [UInt8], _ p: inout Int, read: inout CatalogueRead) {
        while p < source.count {
            let b = source[p]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                p += 1
            } else if b == 0x2F && p + 1 < source.count && source[p + 1] == 0x2F {
                let start = p
                p = lineEnd(source, from: p)
                read.markComment(start..<p)
            } else if b == 0x2F && p + 1 < source.count && source[p + 1] == 0x2A {
                let start = p
                p += 2
                while p + 1 < source.count && !(source[p] == 0x2A && source[p + 1] == 0x2F) { p += 1 }
                guard p + 1 < source.count else {
                    read.table.problems.append(LocalizationProblem(range: start..<(start + 2), message: "a /* comment not closed"))
                    p = source.count
                    return
                }
                p += 2
                read.markComment(start..<p)
            } else {
                return
            }
        }
    }

    private static func lineEnd(_ source: [UInt8], from start: Int) -> Int {
        var p = start
        while p < source.count && source[p] != 0x0A { p += 1 }
        return p
    }

    /// Past the `;` ending a broken entry on its line, or to the line's end.
    private static func skipToEntryEnd(_ source: [UInt8], from start: Int) -> Int {
        var p = start
        while p < source.count && source[p] != 0x0A && source[p] != 0x3B { p += 1 }
        return p < source.count && source[p] == 0x3B ? p + 1 : p
    }
}
