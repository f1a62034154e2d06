import ChaffText

/// The name of an attribute read in a tag: where it ends and, for a name of up to eight bytes,
/// the name lowercased and packed into a word (byte `k` of the name in bits `8k…8k+7`), which
/// is then compared with the names the scanner acts on as one integer each. Reading the name
/// to its end byte by byte and comparing it with each of those names cost some ninety
/// instructions an attribute, on pages where most tags have one.
struct HTMLAttributeName {
    /// One past the name's last byte.
    let end: Int
    /// The name lowercased and packed, or 0 for a name longer than eight bytes.
    let word: UInt64

    // The packed names the scanner asks about (checked against their spellings by a test).
    static let href: UInt64 = 0x6665_7268
    static let `class`: UInt64 = 0x73_7361_6C63
    static let label: UInt64 = 0x6C_6562_616C
    static let name: UInt64 = 0x656D_616E
    static let property: UInt64 = 0x7974_7265_706F_7270
    static let content: UInt64 = 0x74_6E65_746E_6F63
    static let type: UInt64 = 0x6570_7974
    static let value: UInt64 = 0x65_756C_6176
    static let alt: UInt64 = 0x74_6C61
    static let title: UInt64 = 0x65_6C74_6974

    /// Reads the name starting at `start` (before `end`): its first byte whatever it is (`=`
    /// too, as in the HTML tokenizer), then up to white space, `/`, `>` or `=`.
    @inline(__always)
    static func scan(from start: Int, end: Int, in text: UnsafeBufferPointer<UInt8>) -> HTMLAttributeName {
        if start + 8 <= end, let base = text.baseAddress {
            let word = ByteWords.load(base, start)
            // Bytes up to 0x20 (white space among them) and `/`, `>`, `=`; the first byte is
            // part of the name whatever it is.
            let low = ~((word & ByteWords.broadcast(0x7F)) &+ ByteWords.broadcast(0x5F)) & ~word
            let stops =
                (low | ByteWords.equalBytes(word, ByteWords.broadcast(0x2F)) | ByteWords.equalBytes(word, ByteWords.broadcast(0x3E))
                    | ByteWords.equalBytes(word, ByteWords.broadcast(0x3D))) & ByteWords.broadcast(0x80) & ~0xFF
            if stops != 0 {
                let length = stops.trailingZeroBitCount / 8
                let stop = text[start + length]
                // A control byte other than white space belongs to the name: read it slowly.
                if stop > 0x20 || MarkupBytes.isHTMLWhitespace(stop) {
                    return HTMLAttributeName(end: start + length, word: lowercased(word) & ((1 << UInt64(8 * length)) - 1))
                }
            }
        }
        var p = start + 1
        while p < end, !MarkupBytes.isHTMLWhitespace(text[p]), text[p] != 0x2F, text[p] != 0x3E, text[p] != 0x3D { p += 1 }
        return HTMLAttributeName(end: p, word: pack(start..<p, in: text))
    }

    /// `text[name]` lowercased and packed as tag names are (`HTMLTagName.pack`), or 0 when it
    /// is longer than eight bytes.
    static func pack(_ name: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        name.count <= 8 ? HTMLTagName.pack(name, in: text).key : 0
    }

    /// `word` with its bytes A–Z lowercased and every other byte kept.
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let bits = word & ByteWords.broadcast(0x7F)
        let atLeastA = bits &+ ByteWords.broadcast(0x80 - 0x41)
        let pastZ = bits &+ ByteWords.broadcast(0x80 - 0x5B)
        let upper = atLeastA & ~pastZ & ~word & ByteWords.broadcast(0x80)
        return word | upper >> 2
    }
}
