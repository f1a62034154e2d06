import Testing

@testable import ChaffText

@Suite struct UTF8DecodingTests {
    /// The encoding rule steps over three-byte characters without decoding them; every triple
    /// with a lead byte E0–EF must be judged as decoding judges it.
    @Test func plainThreeByteShortcutAgreesWithDecoding() {
        var disagreements: [String] = []
        var bytes: [UInt8] = [0, 0, 0]
        for lead in 0xE0...0xEF {
            for b1 in 0...255 {
                for b2 in 0...255 {
                    bytes[0] = UInt8(lead)
                    bytes[1] = UInt8(b1)
                    bytes[2] = UInt8(b2)
                    let (fast, decoded) = bytes.withUnsafeBufferPointer {
                        (UTF8Decoding.isPlainThreeByteCharacter($0, at: 0), UTF8Decoding.decode($0, at: 0))
                    }
                    let expected = decoded.length == 3 && decoded.scalar != 0xFFFD
                    // The shortcut may decline a well-formed character (E0, ED leads): decoding
                    // then handles it. It must never accept anything else.
                    if fast && !expected || (!fast && expected && lead != 0xE0 && lead != 0xED) {
                        disagreements.append(String(format: "%02X %02X %02X", lead, b1, b2))
                    }
                }
            }
        }
        #expect(disagreements.isEmpty)
        #expect([UInt8]([0xE4, 0xB8]).withUnsafeBufferPointer { UTF8Decoding.isPlainThreeByteCharacter($0, at: 0) } == false)
    }
}

/// `UTF8Decoding.firstInvalidOffset`, which every file, rule file and stream record goes
/// through, tests runs of three-byte characters eight at a time (`ThreeByteBlock`); it must
/// find the byte the standard library's decoder finds.
@Suite struct FirstInvalidUTF8Tests {
    /// The offset of the first byte that does not begin a valid scalar, by the standard
    /// library's decoder.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Runs of Chinese characters long and short, each followed by every kind of three-byte
    /// sequence the block test must hand to the full decoder (E0 and ED leads, valid and not,
    /// a bad continuation, a truncation) at every position in a block of eight.
    @Test func findsTheBadByteTheStandardDecoderFinds() {
        let han = Array("中文字符".utf8)  // E4 B8 AD, E6 96 87, E5 AD 97, E7 AC A6
        let tails: [[UInt8]] = [
            [0xE0, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
            [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0x80], [0xE4, 0xB8], [0xE1], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xC0, 0x80], [0x80], [0x41],
        ]
        for leading in 0..<20 {
            for tail in tails {
                for trailing in [0, 1, 9] {
                    var bytes: [UInt8] = Array("ab".utf8)
                    for k in 0..<leading { bytes += han[(k % 4) * 3..<(k % 4) * 3 + 3] }
                    bytes += tail
                    for k in 0..<trailing { bytes += han[(k % 4) * 3..<(k % 4) * 3 + 3] }
                    #expect(UTF8Decoding.firstInvalidOffset(bytes) == Self.reference(bytes), "\(leading) \(tail) \(trailing)")
                }
            }
        }
    }

    /// A large text is checked in parts on several threads, cut before a byte that is not a
    /// continuation byte: a character at a cut, whole, cut short or with a continuation byte
    /// too many, is judged as the single pass judges it.
    @Test func partsOnThreadsJudgeAsOnePass() {
        let unit = Array("中文 text 𠀀é ".utf8)
        var base: [UInt8] = []
        while base.count < 3_000 { base += unit }
        #expect(UTF8Decoding.isValid(base, workers: 2, partBytes: 1_000) && UTF8Decoding.isValid(base, workers: 3, partBytes: 1_000))
        var checked = 0
        for workers in [2, 3] {
            for cut in (1..<workers).map({ base.count / workers * $0 }) {
                for offset in -5...5 {
                    for insert: [UInt8] in [[0xE4, 0xB8], [0x80], [0xF0, 0xA0, 0x80], [0xE4, 0xB8, 0xAD, 0x80], [0xC3, 0xA9]] {
                        var bytes = base
                        bytes.replaceSubrange((cut + offset)..<(cut + offset + insert.count), with: insert)
                        let single = UTF8Decoding.firstInvalidOffset(bytes) == nil
                        let parts = UTF8Decoding.isValid(bytes, workers: workers, partBytes: 1_000)
                        #expect(parts == single, "\(insert) at \(cut)\(offset)")
                        if !single { checked += 1 }
                    }
                }
            }
        }
        #expect(checked > 100)
    }
}
