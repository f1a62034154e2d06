import ChaffData
import ChaffText

/// What `HanScriptMix` needs to know about a code point, as one byte per BMP code point, so its
/// counting loop does one table read per character and no data-dependent branches.
///
/// The classes are `HanForm` raw values (0 not Han, 1 shared, 2 Simplified only, 3 Traditional
/// only) plus `kana` and `hangul`; their bits in a `seen` mask (`1 << class`) tell whether a
/// unit holds Japanese or Korean. The table is generated (`HanScriptClassTable`); `slowClass`
/// derives the same classes from the form and script tables, for code points above the BMP and
/// to check the generated table.
struct HanScriptCharacterClasses: Sendable {
    /// Hiragana or Katakana.
    static let kana: UInt8 = 4
    /// Hangul.
    static let hangul: UInt8 = 5

    /// The class of a BMP code point.
    @inline(__always)
    static func bmpClass(_ table: UnsafeBufferPointer<UInt8>, _ scalar: UInt32) -> UInt8 {
        table[Int(scalar)] & 7
    }

    /// The class of any code point: `table` (from `table`, taken once by a scanning loop) for
    /// the BMP, `slowClass` above it.
    @inline(__always)
    static func characterClass(_ table: UnsafeBufferPointer<UInt8>, _ scalar: UInt32) -> UInt8 {
        scalar < 0x10000 ? bmpClass(table, scalar) : slowClass(of: scalar)
    }

    /// The Han form of any code point: the generated table for the BMP, so that nothing has to
    /// derive `HanVariants.formLookup` (tens of millions of instructions) to build a finding.
    static func form(of scalar: UInt32) -> HanForm {
        let characterClass = characterClass(table, scalar)
        return characterClass <= HanForm.traditionalOnly.rawValue ? HanForm(rawValue: characterClass)! : .notHan
    }

    /// Calls `body` with the start, the length and the class (`HanForm` raw value) of each
    /// Simplified-only or Traditional-only character that lies wholly inside `range` of
    /// `text`, in order. Malformed bytes and a sequence cut by the range's end count for
    /// nothing (`UTF8ScalarDecoding`).
    @inline(__always)
    static func forEachDecisive(in range: Range<Int>, of text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, UInt8) -> Void) {
        let classes = table
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] < 0x80 {
                index += 1
                continue
            }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: range.upperBound)
            let characterClass = characterClass(classes, scalar)
            if characterClass == HanForm.simplifiedOnly.rawValue || characterClass == HanForm.traditionalOnly.rawValue {
                body(index, length, characterClass)
            }
            index += length
        }
    }

    /// Whether `text` holds a Simplified-only or Traditional-only character (a well-formed
    /// one; malformed bytes count for nothing, as in `forEachDecisive`). ASCII is stepped over
    /// a word at a time, so an English document is read at the cost of its few other
    /// characters; a Chinese one stops at its first decisive character.
    static func holdsDecisive(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let classes = table
        var index = 0
        while true {
            index = ASCIISkip.nextNonASCII(text, from: index, end: text.count)
            guard index < text.count else { return false }
            let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: text.count)
            let characterClass = characterClass(classes, scalar)
            if characterClass == HanForm.simplifiedOnly.rawValue || characterClass == HanForm.traditionalOnly.rawValue { return true }
            index += length
        }
    }

    /// One ASCII digit per BMP code point; read it with `bmpClass`.
    static var table: UnsafeBufferPointer<UInt8> { HanScriptClassTable.digits }

    /// The class of any code point, from the form and script tables: for code points above the
    /// BMP, which the table does not cover, and as the reference the generated table must match.
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
