import Testing

@testable import ChaffEngine

/// `BareURLMasking.ranges` stops only at `:`, `@` and `ww`; these tests hold it to the rule it
/// implements, a test of every byte as a possible start (`reference` below), on texts built
/// to put those stops in every position of an eight-byte word and beside one another.
@Suite struct BareURLScanTests {
    /// The rule as first written: every byte after the end of the range before is a possible
    /// start, in order.
    static func reference(_ text: UnsafeBufferPointer<UInt8>) -> (ranges: [Range<Int>], urls: [Range<Int>]) {
        var found: [Range<Int>] = []
        var urls: [Range<Int>] = []
        var i = 0
        let end = text.count
        while i < end {
            let folded = text[i] | 0x20
            let next = i + 1 < end ? text[i + 1] | 0x20 : 0
            if (folded == 0x68 && next == 0x74) || (folded == 0x66 && next == 0x74) || (folded == 0x77 && next == 0x77),
                i == 0 || !MarkupBytes.isAlnum(text[i - 1]), let urlEnd = BareURLMasking.url(at: i, in: text, end: end)
            {
                found.append(i..<urlEnd)
                urls.append(i..<urlEnd)
                i = urlEnd
                continue
            }
            if text[i] == 0x40, let range = BareURLMasking.email(around: i, in: text, end: end) {
                found.append(max(range.lowerBound, found.last?.upperBound ?? 0)..<range.upperBound)
                i = range.upperBound
                continue
            }
            i += 1
        }
        return (found, urls)
    }

    static func scan(_ text: String) -> (ranges: [Range<Int>], urls: [Range<Int>]) {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var references: [MarkupReference] = []
            let ranges = BareURLMasking.ranges(in: buffer, urls: &references)
            return (ranges, references.map(\.range))
        }
    }

    static func referenceScan(_ text: String) -> (ranges: [Range<Int>], urls: [Range<Int>]) {
        Array(text.utf8).withUnsafeBufferPointer { reference($0) }
    }

    @Test func findsWhatATestOfEveryByteFinds() {
        let cases = [
            "night light with http://example.com/a and www.example.org, mail me@example.com.",
            "xhttp://example.com www.a.b wwww.example.com Www.Example.com HTTPS://A.B/c?d=e:f",
            "http://a.b:8080/x@y https://u@h.example ftp://f.example/g https:// www.",
            "a@b.c a@b @x.y user.www.example@host.com foo@http://x.y: ::: @@ ww w",
            "见https://example.com。然后www.例子.com或者邮件ab@例子.com，时间10:30，https://пример.рф/путь",
            "12345678http://x.y/1234567:https://z.w/ 1234567www.q.r 123456ww.x a:http://b.c",
            "(see http://example.com/a_(b)) [www.example.com/c]. <https://example.com/{{slug}}>",
            // An address whose domain ends where a scheme's `:` follows: no URL starts inside it.
            "me@x.http://y.example me@x.www.y", "a@b.https://c.d",
            "ww", "w", ":", "@", "http://", "a@", "ab@cd.ef", "www.x", "http://x",
        ]
        for text in cases {
            #expect(Self.scan(text) == Self.referenceScan(text), "\(text)")
        }
    }

    /// Every placement of the stops inside and across eight-byte words: each fragment after
    /// 0–15 bytes of filler, twice in one text, with filler of each kind.
    @Test func stopsAtEveryOffsetOfAWord() {
        let fragments = [
            "http://a.example/b", "https://c.example", "ftp://d.example", "www.e.example", "WWW.F.EXAMPLE",
            "me@g.example", "x:y", "w", "ww", "aw", "wa@b.cd", "ht:tp", "h@t", "a@b.c@d.e",
        ]
        let fillers = ["a", " ", "中", ".", "w", "/"]
        var compared = 0
        for fragment in fragments {
            for filler in fillers {
                for before in 0..<16 {
                    for between in [0, 1, 7] {
                        let lead = String(repeating: filler, count: before)
                        let text = lead + fragment + String(repeating: filler, count: between) + fragment + lead
                        #expect(Self.scan(text) == Self.referenceScan(text), "\(text)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 14 * 6 * 16 * 3)
    }

    @Test func reportsRangesOfURLsAndAddresses() {
        let text = "night with http://example.com and me@example.com or www.a.org:"
        let result = Self.scan(text)
        #expect(result.ranges == [11..<29, 34..<48, 52..<61])
        #expect(result.urls == [11..<29, 52..<61])
    }
}
