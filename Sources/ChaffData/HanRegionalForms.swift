/// Where Taiwan's and Hong Kong's standard Traditional forms differ (see
/// `Scripts/generate-han-region-tables.py` for where the tables come from and why Big5 bounds
/// them).
public enum HanRegionalForms {
    /// A character a Taiwanese text should not hold.
    public struct TaiwanReplacement: Sendable, Equatable {
        /// Whether it is Hong Kong's form (裏, 着, 説); otherwise a variant neither region writes (爲).
        public let isHongKongForm: Bool
        /// Taiwan's forms, usually one: 裏 → [裡].
        public let taiwanForms: [UInt32]
    }

    /// The Taiwan replacements by character.
    public static let taiwanReplacements: [UInt32: TaiwanReplacement] = {
        var table: [UInt32: TaiwanReplacement] = [:]
        for line in HanRegionalFormData.taiwanReplacements.split(separator: "\n") {
            let scalars = line.unicodeScalars.map(\.value)
            guard scalars.count >= 3 else { continue }
            table[scalars[0]] = TaiwanReplacement(isHongKongForm: scalars[1] == 0x48, taiwanForms: Array(scalars[2...]))
        }
        return table
    }()

    /// Hong Kong's standard forms where OpenCC's standard Traditional differs (温, 户, 説): in a
    /// Hong Kong text they are not Simplified leaks.
    public static let hongKongForms: Set<UInt32> = Set(HanRegionalFormData.hongKongForms.unicodeScalars.map(\.value))
}
