/// Words whose writing system is decided by the word, not by its characters (see
/// `Scripts/generate-han-word-tables.py` for where they come from).
///
/// Decoded on first use into lookups keyed by one character, so a scan only looks at the words
/// that can stand at a character it meets.
public enum HanWordForms {
    /// A Simplified word spelled with characters both systems use, and its Traditional spelling
    /// (same length; equal where Traditional text writes the same character).
    public struct SimplifiedOnlyWord: Sendable {
        /// The Simplified spelling: 基于.
        public let simplified: [UInt32]
        /// The Traditional spelling: 基於.
        public let traditional: [UInt32]
    }

    /// For each character that differs between the spellings of some word, the words where it
    /// differs and its index in each: 于 → [(基于, 1), (用于, 1), …].
    public static let simplifiedOnlyByTrigger: [UInt32: [(word: SimplifiedOnlyWord, index: Int)]] = {
        var table: [UInt32: [(word: SimplifiedOnlyWord, index: Int)]] = [:]
        for line in HanWordFormData.simplifiedOnlyWords.split(separator: "\n") {
            let scalars = line.unicodeScalars.map(\.value)
            let half = scalars.count / 2
            let word = SimplifiedOnlyWord(simplified: Array(scalars[..<half]), traditional: Array(scalars[half...]))
            for index in 0..<half where word.simplified[index] != word.traditional[index] {
                table[word.simplified[index], default: []].append((word, index))
            }
        }
        return table
    }()

    /// For each character that Traditional words keep (若干 keeps 干), those words and the
    /// character's index in each.
    public static let traditionalKeepingByCharacter: [UInt32: [(word: [UInt32], index: Int)]] = {
        let triggers = simplifiedOnlyByTrigger
        var table: [UInt32: [(word: [UInt32], index: Int)]] = [:]
        for line in HanWordFormData.traditionalKeeping.split(separator: "\n") {
            let word = line.unicodeScalars.map(\.value)
            for (index, scalar) in word.enumerated() where triggers[scalar] != nil {
                table[scalar, default: []].append((word, index))
            }
        }
        return table
    }()

    /// Characters the variant tables call Simplified-only that Traditional text writes too
    /// (着: OpenCC's conversion to Traditional keeps it).
    public static let traditionalUsage: Set<UInt32> = Set(HanWordFormData.traditionalUsage.unicodeScalars.map(\.value))

    /// For each character the variant tables call Traditional-only, the Simplified words that
    /// contain it (哪吒 for 吒) and where; a single-character entry (阪) means the character is
    /// written in Simplified text on its own. A `ScalarMap`: the mixed-script rule asks about
    /// every Traditional character it finds, nearly all of them in no such word.
    package static let simplifiedUsageByCharacter: ScalarMap<[(word: [UInt32], index: Int)]> = {
        var table: [UInt32: [(word: [UInt32], index: Int)]] = [:]
        for line in HanWordFormData.simplifiedUsage.split(separator: "\n") {
            let word = line.unicodeScalars.map(\.value)
            for (index, scalar) in word.enumerated() { table[scalar, default: []].append((word, index)) }
        }
        return ScalarMap(table)
    }()
}
