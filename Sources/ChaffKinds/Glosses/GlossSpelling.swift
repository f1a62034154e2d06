import ChaffData

/// How a gloss is written, so that messages and fixes answer in the writer's own style: an
/// expected reading is shown as `jue` after a toneless gloss, `jué` after tone marks and `jue2`
/// after tone digits.
package struct GlossSpelling: Hashable, Sendable {
    /// How tones are written.
    package enum Tones: Hashable, Sendable {
        /// No tones (`jiao`).
        case none
        /// Tone marks (`jiǎo`).
        case marks
        /// Tone digits (`jiao3`).
        case digits
    }

    /// How tones are written.
    package var tones: Tones
    /// How `ü` is written: `ü`, `v` or `u:`.
    package var umlaut: String

    /// Makes a spelling style.
    package init(tones: Tones, umlaut: String = "ü") {
        self.tones = tones
        self.umlaut = umlaut
    }

    /// The style of the gloss text `text`.
    package init<C: Collection>(of text: C) where C.Element == UInt8 {
        var digits = false
        var v = false
        var colon = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "5"): digits = true
            case UInt8(ascii: "v"): v = true
            case UInt8(ascii: ":"): colon = true
            default: break
            }
        }
        // A plain `ü` is non-ASCII but toneless: only a parsed tone makes the style toned.
        let toned = PinyinGlossText.segmentations(text).first.map { $0.contains { $0.tone != 0 } } ?? false
        tones = !toned ? .none : digits ? .digits : .marks
        umlaut = v ? "v" : colon ? "u:" : "ü"
    }

    /// The style of a gloss in `source`.
    package init(of gloss: Gloss, in source: [UInt8]) {
        self.init(of: source[gloss.textRange])
    }

    /// `syllable` written in this style; a style without tones drops the tone.
    package func spell(_ syllable: PinyinSyllable) -> String {
        let text: String
        switch tones {
        case .none: text = syllable.withoutTone.marked
        case .marks: text = syllable.marked
        case .digits: text = syllable.withoutTone.marked + (syllable.tone == 0 ? "" : String(syllable.tone))
        }
        guard umlaut != "ü" else { return text }
        // Only a bare ü is respelled; a marked ǘ has no ASCII spelling with its mark.
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "ü" { out += umlaut } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Several syllables in this style, separated by spaces.
    package func spell(_ syllables: [PinyinSyllable]) -> String {
        syllables.map(spell).joined(separator: " ")
    }
}
