/// Traditional-to-simplified character mapping for word lookup (Unihan kSimplifiedVariant).
///
/// The word table is keyed by simplified form, so Traditional text finds its words by mapping
/// each character first. A character whose only simplified variant is another character maps to
/// it (覺 → 觉). A character that is its own simplified form in some words and has one other in
/// others (著 → 著 or 着, 乾 → 乾 or 干) keeps itself and offers the other as an alternative that
/// lookups also try.
public enum PinyinHanNormalization {
    private struct Maps: Sendable {
        var simplified: [UInt32: UInt32] = [:]
        var alternative: [UInt32: UInt32] = [:]
        /// For the common ideograph blocks (`flatRange`), the simplified form by code point
        /// minus `flatRange.lowerBound`, 0 for the character itself, with `alternativeFlag`
        /// set when it has an alternative: word lookups map every character of every window,
        /// and a hashed lookup cost more than the rest of a window's test.
        var flat: [UInt32] = []
    }

    private static var flatRange: Range<UInt32> { PinyinTableCode.flatRange }
    private static let alternativeFlag: UInt32 = 0x8000_0000

    /// The flat array holds the common blocks' simplified forms; only the characters outside
    /// them go into the hashed map of simplified forms (hashing every pair cost most of the
    /// tables' first use). The few alternatives are all hashed.
    private static let maps: Maps = {
        var maps = Maps()
        maps.flat = [UInt32](repeating: 0, count: flatRange.count)
        forEachPair { from, to, isAlternative in
            let index = flatRange.contains(from) ? Int(from - flatRange.lowerBound) : nil
            if isAlternative {
                maps.alternative[from] = to
                if let index { maps.flat[index] |= alternativeFlag }
            } else if let index {
                maps.flat[index] = to | maps.flat[index] & alternativeFlag
            } else {
                maps.simplified[from] = to
            }
        }
        return maps
    }()

    /// Calls `body` with each pair of the table: a character and its lookup form, then the
    /// characters with an alternative form (`isAlternative`).
    private static func forEachPair(_ body: (_ from: UInt32, _ to: UInt32, _ isAlternative: Bool) -> Void) {
        PinyinTableCode.withBytes(PinyinHanNormalizationTableData.pairs) { bytes in
            var pending: UInt32? = nil
            var afterBar = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "|") {
                    afterBar = true
                    i += 1
                    continue
                }
                if byte < 0x80 {
                    i += 1
                    continue
                }
                let (scalar, next) = PinyinTableCode.scalar(bytes, at: i)
                i = next
                if let from = pending {
                    body(from, scalar, afterBar)
                    pending = nil
                } else {
                    pending = scalar
                }
            }
        }
    }

    /// The simplified form used as the word-table key; the character itself when it has none.
    public static func simplified(_ scalar: UInt32) -> UInt32 {
        let maps = self.maps
        if flatRange.contains(scalar) {
            let form = maps.flat[Int(scalar &- flatRange.lowerBound)] & ~alternativeFlag
            return form == 0 ? scalar : form
        }
        return maps.simplified[scalar] ?? scalar
    }

    /// Calls `body` with each character that has a simplified form other than itself, and that
    /// form: a table of them costs one pass over the table's text, rather than a lookup per code
    /// point of the ideograph blocks or the hashed maps that word lookups build.
    public static func forEachSimplification(_ body: (_ character: UInt32, _ simplified: UInt32) -> Void) {
        forEachPair { from, to, isAlternative in
            if !isAlternative && to != from { body(from, to) }
        }
    }

    /// A second simplified form to try for characters such as 著 (着) and 乾 (干), or nil.
    public static func alternative(_ scalar: UInt32) -> UInt32? {
        let maps = self.maps
        if flatRange.contains(scalar) && maps.flat[Int(scalar &- flatRange.lowerBound)] & alternativeFlag == 0 {
            return nil
        }
        return maps.alternative[scalar]
    }
}
