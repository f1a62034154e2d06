/// Which code points make up words, for splitting text the way UTS #39 mixed-script
/// detection expects: letters, marks and decimal digits.
public enum WordCharacters {
    /// Whether a code point has General_Category L* (letters), M* (marks) or Nd (digits).
    ///
    /// Connector punctuation such as `_`, apostrophes and hyphens are not word characters, so
    /// `don't` and `e-mail` split into two words each; the joiners are handled by `isJoiner`.
    @inline(__always)
    public static func isWordCharacter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (scalar | 0x20) &- 0x61 < 26 || scalar &- 0x30 < 10
        }
        return letterMarkDigit.contains(scalar)
    }

    /// Whether a code point is ZERO WIDTH NON-JOINER (U+200C) or ZERO WIDTH JOINER (U+200D),
    /// which Indic and Arabic spellings and emoji sequences need inside a word.
    @inline(__always)
    public static func isJoiner(_ scalar: UInt32) -> Bool {
        scalar == 0x200C || scalar == 0x200D
    }

    private static let letterMarkDigit = BoundarySet(packed: WordCharacterData.boundaries)
}
