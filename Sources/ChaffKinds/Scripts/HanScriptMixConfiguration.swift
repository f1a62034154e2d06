import ChaffData
import ChaffEngine

/// Settings for `HanScriptMix.analyze`.
package struct HanScriptMixConfiguration: Sendable, Equatable, Codable {
    /// How a unit's expected writing system is chosen.
    package var direction: HanScriptDirection
    /// With `.majority`, a unit needs at least this many decisive (Simplified-only plus
    /// Traditional-only) characters before it is judged: a short line with one 後 and one 这
    /// says nothing reliable. Ignored with a fixed direction.
    package var minimumDecisiveCharacters: Int
    /// Skip units containing kana (Japanese) or Hangul (Korean): Japanese kanji and Korean
    /// hanja look Traditional to Unihan but are correct there. Also skips Latin-script prose
    /// that only mentions Han characters (`Simplified-only (国, 这, 发)`): each is an example,
    /// not Chinese text.
    package var skipJapaneseAndKorean: Bool

    /// The defaults: majority, at least 4 decisive characters, Japanese and Korean skipped.
    package init(
        direction: HanScriptDirection = .majority,
        minimumDecisiveCharacters: Int = 4,
        skipJapaneseAndKorean: Bool = true
    ) {
        self.direction = direction
        self.minimumDecisiveCharacters = minimumDecisiveCharacters
        self.skipJapaneseAndKorean = skipJapaneseAndKorean
    }
}
