import ChaffData
import ChaffText

/// Finds pinyin glosses written as HTML ruby: `<ruby>角<rt>jué</rt>色<rt>sè</rt></ruby>` and
/// `<ruby>角色<rt>jué sè</rt></ruby>`.
///
/// Each `<rt>` annotates the base text since the previous `</rt>` (or `<ruby>`). It is a gloss
/// when that base is only Han characters and the `<rt>` text is lowercase pinyin
/// (`PinyinGlossText`) that splits into exactly one syllable per base character. `<rp>` elements
/// (fallback parentheses) are skipped; other tags inside the ruby (`<rb>`, `<rtc>`, `<span>`) are
/// transparent. Tag names are matched without regard to case. A second `<rt>` with no base
/// between (`著<rt>zhù</rt><rt>zhe</rt>`) is a repeated gloss on the same characters.
package enum RubyGlossParser: GlossReader {
    /// All ruby glosses in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    package static func glosses(in bytes: UnsafeBufferPointer<UInt8>) -> [Gloss] {
        var result: [Gloss] = []
        var i = 0
        while let open = ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: i) {
            guard let tag = Tag.read(bytes, at: open), tag.name == "ruby", !tag.closing else {
                i = open + 1
                continue
            }
            i = ruby(bytes, start: open, contentStart: tag.end, into: &result)
        }
        return result
    }

    /// Parses one ruby element whose start tag spans `start..<contentStart`; returns the offset
    /// after it.
    private static func ruby(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, contentStart: Int, into result: inout [Gloss]
    ) -> Int {
        var element = RubyElement()
        var rubyEnd = bytes.count
        var i = contentStart
        scan: while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), let tag = Tag.read(bytes, at: i) {
                switch (tag.name, tag.closing) {
                case ("ruby", true):
                    rubyEnd = tag.end
                    i = tag.end
                    break scan
                case ("rp", false):
                    i = Tag.skipElement(bytes, from: tag.end, name: "rp")
                case ("rt", false):
                    i = element.annotation(bytes, start: i, textStart: tag.end)
                default:
                    i = tag.end  // <rb>, <rtc>, </rb>, inline markup: transparent
                }
                continue
            }
            i = element.baseCharacter(bytes, at: i)
        }
        element.glosses(bytes, rubyStart: start, rubyEnd: rubyEnd, into: &result)
        return max(i, contentStart)
    }

    /// What one ruby element has read so far: the glosses found, and the base text since the
    /// last `<rt>`, which the next `<rt>` annotates.
    private struct RubyElement {
        struct Pending {
            var base: [GlossCharacter]
            var syllables: [PinyinSyllable]
            var glossRange: Range<Int>
            var textRange: Range<Int>
            var repeated: [PinyinSyllable]?
        }
        var pending: [Pending] = []
        var segment: [GlossCharacter] = []
        var segmentIsHan = true
        // The last gloss's base and reading, for a second `<rt>` with no base between.
        var lastBase: [GlossCharacter] = []
        var lastSyllables: [PinyinSyllable] = []

        /// Reads the character of base text at `i`; returns the offset after it.
        mutating func baseCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
            guard let (scalar, length) = GlossUTF8.decode(bytes, at: i) else {
                segmentIsHan = false
                return i + 1
            }
            if GlossUTF8.isHan(scalar) {
                segment.append(GlossCharacter(scalar: scalar, range: i..<(i + length)))
            } else if !(scalar == 0x20 || scalar == 0x0A || scalar == 0x09 || scalar == 0x0D) {
                segmentIsHan = false
            }
            return i + length
        }

        /// Reads the `<rt>` element that starts at `start` (its text at `textStart`) as a gloss
        /// on the base read since the last one; returns the offset after the element.
        mutating func annotation(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, textStart: Int) -> Int {
            var textEnd = textStart
            while textEnd < bytes.count && bytes[textEnd] != UInt8(ascii: "<") { textEnd += 1 }
            var elementEnd = textEnd
            if let close = Tag.read(bytes, at: textEnd), close.name == "rt", close.closing {
                elementEnd = close.end
            }
            let text = UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd])
            var base = segment
            var repeated: [PinyinSyllable]? = nil
            if segment.isEmpty && segmentIsHan && !lastBase.isEmpty {
                base = lastBase
                repeated = lastSyllables
            }
            if segmentIsHan, !base.isEmpty,
                let syllables = GlossSegmentationChoice.choose(
                    PinyinGlossText.segmentations(text), run: base, exactCount: true)
            {
                pending.append(
                    Pending(
                        base: base, syllables: syllables, glossRange: start..<elementEnd,
                        textRange: textStart..<textEnd, repeated: repeated))
                lastBase = base
                lastSyllables = syllables
            } else {
                lastBase = []
            }
            segment = []
            segmentIsHan = true
            return elementEnd
        }

        /// Appends the element's glosses to `result`, each with its context: every base
        /// character of this ruby, plus plain Han text touching it outside.
        func glosses(_ bytes: UnsafeBufferPointer<UInt8>, rubyStart: Int, rubyEnd: Int, into result: inout [Gloss]) {
            let allBase = pending.reduce(into: [GlossCharacter]()) { all, gloss in
                if gloss.repeated == nil { all += gloss.base }
            }
            for gloss in pending {
                var context = allBase
                var position = allBase.firstIndex(of: gloss.base[0]) ?? 0
                let before = GlossParser.hanRun(bytes, endingAt: rubyStart).suffix(GlossParser.contextRadius)
                var after: [GlossCharacter] = []
                var j = rubyEnd
                while after.count < GlossParser.contextRadius, j < bytes.count,
                    let (scalar, length) = GlossUTF8.decode(bytes, at: j), GlossUTF8.isHan(scalar)
                {
                    after.append(GlossCharacter(scalar: scalar, range: j..<(j + length)))
                    j += length
                }
                context = Array(before) + context + after
                position += before.count
                result.append(
                    Gloss(
                        form: .ruby, base: gloss.base, syllables: gloss.syllables,
                        glossRange: gloss.glossRange, textRange: gloss.textRange,
                        hasTones: gloss.syllables.contains { $0.tone != 0 },
                        repeatedSyllables: gloss.repeated, context: context, basePosition: position))
            }
        }
    }

    /// An HTML tag: lowercased name, whether it closes, and the offset after its `>`.
    struct Tag {
        var name: String
        var closing: Bool
        var end: Int

        /// Reads the tag starting with `<` at `i`; nil when it is not a tag.
        static func read(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Tag? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { return nil }
            var j = i + 1
            var closing = false
            if j < bytes.count && bytes[j] == UInt8(ascii: "/") {
                closing = true
                j += 1
            }
            var name: [UInt8] = []
            while j < bytes.count, name.count < 16 {
                var byte = bytes[j]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { break }
                name.append(byte)
                j += 1
            }
            guard !name.isEmpty else { return nil }
            while j < bytes.count && bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == UInt8(ascii: "<") { return nil }
                j += 1
            }
            guard j < bytes.count else { return nil }
            return Tag(name: String(decoding: name, as: UTF8.self), closing: closing, end: j + 1)
        }

        /// The offset after the closing tag `name` that follows `from`, or after the element's
        /// text when the closing tag is missing.
        static func skipElement(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, name: String) -> Int {
            var j = from
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "<"), let tag = read(bytes, at: j) {
                    return tag.name == name && tag.closing ? tag.end : j
                }
                j += 1
            }
            return j
        }
    }
}
