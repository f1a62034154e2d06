import ChaffData
import Testing

@Suite struct WordCharactersTests {
    @Test func lettersMarksDigits() {
        for scalar: UInt32 in [
            0x61, 0x5A, 0x30, 0x39, 0xE9, 0x0430, 0x4E2D, 0x3042, 0x30FC,
            0x0301, 0x0660, 0xD55C, 0x20BB7, 0x3005,
        ] {
            #expect(WordCharacters.isWordCharacter(scalar), "U+\(String(scalar, radix: 16))")
        }
        for scalar: UInt32 in [
            0x20, 0x2D, 0x5F, 0x27, 0x40, 0x2E, 0x3002, 0xFF0C, 0x1F600,
            0x2160, 0x00B2, 0x200D, 0x200C, 0x0378, 0x00A0, 0x3000,
        ] {
            #expect(!WordCharacters.isWordCharacter(scalar), "U+\(String(scalar, radix: 16))")
        }
        #expect(WordCharacters.isJoiner(0x200D) && WordCharacters.isJoiner(0x200C))
        #expect(!WordCharacters.isJoiner(0x200B))
    }

    @Test func asciiFastPathIsExact() {
        for scalar: UInt32 in 0..<0x80 {
            let expected =
                (0x30...0x39).contains(scalar) || (0x41...0x5A).contains(scalar)
                || (0x61...0x7A).contains(scalar)
            #expect(WordCharacters.isWordCharacter(scalar) == expected)
        }
    }
}
