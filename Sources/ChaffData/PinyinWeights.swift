/// Weights of split units (words and single characters) from corpus counts: 4 ln(count + 1)
/// of jieba's dictionary counts (see PROVENANCE.md). Summed over a split they are the
/// log-probability of a unigram model up to a constant, so that of two splits into as many
/// units the likelier one weighs more (不|了解 against 不了|解).
public enum PinyinWeights {
    /// The weight of a unit the corpus does not count (as a count of 2, its lowest).
    public static let unknown: Int32 = 4

    private static var flatRange: Range<UInt32> { PinyinTableCode.flatRange }

    /// The weight of a character as a word of its own (Traditional forms weigh as their
    /// simplified form), `unknown` when the corpus does not count it.
    public static func character(_ scalar: UInt32) -> Int32 {
        let key = PinyinHanNormalization.simplified(scalar)
        let weight: UInt8
        if flatRange.contains(key) {
            weight = PinyinWeightTableData.flat[Int(key - flatRange.lowerBound)]
        } else {
            // The generated arrays, read where they are: a weight per code point of the common
            // blocks, and the few characters beyond sorted.
            let others = PinyinWeightTableData.otherScalars
            var low = 0
            var high = others.count
            while low < high {
                let middle = (low + high) >> 1
                if others[middle] < key { low = middle + 1 } else { high = middle }
            }
            weight = low < others.count && others[low] == key ? PinyinWeightTableData.otherWeights[low] : 0
        }
        return weight == 0 ? unknown : Int32(weight)
    }
}
