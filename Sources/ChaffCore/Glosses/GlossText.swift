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
}
