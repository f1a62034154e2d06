import ChaffData
import Testing

/// Small code point sets and maps behind a filter: the same answers as the hashed set and
/// dictionary they hold, for members and for every other code point of the common planes.
@Suite struct ScalarSetTests {
    static let members: [UInt32] = Array("〇零一二三四五六七八九十百千万亿两几数每这那哪此该某各半双".unicodeScalars.map(\.value)) + [0x41, 0x2_0000]

    @Test func setAnswersAsItsMembers() {
        let set = ScalarSet(Self.members)
        let plain = Set(Self.members)
        var filteredOut = 0
        for scalar in UInt32(0)..<0x3_0000 {
            #expect(set.contains(scalar) == plain.contains(scalar), "U+\(String(scalar, radix: 16))")
            if !ScalarFilter(Self.members).mayContain(scalar) { filteredOut += 1 }
        }
        // The filter must rule out most non-members, or it only adds a test before the hash.
        #expect(filteredOut > 0x3_0000 * 8 / 10)
        #expect(ScalarSet(scalarsOf: "大小") == [0x5927, 0x5C0F])
        #expect(!ScalarSet([]).contains(0))
    }

    @Test func mapAnswersAsItsDictionary() {
        var entries: [UInt32: Int] = [:]
        for (n, scalar) in Self.members.enumerated() { entries[scalar] = n }
        let map = ScalarMap(entries)
        for scalar in UInt32(0)..<0x3_0000 where map[scalar] != entries[scalar] {
            Issue.record("U+\(String(scalar, radix: 16)): \(String(describing: map[scalar])) != \(String(describing: entries[scalar]))")
        }
        #expect(map[0x4E00] == entries[0x4E00] && map[0x4E00] != nil)
        #expect(map[0x4E01] == nil)
    }
}
