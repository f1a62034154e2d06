import ChaffEngine
import ChaffText

/// `kind: encoding` — bytes that are not valid UTF-8, and U+FFFD replacement characters that a
/// broken conversion left in the text.
///
/// Files in UTF-16, UTF-32, GB18030 and Big5 never reach this rule as such: `SourceDecoder`
/// transcodes them first, and a file whose encoding it cannot decide gets this rule's one
/// finding from `Linter.undecodable` (and no other). Text that reaches the engine without
/// decoding and starts with a UTF-16 byte order mark still gets one finding saying so.
/// Invalid bytes are reported once per run of bad bytes, starting at the first one, with the
/// byte values in the message; the rest of the file is still linted by every rule (invalid
/// bytes are read as one unknown character each). Options:
/// - `replacementCharacter` (default `true`): also report U+FFFD, which means the text was
///   already decoded wrongly once and the original characters are lost.
package struct EncodingRule: RuleKind {
    package static let kindName = "encoding"
    /// The one kind that reports a file whose encoding cannot be decided.
    package static let reportsUndecodableFiles = true
    package static let messageArguments = ["problem"]

    private let reportReplacement: Bool
    private static let replacementProblem = "replacement character U+FFFD (the original character was lost in an earlier conversion)"

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {
        reportReplacement = try options.optionalBool("replacementCharacter") ?? true
    }

    /// Whether a U+FFFD at `range` is shown on purpose rather than left by a lost conversion:
    /// its line names it (`U+FFFD`, as documentation about encodings does), or it stands in a
    /// short quotation or code span (`mv "Ic�nes"`, ``` ``�`` ```), see `CodeLine`.
    static func isShown(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = range.lowerBound
        while lineStart > 0 && text[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = range.upperBound
        while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
        let line = text[lineStart..<lineEnd]
        if line.count >= 4 {
            for k in line.startIndex..<(line.endIndex - 3)
            where text[k] | 0x20 == 0x66 && text[k + 1] | 0x20 == 0x66 && text[k + 2] | 0x20 == 0x66 && text[k + 3] | 0x20 == 0x64 {
                return true  // "fffd" in any case
            }
        }
        return CodeLine.contains(range, in: text, plainText: false)
    }

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let bytes = context.bytes(for: context.scope)
        // UTF-16 text is not decoded: its offsets could not point at source bytes. One clear
        // finding says what the file is and what to do.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let order = bytes[0] == 0xFF ? "little-endian, byte order mark 0xFF 0xFE" : "big-endian, byte order mark 0xFE 0xFF"
            report(Finding(range: 0..<2, arguments: ["problem": "the file is UTF-16 (\(order)); convert it to UTF-8 to have it checked"]))
            return
        }
        // Checked when the file was read: only replacement characters can be left to find.
        if context.document.isValidUTF8 && context.scope == .raw {
            guard reportReplacement else { return }
            bytes.withUnsafeBufferPointer { text in
                var from = 0
                while let at = ByteSearch.next([0xEF, 0xBF, 0xBD], in: text, from: from) {
                    if !Self.isShown(at..<(at + 3), in: text) {
                        report(Finding(range: at..<(at + 3), arguments: ["problem": Self.replacementProblem]))
                    }
                    from = at + 3
                }
            }
            return
        }
        bytes.withUnsafeBufferPointer { text in
            var i = 0
            let n = text.count
            while true {
                // ASCII, most bytes of most files, needs no look.
                i = ASCIISkip.nextNonASCII(text, from: i, end: n)
                guard i < n else { break }
                if UTF8Decoding.isPlainThreeByteCharacter(text, at: i) {
                    i += 3
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(text, at: i)
                if let scalar {
                    if scalar == 0xFFFD && reportReplacement && !Self.isShown(i..<(i + length), in: text) {
                        report(Finding(range: i..<(i + length), arguments: ["problem": Self.replacementProblem]))
                    }
                    i += length
                    continue
                }
                var end = i + 1
                while end < n && end - i < 16 && text[end] >= 0x80 && UTF8Decoding.decode(text, at: end).scalar == nil { end += 1 }
                let hex = text[i..<end].map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                report(Finding(range: i..<end, arguments: ["problem": "invalid UTF-8 byte\(end - i > 1 ? "s" : "") \(hex)"]))
                i = end
            }
        }
    }
}
