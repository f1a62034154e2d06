/// East_Asian_Width lookups (UAX #11), for counting display columns.
public enum EastAsianWidth {
    /// Whether a code point is Wide (W) or Fullwidth (F), i.e. takes two terminal columns.
    ///
    /// Ambiguous (A) characters count as narrow, as terminals do outside East Asian locales.
    /// Unassigned code points in the CJK ideograph blocks and planes 2 and 3 are wide, as the
    /// data file's header specifies.
    @inline(__always)
    public static func isWide(_ scalar: UInt32) -> Bool {
        // Nothing below U+1100 (Hangul Choseong) is wide.
        if scalar < 0x1100 { return false }
        return wide.contains(scalar)
    }

    private static let wide = BoundarySet(packed: EastAsianWidthData.boundaries)
}
