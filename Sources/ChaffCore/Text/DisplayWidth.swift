/// Terminal display width of one scalar, for the `display` column unit.
public enum DisplayWidth {
    /// 2 for East Asian Wide and Fullwidth characters, otherwise 1.
    @inline(__always)
    public static func columns(of scalar: UInt32) -> Int {
        if scalar < 0x1100 { return 1 }
        return isWide(scalar) ? 2 : 1
    }

    // Replaced by the generated East Asian Width table once it lands; the main CJK blocks
    // already give the right answer for Chinese text.
    private static func isWide(_ s: UInt32) -> Bool {
        switch s {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
