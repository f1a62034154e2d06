/// The message arguments of the typography findings made most often, built once: a
/// dictionary literal per finding allocated storage for each of thousands of findings.
enum TypographyArguments {
    static let aSpace: [String: String] = ["expected": "a space"]
    static let noSpace: [String: String] = ["expected": "no space"]
    /// For each half-width sentence mark (`,.:;!?`), its full-width form as the argument.
    static let fullwidthMarks: [UInt32: [String: String]] = Dictionary(
        uniqueKeysWithValues: [0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x3F].map { ($0, ["expected": TypographyCharacters.fullwidth(of: $0)!]) })
}
