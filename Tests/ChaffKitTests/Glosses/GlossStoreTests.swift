import ChaffData
import Testing

@testable import ChaffKinds

/// A document's glosses as offsets into one store: each reads the same characters and
/// syllables as a gloss made from arrays of its own.
@Suite struct GlossStoreTests {
    static func characters(_ text: String, from offset: Int) -> [GlossCharacter] {
        var start = offset
        return text.unicodeScalars.map { scalar in
            defer { start += String(scalar).utf8.count }
            return GlossCharacter(scalar: scalar.value, range: start..<(start + String(scalar).utf8.count))
        }
    }

    @Test func parsedGlossesEqualGlossesMadeFromArrays() {
        // 角(jiao)色(se)著(zhu)(zhe): two neighbours read through each other, and a repeat.
        let glosses = GlossParser.glosses(in: "角(jiao)色(se)著(zhu)(zhe)")
        let jiao = PinyinSyllable("jiao")!
        let se = PinyinSyllable("se")!
        let zhu = PinyinSyllable("zhu")!
        let zhe = PinyinSyllable("zhe")!
        let jue = GlossCharacter(scalar: 0x89D2, range: 0..<3)
        let colour = GlossCharacter(scalar: 0x8272, range: 9..<12)
        let zhuCharacter = GlossCharacter(scalar: 0x8457, range: 16..<19)
        let context = [jue, colour, zhuCharacter]
        let expected = [
            Gloss(
                form: .parenthesized, base: [jue], syllables: [jiao], glossRange: 3..<9, textRange: 4..<8,
                hasTones: false, repeatedSyllables: nil, context: context, basePosition: 0),
            Gloss(
                form: .parenthesized, base: [colour], syllables: [se], glossRange: 12..<16, textRange: 13..<15,
                hasTones: false, repeatedSyllables: nil, context: context, basePosition: 1),
            Gloss(
                form: .parenthesized, base: [zhuCharacter], syllables: [zhu], glossRange: 19..<24,
                textRange: 20..<23, hasTones: false, repeatedSyllables: nil, context: context, basePosition: 2),
            Gloss(
                form: .parenthesized, base: [zhuCharacter], syllables: [zhe], glossRange: 24..<29,
                textRange: 25..<28, hasTones: false, repeatedSyllables: [zhu], context: context, basePosition: 2),
        ]
        #expect(glosses == expected)
        #expect(Set(glosses) == Set(expected))
        #expect(glosses.map { Array($0.context[$0.basePosition...].prefix($0.base.count)) } == glosses.map { Array($0.base) })
    }

    @Test func elementsAreARunOfTheirStorageFromZero() {
        let characters = Self.characters("一二三四五", from: 10)
        let elements = GlossElements(characters, offset: 1, count: 3)
        #expect(elements.count == 3)
        #expect(Array(elements) == Array(characters[1..<4]))
        #expect(elements[0] == characters[1])
        #expect(elements[2] == characters[3])
        #expect(elements.indices == 0..<3)
        #expect(elements.withUnsafeBufferPointer { Array($0) } == Array(characters[1..<4]))
        #expect(elements == GlossElements(Array(characters[1..<4]), offset: 0, count: 3))
        #expect(elements != GlossElements(characters, offset: 2, count: 3))
        #expect(GlossElements(characters, offset: 5, count: 0).isEmpty)
    }
}
