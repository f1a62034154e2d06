import Testing

@testable import ChaffText

/// `CaselessByteSet` answers as a dictionary keyed by the lowercased bytes would, through
/// collisions of its slots and its growth.
@Suite struct CaselessByteSetTests {
    @Test func repeatsAnswerTheFirstValue() {
        var set = CaselessByteSet(capacity: 1)
        #expect(set.insert("Some say", value: 7) == nil)
        #expect(set.insert("some SAY", value: 8) == 7)
        #expect(set.insert("some say ", value: 9) == nil)
        #expect(set.insert("据悉", value: 10) == nil)
        #expect(set.insert([0xE6, 0x8D, 0xAE, 0xE6, 0x82, 0x89], value: 11) == 10)
        // Only ASCII letters fold: bytes of other characters compare as they are.
        #expect(set.insert("É", value: 12) == nil)
        #expect(set.insert("é", value: 13) == nil)
        #expect(set.insert("", value: 14) == nil)
        #expect(set.insert("", value: 15) == 14)
        #expect(set.count == 6)
    }

    @Test func agreesWithADictionaryOfLowercasedBytes() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var set = CaselessByteSet(capacity: 4)
        var reference: [[UInt8]: Int] = [:]
        // Short strings over a small alphabet, so that many repeat in either case.
        let alphabet: [UInt8] = [0x41, 0x61, 0x42, 0x62, 0x20, 0xE4]
        for n in 0..<5000 {
            let bytes = (0..<Int(next() % 5)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            let key = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            let expected = reference[key]
            if expected == nil { reference[key] = n }
            #expect(set.insert(bytes, value: n) == expected, "\(bytes)")
        }
        #expect(set.count == reference.count)
    }
}
