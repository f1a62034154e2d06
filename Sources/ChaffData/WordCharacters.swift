/// Which code points make up words, for splitting text the way UTS #39 mixed-script
/// detection expects: letters, marks and decimal digits.
public enum WordCharacters {
    /// The decoded table; scanning loops should take it once and call its methods.
    public static let lookup = WordCharacterLookup()

    /// Whether a code point has General_Category L* (letters), M* (marks) or Nd (digits).
    ///
    /// Connector punctuation such as `_`, apostrophes and hyphens are not word characters, so
    /// `don't` and `e-mail` split into two words each; the joiners are handled by `isJoiner`.
    @inlinable @inline(__always)
    public static func isWordCharacter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return WordCharacterLookup.isASCIIWordCharacter(scalar) }
        return lookup.isWordCharacter(scalar)
    }

    /// Whether a code point is ZERO WIDTH NON-JOINER (U+200C) or ZERO WIDTH JOINER (U+200D),
    /// which Indic and Arabic spellings and emoji sequences need inside a word.
    @inlinable @inline(__always)
    public static func isJoiner(_ scalar: UInt32) -> Bool {
        scalar == 0x200C || scalar == 0x200D
    }
}

/// The decoded word-character table, cheap to copy into a scanning loop.
@frozen
public struct WordCharacterLookup: Sendable {
    @usableFromInline let letterMarkDigit: BoundarySet

    init() {
        letterMarkDigit = BoundarySet(packed: WordCharacterData.boundaries)
    }

    /// Whether a code point has General_Category L*, M* or Nd; see `WordCharacters`.
    @inlinable @inline(__always)
    public func isWordCharacter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return Self.isASCIIWordCharacter(scalar) }
        return letterMarkDigit.contains(scalar)
    }

    @inlinable @inline(__always)
    static func isASCIIWordCharacter(_ scalar: UInt32) -> Bool {
        (scalar | 0x20) &- 0x61 < 26 || scalar &- 0x30 < 10
    }
}
