/// Which Chinese writing system a text unit is expected to use.
package enum HanScriptDirection: String, Sendable, Codable, CaseIterable {
    /// Whichever of Simplified-only and Traditional-only characters is more frequent in the
    /// unit; the other kind is reported.
    case majority
    /// The unit is Simplified; every Traditional-only character is reported.
    case simplified
    /// The unit is Traditional; every Simplified-only character is reported.
    case traditional
}
