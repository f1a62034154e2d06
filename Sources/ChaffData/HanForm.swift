/// Which Chinese writing system a character belongs to, as far as the character alone tells.
///
/// See `HanVariants.form(of:)` for how Unihan's variant fields map to these cases.
@frozen
public enum HanForm: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Not a character of the Han script (Script=Han).
    case notHan = 0
    /// A Han character at home in both Simplified and Traditional text.
    case shared = 1
    /// A Han character used only in Simplified text, e.g. 国, 发.
    case simplifiedOnly = 2
    /// A Han character used only in Traditional text, e.g. 國, 發.
    case traditionalOnly = 3

    /// A short English label for messages, e.g. "Traditional only".
    public var description: String {
        switch self {
        case .notHan: return "not Han"
        case .shared: return "shared"
        case .simplifiedOnly: return "Simplified only"
        case .traditionalOnly: return "Traditional only"
        }
    }
}
