/// Gloss characters as text, for messages.
enum GlossText {
    /// The characters as a string.
    static func string<C: Collection>(_ characters: C) -> String where C.Element == GlossCharacter {
        var out = ""
        for character in characters {
            if let scalar = Unicode.Scalar(character.scalar) { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Code points as a string.
    static func string(scalars: [UInt32]) -> String {
        var out = ""
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Syllable `k` of `gloss` as the writer wrote it: the gloss text itself (without spaces
    /// around it) for a one-syllable gloss, otherwise the syllable in the gloss's style.
    static func written(_ gloss: Gloss, _ k: Int, in source: [UInt8]) -> String {
        guard gloss.syllables.count == 1 else {
            return GlossSpelling(of: gloss, in: source).spell(gloss.syllables[k])
        }
        var range = gloss.textRange
        while !range.isEmpty && source[range.lowerBound] == UInt8(ascii: " ") { range = (range.lowerBound + 1)..<range.upperBound }
        while !range.isEmpty && source[range.upperBound - 1] == UInt8(ascii: " ") { range = range.lowerBound..<(range.upperBound - 1) }
        return String(decoding: source[range], as: UTF8.self)
    }
}
