/// Weights of split units (words and single characters) from corpus counts: 4 ln(count + 1)
/// of jieba's dictionary counts (see PROVENANCE.md). Summed over a split they are the
/// log-probability of a unigram model up to a constant, so that of two splits into as many
/// units the likelier one weighs more (不|了解 against 不了|解).
public enum PinyinWeights {
    /// The weight of a unit the corpus does not count (as a count of 2, its lowest).
    public static let unknown: Int32 = 4

    /// Weight per code point of the common ideograph blocks (`flatRange`), 0 where the corpus
    /// does not count the character; the rare others in `others`.
    private struct Table: Sendable {
        var flat = [UInt8](repeating: 0, count: PinyinWeights.flatRange.count)
        var others: [UInt32: UInt8] = [:]
    }

    private static var flatRange: Range<UInt32> { PinyinTableCode.flatRange }

    /// Decoded on first use (a split is weighed only where two splits tie).
    private static let table: Table = PinyinTableCode.withBytes(PinyinWeightTableData.records) { bytes in
        var table = Table()
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x80 else {
                i += 1
                continue
            }
            let (scalar, next) = PinyinTableCode.scalar(bytes, at: i)
            let weight = UInt8(PinyinTableCode.digit(bytes[next]))
            if flatRange.contains(scalar) {
                table.flat[Int(scalar - flatRange.lowerBound)] = weight
            } else {
                table.others[scalar] = weight
            }
            i = next + 1
        }
        return table
    }

    /// The weight of a character as a word of its own (Traditional forms weigh as their
    /// simplified form), `unknown` when the corpus does not count it.
    public static func character(_ scalar: UInt32) -> Int32 {
        let key = PinyinHanNormalization.simplified(scalar)
        let table = self.table
        let weight = flatRange.contains(key) ? table.flat[Int(key - flatRange.lowerBound)] : table.others[key] ?? 0
        return weight == 0 ? unknown : Int32(weight)
    }
}
