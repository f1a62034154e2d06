import ChaffEngine
import ChaffRunner
import ChaffText

/// The code actions chaff offers: a finding's fix, a comment that disables its rule on its
/// line, and every fix at once (`source.fixAll.chaff`), which gives what `chaff fix` writes.
enum CodeActions {
    static let fixAllKind = "source.fixAll.chaff"
    static let quickFixKind = "quickfix"

    /// The actions for the findings `diagnostics` of `document` that touch `range` (bytes),
    /// filtered by the client's `only` kinds.
    static func actions(
        for range: Range<Int>, document: OpenDocument, format: String, diagnostics: [Diagnostic], rules: [String: Rule],
        linter: Linter, unit: ColumnUnit, only: [String]?
    ) -> [JSONOutput] {
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let positions = TextPositions(document.text, unit: unit)
        var out: [JSONOutput] = []
        let touching = diagnostics.filter { d in
            d.range.lowerBound <= range.upperBound && range.lowerBound <= d.range.upperBound
        }
        if wanted(quickFixKind) {
            for d in touching {
                let json = DiagnosticJSON.finding(d, rules: rules)
                if let fix = d.fix {
                    let title =
                        fix.isEmpty ? "Remove '\(d.matchedText)' (\(d.ruleID))" : "Replace '\(d.matchedText)' with '\(fix)' (\(d.ruleID))"
                    out.append(
                        action(
                            title, kind: quickFixKind, diagnostic: json, preferred: true,
                            edit: edit(document.uri, [(positions.range(d.range), fix)])))
                }
                if let (at, text) = suppression(for: d, in: document.text, format: format, positions: positions) {
                    out.append(
                        action(
                            "Disable \(d.ruleID) on this line", kind: quickFixKind, diagnostic: json, preferred: false,
                            edit: edit(document.uri, [(positions.range(at..<at), text)])))
                }
            }
        }
        if wanted(fixAllKind), diagnostics.contains(where: { $0.fix != nil }) {
            let fixed = fixAll(document.text, diagnostics: diagnostics, linter: linter, path: document.path ?? document.uri, format: format)
            if fixed != document.text {
                let (changed, replacement) = difference(document.text, fixed)
                out.append(
                    .object([
                        ("title", .string("Fix all chaff findings")), ("kind", .string(fixAllKind)),
                        ("edit", edit(document.uri, [(positions.range(changed), String(decoding: replacement, as: UTF8.self))])),
                    ]))
            }
        }
        return out
    }

    /// `text` with the fixes applied as `chaff fix` applies them: apply, lint again, until
    /// nothing changes or `FileFixer.maximumRounds` rounds have run.
    static func fixAll(_ text: [UInt8], diagnostics: [Diagnostic], linter: Linter, path: String, format: String) -> [UInt8] {
        var bytes = text
        var current = diagnostics
        for _ in 0..<FileFixer.maximumRounds {
            let (next, applied) = FixApplier.apply(current, to: bytes)
            guard applied > 0, next != bytes else { break }
            bytes = next
            current = linter.lint(DocumentMaker.document(path: path, source: bytes, format: format, scopes: linter.scopes))
            if !current.contains(where: { $0.fix != nil }) { break }
        }
        return bytes
    }

    /// The one range of `old` to replace, and its replacement, that turns `old` into `new`:
    /// the common start and end are kept, so the editor keeps the cursor and the undo step
    /// small. The range never splits a character or a `\r\n`.
    static func difference(_ old: [UInt8], _ new: [UInt8]) -> (Range<Int>, ArraySlice<UInt8>) {
        var prefix = 0
        let limit = min(old.count, new.count)
        while prefix < limit && old[prefix] == new[prefix] { prefix += 1 }
        func isInside(_ bytes: [UInt8], _ i: Int) -> Bool {
            i > 0 && i < bytes.count && ((bytes[i] & 0xC0) == 0x80 || (bytes[i - 1] == 0x0D && bytes[i] == 0x0A))
        }
        while prefix > 0 && (isInside(old, prefix) || isInside(new, prefix)) { prefix -= 1 }
        var suffix = 0
        while suffix < limit - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0 && (isInside(old, old.count - suffix) || isInside(new, new.count - suffix)) { suffix -= 1 }
        return (prefix..<old.count - suffix, new[prefix..<new.count - suffix])
    }

    /// Where to insert a comment that disables `d`'s rule on the line where `d` starts, and the
    /// text: `chaff-disable-line` at the end of the line in Markdown, HTML and plain text (none in
    /// a gettext catalogue, whose comments stand only before an entry);
    /// `chaff-disable-next-line` on a line before it in reStructuredText, whose comments cannot
    /// share a line with text.
    static func suppression(for d: Diagnostic, in text: [UInt8], format: String, positions: TextPositions) -> (Int, String)? {
        let line = positions.index.lineIndex(of: d.range.lowerBound)
        let lineStart = positions.index.lineStarts[line]
        let lineEnd = positions.contentEnd(ofLine: line)
        switch DocumentFormat(rawValue: format) ?? .plainText {
        case .markdown, .html:
            return (lineEnd, " <!-- \(SuppressionDirective.Kind.disableLine.rawValue) \(d.ruleID) -->")
        case .gettext, .appleStrings, .xcstrings, .i18nJSON, .arb:
            // A gettext comment may only stand before an entry, not beside or inside it; JSON
            // catalogues have no comments at all.
            return nil
        case .xliff, .androidStrings, .stringsdict:
            // The end of the line may be inside a string, where a comment would be part of it.
            return nil
        case .plainText:
            return (lineEnd, "  # \(SuppressionDirective.Kind.disableLine.rawValue) \(d.ruleID)")
        case .restructuredText:
            var indent = lineStart
            while indent < lineEnd && (text[indent] == 0x20 || text[indent] == 0x09) { indent += 1 }
            let breakBytes =
                lineEnd < text.count
                ? (text[lineEnd] == 0x0D && lineEnd + 1 < text.count && text[lineEnd + 1] == 0x0A
                    ? "\r\n" : String(UnicodeScalar(text[lineEnd]))) : "\n"
            let leading = String(decoding: text[lineStart..<indent], as: UTF8.self)
            return (lineStart, leading + ".. \(SuppressionDirective.Kind.disableNextLine.rawValue) \(d.ruleID)" + breakBytes)
        }
    }

    private static func action(_ title: String, kind: String, diagnostic: JSONOutput, preferred: Bool, edit: JSONOutput) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("title", .string(title)), ("kind", .string(kind)), ("diagnostics", .array([diagnostic]))]
        if preferred { members.append(("isPreferred", .bool(true))) }
        members.append(("edit", edit))
        return .object(members)
    }

    private static func edit(_ uri: String, _ edits: [(range: JSONOutput, text: String)]) -> JSONOutput {
        .object([("changes", .object([(uri, .array(edits.map { .object([("range", $0.range), ("newText", .string($0.text))]) }))]))])
    }
}
