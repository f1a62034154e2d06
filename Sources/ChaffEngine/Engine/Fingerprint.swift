/// FNV-1a, 64 bits: a stable, dependency-free hash for fingerprints (not for security).
public enum Fingerprint {
    /// The hash of `parts`, separated so that ("ab","c") and ("a","bc") differ, as 16 hex digits.
    public static func hash(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for b in part.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            h ^= 0xFF
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
