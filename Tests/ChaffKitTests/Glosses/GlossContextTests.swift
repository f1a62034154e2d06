import ChaffData
import Testing

@testable import ChaffKinds

/// Each parenthesised gloss's context (kept in stretches that neighbouring glosses share) is
/// what reading around that gloss alone gives: up to `GlossParser.contextRadius` Han
/// characters on either side of its base, every gloss stepped over, up to the first other
/// character; and a digit right before the run is noticed only when the left side ends there.
@Suite struct GlossContextTests {
    /// The context of `gloss` read on its own, stepping over `glosses`.
    static func contextAlone(
        of gloss: Gloss, glosses: [Gloss], in bytes: [UInt8]
    ) -> (context: [GlossCharacter], basePosition: Int, digitBefore: Bool) {
        let radius = GlossParser.contextRadius
        var left: [GlossCharacter] = []
        var digitBefore = false
        var position = gloss.base[0].range.lowerBound
        while left.count < radius {
            if let skipped = glosses.first(where: { $0.glossRange.upperBound == position }) {
                position = skipped.glossRange.lowerBound
                continue
            }
            guard position > 0, let (scalar, start) = GlossUTF8.decode(bytes, endingAt: position) else { break }
            guard GlossUTF8.isHan(scalar) else {
                digitBefore = (0x30...0x39).contains(scalar) || (0xFF10...0xFF19).contains(scalar)
                break
            }
            left.insert(GlossCharacter(scalar: scalar, range: start..<position), at: 0)
            position = start
        }
        var right: [GlossCharacter] = []
        position = gloss.base[gloss.base.count - 1].range.upperBound
        while right.count < radius {
            if let skipped = glosses.first(where: { $0.glossRange.lowerBound == position }) {
                position = skipped.glossRange.upperBound
                continue
            }
            guard position < bytes.count, let (scalar, length) = GlossUTF8.decode(bytes, at: position), GlossUTF8.isHan(scalar)
            else { break }
            right.append(GlossCharacter(scalar: scalar, range: position..<(position + length)))
            position += length
        }
        return (left + Array(gloss.base) + right, left.count, digitBefore)
    }

    static func expectContextsAlone(_ text: String) {
        let bytes = Array(text.utf8)
        let glosses = GlossParser.glosses(in: bytes)
        for (n, gloss) in glosses.enumerated() {
            let alone = contextAlone(of: gloss, glosses: glosses, in: bytes)
            #expect(Array(gloss.context) == alone.context, "gloss \(n) of \(text)")
            #expect(gloss.basePosition == alone.basePosition, "gloss \(n) of \(text)")
            #expect(gloss.digitBefore == alone.digitBefore, "gloss \(n) of \(text)")
        }
    }

    @Test func writtenCases() {
        for text in [
            "据不完(wan)全统计(ji)，银行(hang)的角(jiao)色在大(da)厅里长(zhang)大(da)了。",
            "著(zhu)(zhe)名的学(xue)者说了(le)很多话(hua)",
            "第150幢(zhuang)楼，３号楼(lou)，共十二层楼房的最高层(ceng)",
            "中华人民共和国国务院办公厅发(fa)布的通知",
            "银行(yin hang)行长(hang zhang)在大厅（tīng）里",
            "(a)角(jiao)色(se)色(se)色(se)色(se)色(se)色(se)色(se)色(se)色(se)",
        ] {
            Self.expectContextsAlone(text)
        }
    }

    /// Random runs of Han characters, digits and punctuation, glossed densely and sparsely.
    @Test(arguments: [2, 3, 5, 9, 20])
    func randomTextsReadAsAlone(glossOneIn: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(glossOneIn)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let han = Array("的一是了不在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
        let other = Array("，。、 1２a(")
        let readings = ["de", "yi", "shi", "le", "bu", "zai", "you", "ren", "zhe", "zhong", "da", "wei", "shang", "ge"]
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<(40 + next(80)) {
                if next(8) == 0 {
                    text.append(other[next(other.count)])
                    continue
                }
                text.append(han[next(han.count)])
                if next(glossOneIn) == 0 {
                    text += "(" + readings[next(readings.count)] + ")"
                    if next(6) == 0 { text += "(" + readings[next(readings.count)] + ")" }
                }
            }
            Self.expectContextsAlone(text)
        }
    }
}
