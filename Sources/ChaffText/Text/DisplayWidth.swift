import ChaffData

/// Terminal display width of one scalar, for the `display` column unit.
public enum DisplayWidth {
    /// 2 for East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth.txt), otherwise 1.
    @inline(__always)
    public static func columns(of scalar: UInt32) -> Int {
        if scalar < 0x1100 { return 1 }
        return EastAsianWidth.isWide(scalar) ? 2 : 1
    }
}
