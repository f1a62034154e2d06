import ChaffData
import ChaffEngine
import ChaffText

/// Measures of one document that a corpus filter thresholds on, beside the findings: how long
/// it is, how much of its Han text is Traditional, and how densely its prose is glossed.
///
/// Han characters and glosses are counted in the prose scope (so code and comments count for
/// nothing, as for the rules); `characters` counts every Unicode scalar of the text, the unit
/// in which rates per 1,000 characters are given.
package struct DocumentSignals: Sendable, Equatable {
    /// Unicode scalars in the whole text.
    package var characters: Int
    /// Han characters in prose (Simplified-only, Traditional-only and shared).
    package var hanCharacters: Int
    /// Han characters in prose that only Simplified Chinese writes (`国`).
    package var simplifiedOnly: Int
    /// Han characters in prose that only Traditional Chinese writes (`國`).
    package var traditionalOnly: Int
    /// Han characters in prose under a parenthesised pinyin gloss (`角(jue)色` counts one);
    /// a repeated gloss (`著(zhu)(zhe)`) counts once, as for `gloss-interleaved`.
    package var glossedCharacters: Int

    /// A measure with every count given.
    package init(characters: Int, hanCharacters: Int, simplifiedOnly: Int, traditionalOnly: Int, glossedCharacters: Int) {
        self.characters = characters
        self.hanCharacters = hanCharacters
        self.simplifiedOnly = simplifiedOnly
        self.traditionalOnly = traditionalOnly
        self.glossedCharacters = glossedCharacters
    }

    /// The share of Traditional-only characters among the characters that tell the two
    /// systems apart (Simplified-only plus Traditional-only), 0…1; `nil` when there are none.
    /// Shared characters (的, 人) say nothing about the system, so they are left out: counting
    /// them would make the same mix look milder in a longer text.
    package var traditionalShare: Double? {
        let telling = simplifiedOnly + traditionalOnly
        return telling == 0 ? nil : Double(traditionalOnly) / Double(telling)
    }

    /// Glossed Han characters per Han character of prose, 0…1; `nil` without Han characters.
    package var glossDensity: Double? {
        hanCharacters == 0 ? nil : Double(glossedCharacters) / Double(hanCharacters)
    }

    /// The signals of `document` (whose prose scope must have been built, as every linter's is).
    package static func measure(_ document: Document) -> DocumentSignals {
        let source = document.source
        let prose = document.bytes(for: .prose)
        var signals = DocumentSignals(
            characters: scalarCount(source), hanCharacters: 0, simplifiedOnly: 0, traditionalOnly: 0, glossedCharacters: 0)
        countHan(prose, into: &signals)
        if signals.hanCharacters > 0 {
            for gloss in GlossParser.glosses(in: prose) where gloss.repeatedSyllables == nil {
                signals.glossedCharacters += gloss.base.count
            }
        }
        return signals
    }

    /// Unicode scalars in valid UTF-8 `bytes`: every byte that is not a continuation byte
    /// (`10xxxxxx`), counted eight bytes at a time.
    static func scalarCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { text in
            var continuation = 0
            var i = 0
            if let base = text.baseAddress {
                while i + 8 <= text.count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    // Bit 7 of a byte set and its bit 6 clear: bit 6 shifted left lands on bit 7.
                    continuation += ByteWords.highBitCount(word & ~(word << 1) & 0x8080_8080_8080_8080)
                    i += 8
                }
            }
            while i < text.count {
                if text[i] & 0xC0 == 0x80 { continuation += 1 }
                i += 1
            }
            return text.count - continuation
        }
    }

    private static func countHan(_ bytes: [UInt8], into signals: inout DocumentSignals) {
        bytes.withUnsafeBufferPointer { text in
            let classes = HanScriptCharacterClasses.table
            var index = 0
            let end = text.count
            while true {
                index = ASCIISkip.nextNonASCII(text, from: index, end: end)
                guard index < end else { break }
                let (scalar, length) = UTF8ScalarDecoding.scalar(in: text, at: index, end: end)
                let characterClass = HanScriptCharacterClasses.characterClass(classes, scalar)
                if characterClass != HanForm.notHan.rawValue && characterClass <= HanForm.traditionalOnly.rawValue {
                    signals.hanCharacters += 1
                    if characterClass == HanForm.simplifiedOnly.rawValue { signals.simplifiedOnly += 1 }
                    if characterClass == HanForm.traditionalOnly.rawValue { signals.traditionalOnly += 1 }
                }
                index += length
            }
        }
    }
}
