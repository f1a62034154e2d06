import ChaffText

/// A position as the protocol counts it: 0-based line, and 0-based character offset in the
/// session's position encoding (UTF-8 bytes or UTF-16 code units).
struct TextPosition: Equatable {
    var line: Int
    var character: Int

    var json: JSONOutput { .object([("line", .int(line)), ("character", .int(character))]) }

    /// Reads `{"line": …, "character": …}`.
    init?(_ node: JSONNode?) {
        guard let line = node?["line"]?.int, let character = node?["character"]?.int else { return nil }
        self.init(line: line, character: character)
    }

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// Conversions between byte offsets of a text and protocol positions, with the same lines as
/// the engine's `LineIndex` (`\n`, `\r\n` and a lone `\r` end a line).
struct TextPositions {
    let bytes: [UInt8]
    let index: LineIndex
    let unit: ColumnUnit

    init(_ bytes: [UInt8], unit: ColumnUnit) {
        self.bytes = bytes
        self.index = LineIndex(bytes)
        self.unit = unit
    }

    /// The byte offset of `position`. A character past the end of its line means the end of
    /// the line (before its break), a line past the last means the end of the text, as the
    /// protocol asks; a character inside a multi-unit character moves to the character's end.
    func offset(of position: TextPosition) -> Int {
        guard position.line < index.lineStarts.count else { return bytes.count }
        let start = index.lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        var i = start
        var count = 0
        while i < end && count < position.character {
            let lead = bytes[i]
            if lead < 0x80 {
                count += 1
                i += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(bytes, at: i)
            i = min(end, i + length)
            count += unit == .utf8 ? length : ((scalar ?? 0) > 0xFFFF ? 2 : 1)
        }
        return i
    }

    /// The position of byte `offset`.
    func position(of offset: Int) -> TextPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = index.lineIndex(of: clamped)
        let start = index.lineStarts[line]
        let to = max(start, min(clamped, contentEnd(ofLine: line)))
        return TextPosition(line: line, character: LineIndex.width(of: bytes, from: start, to: to, unit: unit))
    }

    /// The end of the text.
    var end: TextPosition { position(of: bytes.count) }

    /// Where line `line`'s text ends: before its line break.
    func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < index.lineStarts.count ? index.lineStarts[line + 1] : bytes.count
        let start = index.lineStarts[line]
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// `{"start": …, "end": …}` for a byte range.
    func range(_ bytes: Range<Int>) -> JSONOutput {
        .object([("start", position(of: bytes.lowerBound).json), ("end", position(of: bytes.upperBound).json)])
    }
}
