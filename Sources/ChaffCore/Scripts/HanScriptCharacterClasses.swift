import ChaffData

/// What `HanScriptMix` needs to know about a code point, as one byte per BMP code point, so its
/// counting loop does one table read per character and no data-dependent branches.
///
/// The classes are `HanForm` raw values (0 not Han, 1 shared, 2 Simplified only, 3 Traditional
/// only) plus `kana` and `hangul`; their bits in a `seen` mask (`1 << class`) tell whether a
/// unit holds Japanese or Korean.
struct HanScriptCharacterClasses: @unchecked Sendable {
    // @unchecked: the table is filled in `init` and never written or freed afterwards.

    /// Hiragana or Katakana.
    static let kana: UInt8 = 4
    /// Hangul.
    static let hangul: UInt8 = 5

    /// Class per BMP code point.
    let table: UnsafeBufferPointer<UInt8>

    static let shared = HanScriptCharacterClasses()

    private init() {
        // Built on the first check of a run, so it must be cheap: one packed-table read per
        // code point, and the script table (a search) only in the blocks where the BMP's Kana
        // and Hangul live (Unicode 15; `classTableMatchesSlowClass` checks every code point).
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 0x10000)
        let forms = HanVariants.formLookup
        for scalar in 0..<UInt32(0x10000) {
            let form = forms.form(of: scalar)
            if form != .notHan {
                buffer[Int(scalar)] = form.rawValue
            } else if Self.mayBeKanaOrHangul(scalar) {
                buffer[Int(scalar)] = Self.slowClass(of: scalar)
            } else {
                buffer[Int(scalar)] = 0
            }
        }
        table = UnsafeBufferPointer(buffer)
    }

    /// Whether a BMP code point lies in a block that holds Hiragana, Katakana or Hangul: Hangul
    /// Jamo, CJK symbols through CJK Compatibility, Hangul Jamo Extended-A, Hangul Syllables and
    /// Jamo Extended-B, Halfwidth and Fullwidth Forms.
    static func mayBeKanaOrHangul(_ scalar: UInt32) -> Bool {
        (0x1100...0x11FF).contains(scalar) || (0x3000...0x33FF).contains(scalar) || (0xA960...0xA97F).contains(scalar)
            || (0xAC00...0xD7FF).contains(scalar) || (0xFF00...0xFFEF).contains(scalar)
    }

    /// The class of any code point, from the form and script tables; for code points above the
    /// BMP, which the table does not cover.
    static func slowClass(of scalar: UInt32) -> UInt8 {
        let form = HanVariants.form(of: scalar)
        if form != .notHan { return form.rawValue }
        switch ScriptTable.script(of: scalar) {
        case .hiragana, .katakana: return kana
        case .hangul: return hangul
        default: return 0
        }
    }
}
